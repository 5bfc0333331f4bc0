// `npx tsx bench/scale/ingest-stores.ts [--seconds 10] [--warmup 2] [--connections 32]
//   [--batch-connections 8] [--batch 100] [--only sqlite|postgres|replicas]`
//
// Ingest throughput of `closeloop serve` (its own process, generated config, ServiceNow stubbed on
// loopback — bench/lib) on SQLite, on PostgreSQL, and two replicas on one PostgreSQL schema with the
// load split across them. Each store × mode gets fresh processes and a fresh store (a new schema,
// dropped afterwards). Workload: shipped alertmanager source + gpu-xid-error rule, 4 alerts per GPU.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { formatMachine, loadNow, machine } from '../lib/machine.js';
import { formatMs } from '../lib/stats.js';
import { measureIngest, startReplicas, type IngestFigures } from './measure-ingest.js';
import { freshSchema } from './pg-schema.js';

const Args = z.object({
  seconds: z.coerce.number().positive().default(10),
  warmup: z.coerce.number().min(0).default(2),
  connections: z.coerce.number().int().min(1).default(32),
  'batch-connections': z.coerce.number().int().min(1).default(8),
  batch: z.coerce.number().int().min(1).default(100),
  only: z.enum(['sqlite', 'postgres', 'replicas']).optional(),
});
const { values } = parseArgs({
  options: Object.fromEntries(Object.keys(Args.shape).map((k) => [k, { type: 'string' as const }])),
});
const args = Args.parse(values);

const TARGETS: Record<string, number> = { 'sqlite batch': 5000, 'postgres batch': 3000 };

async function run(store: 'sqlite' | 'postgres' | 'replicas', mode: 'single' | 'batch'): Promise<void> {
  const schema = store === 'sqlite' ? null : await freshSchema();
  const replicas = await startReplicas(store === 'replicas' ? 2 : 1, schema?.url).catch(async (err) => {
    await schema?.drop();
    throw err;
  });
  let f: IngestFigures;
  try {
    f = await measureIngest({
      connectors: replicas.connectors,
      connections: mode === 'single' ? args.connections : args['batch-connections'],
      alarmsPerRequest: mode === 'single' ? 1 : args.batch,
      warmupMs: args.warmup * 1000,
      durationMs: args.seconds * 1000,
      run: `${store[0]}${mode[0]}`,
      perGpu: 4,
    });
  } finally {
    await replicas.stop();
    await schema?.drop();
  }
  const label = `${store} ${mode}`;
  const target = TARGETS[label];
  const verdict = target ? ` (target ≥ ${target}: ${f.alarmsPerSecond >= target ? 'met' : 'MISSED'})` : '';
  console.log(
    `\n${label}: ${mode === 'single' ? `1 alert/request, ${args.connections}` : `${args.batch} alerts/request, ${args['batch-connections']}`} connections` +
      `${store === 'replicas' ? ' split over 2 replicas on PostgreSQL' : ''}`,
  );
  console.log(
    `  alarms/s ${f.alarmsPerSecond.toFixed(0)}${verdict}, requests/s ${f.requestsPerSecond.toFixed(0)}`,
  );
  console.log(`  POST → 202 latency: ${formatMs(f.latency)}`);
  console.log(`  statuses ${JSON.stringify(f.byStatus)}, client errors ${f.errors}, load ${loadNow()}`);
}

console.log(`scale ingest benchmark · ${formatMachine(machine())}`);
console.log(`measured ${args.seconds} s after ${args.warmup} s warm-up per phase`);
for (const store of ['sqlite', 'postgres', 'replicas'] as const) {
  if (args.only && args.only !== store) continue;
  for (const mode of ['single', 'batch'] as const) await run(store, mode);
}
