// Plays a storm into a running connector: HTTP sources as POST /v1/alarms/<source> with the source's
// bearer token, SNMP as real traps. Paced: each message is sent at its offset from the start (as
// fast as the connector answers when it falls behind, which shows as lag). Messages of one stream
// are sent one after another, in order; different streams go in parallel up to `concurrency`.
import type { StormMessage } from './generate.js';
import type { TrapSender } from './snmp-send.js';

export interface PlayOptions {
  connectorUrl: string;
  /** Bearer token per HTTP source name. */
  tokens: Record<string, string>;
  traps: TrapSender;
  /** true: send at each message's offset; false: as fast as accepted. */
  paced: boolean;
  concurrency: number;
}

export interface PlayResult {
  sent: number;
  byStatus: Record<string, number>;
  failures: string[];
  wallMs: number;
  /** How late messages left compared with their offset (paced runs). */
  lagMs: { p50: number; p99: number; max: number };
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export async function playStorm(messages: StormMessage[], o: PlayOptions): Promise<PlayResult> {
  const byStatus: Record<string, number> = {};
  const failures: string[] = [];
  const lags: number[] = [];
  const chains = new Map<string, Promise<void>>();
  let inFlight = 0;
  const waiters: Array<() => void> = [];
  const acquire = async () => {
    while (inFlight >= o.concurrency) await new Promise<void>((r) => waiters.push(r));
    inFlight++;
  };
  const release = () => {
    inFlight--;
    waiters.shift()?.();
  };
  const count = (k: string) => (byStatus[k] = (byStatus[k] ?? 0) + 1);
  const start = Date.now();

  const sendOne = async (m: StormMessage): Promise<void> => {
    await acquire();
    lags.push(Math.max(0, Date.now() - start - m.atMs));
    try {
      if (m.payload.transport === 'snmp') {
        await o.traps.send(m.payload.trap);
        count('udp');
        return;
      }
      const res = await fetch(`${o.connectorUrl}/v1/alarms/${m.source}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${o.tokens[m.source] ?? ''}` },
        body: JSON.stringify(m.payload.body),
      });
      const text = await res.text();
      count(String(res.status));
      if (res.status !== 202 && failures.length < 20)
        failures.push(`#${m.seq} ${m.source}: ${res.status} ${text.slice(0, 300)}`);
    } catch (err) {
      count('error');
      if (failures.length < 20)
        failures.push(`#${m.seq} ${m.source}: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      release();
    }
  };

  for (const m of messages) {
    if (o.paced) {
      const wait = start + m.atMs - Date.now();
      if (wait > 2) await sleep(wait);
    }
    const prev = chains.get(m.stream) ?? Promise.resolve();
    const next = prev.then(() => sendOne(m));
    chains.set(m.stream, next);
    // Keep the dispatcher from running far ahead of what is in flight.
    if (inFlight >= o.concurrency * 4) await next;
  }
  await Promise.all(chains.values());
  lags.sort((a, b) => a - b);
  return {
    sent: messages.length,
    byStatus,
    failures,
    wallMs: Date.now() - start,
    lagMs: { p50: percentile(lags, 50), p99: percentile(lags, 99), max: lags[lags.length - 1] ?? 0 },
  };
}
