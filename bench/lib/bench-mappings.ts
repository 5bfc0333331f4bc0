// Mappings for the benchmarks, built from the shipped mappings/*.yaml so the real rule templates,
// topology and source field maps are exercised. Only what a benchmark needs is kept (no SNMP or MQTT
// listeners binding ports).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { z } from 'zod';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const SourcesFile = z.object({ sources: z.record(z.string(), z.unknown()) });

function shipped(file: string): unknown {
  return YAML.parse(fs.readFileSync(path.join(REPO, 'mappings', file), 'utf8'));
}

/** The shipped sources named `names`, exactly as written in mappings/00-sources.yaml. */
function shippedSources(names: string[]): Record<string, unknown> {
  const all = SourcesFile.parse(shipped('00-sources.yaml')).sources;
  return Object.fromEntries(
    names.map((n) => {
      if (!(n in all)) throw new Error(`mappings/00-sources.yaml has no source "${n}"`);
      return [n, all[n]];
    }),
  );
}

function write(dir: string, files: Record<string, unknown>): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(path.join(REPO, 'mappings/10-topology.yaml'), path.join(dir, '10-topology.yaml'));
  for (const [file, doc] of Object.entries(files))
    fs.writeFileSync(path.join(dir, file), YAML.stringify(doc));
}

/**
 * Ingest and latency: the shipped `alertmanager` source and mappings/40-gpu.yaml exactly as shipped
 * (gpu-xid-error: one event per GPU, no hold-down, a close check on provider `prometheus`).
 */
export function writeIngestMappings(dir: string): void {
  write(dir, { '00-sources.yaml': { sources: shippedSources(['alertmanager']) } });
  fs.copyFileSync(path.join(REPO, 'mappings/40-gpu.yaml'), path.join(dir, '40-gpu.yaml'));
}

/**
 * Closure checks: the shipped `alertmanager` source and a GPU rule with four close checks on one GPU
 * (temperature, memory temperature, thermal/power-brake clock reasons, XID), one event per GPU.
 */
export function writeClosureMappings(dir: string): void {
  const gpu = (labels: string) => `Hostname="{{labels.Hostname}}",gpu="{{labels.gpu}}"${labels}`;
  const common = { provider: 'prometheus', stabilize: '10m', max_age: '2m', min_samples: 5 };
  write(dir, {
    '00-sources.yaml': { sources: shippedSources(['alertmanager']) },
    '40-gpu.yaml': {
      rules: [
        {
          name: 'gpu-bench',
          description: 'GPU fault with four close checks (benchmark rule)',
          match: { source: 'alertmanager', fields: { 'labels.gpu': { exists: true } } },
          incident: {
            short_description: 'GPU {{labels.gpu}} on {{labels.Hostname}}: {{alarm.text}}',
            category: 'hardware',
          },
          correlation: { key: '{{topology.site}}/gpu/{{labels.Hostname}}/gpu{{labels.gpu}}' },
          close_checks: [
            {
              ...common,
              name: 'gpu-temperature',
              query: `DCGM_FI_DEV_GPU_TEMP{${gpu('')}}`,
              label: 'GPU {{labels.gpu}} on {{labels.Hostname}} temperature',
              unit: '°C',
              expect: { max: 80 },
            },
            {
              ...common,
              name: 'memory-temperature',
              query: `DCGM_FI_DEV_MEMORY_TEMP{${gpu('')}}`,
              label: 'GPU {{labels.gpu}} on {{labels.Hostname}} memory temperature',
              unit: '°C',
              expect: { max: 95 },
            },
            {
              ...common,
              name: 'clocks-not-thermally-limited',
              query: `DCGM_FI_DEV_CLOCKS_EVENT_REASONS{${gpu('')}}`,
              label: 'GPU {{labels.gpu}} clock event reasons',
              expect: { bits_clear: [3, 5, 6, 7] },
            },
            {
              ...common,
              name: 'no-new-xid',
              query: `DCGM_FI_DEV_XID_ERRORS{${gpu('')}}`,
              label: 'GPU {{labels.gpu}} on {{labels.Hostname}} last XID',
              expect: { no_increase: true },
              min_samples: 1,
            },
          ],
          options: { auto_resolve: false, hold_down: 0 },
        },
      ],
    },
  });
}

const NoiseSchema = z.object({ noise: z.record(z.string(), z.unknown()) });

/** The `noise:` section of the shipped closeloop.yaml (note economy, flapping, storm control). */
export function shippedNoise(): Record<string, unknown> {
  return NoiseSchema.parse(YAML.parse(fs.readFileSync(path.join(REPO, 'closeloop.yaml'), 'utf8'))).noise;
}
