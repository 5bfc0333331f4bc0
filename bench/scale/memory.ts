// `npx tsx bench/scale/memory.ts [--alarms 50000] [--per-event 10] [--settle 10] [--connections 8] [--batch 100]`
//
// Resident memory of `closeloop serve` (SQLite, its own process, ServiceNow stubbed on loopback) holding
// 50,000 active alarms in 5,000 open events (10 alerts per GPU, one event per GPU under the shipped
// gpu-xid-error rule). VmRSS is read from /proc/<pid>/status before ingest, right after it, and after a
// settling pause (the connector keeps delivering its outbox and V8 collects garbage meanwhile).
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { metricValue } from '../lib/connector-process.js';
import { notification, type GpuWorkload } from '../lib/gpu-alerts.js';
import { createClient } from '../lib/http-load.js';
import { formatMachine, machine } from '../lib/machine.js';
import { startReplicas } from './measure-ingest.js';

const Args = z.object({
  alarms: z.coerce.number().int().min(1).default(50_000),
  'per-event': z.coerce.number().int().min(1).default(10),
  settle: z.coerce.number().min(0).default(10),
  connections: z.coerce.number().int().min(1).default(8),
  batch: z.coerce.number().int().min(1).default(100),
});
const { values } = parseArgs({
  options: Object.fromEntries(Object.keys(Args.shape).map((k) => [k, { type: 'string' as const }])),
});
const args = Args.parse(values);
const TARGET_MB = 200;

const AcceptedSchema = z.object({ accepted: z.array(z.object({ outcome: z.string() })) });

function rssMb(pid: number): number {
  const m = /^VmRSS:\s+(\d+) kB$/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!m) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(m[1]) / 1024;
}

console.log(`memory benchmark · ${formatMachine(machine())}`);
console.log(
  `${args.alarms} alarms, ${args['per-event']} per event → ${Math.ceil(args.alarms / args['per-event'])} events; ` +
    `batches of ${args.batch} over ${args.connections} connections; settle ${args.settle} s`,
);
const replicas = await startReplicas(1);
const connector = replicas.connectors[0]!;
try {
  const idle = rssMb(connector.pid);
  const client = createClient(connector.url, args.connections);
  const w: GpuWorkload = { perGpu: args['per-event'], run: 'mem' };
  const headers = { authorization: `Bearer ${connector.tokens['alertmanager']}` };
  const outcomes: Record<string, number> = {};
  let next = 0;
  let peak = idle;
  const started = performance.now();
  const worker = async (): Promise<void> => {
    for (;;) {
      const first = next;
      if (first >= args.alarms) return;
      next += args.batch;
      const count = Math.min(args.batch, args.alarms - first);
      const r = await client.post({
        path: '/v1/alarms/alertmanager',
        body: notification(first, count, w),
        headers,
      });
      if (r.status !== 202) throw new Error(`POST answered ${r.status}: ${r.body.slice(0, 300)}`);
      for (const a of AcceptedSchema.parse(JSON.parse(r.body)).accepted)
        outcomes[a.outcome] = (outcomes[a.outcome] ?? 0) + 1;
      peak = Math.max(peak, rssMb(connector.pid));
    }
  };
  await Promise.all(Array.from({ length: args.connections }, worker));
  client.close();
  const ingestS = (performance.now() - started) / 1000;
  const after = rssMb(connector.pid);
  const pendingAfter = await metricValue(connector.url, 'closeloop_deliveries', 'state="pending"');
  await new Promise((r) => setTimeout(r, args.settle * 1000));
  const settled = rssMb(connector.pid);
  const pendingSettled = await metricValue(connector.url, 'closeloop_deliveries', 'state="pending"');
  console.log(
    `\ningested ${args.alarms} alarms in ${ingestS.toFixed(1)} s; outcomes ${JSON.stringify(outcomes)}`,
  );
  console.log(`  ServiceNow requests answered by the stub ${JSON.stringify(await replicas.stub.counts())}`);
  console.log(`VmRSS idle (ready, empty store) ${idle.toFixed(1)} MB`);
  console.log(`VmRSS peak sampled during ingest ${peak.toFixed(1)} MB`);
  console.log(`VmRSS right after ingest ${after.toFixed(1)} MB (outbox pending ${pendingAfter})`);
  const verdict = (mb: number) => (mb <= TARGET_MB ? 'met' : `MISSED by ${(mb - TARGET_MB).toFixed(0)} MB`);
  console.log(
    `VmRSS after ${args.settle} s settling ${settled.toFixed(1)} MB (outbox pending ${pendingSettled})`,
  );
  console.log(`target ≤ ${TARGET_MB} MB: settled ${verdict(settled)}; right after ingest ${verdict(after)}`);
} finally {
  await replicas.stop();
}
