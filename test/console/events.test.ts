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
import {
  ALERTMANAGER_TOKEN,
  API_KEY,
  postAlarm,
  startConsoleRuntime,
  type ConsoleRuntime,
} from './console-runtime.js';
import { waitFor } from '../support/wait.js';

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
  alertmanager:
    kind: alertmanager
    auth: { type: bearer, token_env: CLOSELOOP_ALERTMANAGER_TOKEN }
    asset_labels: { site: site, rack: rack, equipment_id: Hostname }
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
  - name: rack-inlet-high
    match: { source: bms, type: rack_inlet_high }
    incident:
      short_description: 'rack inlet high in {{asset.site}}'
    correlation:
      key: '{{asset.site}}/rack-inlet'
    close_checks:
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
  - name: gpu-temperature
    match: { source: alertmanager }
    incident:
      short_description: 'GPU {{labels.gpu}} on {{asset.equipment_id}} hot'
    correlation:
      key: '{{asset.site}}/gpu/{{asset.equipment_id}}/{{labels.gpu}}'
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
    // A later reading of the same alarm, still active: the record now holds 25.6 °C, the raise 29.4 °C.
    const later = { ...bmsAlarm(new Date()), reading: { value: 25.6, unit: '°C', limit: 27 } };
    expect((await postAlarm(c.url, 'bms', later)).status).to.equal(202);
    // A rack inlet alarm that is raised and cleared, its one check in range: a passing event.
    const inlet = {
      ...bmsAlarm(new Date()),
      alarmId: 'DC1-RACK-INLET',
      alarmType: 'rack_inlet_high',
      device: { id: 'R01', name: 'R01' },
    };
    expect((await postAlarm(c.url, 'bms', inlet)).status).to.equal(202);
    expect((await postAlarm(c.url, 'bms', { ...inlet, state: 'RETURN_TO_NORMAL' })).status).to.equal(202);
    // A GPU alert whose rule names the unit of its value.
    const gpu = {
      version: '4',
      status: 'firing',
      alerts: [
        {
          status: 'firing',
          labels: {
            alertname: 'GpuTemperatureHigh',
            severity: 'warning',
            site: 'DC1',
            rack: 'R03',
            Hostname: 'gpu-r03-01',
            gpu: '5',
          },
          annotations: { summary: 'GPU 5 on gpu-r03-01 is hot', value: '88', unit: '°C' },
          startsAt: new Date().toISOString(),
          endsAt: '0001-01-01T00:00:00Z',
          fingerprint: '4f3a9c1d2b7e8f60',
        },
      ],
    };
    expect((await postAlarm(c.url, 'alertmanager', gpu, ALERTMANAGER_TOKEN)).status).to.equal(202);
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

  it('the timeline shows the value the alarm was raised with; the table its last reading', async () => {
    const page = b!.page;
    const timeline = page.locator('section[aria-labelledby="timeline-title"] li');
    const raised = timeline.filter({ hasText: 'raised' });
    expect(await raised.count()).to.equal(1);
    expect(await raised.textContent()).to.include(
      'Alarm bms CRAH-1 Hall A row A1 supply_air_temp_high raised (major): 29.4 °C',
    );
    expect(await timeline.allTextContents()).to.satisfy((all: string[]) =>
      all.every((t) => !t.includes('25.6')),
    );
    const alarms = page.locator('section[aria-labelledby="alarms-title"]');
    expect(await alarms.locator('thead').textContent()).to.include('Last reading');
    expect(await alarms.locator('tbody tr').first().textContent()).to.include('25.6 °C');
    expect(await page.locator('#why-title').textContent()).to.equal('Why blocked');
  });

  it('the chart legend shows values: the newest at rest, the hovered one, and keeps it across a refresh', async () => {
    const page = b!.page;
    await page.goto(`${c!.url}/console/events/${encodeURIComponent(EVENT_KEY)}`);
    const chart = page.locator('article[data-check="rack-inlet"]');
    const legend = chart.locator('.u-legend td.u-value');
    await legend.first().waitFor();
    // At rest: the newest sample's time (24-hour clock) and value; no out-of-range sample there.
    const rest = await legend.allTextContents();
    expect(rest[0]).to.match(/^\d{2}:\d{2}:\d{2}$/);
    expect(rest.slice(1)).to.deep.equal(['24 °C', 'in range']);
    // Hovering the supply-air chart at the spike shows it.
    const failing = page.locator('article[data-check="supply-air-in-range"]');
    const over = failing.locator('.u-over');
    const box = (await over.boundingBox())!;
    // Sweep until the legend shows the spike (the x of a sample depends on the layout).
    let seen = '';
    for (let f = 0.02; f < 0.98 && !seen.includes('29.4'); f += 0.01) {
      await page.mouse.move(box.x + box.width * f, box.y + box.height / 2);
      seen = (await failing.locator('.u-legend td.u-value').allTextContents()).join(' | ');
    }
    expect(seen).to.match(/^\d{2}:\d{2}:\d{2} \| 29\.4 °C \| 29\.4 °C$/);
    // The telemetry is polled again (the page redraws the charts): the hovered sample stays.
    const live = page.locator('section[aria-labelledby="why-title"] .live');
    const before = await live.textContent();
    await waitFor(
      'the telemetry to be polled again',
      async () => (await live.textContent()) !== before,
      25_000,
    );
    expect((await failing.locator('.u-legend td.u-value').allTextContents()).join(' | ')).to.equal(seen);
  });

  it('a passing event is not headed "Why blocked"', async () => {
    const page = b!.page;
    await page.goto(`${c!.url}/console/events/${encodeURIComponent('DC1/rack-inlet')}`);
    await page.locator('article[data-check="rack-inlet"] .badge', { hasText: 'pass' }).waitFor();
    expect(await page.locator('#why-title').textContent()).to.equal('Why closure is allowed');
    expect(await page.getByRole('heading', { name: 'Why blocked' }).count()).to.equal(0);
    expect(await page.locator('section[aria-labelledby="why-title"] .callout').textContent()).to.include(
      'Closure is allowed',
    );
  });

  it('GPU readings carry their unit: in the alarms and the timeline', async () => {
    const key = 'DC1/gpu/gpu-r03-01/5';
    const r = await fetch(`${c!.url}/console/api/events/${encodeURIComponent(key)}`, {
      headers: { 'x-api-key': API_KEY },
    });
    const body = (await r.json()) as {
      alarms: { value: number; unit: string }[];
      timeline: { text: string }[];
    };
    expect(body.alarms[0]).to.include({ value: 88, unit: '°C' });
    expect(body.timeline.map((t) => t.text)).to.include(
      'Alarm alertmanager gpu-r03-01 GpuTemperatureHigh raised (warning): 88 °C',
    );
    const page = b!.page;
    await page.goto(`${c!.url}/console/events/${encodeURIComponent(key)}`);
    const row = page.locator('section[aria-labelledby="alarms-title"] tbody tr').first();
    await row.waitFor();
    expect(await row.textContent()).to.include('88 °C');
  });

  it('says it does not know ServiceNow’s state, and shows it when the API reports it', async () => {
    const page = b!.page;
    const path = `/console/api/events/${encodeURIComponent(EVENT_KEY)}`;
    await page.goto(`${c!.url}/console/events/${encodeURIComponent(EVENT_KEY)}`);
    expect(await page.getByTestId('sn-state').textContent()).to.equal('not known to the connector');
    // The API does not report it yet (the ServiceNow → connector sync will): the page is ready for it.
    const real = (await (
      await fetch(`${c!.url}${path}`, { headers: { 'x-api-key': API_KEY } })
    ).json()) as object;
    expect(real).to.not.have.property('servicenow');
    const servicenow = {
      state: 'Resolved',
      synced_at: new Date().toISOString(),
      actions: [{ action: 'resolved', by: 'beth.anglin', at: '2026-11-25T10:42:00Z' }],
    };
    await page.route(`**${path}`, (route) =>
      route.fulfill({ json: { ...real, servicenow }, headers: { 'cache-control': 'no-store' } }),
    );
    await page.reload();
    await page.locator('[data-testid="sn-state"] .sn-state').waitFor();
    expect(await page.getByTestId('sn-state').textContent()).to.equal(
      'Resolved · resolved by beth.anglin 10:42:00',
    );
    await page.unroute(`**${path}`);
    // The list has no ServiceNow column while no event carries that state.
    await page.goto(`${c!.url}/console/events`);
    await page.locator('table.data tbody tr').first().waitFor();
    expect(await page.locator('table.data thead').textContent()).to.not.include('In ServiceNow');
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
