// What the connector saw lately of its dependencies, kept in memory per process: each ServiceNow
// response (status, operation, duration), each delivery attempt's outcome, and each telemetry
// provider's last answer. Health decisions read a snapshot of it (observability/health-decision.ts);
// the console reads exact recent latencies from it. Bounded: entries older than the horizon, or beyond
// the capacity, are forgotten.

export interface ResponseSample {
  at: number;
  operation: string;
  /** HTTP status; 0 = no answer (refused, reset, DNS, timeout). */
  status: number;
  ms: number;
}

export interface DeliverySample {
  at: number;
  ok: boolean;
  /** HTTP status of the failed attempt when the instance answered. */
  status?: number;
  error?: string;
}

export interface ProviderOutcome {
  name: string;
  up: boolean;
  /** When it last answered or failed. */
  at: number;
  /** Since when it has been in this state (first outcome of the current run of ups or downs). */
  since: number;
}

export interface RecentSnapshot {
  responses: ResponseSample[];
  deliveries: DeliverySample[];
  /** The newest response of each status, however old (a backoff can be longer than the window). */
  lastByStatus: ResponseSample[];
  /** The newest successful and failed delivery attempts, however old. */
  lastDeliveryOk: number | null;
  lastDeliveryFailure: DeliverySample | null;
  providers: ProviderOutcome[];
}

export interface RecentOutcomes {
  response(s: ResponseSample): void;
  delivery(s: DeliverySample): void;
  provider(name: string, up: boolean, at: number): void;
  /** Entries of the last `windowMs` before `nowMs`, oldest first. */
  snapshot(nowMs: number, windowMs: number): RecentSnapshot;
}

function ring<T extends { at: number }>(capacity: number) {
  const items: T[] = [];
  return {
    push(x: T) {
      items.push(x);
      if (items.length > capacity) items.splice(0, items.length - capacity);
    },
    since(t: number): T[] {
      // Oldest first, so the first one at or after t starts the answer.
      let i = 0;
      while (i < items.length && items[i]!.at < t) i++;
      return items.slice(i);
    },
    prune(t: number) {
      let i = 0;
      while (i < items.length && items[i]!.at < t) i++;
      if (i) items.splice(0, i);
    },
  };
}

export function createRecentOutcomes(o: { capacity?: number; horizonMs?: number } = {}): RecentOutcomes {
  const capacity = o.capacity ?? 4096;
  const horizonMs = o.horizonMs ?? 30 * 60_000;
  const responses = ring<ResponseSample>(capacity);
  const deliveries = ring<DeliverySample>(capacity);
  const providers = new Map<string, ProviderOutcome>();
  // One entry per status seen (a few dozen at most: statuses are three-digit numbers).
  const lastByStatus = new Map<number, ResponseSample>();
  let lastDeliveryOk: number | null = null;
  let lastDeliveryFailure: DeliverySample | null = null;

  return {
    response(s) {
      responses.push(s);
      responses.prune(s.at - horizonMs);
      const prev = lastByStatus.get(s.status);
      if (!prev || s.at >= prev.at) lastByStatus.set(s.status, s);
    },
    delivery(s) {
      deliveries.push(s);
      deliveries.prune(s.at - horizonMs);
      if (s.ok) lastDeliveryOk = Math.max(lastDeliveryOk ?? s.at, s.at);
      else if (!lastDeliveryFailure || s.at >= lastDeliveryFailure.at) lastDeliveryFailure = s;
    },
    provider(name, up, at) {
      const prev = providers.get(name);
      providers.set(name, { name, up, at, since: prev && prev.up === up ? prev.since : at });
    },
    snapshot(nowMs, windowMs) {
      const from = nowMs - windowMs;
      return {
        responses: responses.since(from),
        deliveries: deliveries.since(from),
        lastByStatus: [...lastByStatus.values()].sort((a, b) => a.status - b.status),
        lastDeliveryOk,
        lastDeliveryFailure,
        providers: [...providers.values()].sort((a, b) => a.name.localeCompare(b.name)),
      };
    },
  };
}

/** Nearest-rank quantile of exact values (q in 0..1); null for none. */
export function exactQuantile(values: readonly number[], q: number): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[rank - 1]!;
}
