// Console, health that tells the truth: with the ServiceNow stand-in answering 503 to everything, the
// connector still accepts alarms (/readyz 200) but says `degraded` with the reason — in /readyz, in the
// metrics and on the Health page, which is not green; a telemetry provider that does not answer does the
// same; once the instance answers again, ServiceNow is ok and only the provider is left.
import { expect } from 'chai';
import { a11yProblems, browserUnavailable, launchBrowser, logIn, type TestBrowser } from './browser.js';
import { API_KEY, postAlarm, startConsoleRuntime, type ConsoleRuntime } from './console-runtime.js';
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
      value: $.reading.value
      unit: $.reading.unit
      text: $.message
    state_values: { ACTIVE: active, RETURN_TO_NORMAL: cleared }
    severity_values: { HIGH: major }
`,
  '20-cooling.yaml': `
rules:
  - name: crah-supply-air-high
    match: { source: bms, type: supply_air_temp_high }
    incident:
      short_description: '{{asset.equipment_id}} supply air temperature high'
    correlation:
      key: '{{asset.site}}/cooling/{{asset.equipment_id}}'
    close_checks:
      - name: supply-air-in-range
        provider: prometheus
        query: 'crah_supply_air_celsius{unit="{{asset.equipment_id}}"}'
        unit: °C
        expect: { range: [18, 27] }
        stabilize: 10m
    options: { auto_resolve: false }
`,
};

const KEY = 'DC1/cooling/CRAH-1';

interface Readyz {
  status: string;
  store?: string;
  reasons?: string[];
}

async function readyz(url: string): Promise<{ code: number; body: Readyz }> {
  const r = await fetch(`${url}/readyz`);
  return { code: r.status, body: (await r.json()) as Readyz };
}

describe('console: health that tells the truth (Chromium, ServiceNow stand-in)', function () {
  this.timeout(60_000);
  let c: ConsoleRuntime | undefined;
  let b: TestBrowser | undefined;

  before(async function () {
    const why = browserUnavailable();
    if (why) {
      console.log(`      skipped: ${why}`);
      return this.skip();
    }
    // Deliveries keep being retried (no dead letter): the reason is ServiceNow's answers alone.
    c = await startConsoleRuntime({ mappings: MAPPINGS, outbox: { max_attempts: 100_000 } });
    b = await launchBrowser();
  });

  after(async () => {
    await b?.close();
    await c?.close();
  });

  it('is ready while nothing has failed yet', async () => {
    expect(await readyz(c!.url)).to.deep.equal({ code: 200, body: { status: 'ready', store: 'sqlite' } });
  });

  it('ServiceNow errors at 100 %: /readyz stays 200 and says degraded, with the reason; metrics say so', async () => {
    c!.standin.faults.serverErrors(1_000_000);
    const r = await postAlarm(c!.url, 'bms', {
      alarmId: 'CRAH-1-SAT',
      state: 'ACTIVE',
      priority: 'HIGH',
      alarmType: 'supply_air_temp_high',
      timestamp: new Date().toISOString(),
      site: 'DC1',
      device: { id: 'CRAH-1' },
      reading: { value: 29, unit: '°C' },
      message: 'CRAH-1 supply air 29 °C',
    });
    expect(r.status).to.equal(202);
    await waitFor('ServiceNow to have answered 503 four times', () => c!.standin.faults.requestCount() >= 4);
    const { code, body } = await readyz(c!.url);
    expect(code).to.equal(200);
    expect(body.status).to.equal('degraded');
    expect(body.reasons).to.have.length(1);
    expect(body.reasons![0]).to.match(
      /^ServiceNow answers with server errors \(HTTP 503 ×\d+\); 100 % of \d+ requests in the last 5 min failed/,
    );
    // Nothing about where the instance is: /readyz is public.
    expect(JSON.stringify(body)).to.not.include(c!.standin.url.replace(/^http:\/\//, ''));

    const metrics = await (await fetch(`${c!.url}/metrics`)).text();
    expect(metrics).to.match(/^closeloop_ready 1$/m);
    expect(metrics).to.match(/^closeloop_degraded 1$/m);
    expect(metrics).to.match(/^closeloop_dependency_up\{kind="servicenow",dependency="servicenow"\} 0$/m);
    expect(metrics).to.match(
      /^closeloop_dependency_problem\{kind="servicenow",dependency="servicenow",reason="server_errors"\} 1$/m,
    );
    expect(metrics).to.match(/^closeloop_dependency_up\{kind="store",dependency="store"\} 1$/m);
    expect(metrics).to.match(/^closeloop_dependency_up\{kind="provider",dependency="prometheus"\} 1$/m);
  });

  it('the Health page is not green: degraded, with the reason and the ServiceNow row', async () => {
    const page = b!.page;
    await logIn(page, c!.url, API_KEY, '/console/health');
    const ready = page.getByTestId('readiness');
    await ready.waitFor();
    expect(await ready.getAttribute('data-status')).to.equal('degraded');
    expect(await ready.getAttribute('class')).to.include('callout-warn');
    expect(await ready.textContent()).to.match(/Degraded · accepting alarms/);
    expect(await ready.locator('ul[aria-label="Why degraded"] li').allTextContents()).to.have.length(1);
    expect(await ready.textContent()).to.include('ServiceNow answers with server errors');
    const row = page.locator('tr[data-dependency="servicenow:servicenow"]');
    expect(await row.locator('.badge').textContent()).to.equal('degraded');
    expect(await row.textContent()).to.include(c!.standin.url);
    expect(await page.getByTestId('sn-recent').textContent()).to.match(/\d+ requests, 100% errors/);
    expect(await a11yProblems(page)).to.deep.equal([]);
    expect(b!.errors, b!.errors.join('\n')).to.deep.equal([]);
    await b!.shot('health-degraded');
  });

  it('a telemetry provider that does not answer makes it degraded too, named on the page', async () => {
    // The console's own evaluation of the event's close check queries prometheus (nothing listens there).
    const t = await fetch(`${c!.url}/console/api/events/${encodeURIComponent(KEY)}/telemetry`, {
      headers: { 'x-api-key': API_KEY },
    });
    expect(t.status).to.equal(200);
    const page = b!.page;
    const provider = page.locator('tr[data-dependency="provider:prometheus"]');
    await provider.locator('.badge', { hasText: 'degraded' }).waitFor();
    expect(await page.locator('tr[data-provider="prometheus"]').textContent()).to.include('unreachable');
    expect(await page.getByTestId('readiness').textContent()).to.include(
      'telemetry provider prometheus did not answer its last query',
    );
    const metrics = await (await fetch(`${c!.url}/metrics`)).text();
    expect(metrics).to.match(
      /^closeloop_dependency_problem\{kind="provider",dependency="prometheus",reason="provider_unreachable"\} 1$/m,
    );
    // The event page says why its check cannot pass, not that "data is missing".
    await page.goto(`${c!.url}/console/events/${encodeURIComponent(KEY)}`);
    const check = page.locator('article[data-check="supply-air-in-range"]');
    await check.waitFor();
    expect(await check.locator('.satisfied').textContent()).to.equal(
      'No pass time can be given yet: the provider did not answer.',
    );
    expect(await page.locator('#why-title').textContent()).to.equal('Why blocked');
    await page.goto(`${c!.url}/console/health`);
  });

  it('once ServiceNow answers again it is ok; the provider is what is left', async () => {
    c!.standin.faults.clear();
    await waitFor('the incident to be created', () => c!.standin.tables.list('incident').length === 1);
    // The newest requests all worked: recovered, even though most of the window failed.
    await waitFor('ServiceNow no longer a reason', async () => {
      const r = await readyz(c!.url);
      return r.body.reasons?.every((x) => !x.startsWith('ServiceNow')) ?? false;
    });
    const { code, body } = await readyz(c!.url);
    expect(code).to.equal(200);
    expect(body.status).to.equal('degraded');
    expect(body.reasons).to.deep.equal([
      body.reasons!.find((x) => x.startsWith('telemetry provider prometheus did not answer')),
    ]);
    const page = b!.page;
    await page.locator('tr[data-dependency="servicenow:servicenow"] .badge', { hasText: /^ok$/ }).waitFor();
  });
});
