import { expect } from 'chai';
import pino from 'pino';
import { ingestAlarms, INGEST_CHUNK, type IngestDeps } from '../../../connector/src/service/ingest.js';
import { createMetrics } from '../../../connector/src/observability/metrics.js';
import { createRefusalLog } from '../../../connector/src/service/rejections.js';
import { createWriteHealth } from '../../../connector/src/service/write-health.js';
import type { Store } from '../../../connector/src/store/store.js';
import type { IngestItem, IngestResult } from '../../../connector/src/model/ingest.js';
import { QUIET } from '../../support/alarms.js';
import { tinyEngine } from '../../support/tiny-engine.js';
import { alarm } from '../../support/alarms.js';

/** A store whose ingest transaction answers `results` for the items, without a database. */
const fakeIngest = (results: (items: IngestItem[]) => Promise<IngestResult[]>): Store['ingestTx'] =>
  ((items: IngestItem[]) => results(items)) as Store['ingestTx'];

function deps(store: Partial<Store>, over: Partial<IngestDeps> = {}): IngestDeps {
  const logger = pino({ level: 'silent' });
  return {
    store: store as Store,
    engine: () => tinyEngine({}),
    metrics: createMetrics(store as Store, { defaults: false }),
    logger,
    correlationDisplay: 'Closeloop',
    kick: () => undefined,
    policy: QUIET,
    limits: { nestingDepth: 64, alarmsPerBatch: 5000, messageBytes: 1 << 20 },
    health: createWriteHealth(),
    logRefusal: createRefusalLog(logger),
    ...over,
  };
}

describe('service/ingest', () => {
  it('stores a big batch in chunks, reporting each alarm at its position in the batch', async () => {
    const calls: number[] = [];
    const store: Partial<Store> = {
      ingestTx: fakeIngest(async (items) => {
        calls.push(items.length);
        return items.map((i) => ({ identity: i.alarm.id, outcome: 'created' as const, eventKey: 'k' }));
      }),
    };
    const alarms = Array.from({ length: 250 }, (_, i) => alarm({ id: `a${i}` }));
    const positions = alarms.map((_, i) => i * 2);
    const r = await ingestAlarms(deps(store), 'bms', alarms, positions);
    expect(calls).to.deep.equal([INGEST_CHUNK, INGEST_CHUNK, 250 - 2 * INGEST_CHUNK]);
    expect(r.accepted.map((a) => a.index)).to.deep.equal(positions);
    expect(r.storeError).to.equal(undefined);
  });

  it('a store failure part-way reports what was stored and what was not', async () => {
    let n = 0;
    const store: Partial<Store> = {
      ingestTx: fakeIngest(async (items) => {
        if (++n === 2) throw new Error('disk I/O error');
        return items.map((i) => ({ identity: i.alarm.id, outcome: 'created' as const, eventKey: 'k' }));
      }),
    };
    const alarms = Array.from({ length: 250 }, (_, i) => alarm({ id: `a${i}` }));
    const r = await ingestAlarms(
      deps(store),
      'bms',
      alarms,
      alarms.map((_, i) => i),
    );
    expect(r.accepted).to.have.length(INGEST_CHUNK);
    expect(r.notStored).to.deep.equal(alarms.map((_, i) => i).slice(INGEST_CHUNK));
    expect((r.storeError as Error).message).to.equal('disk I/O error');
  });

  it('when the silences cannot be read (the store is away), nothing is stored and it says so', async () => {
    const store: Partial<Store> = { ingestTx: fakeIngest(async () => []) };
    const d = deps(store, { silences: () => Promise.reject(new Error('connection terminated')) });
    const r = await ingestAlarms(d, 'bms', [alarm()], [0]);
    expect((r.storeError as Error).message).to.equal('connection terminated');
    expect(r.notStored).to.deep.equal([0]);
    expect(d.health.problem()).to.match(/connection terminated/);
  });

  it('a rule that throws refuses that alarm only', async () => {
    const engine = tinyEngine({});
    const throwing = {
      ...engine,
      plan: (a: ReturnType<typeof alarm>) => {
        if (a.id === 'bad') throw new RangeError('Maximum call stack size exceeded');
        return engine.plan(a);
      },
    };
    const store: Partial<Store> = {
      ingestTx: fakeIngest(async (items) =>
        items.map((i) => ({ identity: i.alarm.id, outcome: 'created' as const, eventKey: 'k' })),
      ),
    };
    const r = await ingestAlarms(
      deps(store, { engine: () => throwing }),
      'bms',
      [alarm({ id: 'ok' }), alarm({ id: 'bad' })],
      [0, 1],
    );
    expect(r.accepted.map((a) => a.id)).to.deep.equal(['ok']);
    expect(r.refused).to.deep.include({
      index: 1,
      message: 'could not be mapped: Maximum call stack size exceeded',
      raw: {},
    });
  });
});
