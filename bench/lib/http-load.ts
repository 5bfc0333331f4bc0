// Load generation over keep-alive HTTP/1.1 connections (node:http Agent, no extra dependency):
// a closed loop (N connections, each sending its next request as soon as the last is answered) for
// throughput, and an open loop (requests started on a fixed schedule, whatever the answers) for latency.
import http from 'node:http';
import { wallMs } from './stats.js';

export interface Reply {
  status: number;
  body: string;
  /** Request start → last byte of the answer. */
  ms: number;
}

export interface Request {
  path: string;
  body: string;
  headers?: Record<string, string>;
}

export interface Client {
  post(req: Request): Promise<Reply>;
  close(): void;
}

export function createClient(baseUrl: string, connections: number): Client {
  const url = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections });
  return {
    post: (req) =>
      new Promise<Reply>((resolve, reject) => {
        const started = performance.now();
        const body = Buffer.from(req.body);
        const r = http.request(
          {
            agent,
            host: url.hostname,
            port: url.port,
            method: 'POST',
            path: req.path,
            headers: { 'content-type': 'application/json', 'content-length': body.length, ...req.headers },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('error', reject);
            res.on('end', () =>
              resolve({
                status: res.statusCode ?? 0,
                body: Buffer.concat(chunks).toString('utf8'),
                ms: performance.now() - started,
              }),
            );
          },
        );
        r.on('error', reject);
        r.end(body);
      }),
    close: () => agent.destroy(),
  };
}

export interface ClosedLoopResult {
  /** Requests answered inside the measured window (after warm-up). */
  completed: number;
  measuredMs: number;
  perSecond: number;
  byStatus: Record<string, number>;
  latenciesMs: number[];
  errors: number;
  /** Replies inside the measured window, for the caller to inspect (e.g. outcomes). */
  replies: Reply[];
  /** Every reply, warm-up included (e.g. to divide a process's CPU time by). */
  allCompleted: number;
}

/**
 * `connections` loops, each posting `next(i)` back to back for `warmupMs + durationMs`; only replies
 * that arrive after the warm-up count.
 */
export async function closedLoop(o: {
  client: Client;
  connections: number;
  warmupMs: number;
  durationMs: number;
  next: (i: number) => Request;
}): Promise<ClosedLoopResult> {
  const start = performance.now();
  const measureFrom = start + o.warmupMs;
  const end = measureFrom + o.durationMs;
  let i = 0;
  let errors = 0;
  let allCompleted = 0;
  const replies: Reply[] = [];
  const byStatus: Record<string, number> = {};
  const worker = async (): Promise<void> => {
    while (performance.now() < end) {
      try {
        const reply = await o.client.post(o.next(i++));
        const at = performance.now();
        allCompleted++;
        if (at >= measureFrom && at <= end) {
          replies.push(reply);
          byStatus[reply.status] = (byStatus[reply.status] ?? 0) + 1;
        }
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: o.connections }, worker));
  return {
    completed: replies.length,
    measuredMs: o.durationMs,
    perSecond: (replies.length / o.durationMs) * 1000,
    byStatus,
    latenciesMs: replies.map((r) => r.ms),
    errors,
    replies,
    allCompleted,
  };
}

/**
 * Starts `send(i)` at `startMs + i * 1000 / ratePerSec` (wall clock) for `durationMs`, never waiting
 * for answers; resolves when every request has settled. Returns how late the sends were.
 */
export async function openLoop(o: {
  ratePerSec: number;
  durationMs: number;
  send: (i: number, scheduledAtMs: number) => Promise<void>;
}): Promise<{ sent: number; lateMs: number[] }> {
  const startMs = wallMs() + 50;
  const total = Math.floor((o.durationMs / 1000) * o.ratePerSec);
  const inFlight: Promise<void>[] = [];
  const lateMs: number[] = [];
  for (let i = 0; i < total; i++) {
    const due = startMs + (i * 1000) / o.ratePerSec;
    const wait = due - wallMs();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    lateMs.push(Math.max(0, wallMs() - due));
    inFlight.push(o.send(i, due));
  }
  await Promise.allSettled(inFlight);
  return { sent: total, lateMs };
}
