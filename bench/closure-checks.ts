// `npx tsx bench/closure-checks.ts [--sequential 500] [--concurrency 50] [--seconds 15] [--coalesce 0s] [--identity]
//   [--cpu-prof DIR] [--json FILE]`
//
// POST /v1/closure-checks with 4 checks against a real Prometheus holding 10 min of 15 s samples for
// 64 GPUs (8 hosts × 8, four DCGM metrics each, backfilled with promtool as the tests do). The
// connector is `closeloop serve` in its own process with a generated config, the shipped alertmanager
// source and a GPU rule with four close checks (bench/lib/bench-mappings.ts); one event per GPU, its
// alert fired and resolved, so every answer is a full evaluation (alarm state + 4 Prometheus range
// queries). Requests go round-robin over the 64 incidents by correlation_id, first one at a time,
// then from 50 connections at once. See docs/benchmarks.md.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { startPrometheus, prometheusUnavailable, type OmSeries } from '../test/support/prometheus.js';
import { writeClosureMappings } from './lib/bench-mappings.js';
import { startConnectorProcess } from './lib/connector-process.js';
import { closedLoop, createClient, type Reply } from './lib/http-load.js';
import { formatMachine, loadNow, machine } from './lib/machine.js';
import { cpuSeconds, findPid } from './lib/proc-cpu.js';
import { formatMs, summarise } from './lib/stats.js';
import { startStubProcess } from './lib/stub-process.js';

const Args = z.object({
  sequential: z.coerce.number().int().min(1).default(500),
  concurrency: z.coerce.number().int().min(1).default(50),
  seconds: z.coerce.number().positive().default(15),
  json: z.string().optional(),
  'cpu-prof': z.string().optional(),
  /** DIAGNOSTIC: ask Prometheus for uncompressed answers (Accept-Encoding: identity). */
  identity: z.boolean().default(false),
  /** Prometheus provider `coalesce` (default: the shipped 1 s; 0 = share only requests in flight). */
  coalesce: z.string().optional(),
});
const { values } = parseArgs({
  options: {
    sequential: { type: 'string' },
    concurrency: { type: 'string' },
    seconds: { type: 'string' },
    json: { type: 'string' },
    'cpu-prof': { type: 'string' },
    identity: { type: 'boolean' },
    coalesce: { type: 'string' },
  },
});
const args = Args.parse(values);

const STEP = 15_000;
const HOSTS = Array.from({ length: 8 }, (_, h) => `gpu-c${h}`);
const GPUS = HOSTS.flatMap((host) => Array.from({ length: 8 }, (_, gpu) => ({ host, gpu })));

/** 10 min of 15 s samples ending at `endMs` for every GPU: all in range (every check passes). */
function history(endMs: number): OmSeries[] {
  const times = Array.from({ length: 41 }, (_, i) => endMs - (40 - i) * STEP);
  const series = (name: string, v: (g: number, t: number) => number) =>
    GPUS.map(({ host, gpu }, g) => ({
      name,
      labels: { Hostname: host, gpu: String(gpu), UUID: `GPU-${host}-${gpu}`, modelName: 'NVIDIA H200' },
      samples: times.map((t): [number, number] => [t, v(g, t)]),
    }));
  return [
    ...series('DCGM_FI_DEV_GPU_TEMP', (g, t) => 55 + (g % 10) + ((t / STEP) % 3)),
    ...series('DCGM_FI_DEV_MEMORY_TEMP', (g, t) => 65 + (g % 8) + ((t / STEP) % 2)),
    ...series('DCGM_FI_DEV_CLOCKS_EVENT_REASONS', (g) => (g % 2 ? 0x1 : 0x0)),
    ...series('DCGM_FI_DEV_XID_ERRORS', () => 0),
  ];
}

function alertsPayload(status: 'firing' | 'resolved', at: Date): string {
  return JSON.stringify({
    version: '4',
    groupKey: '{}/{team="gpu-ops"}:{alertname="GpuThermalSlowdown"}',
    truncatedAlerts: 0,
    status,
    receiver: 'closeloop',
    groupLabels: { alertname: 'GpuThermalSlowdown' },
    commonLabels: { alertname: 'GpuThermalSlowdown', severity: 'warning', site: 'DC1' },
    commonAnnotations: {},
    externalURL: 'http://alertmanager.dc1.example:9093',
    alerts: GPUS.map(({ host, gpu }) => ({
      status,
      labels: {
        alertname: 'GpuThermalSlowdown',
        severity: 'warning',
        site: 'DC1',
        Hostname: host,
        gpu: String(gpu),
      },
      annotations: { summary: `GPU ${gpu} on ${host} is in thermal slowdown` },
      startsAt: new Date(at.getTime() - 600_000).toISOString(),
      endsAt: status === 'resolved' ? at.toISOString() : '0001-01-01T00:00:00Z',
      generatorURL: 'http://prometheus.dc1.example:9090/graph',
      fingerprint: `${host}-${gpu}`,
    })),
  });
}

const Answer = z.object({
  verdict: z.string(),
  checks: z.array(z.object({ name: z.string(), status: z.string() })),
});

/** Verdicts of the answers, and how many checks each carried (4 close checks + the alarm state). */
function tally(replies: Reply[]): {
  verdicts: Record<string, number>;
  checksPerAnswer: Record<string, number>;
} {
  const verdicts: Record<string, number> = {};
  const checksPerAnswer: Record<string, number> = {};
  for (const r of replies) {
    const a = r.status === 200 ? Answer.safeParse(JSON.parse(r.body)) : null;
    const v = a?.success ? a.data.verdict : `HTTP ${r.status}`;
    verdicts[v] = (verdicts[v] ?? 0) + 1;
    const n = a?.success ? String(a.data.checks.length) : '-';
    checksPerAnswer[n] = (checksPerAnswer[n] ?? 0) + 1;
  }
  return { verdicts, checksPerAnswer };
}

const formatCpu = (c: { connectorMs: number; prometheusMs: number }) =>
  `CPU per answer: connector ${c.connectorMs.toFixed(2)} ms, Prometheus ${c.prometheusMs.toFixed(2)} ms`;

const missing = await prometheusUnavailable();
if (missing) {
  console.error(`cannot run: ${missing}`);
  process.exit(2);
}
const m = machine();
console.log(`closure-check benchmark · ${formatMachine(m)}`);
const endMs = Math.floor(Date.now() / STEP) * STEP;
const prom = await startPrometheus(history(endMs));
const stub = await startStubProcess();
const connector = await startConnectorProcess({
  mappings: writeClosureMappings,
  servicenowUrl: stub.url,
  prometheusUrl: prom.url,
  tokenEnv: { alertmanager: 'CLOSELOOP_ALERTMANAGER_TOKEN' },
  ...(args['cpu-prof'] ? { cpuProfDir: args['cpu-prof'] } : {}),
  ...(args.identity || args.coalesce !== undefined
    ? {
        config: {
          telemetry: {
            providers: {
              prometheus: {
                kind: 'prometheus',
                url: prom.url,
                timeout: '2s',
                ...(args.coalesce !== undefined ? { coalesce: args.coalesce } : {}),
                ...(args.identity ? { headers: { 'Accept-Encoding': 'identity' } } : {}),
              },
            },
          },
        },
      }
    : {}),
});
const seqClient = createClient(connector.url, 1);
const client = createClient(connector.url, args.concurrency);
try {
  const amHeaders = { authorization: `Bearer ${connector.tokens['alertmanager']}` };
  for (const status of ['firing', 'resolved'] as const) {
    const r = await seqClient.post({
      path: '/v1/alarms/alertmanager',
      body: alertsPayload(status, new Date()),
      headers: amHeaders,
    });
    if (r.status !== 202) throw new Error(`alerts ${status}: HTTP ${r.status} ${r.body}`);
  }
  const headers = { 'x-api-key': connector.apiKey };
  const request = (i: number) => {
    const { host, gpu } = GPUS[i % GPUS.length]!;
    return {
      path: '/v1/closure-checks',
      body: JSON.stringify({ incident: { correlation_id: `DC1/gpu/${host}/gpu${gpu}`, number: `INC${i}` } }),
      headers,
    };
  };
  console.log(`Prometheus ${prom.url}: ${GPUS.length} GPUs × 4 metrics, 41 samples each (10 min at 15 s)`);
  console.log(
    `provider: coalesce ${args.coalesce ?? '1s (shipped default)'}, ${args.identity ? 'Accept-Encoding: identity (diagnostic)' : 'compressed answers (default)'}`,
  );

  // Warm-up (JIT, connection pools), then one request at a time.
  for (let i = 0; i < 100; i++) await seqClient.post(request(i));
  const promPid = findPid(`--web.listen-address=${new URL(prom.url).host}`) ?? -1;
  const cpu = () => ({ connector: cpuSeconds(connector.pid), prometheus: cpuSeconds(promPid) });
  /** CPU ms per answer spent by the connector and by Prometheus between two readings. */
  const cpuPerAnswer = (a: ReturnType<typeof cpu>, b: ReturnType<typeof cpu>, answers: number) => ({
    connectorMs: ((b.connector - a.connector) * 1000) / answers,
    prometheusMs: ((b.prometheus - a.prometheus) * 1000) / answers,
  });
  const sequential: Reply[] = [];
  const seqCpu = cpu();
  const seqStart = performance.now();
  for (let i = 0; i < args.sequential; i++) sequential.push(await seqClient.post(request(i)));
  const seqSeconds = (performance.now() - seqStart) / 1000;
  const seqCpuPer = cpuPerAnswer(seqCpu, cpu(), args.sequential);
  const seq = {
    cpu: seqCpuPer,
    latency: summarise(sequential.map((r) => r.ms)),
    perSecond: args.sequential / seqSeconds,
    ...tally(sequential),
  };
  console.log(`\nsequential (${args.sequential} requests, one connection):`);
  console.log(`  ${formatMs(seq.latency)}; ${seq.perSecond.toFixed(0)} answers/s`);
  console.log(`  ${formatCpu(seq.cpu)}`);
  console.log(
    `  verdicts ${JSON.stringify(seq.verdicts)}, checks per answer ${JSON.stringify(seq.checksPerAnswer)}`,
  );

  const concCpu = cpu();
  const conc = await closedLoop({
    client,
    connections: args.concurrency,
    warmupMs: 2000,
    durationMs: args.seconds * 1000,
    next: request,
  });
  const concurrent = {
    cpu: cpuPerAnswer(concCpu, cpu(), conc.allCompleted),
    latency: summarise(conc.latenciesMs),
    perSecond: conc.perSecond,
    errors: conc.errors,
    ...tally(conc.replies),
  };
  console.log(`\n${args.concurrency} concurrent (closed loop, ${args.seconds} s after 2 s warm-up):`);
  console.log(
    `  ${formatMs(concurrent.latency)}; ${concurrent.perSecond.toFixed(0)} answers/s, client errors ${conc.errors}`,
  );
  console.log(`  ${formatCpu(concurrent.cpu)}`);
  console.log(
    `  verdicts ${JSON.stringify(concurrent.verdicts)}, checks per answer ${JSON.stringify(concurrent.checksPerAnswer)}`,
  );
  const ageS = (Date.now() - endMs) / 1000;
  console.log(
    `\nnewest sample was ${ageS.toFixed(0)} s old at the end (max_age 2 min); load average ${loadNow()}`,
  );
  if (args.json)
    fs.writeFileSync(
      args.json,
      JSON.stringify({ machine: m, args, sequential: seq, concurrent, loadAfter: loadNow() }, null, 2),
    );
} finally {
  seqClient.close();
  client.close();
  await connector.stop();
  await stub.stop();
  await prom.stop();
}
