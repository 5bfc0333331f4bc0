// `npx tsx bench/scale/alertmanager-reference.ts [--seconds 10] [--warmup 2] [--connections 8] [--batch 100]`
//
// Reference: the same alert set (bench/lib/gpu-alerts.ts, 4 alerts per GPU) posted in batches to a real
// Prometheus Alertmanager (POST /api/v2/alerts, null receiver) and to `closeloop serve` on SQLite
// (POST /v1/alarms/alertmanager, webhook v4 body carrying the same alerts), with the same closed loop.
// Prints alerts/s for each and the ratio Closeloop / Alertmanager.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { notification, type GpuWorkload } from '../lib/gpu-alerts.js';
import { closedLoop, createClient } from '../lib/http-load.js';
import { formatMachine, loadNow, machine } from '../lib/machine.js';
import { formatMs, summarise } from '../lib/stats.js';
import { startAlertmanager } from './alertmanager-process.js';
import { measureIngest, startReplicas } from './measure-ingest.js';

const Args = z.object({
  seconds: z.coerce.number().positive().default(10),
  warmup: z.coerce.number().min(0).default(2),
  connections: z.coerce.number().int().min(1).default(8),
  batch: z.coerce.number().int().min(1).default(100),
});
const { values } = parseArgs({
  options: Object.fromEntries(Object.keys(Args.shape).map((k) => [k, { type: 'string' as const }])),
});
const args = Args.parse(values);

const WebhookAlerts = z.object({
  alerts: z.array(
    z.object({
      labels: z.record(z.string(), z.string()),
      annotations: z.record(z.string(), z.string()),
      startsAt: z.string(),
      generatorURL: z.string(),
    }),
  ),
});

/** The alerts of notification(first, count) as Alertmanager's postable alerts (endsAt left to it). */
function postableAlerts(first: number, count: number, w: GpuWorkload): string {
  const { alerts } = WebhookAlerts.parse(JSON.parse(notification(first, count, w)));
  return JSON.stringify(alerts);
}

console.log(`Alertmanager reference benchmark · ${formatMachine(machine())}`);
console.log(
  `measured ${args.seconds} s after ${args.warmup} s warm-up; ${args.batch} alerts/request, ${args.connections} keep-alive connections`,
);

const am = await startAlertmanager();
let amRate: number;
try {
  const client = createClient(am.url, args.connections);
  const w: GpuWorkload = { perGpu: 4, run: 'am' };
  const r = await closedLoop({
    client,
    connections: args.connections,
    warmupMs: args.warmup * 1000,
    durationMs: args.seconds * 1000,
    next: (i) => ({ path: '/api/v2/alerts', body: postableAlerts(i * args.batch, args.batch, w) }),
  });
  client.close();
  const ok = r.byStatus['200'] ?? 0;
  amRate = ((ok * args.batch) / r.measuredMs) * 1000;
  console.log(`\nAlertmanager ${am.version} (pid ${am.pid}), POST /api/v2/alerts`);
  console.log(`  alerts/s ${amRate.toFixed(0)}, requests/s ${r.perSecond.toFixed(0)}`);
  console.log(`  POST → 200 latency: ${formatMs(summarise(r.latenciesMs))}`);
  console.log(`  statuses ${JSON.stringify(r.byStatus)}, client errors ${r.errors}, load ${loadNow()}`);
} finally {
  await am.stop();
}

const replicas = await startReplicas(1);
try {
  const f = await measureIngest({
    connectors: replicas.connectors,
    connections: args.connections,
    alarmsPerRequest: args.batch,
    warmupMs: args.warmup * 1000,
    durationMs: args.seconds * 1000,
    run: 'cl',
    perGpu: 4,
  });
  console.log(`\nCloseloop on SQLite, POST /v1/alarms/alertmanager`);
  console.log(`  alerts/s ${f.alarmsPerSecond.toFixed(0)}, requests/s ${f.requestsPerSecond.toFixed(0)}`);
  console.log(`  POST → 202 latency: ${formatMs(f.latency)}`);
  console.log(`  statuses ${JSON.stringify(f.byStatus)}, client errors ${f.errors}, load ${loadNow()}`);
  console.log(`\nratio Closeloop / Alertmanager: ${(f.alarmsPerSecond / amRate).toFixed(2)}`);
} finally {
  await replicas.stop();
}
