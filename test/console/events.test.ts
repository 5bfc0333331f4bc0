// Console, events: an alarm posted through the API appears in the live list with its ServiceNow
// incident linked to the instance, and the event page charts each close check over its window from a
// real Prometheus, with the out-of-range sample marked and the time the window will be satisfied.
import { expect } from 'chai';
import { prometheusUnavailable, startPrometheus, type PrometheusHandle } from '../support/prometheus.js';
import {
  SCREENSHOTS,
  a11yProblems,
  browserUnavailable,
  launchBrowser,
  logIn,
  type TestBrowser,
} from './browser.js';
import { API_KEY, postAlarm, startConsoleRuntime, type ConsoleRuntime } from './console-runtime.js';

const MAPPINGS = {
  '00-sources.yaml': `
sources:
  bms:
    kind: webhook
    auth: { type: bearer, token_env: CLOSELOOP_BMS_TOKEN }
    fields:
      id: $.alarmId
      state: $.state
      severity: $.priority
      type: $.alarmType
      raised_at: $.timestamp
      site: $.site
      equipment_id: $.device.id
      equipment_name: $.device.name
      value: $.reading.value
      unit: $.reading.unit
      limit: $.reading.limit
      text: $.message
    state_values: { ACTIVE: active, RETURN_TO_NORMAL: cleared }
    severity_values: { HIGH: major, CRITICAL: critical }
`,
  '20-cooling.yaml': `
rules:
  - name: crah-supply-air-high
    match: { source: bms, type: supply_air_temp_high }
    incident:
      short_description: '{{asset.equipment_id}} supply air temperature high: {{alarm.value}} {{alarm.unit}}'
      category: hardware
    correlation:
      key: '{{asset.site}}/cooling/{{asset.equipment_id}}'
    close_checks:
      - name: supply-air-in-range
        provider: prometheus
        query: 'crah_supply_air_celsius{site="{{asset.site}}",unit="{{asset.equipment_id}}"}'
        label: '{{asset.equipment_id}} supply air'
        unit: °C
        expect: { range: [18, 27] }
        stabilize: 10m
        max_age: 2m
        min_samples: 3
        step: 30s
      - name: rack-inlet
        provider: prometheus
        query: 'max(rack_inlet_celsius{site="{{asset.site}}"})'
        label: 'hottest rack inlet'
        unit: °C
        expect: { max: 27 }
        stabilize: 10m
        max_age: 2m
        min_samples: 3
        step: 30s
    options: { auto_resolve: false }
`,
};

const EVENT_KEY = 'DC1/cooling/CRAH-1';

function bmsAlarm(now: Date) {
  return {
    alarmId: 'DC1-CRAH-1-SAT-HI',
    state: 'ACTIVE',
    priority: 'HIGH',
    alarmType: 'supply_air_temp_high',
    timestamp: new Date(now.getTime() - 5 * 60_000).toISOString(),
    site: 'DC1',
    device: { id: 'CRAH-1', name: 'CRAH-1 Hall A row A1' },
    reading: { value: 29.4, unit: '°C', limit: 27 },
    message: 'CRAH-1 supply air temperature 29.4 °C above high limit 27 °C',
  };
}

describe('console: events list and the "why blocked" chart (Chromium, Prometheus)', function () {
  this.timeout(60_000);
  let prom: PrometheusHandle | undefined;
  let c: ConsoleRuntime | undefined;
  let b: TestBrowser | undefined;
  const spikeAt = Math.floor(Date.now() / 30_000) * 30_000 - 4 * 60_000;

  before(async function () {
    const why = browserUnavailable() ?? (await prometheusUnavailable());
    if (why) {
      console.log(`      skipped: ${why}`);
      return this.skip();
    }
    // Every 30 s for the last 20 minutes: supply air 23 °C except one 29.4 °C reading 4 minutes ago;
    // rack inlets 24 °C throughout.
    const now = Date.now();
    const times: number[] = [];
    for (let t = spikeAt - 16 * 60_000; t <= now - 10_000; t += 30_000) times.push(t);
    prom = await startPrometheus([
      {
        name: 'crah_supply_air_celsius',
        labels: { site: 'DC1', unit: 'CRAH-1' },
        samples: times.map((t) => [t, t === spikeAt ? 29.4 : 23 + ((t / 30_000) % 3) * 0.2]),
      },
      {
        name: 'rack_inlet_celsius',
        labels: { site: 'DC1', rack: 'R01' },
        samples: times.map((t) => [t, 24]),
      },
    ]);
    c = await startConsoleRuntime({ mappings: MAPPINGS, prometheusUrl: prom.url });
    const r = await postAlarm(c.url, 'bms', bmsAlarm(new Date()));
    expect(r.status).to.equal(202);
    await c.rt.connector.worker.idle();
    b = await launchBrowser();
  });

  after(async () => {
    await b?.close();
    await c?.close();
    await prom?.stop();
  });

  it('lists the event created through the API, with its incident linked to the instance', async () => {
    const incident = c!.standin.tables.list('incident', 'correlation_id=' + EVENT_KEY)[0];
    expect(incident, 'incident created in the stand-in').to.not.equal(undefined);
    const number = String(incident!['number']);
    const sysId = String(incident!['sys_id']);

    await logIn(b!.page, c!.url, API_KEY);
    const row = b!.page.locator('table.data tbody tr', { hasText: EVENT_KEY });
    await row.waitFor();
    expect(await row.locator('.event-link').textContent()).to.equal(
      'CRAH-1 supply air temperature high: 29.4 °C',
    );
    const link = row.getByRole('link', { name: new RegExp(number) });
    expect(await link.getAttribute('href')).to.equal(
      `${c!.standin.url}/nav_to.do?uri=${encodeURIComponent(`incident.do?sys_id=${sysId}`)}`,
    );
    expect(await row.textContent()).to.include('bms 1 active / 1');
    expect(await a11yProblems(b!.page)).to.deep.equal([]);
    await b!.shot('events');

    // The filters narrow the list (and keep it in the URL).
    await b!.page.getByLabel('Source').selectOption('bms');
    await b!.page.waitForURL(/source=bms/);
    await row.waitFor();
    await b!.page.getByLabel('State').selectOption('resolved');
    await b!.page.getByText('No events match these filters.').waitFor();
    await b!.page.getByLabel('State').selectOption('active');
    await row.waitFor();
  });

  it('charts the close check over its window with the out-of-range sample marked', async () => {
    const page = b!.page;
    await page.getByRole('link', { name: 'CRAH-1 supply air temperature high: 29.4 °C' }).click();
    await page.waitForURL(`**/console/events/${encodeURIComponent(EVENT_KEY)}`);
    await page.getByRole('heading', { level: 1, name: /CRAH-1 supply air/ }).waitFor();

    const failing = page.locator('article[data-check="supply-air-in-range"]');
    await failing.locator('.uplot canvas').first().waitFor();
    expect(Number(await failing.getAttribute('data-out-of-range'))).to.equal(1);
    expect(await failing.locator('.badge').first().textContent()).to.equal('fail');
    expect(await failing.locator('.check-message').textContent()).to.match(/29\.4 °C > 27 °C/);
    // The window is satisfied 10 min after the first in-range sample following the spike.
    const satisfied = await failing.locator('.satisfied time').getAttribute('datetime');
    expect(Date.parse(satisfied!)).to.be.within(spikeAt + 10 * 60_000, spikeAt + 11 * 60_000 + 1000);
    await failing.locator('details.samples summary').click();
    const bad = failing.locator('tr.row-bad');
    expect(await bad.count()).to.equal(1);
    expect(await bad.textContent()).to.include('29.4 °C');

    const passing = page.locator('article[data-check="rack-inlet"]');
    await passing.locator('.uplot canvas').first().waitFor();
    expect(await passing.getAttribute('data-out-of-range')).to.equal('0');
    expect(await passing.locator('.badge').first().textContent()).to.equal('pass');

    // Every ServiceNow write with its outcome.
    const writes = page.locator('section[aria-labelledby="writes-title"] tbody tr');
    expect(await writes.first().textContent()).to.match(/create.*delivered/);
    expect(b!.errors, b!.errors.join('\n')).to.deep.equal([]);
    expect(await a11yProblems(page)).to.deep.equal([]);
    await b!.shot('event');
    await failing.locator('figure.chart').screenshot({ path: `${SCREENSHOTS}/event-chart.png` });

    await page.setViewportSize({ width: 820, height: 1180 });
    await failing.locator('.uplot canvas').first().waitFor();
    await b!.shot('event-tablet');
    await page.setViewportSize({ width: 1366, height: 900 });
  });

  it('serves the same series as JSON for tools (X-API-Key)', async () => {
    const r = await fetch(`${c!.url}/console/api/events/${encodeURIComponent(EVENT_KEY)}/telemetry`, {
      headers: { 'x-api-key': API_KEY },
    });
    expect(r.status).to.equal(200);
    const body = (await r.json()) as {
      verdict: string;
      checks: { name: string; points: { t: number; v: number; out: boolean }[]; band: unknown }[];
    };
    expect(body.verdict).to.equal('fail');
    const check = body.checks.find((x) => x.name === 'supply-air-in-range')!;
    expect(check.band).to.deep.equal({ min: 18, max: 27 });
    expect(check.points.filter((p) => p.out).map((p) => p.v)).to.deep.equal([29.4]);
  });
});
