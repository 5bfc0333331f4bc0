// The lifecycle's scheduler: runs the background passes in turn, wakes the outbox after a pass that
// enqueued something, logs a failing pass without stopping the others, never overlaps itself, and
// stops only once a pass in progress has finished.
import { expect } from 'chai';
import pino from 'pino';
import type { LifecycleStore, PassTx } from '../../../connector/src/lifecycle/ports.js';
import { startLifecycleScheduler } from '../../../connector/src/lifecycle/scheduler.js';
import { at } from '../../support/alarms.js';
import { alarmRecordOf, eventRecord } from '../../support/events.js';
import { memoryLifecycleStore } from '../../support/memory-lifecycle-store.js';

const logger = pino({ level: 'silent' });

async function until(cond: () => boolean, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!cond()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('lifecycle/scheduler', () => {
  it('runs raise, release and flush in turn each tick and wakes the outbox when one enqueued', async () => {
    const store = memoryLifecycleStore();
    const held = eventRecord({
      key: 'H',
      state: 'pending',
      raiseAt: at(0).toISOString(),
      pendingCreate: { op: 'create', fields: {}, references: {} },
    });
    store.state.events.set('H', held);
    store.state.alarms.set('bms:A1', alarmRecordOf('H', 'A1', 'active'));
    let woken = 0;
    const s = startLifecycleScheduler({
      store,
      intervalMs: 5,
      stormLimitPerMinute: 50,
      now: () => at(1),
      onEnqueued: () => woken++,
      logger,
    });
    await until(() => store.calls.filter((c) => c === 'dueNoteEvents').length >= 2);
    await s.stop();
    expect(woken).to.equal(1);
    expect(store.ops('H')).to.deep.equal(['create']);
    const order = store.calls.filter((c) =>
      ['dueHeldEvents', 'openEventsOfKind', 'dueNoteEvents'].includes(c),
    );
    expect(order.slice(0, 6)).to.deep.equal([
      'dueHeldEvents',
      'openEventsOfKind',
      'dueNoteEvents',
      'dueHeldEvents',
      'openEventsOfKind',
      'dueNoteEvents',
    ]);
  });

  it('a failing pass is logged and the others still run; passes never overlap; stop waits', async () => {
    const errors: string[] = [];
    const log = pino({ level: 'error' }, { write: (line: string) => void errors.push(JSON.parse(line).msg) });
    let running = 0;
    let overlapped = false;
    let passes = 0;
    let release: () => void = () => undefined;
    let gate: Promise<void> | null = null;
    const tx = {
      dueHeldEvents: () => {
        throw new Error('database away');
      },
      openEventsOfKind: () => [],
      dueNoteEvents: () => [],
    } as unknown as PassTx;
    const store: LifecycleStore = {
      ingestTx: () => Promise.reject(new Error('not used')),
      passTx: async (work) => {
        running++;
        if (running > 1) overlapped = true;
        passes++;
        try {
          if (gate) await gate;
          return await work(tx);
        } finally {
          running--;
        }
      },
    };
    const s = startLifecycleScheduler({
      store,
      intervalMs: 1,
      stormLimitPerMinute: 50,
      now: () => at(0),
      onEnqueued: () => undefined,
      logger: log,
    });
    await until(() => passes >= 9);
    expect(errors).to.include('could not raise held events');
    expect(errors).to.not.include('could not release parked events');
    // Hold the next pass, stop meanwhile: stop resolves only after it is let go.
    gate = new Promise((r) => (release = r));
    const heldAt = passes;
    await until(() => passes > heldAt);
    let stopped = false;
    const stopping = s.stop().then(() => (stopped = true));
    await new Promise((r) => setTimeout(r, 30));
    expect(stopped).to.equal(false);
    release();
    await stopping;
    const after = passes;
    await new Promise((r) => setTimeout(r, 30));
    expect(passes).to.equal(after);
    expect(overlapped).to.equal(false);
  });
});
