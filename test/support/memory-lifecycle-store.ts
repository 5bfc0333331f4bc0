// The lifecycle's ports (connector/src/lifecycle/ports.ts) over plain maps, so the ingest loop and
// every background pass can be unit-tested with plain data. A transaction works on a copy that
// replaces the state only when its work succeeds, as a database would. It follows what the SQL
// stores answer (the store contract keeps those two honest); it is not a third store.
import type {
  AlarmLogEntry,
  IngestTx,
  LifecycleStore,
  OutcomeCount,
  PassTx,
} from '../../connector/src/lifecycle/ports.js';
import type { AlarmRecord } from '../../connector/src/model/alarm-record.js';
import type { EventRecord } from '../../connector/src/model/event.js';
import type { Operation } from '../../connector/src/model/operation.js';

export interface MemoryOutboxEntry {
  eventKey: string;
  op: Operation;
  state: 'pending' | 'inflight' | 'done' | 'dead' | 'cancelled';
  enqueuedAt: string;
  lastError: string | null;
}

export interface MemoryState {
  alarms: Map<string, AlarmRecord>;
  events: Map<string, EventRecord>;
  log: AlarmLogEntry[];
  outbox: MemoryOutboxEntry[];
}

export interface MemoryLifecycleStore extends LifecycleStore {
  state: MemoryState;
  /** Every port call made, in order (method name), for tests that care which reads happened. */
  calls: string[];
  /** Operations of one event's outbox, in order, as `op` kinds (or with their states). */
  ops(eventKey: string): string[];
  transactions: { ingest: number; pass: number };
}

const live = (e: EventRecord) => e.state === 'open' || e.state === 'pending';

function copy(s: MemoryState): MemoryState {
  return structuredClone(s);
}

function transaction(s: MemoryState, calls: string[]): IngestTx & PassTx {
  const events = () => [...s.events.values()];
  const count = (c: OutcomeCount, source: string | null) =>
    s.log.filter(
      (l) =>
        c.outcomes.includes(l.outcome) &&
        l.receivedAt >= c.sinceIso &&
        (source === null || l.identity.startsWith(`${source}:`)),
    ).length;
  const tx: IngestTx & PassTx = {
    getAlarm: (id) => s.alarms.get(id) ?? null,
    getEvent: (key) => s.events.get(key) ?? null,
    lockEvent: (key) => s.events.get(key) ?? null,
    latestEventFor: (ck) =>
      events()
        .filter((e) => e.correlationKey === ck)
        .sort((a, b) => b.generation - a.generation)[0] ?? null,
    countActive: (key, except) =>
      [...s.alarms.values()].filter(
        (a) => a.eventKey === key && a.state === 'active' && a.identity !== except,
      ).length,
    liveCauseFor: (scopes) =>
      events()
        .filter(
          (e) =>
            e.noise.role === 'cause' && live(e) && e.noise.scope !== null && scopes.includes(e.noise.scope),
        )
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt))[0] ?? null,
    liveEffectsIn: (scope) =>
      events()
        .filter((e) => e.noise.role === 'effect' && live(e) && e.noise.scopes.includes(scope))
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
    countOutcomes: count,
    moveAlarms: (from, to) => {
      for (const [id, a] of s.alarms) if (a.eventKey === from) s.alarms.set(id, { ...a, eventKey: to });
    },
    cancelUndelivered: (key, reason) => {
      const mine = s.outbox.filter((o) => o.eventKey === key);
      const createDelivered = mine.some(
        (o) => o.op.op === 'create' && (o.state === 'done' || o.state === 'inflight'),
      );
      for (const o of mine)
        if (o.state === 'pending' || o.state === 'dead')
          Object.assign(o, { state: 'cancelled', lastError: reason });
      return { createDelivered };
    },
    putAlarm: (a) => void s.alarms.set(a.identity, a),
    appendLog: (l) => void s.log.push(l),
    putEvent: (e) => void s.events.set(e.key, e),
    enqueue: (key, ops, now) => {
      for (const op of ops)
        s.outbox.push({
          eventKey: key,
          op,
          state: 'pending',
          enqueuedAt: now.toISOString(),
          lastError: null,
        });
    },
    dueHeldEvents: (now) =>
      events().filter((e) => e.state === 'pending' && e.raiseAt !== null && e.raiseAt <= now.toISOString()),
    dueNoteEvents: (now) =>
      events().filter((e) => e.noise.noteDueAt !== null && e.noise.noteDueAt <= now.toISOString()),
    openEventsOfKind: (kind) => events().filter((e) => e.kind === kind && e.state === 'open'),
    parkedUnder: (key) =>
      events().filter((e) => e.state === 'pending' && e.noise.parked && e.noise.mergedInto === key),
  };
  // Record which port methods the lifecycle calls.
  return Object.fromEntries(
    Object.entries(tx).map(([name, fn]) => [
      name,
      (...args: unknown[]) => {
        calls.push(name);
        return (fn as (...a: unknown[]) => unknown)(...args);
      },
    ]),
  ) as unknown as IngestTx & PassTx;
}

export function memoryLifecycleStore(): MemoryLifecycleStore {
  const calls: string[] = [];
  const store: MemoryLifecycleStore = {
    state: { alarms: new Map(), events: new Map(), log: [], outbox: [] },
    calls,
    transactions: { ingest: 0, pass: 0 },
    ops: (key) => store.state.outbox.filter((o) => o.eventKey === key).map((o) => o.op.op),
    ingestTx: async (_items, _o, work) => {
      store.transactions.ingest++;
      const draft = copy(store.state);
      const result = await work(transaction(draft, calls));
      store.state = draft;
      return result;
    },
    passTx: async (work) => {
      store.transactions.pass++;
      const draft = copy(store.state);
      const result = await work(transaction(draft, calls));
      store.state = draft;
      return result;
    },
  };
  return store;
}
