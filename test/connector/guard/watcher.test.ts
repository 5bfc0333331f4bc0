// The watcher: open events re-judged against a real Prometheus; a changed verdict is written to the
// outbox (verdict record + work note), an unchanged one writes nothing, and with auto-resolve an event
// whose alarms are all clear resolves on `pass` only.
import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { PrometheusProviderSchema } from '../../../connector/src/config/schema.js';
import type { EventVerdict } from '../../../connector/src/guard/event-verdict.js';
import { startWatcher, verdictOps, type Watcher } from '../../../connector/src/guard/watcher.js';
import type { Operation } from '../../../connector/src/outbox/operations.js';
import { createSqliteStore } from '../../../connector/src/store/sqlite/store.js';
import type { Store } from '../../../connector/src/store/store.js';
import { createPrometheusProvider } from '../../../connector/src/telemetry/prometheus/provider.js';
import type { TelemetryProvider } from '../../../connector/src/telemetry/types.js';
import { alarm, plan, QUIET } from '../../support/alarms.js';
import { MIN, STEP } from '../../support/gpu-history.js';
import {
  prometheusUnavailable,
  startPrometheus,
  type OmSeries,
  type PrometheusHandle,
} from '../../support/prometheus.js';
import { check } from './checks.js';
import { ingest } from '../../../connector/src/lifecycle/apply.js';

const now = Math.floor(Date.now() / STEP) * STEP;
/** Windows ending at these times see: the early spike (fail), nothing (pass), the late spike (fail). */
const EARLY = now - 5 * MIN;
const CALM = now - 2.5 * MIN;
const LATE = now;

/** 30 min of 15 s samples at 22 °C for each unit, with 29.4 °C spikes 14 min and 1 min before `now`. */
function history(units: string[]): OmSeries[] {
  return units.map((unit) => {
    const samples: Array<[number, number]> = [];
    for (let t = now - 30 * MIN; t <= now; t += STEP)
      samples.push([t, t === now - 14 * MIN || t === now - MIN ? 29.4 : 22]);
    return { name: 'crah_supply_air_celsius', labels: { unit }, samples };
  });
}
const UNITS = ['W1', 'W2', 'W3', ...Array.from({ length: 6 }, (_, i) => `C${i}`)];

const airCheck = (unit: string) =>
  check({
    name: 'supply-air',
    provider: 'prom',
    label: `${unit} supply air`,
    query: `crah_supply_air_celsius{unit="${unit}"}`,
  });

const verdict = (v: EventVerdict['verdict']): EventVerdict => ({
  verdict: v,
  evaluatedAt: new Date(now).toISOString(),
  checks: [
    {
      name: 'supply-air',
      status: v,
      observed: '22 °C',
      expected: '18–27 °C',
      window: '10 min',
      samples: 41,
      message: v === 'fail' ? 'CRAH-2 supply air 29.4 °C > 27 °C at 10:42' : 'CRAH-2 supply air 22 °C',
      points: [{ t: now, v: 22 }],
    },
  ],
});

describe('guard/verdictOps', () => {
  const ctx = { allClear: true, autoResolve: true, stabilizeText: '10 min' };

  it('writes nothing when the verdict did not change', () => {
    expect(verdictOps('fail', verdict('fail'), ctx)).to.deep.equal([]);
    expect(verdictOps('pass', verdict('pass'), ctx)).to.deep.equal([]);
  });

  it('a new incident failing or unknown on its first evaluation writes nothing (it is expected)', () => {
    expect(verdictOps(null, verdict('fail'), ctx)).to.deep.equal([]);
    expect(verdictOps(null, verdict('unknown'), ctx)).to.deep.equal([]);
    expect(verdictOps(null, verdict('pass'), ctx).map((o) => o.op)).to.deep.equal(['verdict', 'resolve']);
  });

  it('a change writes the verdict record with its note, without the chart points', () => {
    const [op, ...rest] = verdictOps('unknown', verdict('fail'), ctx);
    expect(rest).to.deep.equal([]);
    expect(op).to.deep.include({ op: 'verdict', verdict: 'fail', evaluatedAt: new Date(now).toISOString() });
    const v = op as Extract<Operation, { op: 'verdict' }>;
    expect(v.note).to.equal('Not OK to resolve: CRAH-2 supply air 29.4 °C > 27 °C at 10:42');
    expect(v.checks[0]).to.not.have.property('points');
    expect(v.checks[0]).to.include({ name: 'supply-air', samples: 41 });
  });

  it('says "again" when a pass turns into a fail', () => {
    const [op] = verdictOps('pass', verdict('fail'), ctx);
    expect((op as Extract<Operation, { op: 'verdict' }>).note).to.equal(
      'Not OK to resolve again: CRAH-2 supply air 29.4 °C > 27 °C at 10:42',
    );
  });

  it('resolves on pass only with auto-resolve on and every alarm clear', () => {
    expect(verdictOps('fail', verdict('pass'), ctx).map((o) => o.op)).to.deep.equal(['verdict', 'resolve']);
    expect(
      verdictOps('fail', verdict('pass'), { ...ctx, autoResolve: false }).map((o) => o.op),
    ).to.deep.equal(['verdict']);
    expect(verdictOps('fail', verdict('pass'), { ...ctx, allClear: false }).map((o) => o.op)).to.deep.equal([
      'verdict',
    ]);
    expect(verdictOps('pass', verdict('unknown'), ctx).map((o) => o.op)).to.deep.equal(['verdict']);
  });
});

describe('guard/startWatcher', function () {
  this.timeout(30_000);
  let prom: PrometheusHandle | undefined;
  let prometheus: TelemetryProvider;
  let dir: string;
  let store: Store;
  let clock = EARLY;
  let kicks = 0;
  const watchers: Watcher[] = [];

  const watch = (
    providers: Map<string, TelemetryProvider>,
    over: { concurrency?: number; intervalMs?: number } = {},
  ) => {
    const w = startWatcher({
      store,
      providers,
      intervalMs: over.intervalMs ?? 3_600_000,
      budgetMs: 3000,
      concurrency: over.concurrency ?? 4,
      logger: pino({ level: 'silent' }),
      kick: () => void kicks++,
      now: () => new Date(clock),
      random: () => 0.5,
    });
    watchers.push(w);
    return w;
  };

  /** Opens an event on `key` whose alarm is raised and, unless `active`, cleared again. */
  async function openEvent(key: string, unit: string, o: { autoResolve: boolean; active?: boolean }) {
    const a = alarm({ id: `${key}-alarm`, asset: { site: 'DC1', equipmentId: unit, equipmentName: unit } });
    const p = plan({
      correlationKey: key,
      closeChecks: [airCheck(unit)],
      behaviour: { autoResolve: o.autoResolve, reopenWindowMs: 3_600_000, holdDownMs: 0 },
    });
    await ingest(store, [{ alarm: a, plan: p }], new Date(), 'Closeloop', QUIET);
    if (!o.active)
      await ingest(store, [{ alarm: { ...a, state: 'cleared' }, plan: p }], new Date(), 'Closeloop', QUIET);
  }

  /** What the watcher enqueued for `key` (the lifecycle's own create and notes left out). */
  async function written(key: string): Promise<Operation[]> {
    const e = await store.getEvent(key);
    return (e?.deliveries ?? []).map((d) => d.op).filter((op) => op.op === 'verdict' || op.op === 'resolve');
  }
  const notes = (ops: Operation[]) => ops.map((o) => (o.op === 'verdict' ? o.note : o.op));

  before(async function () {
    const missing = await prometheusUnavailable();
    if (missing) {
      console.warn(`      SKIPPED: the watcher is tested against a real Prometheus: ${missing}`);
      this.skip();
    }
    prom = await startPrometheus(history(UNITS));
    prometheus = createPrometheusProvider(
      'prom',
      PrometheusProviderSchema.parse({ kind: 'prometheus', url: prom.url }),
    );
  });
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'closeloop-watcher-'));
    store = createSqliteStore(path.join(dir, 'closeloop.db'));
    clock = EARLY;
    kicks = 0;
  });
  afterEach(async () => {
    for (const w of watchers.splice(0)) await w.stop();
    await store?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  after(async () => {
    await prometheus?.close();
    await prom?.stop();
  });

  it('writes a verdict and a work note on every change, and nothing while the verdict holds', async () => {
    await openEvent('DC1/cooling/W1', 'W1', { autoResolve: false });
    const w = watch(new Map([['prom', prometheus]]));

    // The first verdict of a new incident is recorded, not written: failing is what it is expected to do.
    expect(await w.runOnce()).to.equal(1);
    let ops = await written('DC1/cooling/W1');
    expect(ops).to.deep.equal([]);
    const first = (await store.getEvent('DC1/cooling/W1'))!.event;
    expect(first.verdict).to.equal('fail');
    expect((first.verdictChecks as { message: string }[]).map((c) => c.message).join('\n')).to.match(
      /W1 supply air 29.4 °C > 27 °C at \d\d:\d\d, needs 10 min in 18–27 °C \(now 22 °C\)/,
    );

    // Same time, same data: no change, nothing written, nobody woken.
    const kicked = kicks;
    expect(await w.runOnce()).to.equal(0);
    expect(await written('DC1/cooling/W1')).to.have.length(0);
    expect(kicks).to.equal(kicked);

    clock = CALM;
    expect(await w.runOnce()).to.equal(1);
    clock = LATE;
    expect(await w.runOnce()).to.equal(1);
    ops = await written('DC1/cooling/W1');
    expect(ops.map((o) => o.op === 'verdict' && o.verdict)).to.deep.equal(['pass', 'fail']);
    expect(notes(ops)[0]).to.equal('Telemetry back in range and stable for 10 min — OK to resolve.');
    expect(notes(ops)[1]).to.match(/^Not OK to resolve again: W1 supply air 29.4 °C > 27 °C at \d\d:\d\d/);

    const e = (await store.getEvent('DC1/cooling/W1'))!.event;
    expect(e).to.include({ state: 'open', verdict: 'fail', verdictAt: new Date(LATE).toISOString() });
    const v = ops[1] as Extract<Operation, { op: 'verdict' }>;
    expect(v.evaluatedAt).to.equal(new Date(LATE).toISOString());
    expect(v.checks.map((ch) => (ch as { name: string; status: string }).status)).to.deep.equal([
      'pass',
      'fail',
    ]);
  });

  it('with auto-resolve, resolves an all-clear event on pass and leaves one with an active alarm open', async () => {
    await openEvent('DC1/cooling/W2', 'W2', { autoResolve: true });
    await openEvent('DC1/cooling/W3', 'W3', { autoResolve: true, active: true });
    const w = watch(new Map([['prom', prometheus]]));

    await w.runOnce();
    expect((await written('DC1/cooling/W2')).map((o) => o.op)).to.deep.equal([]);
    expect((await store.getEvent('DC1/cooling/W2'))!.event).to.include({ state: 'open', verdict: 'fail' });

    clock = CALM;
    await w.runOnce();
    const ops = await written('DC1/cooling/W2');
    expect(ops.map((o) => o.op)).to.deep.equal(['verdict', 'resolve']);
    expect(ops[1]).to.deep.equal({
      op: 'resolve',
      note: 'All alarms cleared and telemetry stable in range; resolved automatically by Closeloop.',
    });
    expect((await store.getEvent('DC1/cooling/W2'))!.event.state).to.equal('resolved');

    // Telemetry is fine for W3 too, but its alarm still fires: fail, named, and no resolve.
    expect(await written('DC1/cooling/W3')).to.deep.equal([]);
    const w3 = (await store.getEvent('DC1/cooling/W3'))!.event;
    expect(w3).to.include({ state: 'open', verdict: 'fail' });
    expect((w3.verdictChecks as { message: string }[])[0]!.message).to.match(
      /Alarm still active: W3 supply_air_temp_high/,
    );

    // A resolved event is no longer watched.
    clock = LATE;
    expect(await w.runOnce()).to.equal(0);
  });

  it('never samples nor queries a refused check, and never resolves on it: the verdict stays unknown', async () => {
    const calls: string[] = [];
    const spy: TelemetryProvider = {
      name: 'cdu',
      kind: 'redfish',
      sample: async (q) => void calls.push(`sample ${q}`),
      queryRange: async (q) => (calls.push(`query ${q}`), []),
      close: async () => {},
    };
    const refused = {
      ...check({
        name: 'flow',
        provider: 'cdu',
        query: '/redfish/v1/Chassis/{{asset.equipment_id}}/Sensors/Flow',
      }),
      refused: 'unsafe value for a Redfish query: {{asset.equipment_id}} = "CDU/x": holds "/" or "\\"',
    };
    const a = alarm({ id: 'R-alarm' });
    const p = plan({ correlationKey: 'DC1/cdu/R', closeChecks: [refused] });
    await ingest(store, [{ alarm: a, plan: p }], new Date(), 'Closeloop', QUIET);
    await ingest(store, [{ alarm: { ...a, state: 'cleared' }, plan: p }], new Date(), 'Closeloop', QUIET);
    const w = watch(new Map([['cdu', spy]]));
    await w.runOnce();
    expect(calls).to.deep.equal([]);
    const e = (await store.getEvent('DC1/cdu/R'))!.event;
    expect(e).to.include({ state: 'open', verdict: 'unknown' });
    expect(
      (e.verdictChecks as { name: string; message: string }[]).find((c) => c.name === 'flow')!.message,
    ).to.match(/^CRAH-2 supply air: not checked: unsafe value for a Redfish query/);
  });

  it('does not record a pass (nor resolve) when an alarm was raised again while it evaluated', async () => {
    await openEvent('DC1/cooling/W2', 'W2', { autoResolve: true });
    // The telemetry answer is held until the alarm has been raised again meanwhile.
    let release!: () => void;
    const raised = new Promise<void>((r) => (release = r));
    let asked!: () => void;
    const querying = new Promise<void>((r) => (asked = r));
    const slow: TelemetryProvider = {
      name: 'prom',
      kind: 'prometheus',
      queryRange: async (query, window, signal) => {
        asked();
        await raised;
        return prometheus.queryRange(query, window, signal);
      },
      close: async () => {},
    };
    clock = CALM; // the window is in range: the evaluation will say pass
    const w = watch(new Map([['prom', slow]]));
    const run = w.runOnce();
    await querying;
    const p = plan({
      correlationKey: 'DC1/cooling/W2',
      closeChecks: [airCheck('W2')],
      behaviour: { autoResolve: true, reopenWindowMs: 3_600_000, holdDownMs: 0 },
    });
    const again = alarm({
      id: 'DC1/cooling/W2-alarm',
      asset: { site: 'DC1', equipmentId: 'W2', equipmentName: 'W2' },
    });
    expect(
      (await ingest(store, [{ alarm: again, plan: p }], new Date(), 'Closeloop', QUIET))[0]!.outcome,
    ).to.equal('reactivated');
    release();
    // The pass was computed from a snapshot in which every alarm was clear: it is not written.
    expect(await run).to.equal(0);
    const e = (await store.getEvent('DC1/cooling/W2'))!;
    expect(e.event).to.include({ state: 'open', verdict: null });
    expect(await written('DC1/cooling/W2')).to.deep.equal([]);
    // The next pass sees the active alarm: fail, nothing resolved.
    await watch(new Map([['prom', prometheus]])).runOnce();
    expect((await store.getEvent('DC1/cooling/W2'))!.event).to.include({ state: 'open', verdict: 'fail' });
  });

  it('evaluates events concurrently, never more at once than its concurrency', async () => {
    let inFlight = 0;
    let most = 0;
    let calls = 0;
    // The real provider, held a little so that overlapping evaluations are visible.
    const counting: TelemetryProvider = {
      name: 'prom',
      kind: 'prometheus',
      queryRange: async (query, window, signal) => {
        calls++;
        most = Math.max(most, ++inFlight);
        try {
          await new Promise((r) => setTimeout(r, 60));
          return await prometheus.queryRange(query, window, signal);
        } finally {
          inFlight--;
        }
      },
      close: async () => {},
    };
    for (let i = 0; i < 6; i++) await openEvent(`DC1/cooling/C${i}`, `C${i}`, { autoResolve: false });
    const w = watch(new Map([['prom', counting]]), { concurrency: 2 });
    const t0 = Date.now();
    expect(await w.runOnce()).to.equal(6);
    expect(calls).to.equal(6);
    expect(most).to.equal(2);
    // Three rounds of two, not six one after the other nor all six at once.
    expect(Date.now() - t0).to.be.at.least(170);
  });

  it('runs by itself on its interval until stopped', async () => {
    await openEvent('DC1/cooling/W1', 'W1', { autoResolve: false });
    const w = watch(new Map([['prom', prometheus]]), { intervalMs: 100 });
    const deadline = Date.now() + 5000;
    const verdict = async () => (await store.getEvent('DC1/cooling/W1'))!.event.verdict;
    while ((await verdict()) === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    expect(await verdict()).to.equal('fail');
    await w.stop();
    clock = CALM; // would change the verdict, but the watcher is stopped
    await new Promise((r) => setTimeout(r, 300));
    expect(await verdict()).to.equal('fail');
    expect(await written('DC1/cooling/W1')).to.have.length(0);
  });
});
