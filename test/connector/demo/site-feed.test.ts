// The demo's site feed as the connector sees it: through the real Prometheus provider, with the
// demo mappings' rendered close checks, on a fake clock (no waiting).
import { expect } from 'chai';
import axios from 'axios';
import { PrometheusProviderSchema } from '../../../connector/src/config/schema.js';
import {
  alertmanagerGpuThermal,
  bmsCrahSupplyAir,
  redfishCduFlowLow,
} from '../../../connector/src/demo/alarm-payloads.js';
import { DEMO_MAPPINGS_DIR } from '../../../connector/src/demo/environment.js';
import { startSiteFeed, type SiteFeed } from '../../../connector/src/demo/site-feed.js';
import { cduFlowMeterStuck, crahRepaired, demoTimeline, HOT_GPUS } from '../../../connector/src/demo/site.js';
import type { Timeline } from '../../../connector/src/demo/timeline.js';
import { evaluateChecks } from '../../../connector/src/guard/evaluate-checks.js';
import type { RenderedCheck } from '../../../connector/src/guard/types.js';
import { loadMappings } from '../../../connector/src/mapping/load.js';
import { createEngine } from '../../../connector/src/service/engine.js';
import { createPrometheusProvider } from '../../../connector/src/telemetry/prometheus/provider.js';
import { TelemetryError, type TelemetryProvider } from '../../../connector/src/telemetry/types.js';

const START = Date.parse('2026-01-01T12:00:00Z');

describe('demo site feed over HTTP, read by the Prometheus provider', () => {
  let now = START;
  let timeline: Timeline;
  let feed: SiteFeed;
  let provider: TelemetryProvider;
  const loaded = loadMappings(DEMO_MAPPINGS_DIR, { providerNames: ['prometheus'] });
  if (!loaded.ok) throw new Error(`demo mappings invalid: ${JSON.stringify(loaded.errors)}`);
  const engine = createEngine(loaded.mappings);

  /** The close checks the demo mappings render for one payload of a source. */
  const checksFor = (source: string, payload: object): RenderedCheck[] => {
    const [alarm] = engine.decode(source, payload, { receivedAt: new Date(START) }).alarms;
    const planned = engine.plan(alarm!);
    if (planned.kind !== 'planned') throw new Error(`not planned: ${JSON.stringify(planned)}`);
    return planned.plan.closeChecks as RenderedCheck[];
  };
  const evaluate = (checks: RenderedCheck[], at: number) => {
    now = at;
    return evaluateChecks(checks, new Map([['prometheus', provider]]), {
      budgetMs: 3000,
      nowMs: at,
      timeZone: 'UTC',
    });
  };
  const statuses = async (checks: RenderedCheck[], at: number) =>
    (await evaluate(checks, at)).map((c) => c.status);

  beforeEach(async () => {
    now = START;
    timeline = demoTimeline(START);
    feed = await startSiteFeed({ timeline, now: () => now });
    provider = createPrometheusProvider(
      'prometheus',
      PrometheusProviderSchema.parse({ kind: 'prometheus', url: feed.url, step: 1, coalesce: 0 }),
    );
  });
  afterEach(async () => {
    await provider.close();
    await feed.close();
  });

  it('CRAH-1 checks: fail while failing, still fail right after the repair, pass 10 s after the last bad sample', async () => {
    const checks = checksFor('bms', bmsCrahSupplyAir({ active: true, value: 29, at: new Date(START) }));
    expect(checks.map((c) => c.name)).to.deep.equal(['supply-air-in-range', 'zone-rack-inlet']);
    expect(await statuses(checks, START)).to.deep.equal(['fail', 'fail']);
    const failing = await evaluate(checks, START);
    expect(failing[0]!.message).to.match(
      /^CRAH-1 supply air 2\d(\.\d)? °C > 27 °C at 1\d:\d\d(:\d\d)?, needs 10 s in 18–27 °C$/,
    );

    crahRepaired(timeline, START + 1_000);
    expect(await statuses(checks, START + 4_000)).to.deep.equal(['fail', 'fail']);
    expect(await statuses(checks, START + 11_000)).to.deep.equal(['fail', 'fail']);
    // Supply air is under 27 °C within a second of the repair and the hottest rack inlet within ~2 s;
    // both then need 10 s of in-range samples.
    expect(await statuses(checks, START + 16_000)).to.deep.equal(['pass', 'pass']);
  });

  it('GPU checks (temperature, clock event reasons) follow the repair too', async () => {
    const gpu = HOT_GPUS[0];
    const checks = checksFor(
      'alertmanager',
      alertmanagerGpuThermal({ firing: true, gpus: [{ gpu, temperature: 87, startsAt: new Date(START) }] }),
    );
    expect(checks.map((c) => c.name)).to.deep.equal(['gpu-temperature', 'clocks-not-thermally-limited']);
    expect(await statuses(checks, START)).to.deep.equal(['fail', 'fail']);
    crahRepaired(timeline, START + 1_000);
    expect(await statuses(checks, START + 5_000)).to.deep.equal(['fail', 'fail']);
    expect(await statuses(checks, START + 16_000)).to.deep.equal(['pass', 'pass']);
  });

  it('CDU-1: healthy, then a stuck flow meter fails the flow check for good', async () => {
    const checks = checksFor(
      'redfish',
      redfishCduFlowLow({ value: 24.8, at: new Date(START), eventId: '1' }),
    );
    expect(await statuses(checks, START)).to.deep.equal(['pass', 'pass']);
    cduFlowMeterStuck(timeline, START + 1_000);
    const results = await evaluate(checks, START + 60_000);
    expect(results.map((c) => c.status)).to.deep.equal(['fail', 'pass']);
    expect(results[0]!.message).to.contain('CDU-1 secondary flow 24.8 L/min < 30 L/min');
  });

  it('query_range with an aggregation: one series, one point per step', async () => {
    now = START;
    const series = await provider.queryRange(
      'max(rack_inlet_temperature_celsius{cooling_zone="ZONE-A1"})',
      { startMs: START - 4_000, endMs: START, stepMs: 1_000 },
      AbortSignal.timeout(5_000),
    );
    expect(series).to.have.length(1);
    expect(series[0]!.samples.map((s) => s.t - START)).to.deep.equal([-4000, -3000, -2000, -1000, 0]);
    expect(series[0]!.samples.every((s) => s.v !== null && s.v > 27)).to.equal(true);
  });

  it("answers what it cannot parse with Prometheus's bad_data error", async () => {
    const res = await axios.post(`${feed.url}/api/v1/query`, 'query=rate(x[5m])', {
      validateStatus: () => true,
    });
    expect(res.status).to.equal(400);
    expect(res.data).to.include({ status: 'error', errorType: 'bad_data' });
    const err = await provider
      .queryRange(
        'sum by (rack) (x)',
        { startMs: START - 1000, endMs: START, stepMs: 1000 },
        AbortSignal.timeout(5000),
      )
      .catch((e: unknown) => e);
    expect(err).to.be.instanceOf(TelemetryError);
    expect((err as TelemetryError).kind).to.equal('bad_query');
  });

  it('serves the current readings as Prometheus text on /metrics', async () => {
    const res = await axios.get(`${feed.url}/metrics`);
    expect(res.data).to.match(
      /^bms_crah_supply_air_temperature_celsius\{site="DC1",unit="CRAH-1"\} 2\d(\.\d)?$/m,
    );
    expect(res.data).to.match(/^DCGM_FI_DEV_CLOCKS_EVENT_REASONS\{.*Hostname="gpu-r01-01".*\} 32$/m);
  });
});
