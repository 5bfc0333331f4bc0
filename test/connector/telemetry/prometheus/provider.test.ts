// Against a real Prometheus (Debian package), started on a free loopback port over backfilled history.
import { expect } from 'chai';
import { PrometheusProviderSchema } from '../../../../connector/src/config/schema.js';
import { createPrometheusProvider } from '../../../../connector/src/telemetry/prometheus/provider.js';
import { TelemetryError, type TelemetryProvider } from '../../../../connector/src/telemetry/types.js';
import { evaluateChecks } from '../../../../connector/src/guard/evaluate-checks.js';
import { check } from '../../guard/checks.js';
import {
  prometheusUnavailable,
  startPrometheus,
  type PrometheusHandle,
} from '../../../support/prometheus.js';
import { MIN, STEP, gpuHistory } from '../../../support/gpu-history.js';

const now = Math.floor(Date.now() / STEP) * STEP;
const window = { startMs: now - 10 * MIN, endMs: now };
const signal = () => AbortSignal.timeout(5000);

describe('telemetry/prometheus provider (real Prometheus)', function () {
  this.timeout(30_000);
  let prom: PrometheusHandle | undefined;
  let provider: TelemetryProvider;

  before(async function () {
    const missing = await prometheusUnavailable();
    if (missing) {
      console.warn(`      SKIPPED: real Prometheus tests need it: ${missing}`);
      this.skip();
    }
    prom = await startPrometheus(gpuHistory(now));
    provider = createPrometheusProvider(
      'prom',
      PrometheusProviderSchema.parse({ kind: 'prometheus', url: prom.url }),
    );
  });
  after(async () => {
    await provider?.close();
    await prom?.stop();
  });

  it('reads a plain selector as raw samples with their real timestamps', async () => {
    const series = await provider.queryRange('crah_supply_air_celsius{unit="CRAH-1"}', window, signal());
    expect(series).to.have.length(1);
    expect(series[0]!.labels).to.include({ __name__: 'crah_supply_air_celsius', unit: 'CRAH-1' });
    const ts = series[0]!.samples.map((s) => s.t);
    expect(ts[0]).to.equal(now - 10 * MIN); // [startMs, endMs]; the evaluator drops the edge itself
    expect(ts[ts.length - 1]).to.equal(now);
    expect(series[0]!.samples).to.have.length(41);
    expect(series[0]!.samples.every((s) => s.v === 22)).to.equal(true);
  });

  it('shows a series that stopped 3 min ago as stopped (query_range would fill it in)', async () => {
    const raw = await provider.queryRange('crah_supply_air_celsius{unit="CRAH-4"}', window, signal());
    expect(raw[0]!.samples.at(-1)!.t).to.equal(now - 3 * MIN);
    const ranged = await provider.queryRange(
      'max(crah_supply_air_celsius{unit="CRAH-4"})',
      { ...window, stepMs: STEP },
      signal(),
    );
    expect(ranged[0]!.samples.at(-1)!.t).to.equal(now);
  });

  it('evaluates expressions with query_range at the step', async () => {
    const series = await provider.queryRange(
      'max(DCGM_FI_DEV_GPU_TEMP{Hostname="node-1"})',
      { ...window, stepMs: 60_000 },
      signal(),
    );
    expect(series).to.have.length(1);
    expect(series[0]!.samples).to.have.length(11);
    expect(series[0]!.samples.every((s) => s.v === 67)).to.equal(true);
  });

  it('returns one series per GPU and turns DCGM blank sentinels into missing values', async () => {
    const gpus = await provider.queryRange('DCGM_FI_DEV_GPU_TEMP{Hostname="node-1"}', window, signal());
    expect(gpus.map((s) => s.labels.gpu).sort()).to.deep.equal(['0', '1', '2', '3', '4', '5', '6', '7']);
    const blank = await provider.queryRange(
      'DCGM_FI_DEV_GPU_TEMP{Hostname="node-2",gpu="0"}',
      window,
      signal(),
    );
    expect(blank[0]!.samples).to.have.length(41);
    expect(blank[0]!.samples.every((s) => s.v === null)).to.equal(true);
  });

  it('keeps a series that stopped reporting in the answer (no samples) when asked since when', async () => {
    const sel = 'crah_supply_air_celsius{unit=~"CRAH-[1-4]"}';
    const recent = { startMs: now - 2 * MIN, endMs: now };
    const units = (series: { labels: Record<string, string> }[]) =>
      series.map((x) => x.labels['unit']).sort();
    // CRAH-3 stopped 6 min ago, CRAH-4 3 min ago: a window of the last 2 min has neither.
    expect(units(await provider.queryRange(sel, recent, signal()))).to.deep.equal(['CRAH-1', 'CRAH-2']);
    const kept = await provider.queryRange(sel, { ...recent, seriesSinceMs: now - 20 * MIN }, signal());
    expect(units(kept)).to.deep.equal(['CRAH-1', 'CRAH-2', 'CRAH-3', 'CRAH-4']);
    for (const x of kept.filter((k) => ['CRAH-3', 'CRAH-4'].includes(k.labels['unit']!)))
      expect(x.samples).to.deep.equal([]);
    // So a zone check does not pass on the units that still report.
    const zone = check({
      provider: 'prom',
      query: sel,
      label: 'zone supply air',
      stabilize: '1m',
      max_age: '1m',
    });
    const judge = async (seriesSinceMs?: number) =>
      (
        await evaluateChecks([zone], new Map([['prom', provider]]), {
          budgetMs: 5000,
          nowMs: now,
          ...(seriesSinceMs !== undefined ? { seriesSinceMs } : {}),
        })
      )[0]!;
    expect((await judge()).status).to.equal('pass');
    const r = await judge(now - 20 * MIN);
    expect(r).to.include({ status: 'unknown', reason: 'no_data', series: 4 });
    expect(r.message).to.match(
      /^zone supply air \(unit=CRAH-[34]\): no data from prom in the last 1 min \(2 of 4 series\)$/,
    );
  });

  it('returns [] for a metric nobody exports', async () => {
    expect(await provider.queryRange('no_such_metric', window, signal())).to.deep.equal([]);
  });

  it("surfaces Prometheus's own error text for a bad query", async () => {
    const err = await provider.queryRange('max(', window, signal()).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).to.be.instanceOf(TelemetryError);
    expect((err as TelemetryError).kind).to.equal('bad_query');
    expect((err as TelemetryError).message).to.match(/^prom: bad_data: .*parse error/);
  });

  it('a partial answer (a remote-read store did not answer) is an error, not the series that came', async function () {
    // The local TSDB holds the history; the remote store behind it is down.
    const partial = await startPrometheus(gpuHistory(now), { remoteRead: 'http://127.0.0.1:9/api/v1/read' });
    const p = createPrometheusProvider(
      'prom',
      PrometheusProviderSchema.parse({ kind: 'prometheus', url: partial.url }),
    );
    try {
      for (const q of ['crah_supply_air_celsius{unit="CRAH-1"}', 'max(crah_supply_air_celsius)']) {
        const err = await p.queryRange(q, { ...window, stepMs: STEP }, signal()).catch((e: unknown) => e);
        expect(err, q).to.be.instanceOf(TelemetryError).with.property('kind', 'unreachable');
        expect((err as Error).message).to.match(
          /^prom: partial answer, some data could not be read: remote_read: /,
        );
      }
    } finally {
      await p.close();
      await partial.stop();
    }
  });

  it('reports an unreachable Prometheus as unreachable', async () => {
    const dead = createPrometheusProvider(
      'dead',
      PrometheusProviderSchema.parse({ kind: 'prometheus', url: 'http://127.0.0.1:9' }),
    );
    const err = await dead.queryRange('up', window, signal()).catch((e: unknown) => e);
    expect(err).to.be.instanceOf(TelemetryError).with.property('kind', 'unreachable');
    expect((err as Error).message).to.contain('ECONNREFUSED');
    await dead.close();
  });
});
