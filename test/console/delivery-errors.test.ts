// Console, whose error a failed write carries: a dead letter whose connection was dropped says "No answer
// from ServiceNow", never that it is ServiceNow's error; one the instance answered with 503 says
// "ServiceNow answered HTTP 503". On the Deliveries page and in the event's writes.
import { expect } from 'chai';
import { a11yProblems, browserUnavailable, launchBrowser, logIn, type TestBrowser } from './browser.js';
import { API_KEY, postAlarm, startConsoleRuntime, type ConsoleRuntime } from './console-runtime.js';

const MAPPINGS = {
  '00-sources.yaml': `
sources:
  bms:
    kind: webhook
    auth: { type: bearer, token_env: CLOSELOOP_BMS_TOKEN }
    fields: { id: $.alarmId, state: $.state, severity: $.priority, type: $.alarmType, site: $.site, equipment_id: $.device.id, text: $.message }
    state_values: { ACTIVE: active }
    severity_values: { HIGH: major }
`,
  '20-cooling.yaml': `
rules:
  - name: crah
    match: { source: bms }
    incident: { short_description: '{{asset.equipment_id}} alarm' }
    correlation: { key: '{{asset.site}}/{{asset.equipment_id}}' }
`,
};

const alarmFor = (unit: string) => ({
  alarmId: `${unit}-A`,
  state: 'ACTIVE',
  priority: 'HIGH',
  alarmType: 'supply_air_temp_high',
  site: 'DC1',
  device: { id: unit },
  message: `${unit} alarm`,
});

describe('console: whose error a failed write carries (Chromium, ServiceNow stand-in)', function () {
  this.timeout(60_000);
  let c: ConsoleRuntime | undefined;
  let b: TestBrowser | undefined;

  before(async function () {
    const why = browserUnavailable();
    if (why) {
      console.log(`      skipped: ${why}`);
      return this.skip();
    }
    c = await startConsoleRuntime({ mappings: MAPPINGS, outbox: { max_attempts: 1 } });
    // CRAH-1's create finds its connection dropped; CRAH-2's is answered 503.
    c.standin.faults.dropConnections(1_000);
    expect((await postAlarm(c.url, 'bms', alarmFor('CRAH-1'))).status).to.equal(202);
    await c.rt.connector.worker.idle();
    c.standin.faults.clear();
    c.standin.faults.serverErrors(1_000);
    expect((await postAlarm(c.url, 'bms', alarmFor('CRAH-2'))).status).to.equal(202);
    await c.rt.connector.worker.idle();
    c.standin.faults.clear();
    b = await launchBrowser();
    await logIn(b.page, c.url, API_KEY, '/console/deliveries');
  });

  after(async () => {
    await b?.close();
    await c?.close();
  });

  it('the API says whose each error is', async () => {
    const r = await fetch(`${c!.url}/console/api/deliveries?state=dead`, {
      headers: { 'x-api-key': API_KEY },
    });
    const body = (await r.json()) as {
      deliveries: { event_key: string; error_origin: string; last_status: number | null }[];
    };
    const by = Object.fromEntries(body.deliveries.map((d) => [d.event_key, d]));
    expect(by['DC1/CRAH-1']).to.include({ error_origin: 'no_answer', last_status: null });
    expect(by['DC1/CRAH-2']).to.include({ error_origin: 'servicenow', last_status: 503 });
  });

  it('Deliveries: a dropped connection is "No answer from ServiceNow", a 503 is ServiceNow’s answer', async () => {
    const page = b!.page;
    const dead = page.locator('section[aria-labelledby="dead-title"]');
    await dead.locator('tbody tr').nth(1).waitFor();
    expect(await dead.locator('thead').textContent()).to.include('Last error');
    expect(await dead.locator('thead').textContent()).to.not.include("ServiceNow's error");
    const row = (key: string) => dead.locator('tbody tr', { hasText: key });
    const dropped = row('DC1/CRAH-1').locator('.last-error');
    expect(await dropped.getAttribute('data-origin')).to.equal('no_answer');
    expect(await dropped.textContent()).to.match(
      /^No answer from ServiceNow: ServiceNow [^:]+: network error/,
    );
    const answered = row('DC1/CRAH-2').locator('.last-error');
    expect(await answered.getAttribute('data-origin')).to.equal('servicenow');
    expect(await answered.textContent()).to.match(/^ServiceNow answered HTTP 503: /);
    expect(await a11yProblems(page)).to.deep.equal([]);
    expect(b!.errors, b!.errors.join('\n')).to.deep.equal([]);
    await b!.shot('deliveries-error-origin');
  });

  it('the event’s writes say the same', async () => {
    const page = b!.page;
    await page.goto(`${c!.url}/console/events/${encodeURIComponent('DC1/CRAH-1')}`);
    const writes = page.locator('section[aria-labelledby="writes-title"]');
    await writes.locator('tbody tr').first().waitFor();
    expect(await writes.locator('thead').textContent()).to.include('Last answer or error');
    // No incident, and why: not "not created yet" as if it were coming.
    expect(await page.locator('dl.summary').textContent()).to.include(
      'not created: the create failed (see the writes below)',
    );
    expect(await writes.locator('tbody tr').first().locator('.last-error').textContent()).to.match(
      /^No answer from ServiceNow: /,
    );
  });
});
