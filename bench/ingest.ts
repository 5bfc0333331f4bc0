// `npx tsx bench/ingest.ts [--seconds 20] [--warmup 3] [--connections 32] [--batch-connections 8]
//   [--batch 100] [--per-gpu 4] [--only single|batch] [--noise every-alarm|shipped]
//   [--cpu-prof DIR] [--json FILE]`
//
// Ingest throughput into the SQLite store. `closeloop serve` runs as its own process with a generated
// config, the shipped alertmanager source and mappings/40-gpu.yaml (XID alerts, one event per GPU:
// 1 create + 3 notes per GPU with --per-gpu 4); ServiceNow is a
// trivial Table API stub in a third process, so the outbox really delivers while alarms pour in.
// Phase 1: single-alarm requests over keep-alive connections, back to back. Phase 2: batches of 100.
// Each phase gets a fresh connector (empty store, empty outbox). See docs/benchmarks.md.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { shippedNoise, writeIngestMappings } from './lib/bench-mappings.js';
import { notification, type GpuWorkload } from './lib/gpu-alerts.js';
import { freePort, metricValue, startConnectorProcess } from './lib/connector-process.js';
import { closedLoop, createClient } from './lib/http-load.js';
import { formatMachine, machine } from './lib/machine.js';
import { cpuSeconds } from './lib/proc-cpu.js';
import { formatMs, summarise, type Summary } from './lib/stats.js';
import { VARIANTS } from './lib/serve-variant-names.js';
import { startStubProcess } from './lib/stub-process.js';

const Args = z.object({
  seconds: z.coerce.number().positive().default(20),
  warmup: z.coerce.number().min(0).default(3),
  connections: z.coerce.number().int().min(1).default(32),
  'batch-connections': z.coerce.number().int().min(1).default(8),
  batch: z.coerce.number().int().min(1).default(100),
  'per-gpu': z.coerce.number().int().min(1).default(4),
  only: z.enum(['single', 'batch']).optional(),
  'cpu-prof': z.string().optional(),
  json: z.string().optional(),
  variant: z.enum(VARIANTS).optional(),
  noise: z.enum(['every-alarm', 'shipped']).default('every-alarm'),
});
const { values } = parseArgs({
  options: {
    seconds: { type: 'string' },
    warmup: { type: 'string' },
    connections: { type: 'string' },
    'batch-connections': { type: 'string' },
    batch: { type: 'string' },
    'per-gpu': { type: 'string' },
    only: { type: 'string' },
    'cpu-prof': { type: 'string' },
    json: { type: 'string' },
    variant: { type: 'string' },
    noise: { type: 'string' },
  },
});
const args = Args.parse(values);

const AcceptedSchema = z.object({ accepted: z.array(z.object({ outcome: z.string() })) });

interface PhaseResult {
  phase: string;
  connections: number;
  alarmsPerRequest: number;
  requestsPerSecond: number;
  alarmsPerSecond: number;
  latency: Summary;
  byStatus: Record<string, number>;
  errors: number;
  outcomes: Record<string, number>;
  /** ServiceNow requests the stub answered during the whole phase (warm-up included), by "METHOD table". */
  servicenow: Record<string, number>;
  /** Outbox entries still waiting when the phase ended (the delivery backlog). */
  outboxPending: number;
  /** CPU time of the connector process per alarm accepted (warm-up included), ms. */
  connectorCpuMsPerAlarm: number;
}

async function phase(name: string, alarmsPerRequest: number, connections: number): Promise<PhaseResult> {
  const stub = await startStubProcess();
  const deadPrometheus = `http://127.0.0.1:${await freePort()}`;
  const connector = await startConnectorProcess({
    mappings: writeIngestMappings,
    servicenowUrl: stub.url,
    prometheusUrl: deadPrometheus,
    tokenEnv: { alertmanager: 'CLOSELOOP_ALERTMANAGER_TOKEN' },
    ...(args.variant ? { variant: args.variant } : {}),
    // The watcher would judge every open event against the (absent) Prometheus: not what this measures.
    config: {
      guard: { watch_interval: '1h' },
      ...(args.noise === 'shipped' ? { noise: shippedNoise() } : {}),
    },
    ...(args['cpu-prof'] ? { cpuProfDir: args['cpu-prof'] } : {}),
  });
  const client = createClient(connector.url, connections);
  const workload: GpuWorkload = { perGpu: args['per-gpu'], run: name.slice(0, 1) };
  const headers = { authorization: `Bearer ${connector.tokens['alertmanager']}` };
  try {
    const cpuBefore = cpuSeconds(connector.pid);
    const result = await closedLoop({
      client,
      connections,
      warmupMs: args.warmup * 1000,
      durationMs: args.seconds * 1000,
      next: (i) => ({
        path: '/v1/alarms/alertmanager',
        body: notification(i * alarmsPerRequest, alarmsPerRequest, workload),
        headers,
      }),
    });
    const cpuMs = (cpuSeconds(connector.pid) - cpuBefore) * 1000;
    const outcomes: Record<string, number> = {};
    let alarms = 0;
    for (const r of result.replies) {
      if (r.status !== 202) continue;
      for (const a of AcceptedSchema.parse(JSON.parse(r.body)).accepted) {
        outcomes[a.outcome] = (outcomes[a.outcome] ?? 0) + 1;
        alarms++;
      }
    }
    return {
      phase: name,
      connections,
      alarmsPerRequest,
      requestsPerSecond: result.perSecond,
      alarmsPerSecond: (alarms / result.measuredMs) * 1000,
      latency: summarise(result.latenciesMs),
      byStatus: result.byStatus,
      errors: result.errors,
      outcomes,
      servicenow: await stub.counts(),
      outboxPending: await metricValue(connector.url, 'closeloop_deliveries', 'state="pending"'),
      connectorCpuMsPerAlarm: cpuMs / (result.allCompleted * alarmsPerRequest),
    };
  } finally {
    client.close();
    await connector.stop();
    await stub.stop();
  }
}

function print(r: PhaseResult): void {
  console.log(
    `\n${r.phase}: ${r.alarmsPerRequest} alert(s) per request, ${r.connections} keep-alive connections`,
  );
  console.log(`  requests/s ${r.requestsPerSecond.toFixed(0)}, alarms/s ${r.alarmsPerSecond.toFixed(0)}`);
  console.log(`  POST → 202 latency: ${formatMs(r.latency)}`);
  console.log(`  statuses ${JSON.stringify(r.byStatus)}, client errors ${r.errors}`);
  console.log(`  outcomes ${JSON.stringify(r.outcomes)}`);
  console.log(`  ServiceNow requests answered by the stub ${JSON.stringify(r.servicenow)}`);
  console.log(`  outbox entries still pending at the end: ${r.outboxPending}`);
  console.log(`  connector CPU per alarm: ${r.connectorCpuMsPerAlarm.toFixed(2)} ms`);
}

const m = machine();
console.log(`ingest benchmark · ${formatMachine(m)}`);
console.log(
  `noise control: ${args.noise === 'shipped' ? 'as in the shipped closeloop.yaml (notes batched per minute, storm control at 20/50 new incidents a minute)' : 'every alarm written at once (note_interval 0, storm limits 1,000,000)'}`,
);
console.log(
  `measured ${args.seconds} s after ${args.warmup} s warm-up; ${args['per-gpu']} alerts per GPU (1 create + ${args['per-gpu'] - 1} notes)`,
);
const results: PhaseResult[] = [];
if (args.only !== 'batch') {
  results.push(await phase('single', 1, args.connections));
  print(results[results.length - 1]!);
}
if (args.only !== 'single') {
  results.push(await phase(`batch`, args.batch, args['batch-connections']));
  print(results[results.length - 1]!);
}
if (args.json) fs.writeFileSync(args.json, JSON.stringify({ machine: m, args, results }, null, 2));
