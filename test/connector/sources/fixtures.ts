// Test inputs for the source decoders: the shipped mappings' source configs and captured payloads.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { SourceSchema, type SourceConfig } from '../../../connector/src/mapping/schema.js';
import { SHARED_DIR } from '../../support/shared-dir.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
// shared/ sits beside the repository (the workplace and CI lay it out so; a worktree finds it further up).
export const REDFISH_FIXTURES = join(SHARED_DIR, 'fixtures', 'redfish');

export function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8')) as unknown;
}

/** A fixture from test/fixtures/alarms/. */
export function alarmFixture(name: string): unknown {
  return readJson(join(ROOT, 'test/fixtures/alarms', name));
}

/** Source `name` as configured in the shipped mappings/00-sources.yaml, parsed by the real schema. */
export function shippedSource<K extends SourceConfig['kind']>(
  name: string,
  kind: K,
): Extract<SourceConfig, { kind: K }> {
  const doc = parse(readFileSync(join(ROOT, 'mappings/00-sources.yaml'), 'utf8')) as {
    sources: Record<string, unknown>;
  };
  const source = SourceSchema.parse(doc.sources[name]);
  if (source.kind !== kind) throw new Error(`shipped source ${name} is ${source.kind}, not ${kind}`);
  return source as Extract<SourceConfig, { kind: K }>;
}

export function source<K extends SourceConfig['kind']>(
  config: { kind: K } & Record<string, unknown>,
): Extract<SourceConfig, { kind: K }> {
  return SourceSchema.parse(config) as Extract<SourceConfig, { kind: K }>;
}

/** Every DMTF Event*.json under non-resource-examples, by file name. */
export function dmtfEventExamples(): Array<{ file: string; body: unknown }> {
  const dir = join(REDFISH_FIXTURES, 'mockups/non-resource-examples');
  return readdirSync(dir)
    .filter((f) => /^Event.*\.json$/.test(f))
    .sort()
    .map((file) => ({ file, body: readJson(join(dir, file)) }));
}

export const RECEIVED = new Date('2025-06-12T14:15:00.000Z');
