// The attack of issue 12: alarm fields that try to rewrite the close-check query. Shipped rules,
// shipped closeloop.yaml, the real decoders and a real Prometheus holding the truth (a hot GPU, a
// hot CRAH): whatever an alarm carries, the verdict must never be `pass` without real telemetry.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { loadConfig } from '../../../connector/src/config/load.js';
import mqtt from 'mqtt';
import {
  MqttProviderSchema,
  PrometheusProviderSchema,
  RedfishProviderSchema,
} from '../../../connector/src/config/schema.js';
import { combineVerdict } from '../../../connector/src/guard/verdict.js';
import { evaluateChecks } from '../../../connector/src/guard/evaluate-checks.js';
import type { RenderedCheck } from '../../../connector/src/guard/types.js';
import type { Mappings } from '../../../connector/src/mapping/compiled.js';
import { formatMappingError } from '../../../connector/src/mapping/errors.js';
import { loadMappingTexts, loadMappings } from '../../../connector/src/mapping/load.js';
import { planAlarm } from '../../../connector/src/mapping/plan-alarm.js';
import { renderQuery } from '../../../connector/src/mapping/query/render-query.js';
import { decodePayload } from '../../../connector/src/sources/decode.js';
import { createMqttProvider } from '../../../connector/src/telemetry/mqtt/provider.js';
import { createPrometheusProvider } from '../../../connector/src/telemetry/prometheus/provider.js';
import { createRedfishProvider } from '../../../connector/src/telemetry/redfish/provider.js';
import type { TelemetryProvider } from '../../../connector/src/telemetry/types.js';
import { startBroker, type BrokerHandle } from '../../support/mosquitto.js';
import { prometheusUnavailable, startPrometheus, type PrometheusHandle } from '../../support/prometheus.js';
import { startRedfishMock, type RedfishMock } from '../../support/redfish-mock.js';
import { check } from './checks.js';

const ROOT = new URL('../../../', import.meta.url).pathname;
const STEP = 15_000;
const MIN = 60_000;
const now = Math.floor(Date.now() / STEP) * STEP;
const ODD_HOST = 'odd"host\\1.(a|b)';

function fixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(ROOT, 'test/fixtures/alarms', name), 'utf8')) as Record<
    string,
    unknown
  >;
}

function loadShipped(): Mappings {
  const config = loadConfig({ env: {}, cwd: ROOT });
  if (!config.ok) throw new Error(config.errors.join('\n'));
  const r = loadMappings(join(ROOT, 'mappings'), {
    providerKinds: Object.fromEntries(
      Object.entries(config.config.telemetry.providers).map(([name, p]) => [name, p.kind]),
    ),
  });
  if (!r.ok) throw new Error(r.errors.map(formatMappingError).join('\n'));
  return r.mappings;
}

/** Decode `body` as the shipped source would, plan it with the shipped rules: the rendered checks. */
function checksFor(mappings: Mappings, source: string, body: unknown): RenderedCheck[] {
  const decoded = decodePayload(source, mappings.sources[source]!, body, { receivedAt: new Date(now) });
  expect(decoded.errors, JSON.stringify(decoded.errors)).to.deep.equal([]);
  const p = planAlarm(mappings, decoded.alarms[0]!);
  if (p.kind !== 'planned') throw new Error(`not planned: ${JSON.stringify(p)}`);
  return p.plan.closeChecks;
}

function gpuAlert(hostname: string): Record<string, unknown> {
  const body = fixture('alertmanager-gpu-thermal-slowdown.json') as {
    alerts: { labels: Record<string, string> }[];
  };
  body.alerts[0]!.labels.Hostname = hostname;
  return body;
}

function crahAlarm(deviceId: string): Record<string, unknown> {
  const body = fixture('bms-crah-supply-air-high.json');
  // A name the topology does not know: otherwise it would place the alarm by name and use its real id.
  body.device = { id: deviceId, name: 'CRAH unit', class: 'CRAH' };
  return body;
}

describe('guard: alarm values cannot rewrite close-check queries (real Prometheus, shipped rules)', function () {
  this.timeout(30_000);
  let prom: PrometheusHandle | undefined;
  let providers: Map<string, TelemetryProvider>;
  let mappings: Mappings;

  const verdictOf = async (checks: RenderedCheck[]) => {
    const results = await evaluateChecks(checks, providers, { budgetMs: 5000, nowMs: now, timeZone: 'UTC' });
    return { verdict: combineVerdict(results), results };
  };

  before(async function () {
    const missing = await prometheusUnavailable();
    if (missing) {
      console.warn(`      SKIPPED: real Prometheus tests need it: ${missing}`);
      this.skip();
    }
    const full = (v: number): Array<[number, number]> => {
      const out: Array<[number, number]> = [];
      for (let t = now - 20 * MIN; t <= now; t += STEP) out.push([t, v]);
      return out;
    };
    const gpu = { Hostname: 'gpu-r03-01', gpu: '5' };
    prom = await startPrometheus([
      // The truth: GPU 5 is still hot and thermally throttled; CRAH-1 still blows 29 °C air.
      { name: 'DCGM_FI_DEV_GPU_TEMP', labels: gpu, samples: full(88) },
      { name: 'DCGM_FI_DEV_CLOCKS_EVENT_REASONS', labels: gpu, samples: full(0x20) },
      {
        name: 'bms_crah_supply_air_temperature_celsius',
        labels: { site: 'DC1', unit: 'CRAH-1' },
        samples: full(29),
      },
      // A host whose real name needs escaping: it must still be found, exactly.
      { name: 'DCGM_FI_DEV_GPU_TEMP', labels: { Hostname: ODD_HOST, gpu: '5' }, samples: full(60) },
      {
        name: 'rack_inlet_temperature_celsius',
        labels: { site: 'DC1', cooling_zone: 'ZONE-A1', rack: 'R01' },
        samples: full(31),
      },
    ]);
    providers = new Map([
      [
        'prometheus',
        createPrometheusProvider(
          'prometheus',
          PrometheusProviderSchema.parse({ kind: 'prometheus', url: prom.url }),
        ),
      ],
    ]);
    mappings = loadShipped();
  });
  after(async () => {
    for (const p of providers?.values() ?? []) await p.close();
    await prom?.stop();
  });

  it('the genuine alerts fail on the real readings (the control case)', async () => {
    const gpu = await verdictOf(checksFor(mappings, 'alertmanager', gpuAlert('gpu-r03-01')));
    expect(gpu.verdict).to.equal('fail');
    const crah = await verdictOf(checksFor(mappings, 'bms', crahAlarm('CRAH-1')));
    expect(crah.verdict).to.equal('fail');
  });

  it('an Alertmanager Hostname label closing the selector and adding `or vector(0)` is not a pass', async () => {
    const evil = 'x",gpu="4"} or vector(0) or y{a="';
    const { verdict, results } = await verdictOf(checksFor(mappings, 'alertmanager', gpuAlert(evil)));
    expect(verdict, JSON.stringify(results, null, 1)).to.not.equal('pass');
    expect(verdict).to.equal('unknown');
    // The value stayed one label value: Prometheus was asked for a host of that literal name.
    for (const r of results) expect(r.reason).to.equal('no_data');
  });

  it('a BMS device.id doing the same to the CRAH rule is not a pass', async () => {
    // A second `unit` matcher empties the real selector; `vector(22)` would be "in range" for 10 min.
    const evil = 'CRAH-1",unit="none"} or vector(22) or x{a="';
    const { results } = await verdictOf(checksFor(mappings, 'bms', crahAlarm(evil)));
    const air = results.find((r) => r.name === 'supply-air-in-range')!;
    expect(air.status, JSON.stringify(air, null, 1)).to.not.equal('pass');
    expect(air).to.include({ status: 'unknown', reason: 'no_data' });
  });

  it('a real host name with quotes, backslashes and regex characters is found exactly (= and =~)', async () => {
    const gpu = await verdictOf(checksFor(mappings, 'alertmanager', gpuAlert(ODD_HOST)));
    const temp = gpu.results.find((r) => r.name === 'gpu-temperature')!;
    expect(temp, JSON.stringify(temp)).to.include({ status: 'pass', series: 1 });
    const ctx = new Map([['labels.Hostname', ODD_HOST]]);
    for (const [template, found] of [
      ['DCGM_FI_DEV_GPU_TEMP{Hostname=~"{{labels.Hostname}}"}', 1],
      ["DCGM_FI_DEV_GPU_TEMP{Hostname=~'{{labels.Hostname}}'}", 1],
      ['DCGM_FI_DEV_GPU_TEMP{Hostname=~`{{labels.Hostname}}`}', 1],
      ['DCGM_FI_DEV_GPU_TEMP{Hostname!~"{{labels.Hostname}}"}', 1],
    ] as const) {
      const q = renderQuery(template, ctx, 'promql');
      if (!q.ok) throw new Error(q.error);
      const [r] = await verdictOf([
        check({ name: 'q', provider: 'prometheus', query: q.value, expect: { max: 100 } }),
      ]).then((v) => v.results);
      expect(r!.series, `${template} → ${q.value}`).to.equal(found);
    }
    // A regex-looking value is a literal: ".*" selects no host at all.
    const any = renderQuery(
      'DCGM_FI_DEV_GPU_TEMP{Hostname=~"{{labels.Hostname}}"}',
      new Map([['labels.Hostname', '.*']]),
      'promql',
    );
    if (!any.ok) throw new Error(any.error);
    const [none] = (await verdictOf([check({ name: 'q', provider: 'prometheus', query: any.value })]))
      .results;
    expect(none).to.include({ status: 'unknown', reason: 'no_data' });
  });

  it('backslashes, quotes, newlines and regex-looking text stay literal label values', async () => {
    for (const evil of [
      'x\\',
      'x\\"} or vector(0) #',
      'gpu-r03-01\n} or vector(0)',
      "x'} or vector(0)",
      '.*',
    ]) {
      const { verdict, results } = await verdictOf(checksFor(mappings, 'alertmanager', gpuAlert(evil)));
      expect(verdict, `${JSON.stringify(evil)}: ${JSON.stringify(results, null, 1)}`).to.equal('unknown');
      for (const r of results) expect(r.reason, JSON.stringify(evil)).to.equal('no_data');
    }
  });
});

/** A BMS source and one rule whose close check reads `query` from `provider` (kind `kind`). */
function ruleReading(provider: string, kind: 'redfish' | 'mqtt', query: string): Mappings {
  const yaml = `
sources:
  bms:
    kind: webhook
    fields: { id: $.id, state: $.state, severity: $.severity, type: $.type, rack: $.rack, equipment_id: $.unit }
rules:
  - name: watched
    incident: { short_description: 'alarm {{alarm.id}}' }
    correlation: { key: 'k/{{alarm.id}}' }
    close_checks:
      - name: reading
        provider: ${provider}
        query: '${query}'
        expect: { min: 30 }
        stabilize: 0
        max_age: 1m
`;
  const r = loadMappingTexts([{ file: 'rules.yaml', text: yaml }], { providerKinds: { [provider]: kind } });
  if (!r.ok) throw new Error(r.errors.map(formatMappingError).join('\n'));
  return r.mappings;
}

const bmsAlarm = (over: Record<string, string>) => ({
  id: 'A1',
  state: 'active',
  severity: 'major',
  type: 't',
  ...over,
});

describe('guard: alarm values cannot rewrite Redfish URIs (DMTF CDU mockup)', function () {
  this.timeout(15_000);
  let mock: RedfishMock;
  let providers: Map<string, TelemetryProvider>;
  let clock = Date.now();
  const mappings = ruleReading(
    'cdu',
    'redfish',
    '/redfish/v1/Chassis/{{asset.equipment_id}}/Sensors/SecondaryFlow',
  );

  before(async () => {
    mock = await startRedfishMock();
    // The truth: the secondary loop barely flows. (The primary loop, 42 L/min, is fine.)
    mock.set('/redfish/v1/Chassis/CDU/Sensors/SecondaryFlow', 'Reading', 12);
    const cfg = RedfishProviderSchema.parse({ kind: 'redfish', url: mock.url, auth: 'none' });
    // One clock for reading and judging: each fresh reading is "now" for the evaluation after it.
    providers = new Map([['cdu', createRedfishProvider('cdu', cfg, { now: () => clock })]]);
  });
  after(async () => {
    for (const p of providers.values()) await p.close();
    await mock.stop();
  });

  const verdictOf = async (checks: RenderedCheck[]) => {
    clock = Date.now();
    const results = await evaluateChecks(checks, providers, {
      budgetMs: 5000,
      sampleFirst: true,
      nowMs: clock,
    });
    return { verdict: combineVerdict(results), results };
  };

  it('the genuine unit fails on its real reading (the control case)', async () => {
    const { verdict, results } = await verdictOf(checksFor(mappings, 'bms', bmsAlarm({ unit: 'CDU' })));
    expect(verdict, JSON.stringify(results)).to.equal('fail');
  });

  for (const evil of [
    'CDU/Sensors/PrimaryFlow?x=',
    'CDU/Sensors/PrimaryFlow#Reading',
    '..',
    'CDU%2FSensors%2FPrimaryFlow',
  ]) {
    it(`a unit id ${JSON.stringify(evil)} pointing the check at a healthy sensor is not a pass`, async () => {
      const before = mock.requests.length;
      const { verdict, results } = await verdictOf(checksFor(mappings, 'bms', bmsAlarm({ unit: evil })));
      expect(verdict, JSON.stringify(results)).to.equal('unknown');
      const asked = mock.requests.slice(before);
      // The healthy sensor's resource itself was never read (a %2F sent encoded is one odd segment).
      const readHealthy = asked.some((r) =>
        decodeURIComponent(r).split('?')[0]!.endsWith('/Chassis/CDU/Sensors/PrimaryFlow'),
      );
      expect(readHealthy, asked.join(', ')).to.equal(false);
    });
  }
});

describe('guard: alarm values cannot widen MQTT topic filters (real Mosquitto)', function () {
  this.timeout(15_000);
  let broker: BrokerHandle | undefined;
  let providers: Map<string, TelemetryProvider>;
  // A fresh topic tree per run: the shared broker carries other tests' traffic.
  const root = `closeloop-test/${randomUUID()}`;
  const mappings = ruleReading('leaks', 'mqtt', `${root}/{{asset.rack}}/leak`);

  before(async function () {
    try {
      broker = await startBroker();
    } catch (err) {
      console.warn(`      SKIPPED: MQTT tests need a broker: ${(err as Error).message}`);
      this.skip();
    }
    const cfg = MqttProviderSchema.parse({
      kind: 'mqtt',
      url: broker.url,
      topics: [`${root}/#`],
      format: 'number',
    });
    const p = createMqttProvider('leaks', cfg, { clientId: `closeloop-test-${randomUUID().slice(0, 8)}` });
    providers = new Map([['leaks', p]]);
    await p.ready(AbortSignal.timeout(5000));
    // The truth: R01 and R02 are dry (>= 30 here stands for "OK"); R03's rope has gone silent.
    const pub = await mqtt.connectAsync(broker.url, {
      clientId: `closeloop-test-pub-${randomUUID().slice(0, 8)}`,
    });
    for (const rack of ['R01', 'R02']) await pub.publishAsync(`${root}/${rack}/leak`, '40', { qos: 1 });
    await pub.endAsync();
    const deadline = Date.now() + 5000;
    for (;;) {
      const s = await p.queryRange(
        `${root}/+/leak`,
        { startMs: 0, endMs: Date.now() + 1000 },
        AbortSignal.timeout(1000),
      );
      if (s.length === 2) break;
      if (Date.now() > deadline) throw new Error('the published readings did not arrive');
      await new Promise((r) => setTimeout(r, 20));
    }
  });
  after(async () => {
    for (const p of providers?.values() ?? []) await p.close();
    await broker?.stop();
  });

  const verdictOf = async (checks: RenderedCheck[]) => {
    const results = await evaluateChecks(checks, providers, { budgetMs: 3000 });
    return { verdict: combineVerdict(results), results };
  };

  it('the genuine rack has no reading: unknown (the control case)', async () => {
    const { verdict, results } = await verdictOf(checksFor(mappings, 'bms', bmsAlarm({ rack: 'R03' })));
    expect(verdict).to.equal('unknown');
    expect(results[0]!.reason).to.equal('no_data');
  });

  for (const evil of ['+', '#', 'R03/../R01', 'R01/leak#x']) {
    it(`a rack ${JSON.stringify(evil)} reading other racks' ropes is not a pass`, async () => {
      const { verdict, results } = await verdictOf(checksFor(mappings, 'bms', bmsAlarm({ rack: evil })));
      expect(verdict, JSON.stringify(results)).to.equal('unknown');
      expect(results[0]!.reason).to.not.equal(undefined);
    });
  }
});
