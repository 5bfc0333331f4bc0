// The naive bridge on the same storm, against a fresh stand-in.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { loadMappings } from '../../connector/src/mapping/load.js';
import { formatMappingError } from '../../connector/src/mapping/errors.js';
import { createEngine } from '../../connector/src/service/engine.js';
import type { Storm } from './generate.js';
import { writeBenchMappings } from './mappings.js';
import { runNaiveBridge, type NaiveResult } from './naive-bridge.js';
import {
  countIncidents,
  countWrites,
  requestCounters,
  startStandinProcess,
  tableRows,
  type IncidentCounts,
  type WriteCounts,
} from './standin.js';

export interface NaiveRun {
  bridge: NaiveResult;
  writes: WriteCounts;
  incidents: IncidentCounts;
}

export async function runNaive(
  storm: Storm,
  log: (line: string) => void = () => undefined,
): Promise<NaiveRun> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'closeloop-naive-'));
  const password = crypto.randomBytes(12).toString('hex');
  const standin = await startStandinProcess('naive', password);
  try {
    writeBenchMappings(dir, storm.site, { snmpPort: 1162, mqttTopic: 'unused/+/alarm' });
    const loaded = loadMappings(dir, { providerNames: ['prometheus', 'redfish-cdu', 'mqtt'] });
    if (!loaded.ok) throw new Error(loaded.errors.map(formatMappingError).join('\n'));
    log(`naive bridge → stand-in at ${standin.url}`);
    const bridge = await runNaiveBridge(storm.messages, createEngine(loaded.mappings), {
      instanceUrl: standin.url,
      username: 'naive',
      password,
      concurrency: 16,
    });
    log(`naive bridge done in ${bridge.wallMs} ms: ${JSON.stringify(bridge.operations)}`);
    return {
      bridge,
      writes: countWrites(await requestCounters(standin.url)),
      incidents: countIncidents(await tableRows(standin.url, 'incident')),
    };
  } finally {
    await standin.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
