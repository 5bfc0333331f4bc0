// One ingest measurement against one or more `closeloop serve` processes (bench/lib/connector-process.ts)
// sharing one store: the load (a closed loop of keep-alive connections, bench/lib/http-load.ts) is split
// evenly across the replicas, and alarms/s counts only alerts the connectors answered 202 for.
import { z } from 'zod';
import { writeIngestMappings } from '../lib/bench-mappings.js';
import { freePort, startConnectorProcess, type ConnectorProcess } from '../lib/connector-process.js';
import { notification, type GpuWorkload } from '../lib/gpu-alerts.js';
import { closedLoop, createClient } from '../lib/http-load.js';
import { summarise, type Summary } from '../lib/stats.js';
import { startStubProcess, type StubProcess } from '../lib/stub-process.js';

const AcceptedSchema = z.object({ accepted: z.array(z.object({ outcome: z.string() })) });

export interface IngestFigures {
  alarmsPerSecond: number;
  requestsPerSecond: number;
  latency: Summary;
  byStatus: Record<string, number>;
  errors: number;
}

export interface Replicas {
  connectors: ConnectorProcess[];
  stub: StubProcess;
  stop(): Promise<void>;
}

/** `count` connectors on one store (`databaseUrl`, or each its own SQLite file when absent). */
export async function startReplicas(count: number, databaseUrl?: string): Promise<Replicas> {
  const stub = await startStubProcess();
  const deadPrometheus = `http://127.0.0.1:${await freePort()}`;
  const connectors: ConnectorProcess[] = [];
  const stop = async (): Promise<void> => {
    for (const c of connectors) await c.stop();
    await stub.stop();
  };
  try {
    // One after the other: the first applies the migrations, as an operator's rollout would.
    for (let i = 0; i < count; i++)
      connectors.push(
        await startConnectorProcess({
          mappings: writeIngestMappings,
          servicenowUrl: stub.url,
          prometheusUrl: deadPrometheus,
          tokenEnv: { alertmanager: 'CLOSELOOP_ALERTMANAGER_TOKEN' },
          // The watcher would judge every open event against the (absent) Prometheus: not measured here.
          config: {
            guard: { watch_interval: '1h' },
            log_level: 'warn',
            ...(databaseUrl ? { database_url: databaseUrl } : {}),
          },
        }),
      );
  } catch (err) {
    await stop();
    throw err;
  }
  return { connectors, stub, stop };
}

/** Posts alert batches of `alarmsPerRequest` over `connections` connections split across the replicas. */
export async function measureIngest(o: {
  connectors: ConnectorProcess[];
  connections: number;
  alarmsPerRequest: number;
  warmupMs: number;
  durationMs: number;
  run: string;
  perGpu: number;
}): Promise<IngestFigures> {
  const workload: GpuWorkload = { perGpu: o.perGpu, run: o.run };
  const n = o.connectors.length;
  // Alert numbers interleave across replicas (replica k sends request k, k+n, …) so both see every GPU.
  const results = await Promise.all(
    o.connectors.map(async (c, k) => {
      const connections = Math.max(1, Math.round(o.connections / n));
      const client = createClient(c.url, connections);
      const headers = { authorization: `Bearer ${c.tokens['alertmanager']}` };
      try {
        return await closedLoop({
          client,
          connections,
          warmupMs: o.warmupMs,
          durationMs: o.durationMs,
          next: (i) => ({
            path: '/v1/alarms/alertmanager',
            body: notification((i * n + k) * o.alarmsPerRequest, o.alarmsPerRequest, workload),
            headers,
          }),
        });
      } finally {
        client.close();
      }
    }),
  );
  let alarms = 0;
  let requests = 0;
  let errors = 0;
  const byStatus: Record<string, number> = {};
  const latencies: number[] = [];
  for (const r of results) {
    requests += r.completed;
    errors += r.errors;
    latencies.push(...r.latenciesMs);
    for (const [s, v] of Object.entries(r.byStatus)) byStatus[s] = (byStatus[s] ?? 0) + v;
    for (const reply of r.replies)
      if (reply.status === 202) alarms += AcceptedSchema.parse(JSON.parse(reply.body)).accepted.length;
  }
  return {
    alarmsPerSecond: (alarms / o.durationMs) * 1000,
    requestsPerSecond: (requests / o.durationMs) * 1000,
    latency: summarise(latencies),
    byStatus,
    errors,
  };
}
