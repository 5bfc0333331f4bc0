// `npx tsx bench/latency.ts [--rate 100] [--seconds 60] [--warmup 5] [--per-gpu 4] [--cpu-prof DIR] [--json FILE]`
//
// Alarm → ServiceNow request latency at a steady rate. `closeloop serve` runs as its own process
// (generated config, shipped alertmanager source and mappings/40-gpu.yaml); the Table API stub runs
// in this process so that send and arrival times come from one clock. Alerts are sent open-loop, one
// per request, at `rate` per second whatever the answers; latency is from the start of the POST to
// the stub receiving the write the alert caused: the incident create (POST incident) for the alert
// that opened its GPU's event, the work note (PATCH incident) for the others, each found by the
// alert's bench#<seq> in the description or work_notes. See docs/benchmarks.md.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { writeIngestMappings } from './lib/bench-mappings.js';
import { freePort, startConnectorProcess } from './lib/connector-process.js';
import { notification, TOKENS, type GpuWorkload } from './lib/gpu-alerts.js';
import { createClient, openLoop } from './lib/http-load.js';
import { formatMachine, loadNow, machine } from './lib/machine.js';
import { formatMs, summarise, wallMs } from './lib/stats.js';
import { VARIANTS } from './lib/serve-variant-names.js';
import { startTableStub, type StubWrite } from './lib/table-stub.js';

const Args = z.object({
  rate: z.coerce.number().positive().default(100),
  seconds: z.coerce.number().positive().default(60),
  warmup: z.coerce.number().min(0).default(5),
  'per-gpu': z.coerce.number().int().min(1).default(4),
  json: z.string().optional(),
  variant: z.enum(VARIANTS).optional(),
  'cpu-prof': z.string().optional(),
});
const { values } = parseArgs({
  options: {
    rate: { type: 'string' },
    seconds: { type: 'string' },
    warmup: { type: 'string' },
    'per-gpu': { type: 'string' },
    json: { type: 'string' },
    variant: { type: 'string' },
    'cpu-prof': { type: 'string' },
  },
});
const args = Args.parse(values);
const workload: GpuWorkload = { perGpu: args['per-gpu'], run: 'l' };

// seq → when its POST started; seq → when the write it caused arrived, and which write.
const sentAt = new Map<number, number>();
const arrived = new Map<number, { atMs: number; kind: 'create' | 'note' }>();
const Incident = z.object({ description: z.string().optional(), work_notes: z.string().optional() });

/**
 * The alert behind a create is the one whose text opens the description (the first of a GPU's alerts
 * to reach the connector, not necessarily the first sent); a work note may carry several alerts' lines.
 */
function onWrite(w: StubWrite): void {
  if (w.table !== 'incident') return;
  const body = Incident.safeParse(w.body);
  if (!body.success) return;
  const text = w.method === 'POST' ? (body.data.description ?? '') : (body.data.work_notes ?? '');
  for (const m of text.matchAll(TOKENS)) {
    const seq = Number(m[1]);
    if (!arrived.has(seq)) arrived.set(seq, { atMs: w.atMs, kind: w.method === 'POST' ? 'create' : 'note' });
  }
}

const m = machine();
console.log(`latency benchmark · ${formatMachine(m)}`);
const stub = await startTableStub({ onWrite });
const connector = await startConnectorProcess({
  mappings: writeIngestMappings,
  servicenowUrl: stub.url,
  prometheusUrl: `http://127.0.0.1:${await freePort()}`,
  tokenEnv: { alertmanager: 'CLOSELOOP_ALERTMANAGER_TOKEN' },
  ...(args.variant ? { variant: args.variant } : {}),
  ...(args['cpu-prof'] ? { cpuProfDir: args['cpu-prof'] } : {}),
  config: { guard: { watch_interval: '1h' } },
});
const client = createClient(connector.url, 64);
const headers = { authorization: `Bearer ${connector.tokens['alertmanager']}` };
const postLatency: number[] = [];
const statuses: Record<string, number> = {};
const warmupCount = Math.floor(args.warmup * args.rate);
try {
  console.log(
    `${args.rate} alerts/s for ${args.warmup} s warm-up + ${args.seconds} s measured, one alert per request; ` +
      `${args['per-gpu']} alerts per GPU (1 create + ${args['per-gpu'] - 1} notes)`,
  );
  const loop = await openLoop({
    ratePerSec: args.rate,
    durationMs: (args.warmup + args.seconds) * 1000,
    send: async (seq) => {
      sentAt.set(seq, wallMs());
      try {
        const r = await client.post({
          path: '/v1/alarms/alertmanager',
          body: notification(seq, 1, workload),
          headers,
        });
        statuses[r.status] = (statuses[r.status] ?? 0) + 1;
        if (seq >= warmupCount) postLatency.push(r.ms);
      } catch {
        statuses['error'] = (statuses['error'] ?? 0) + 1;
      }
    },
  });
  // Let the last writes arrive (or give up on them after 30 s).
  const deadline = Date.now() + 30_000;
  while (arrived.size < loop.sent && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));

  const create: number[] = [];
  const note: number[] = [];
  let missing = 0;
  for (let seq = warmupCount; seq < loop.sent; seq++) {
    const a = arrived.get(seq);
    if (!a) {
      missing++;
      continue;
    }
    (a.kind === 'create' ? create : note).push(a.atMs - sentAt.get(seq)!);
  }
  const lateness = summarise(loop.lateMs);
  const results = {
    machine: m,
    args,
    sent: loop.sent,
    measured: loop.sent - warmupCount,
    statuses,
    senderLateMs: lateness,
    post: summarise(postLatency),
    create: summarise(create),
    note: summarise(note),
    all: summarise([...create, ...note]),
    missing,
    servicenow: stub.counts(),
    loadAfter: loadNow(),
  };
  console.log(`sent ${results.sent} (${results.measured} measured), statuses ${JSON.stringify(statuses)}`);
  console.log(`sender lateness vs schedule: ${formatMs(lateness)}`);
  console.log(`POST → 202:                     ${formatMs(results.post)}`);
  console.log(`POST → create at ServiceNow:    ${formatMs(results.create)}`);
  console.log(`POST → work note at ServiceNow: ${formatMs(results.note)}`);
  console.log(`POST → any write at ServiceNow: ${formatMs(results.all)}`);
  console.log(`writes that never arrived (30 s grace): ${missing}`);
  console.log(`ServiceNow requests answered: ${JSON.stringify(results.servicenow)}`);
  console.log(`load average after: ${results.loadAfter}`);
  if (args.json) fs.writeFileSync(args.json, JSON.stringify(results, null, 2));
} finally {
  client.close();
  await connector.stop();
  await stub.close();
}
