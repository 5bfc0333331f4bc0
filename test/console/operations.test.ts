// Console, operations: dead letters (ServiceNow answered 503, attempts exhausted) are shown with the
// instance's error and cleared by a retry once the instance answers; rejected payloads are shown raw;
// health figures come from the connector's metrics; the mapping playground shows what
// `closeloop mappings preview` prints for the same alarm, the files' validation errors with
// file:line:col, and reloads without restart (refused while the files are invalid).
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { main } from '../../connector/src/cli/main.js';
import { a11yProblems, browserUnavailable, launchBrowser, logIn, type TestBrowser } from './browser.js';
import {
  ALERTMANAGER_TOKEN,
  API_KEY,
  BMS_TOKEN,
  REDFISH_TOKEN,
  postAlarm,
  startConsoleRuntime,
  type ConsoleRuntime,
} from './console-runtime.js';

const FIXTURES = path.resolve('test/fixtures/alarms');
const fixture = (name: string): unknown => JSON.parse(fs.readFileSync(path.join(FIXTURES, name), 'utf8'));

interface CliPreview {
  alarms: {
    rule: string | null;
    trace: { rule: string; matched: boolean; reason: string }[];
    incident: {
      fields: Record<string, string | number>;
      references: Record<string, { table: string; field: string; value: string }>;
    };
    correlationKey: string;
    closeChecks: { name: string; query: string }[];
    placement: { node: { id: string }; upstream: { text: string[] }; downstream: { text: string[] } };
  }[];
}

async function cliPreview(args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await main(['mappings', 'preview', ...args], {
    env: {},
    stdout: (t) => void (out += t),
    stderr: () => undefined,
  });
  return { code, out };
}

describe('console: deliveries, health and the mapping playground (Chromium, ServiceNow stand-in)', function () {
  this.timeout(60_000);
  let c: ConsoleRuntime | undefined;
  let b: TestBrowser | undefined;

  before(async function () {
    const why = browserUnavailable();
    if (why) {
      console.log(`      skipped: ${why}`);
      return this.skip();
    }
    c = await startConsoleRuntime({ mappings: path.resolve('mappings'), outbox: { max_attempts: 1 } });
    // The instance fails every incident create until the faults are cleared: with one attempt allowed,
    // both creates become dead letters carrying ServiceNow's answer.
    c.standin.faults.serverErrors(100, { method: 'POST', path: '/api/now/table/incident' });
    expect(
      (await postAlarm(c.url, 'redfish', fixture('redfish-cdu-secondary-flow-low.json'), REDFISH_TOKEN))
        .status,
    ).to.equal(202);
    expect(
      (await postAlarm(c.url, 'alertmanager', fixture('alertmanager-gpu-xid.json'), ALERTMANAGER_TOKEN))
        .status,
    ).to.equal(202);
    await c.rt.connector.worker.idle();
    // A malformed request is kept raw for inspection.
    const bad = await fetch(`${c.url}/v1/alarms/bms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${BMS_TOKEN}` },
      body: '{"alarmId": "DC1-CRAH-9", "state": ',
    });
    expect(bad.status).to.equal(400);
    b = await launchBrowser();
    await logIn(b.page, c.url, API_KEY, '/console/deliveries');
  });

  after(async () => {
    await b?.close();
    await c?.close();
  });

  it('shows dead letters with ServiceNow’s error and clears them by retry once the instance answers', async () => {
    const page = b!.page;
    const rows = page.locator('section[aria-labelledby="dead-title"] tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).to.equal(2);
    expect(await rows.first().textContent()).to.match(/create.*dead.*HTTP 503/);
    const rejected = page.locator('.rejected-item');
    expect(await rejected.count()).to.equal(1);
    expect(await rejected.textContent()).to.match(/bms.*malformed JSON/);
    await rejected.locator('summary').click();
    expect(await rejected.locator('pre').textContent()).to.equal('{"alarmId": "DC1-CRAH-9", "state": ');
    expect(await a11yProblems(b!.page)).to.deep.equal([]);
    await b!.shot('deliveries');

    c!.standin.faults.clear();
    const first = await rows.first().getAttribute('data-delivery');
    await rows.first().getByRole('button', { name: /Retry/ }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Delivery ${first} queued again.` })
      .waitFor();
    await c!.rt.connector.worker.idle();
    await page.locator(`tr[data-delivery="${first}"]`).waitFor({ state: 'detached' });
    expect(await rows.count()).to.equal(1);

    await page.getByRole('button', { name: 'Retry all (1)' }).click();
    await c!.rt.connector.worker.idle();
    await page.getByText('No dead letters').waitFor();
    await page.getByText('Nothing waiting for delivery.').waitFor();
    expect(await page.locator('.stat-dead .stat-n').textContent()).to.equal('0');
    const incidents = c!.standin.tables.list('incident');
    expect(incidents.map((i) => String(i['correlation_id'])).sort()).to.deep.equal([
      'DC1/cooling/ZONE-B-LIQ',
      'DC1/gpu/gpu-r10-01/gpu2',
    ]);
    expect(b!.errors, b!.errors.join('\n')).to.deep.equal([]);
    await b!.shot('deliveries-after-retry');
  });

  it('shows health figures from the metrics: ingest per source, outbox, ServiceNow errors, providers', async () => {
    const page = b!.page;
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Health' }).click();
    await page.getByTestId('readiness').waitFor();
    // The dead letters were retried and delivered, and ServiceNow answered since its 503s: ready.
    expect(await page.getByTestId('readiness').getAttribute('data-status')).to.equal('ready');
    expect(await page.getByTestId('readiness').textContent()).to.include(
      'Ready · accepting alarms; no dependency is failing',
    );
    expect(await page.locator('tr[data-source="redfish"]').textContent()).to.match(/redfish.*1\s*0\s*0$/);
    const sn = page.locator('section[aria-labelledby="servicenow-title"]');
    expect(await sn.textContent()).to.include('503: 2');
    expect(await sn.textContent()).to.match(/Since start\s*\d+ requests, \d+% errors/);
    expect(await page.locator('tr[data-provider="prometheus"]').textContent()).to.include('not checked yet');
    expect(await a11yProblems(b!.page)).to.deep.equal([]);
    await b!.shot('health');
  });

  it('previews an alarm exactly as `closeloop mappings preview` does', async () => {
    const file = path.join(FIXTURES, 'bms-crah-supply-air-high.json');
    const cli = await cliPreview([file, '--source', 'bms', '--dir', c!.mappingsDir, '--json']);
    expect(cli.code).to.equal(0);
    const want = (JSON.parse(cli.out) as CliPreview).alarms[0]!;

    const page = b!.page;
    await page.getByRole('link', { name: 'Mapping playground' }).click();
    await page.getByRole('heading', { name: 'Loaded mappings' }).waitFor();
    await page.getByLabel('Source', { exact: true }).selectOption('bms');
    await page.getByLabel('Alarm JSON').fill(fs.readFileSync(file, 'utf8'));
    await page.getByRole('button', { name: 'Preview' }).click();
    const matched = page.getByTestId('matched-rule');
    await matched.waitFor();

    expect(await matched.locator('[data-rule]').textContent()).to.equal(want.rule);
    const trace = await page.locator('table.trace tbody tr').evaluateAll((trs) =>
      trs.map((tr) => {
        const td = tr.querySelectorAll('td');
        return {
          rule: td[0]!.textContent,
          matched: td[1]!.textContent!.includes('yes'),
          reason: td[2]!.textContent,
        };
      }),
    );
    expect(trace).to.deep.equal(want.trace);
    for (const [field, value] of Object.entries(want.incident.fields)) {
      expect(await page.locator(`tr[data-field="${field}"] td`).textContent(), field).to.equal(String(value));
    }
    for (const [field, ref] of Object.entries(want.incident.references)) {
      expect(await page.locator(`tr[data-field="${field}"] td`).textContent(), field).to.equal(
        `lookup ${ref.table}.${ref.field} = ${ref.value}`,
      );
    }
    expect(await page.getByTestId('correlation-key').textContent()).to.equal(want.correlationKey);
    // Where it lies in the shipped hall's graph: the same node and paths as the CLI.
    const placement = page.getByTestId('placement');
    expect(await placement.locator('[data-node]').getAttribute('data-node')).to.equal(want.placement.node.id);
    expect(await placement.locator('ul[aria-label="Upstream paths"] li').allTextContents()).to.deep.equal(
      want.placement.upstream.text,
    );
    expect(want.placement.upstream.text).to.deep.equal(['chiller CH-1 → CRAH-1']);
    expect(await placement.locator('ul[aria-label="What it feeds"] li').allTextContents()).to.deep.equal(
      want.placement.downstream.text,
    );
    const checks = await page.locator('table.checks-table tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({
        name: tr.getAttribute('data-check'),
        query: tr.querySelectorAll('td')[2]!.textContent,
      })),
    );
    expect(checks).to.deep.equal(want.closeChecks.map((x) => ({ name: x.name, query: x.query })));

    // The text view is the CLI's own output (only the receive time differs).
    const text = await cliPreview([file, '--source', 'bms', '--dir', c!.mappingsDir]);
    await page.locator('details.cli-text summary').click();
    const shown = await page.locator('details.cli-text pre').textContent();
    const noReceived = (s: string) => s.replace(/received \S+/, 'received …');
    expect(noReceived(shown!)).to.equal(noReceived(text.out));
    expect(b!.errors, b!.errors.join('\n')).to.deep.equal([]);
    expect(await a11yProblems(b!.page)).to.deep.equal([]);
    await b!.shot('playground');
  });

  it('picks a sample and previews it', async () => {
    const page = b!.page;
    const option = await page
      .locator('#pg-sample option', { hasText: 'redfish: last received, normalised' })
      .getAttribute('value');
    await page.getByLabel('Start from a sample').selectOption(option!);
    expect(await page.getByLabel('Source', { exact: true }).inputValue()).to.equal('redfish');
    expect(await page.getByLabel('a normalised alarm').isChecked()).to.equal(true);
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.locator('[data-testid="matched-rule"] [data-rule="cdu-secondary-flow-low"]').waitFor();
  });

  it('reloads mappings without restart, and refuses an invalid set with file:line:col', async () => {
    const page = b!.page;
    await page.getByRole('button', { name: 'Reload from disk' }).click();
    await page
      .getByTestId('reload-outcome')
      .filter({ hasText: /Reloaded: \d+ rules from 5 files/ })
      .waitFor();

    fs.writeFileSync(
      path.join(c!.mappingsDir, '50-broken.yaml'),
      'rules:\n  - name: broken-rule\n    match: { source: nowhere }\n    incident:\n      short_description: x\n    correlation:\n      key: k\n',
    );
    await page.reload();
    const disk = page.getByTestId('disk-errors');
    await disk.waitFor();
    expect(await disk.textContent()).to.match(/50-broken\.yaml:3:\d+/);
    await page.getByRole('button', { name: 'Reload from disk' }).click();
    const outcome = page.getByTestId('reload-outcome');
    await outcome.filter({ hasText: 'previous set stays active' }).waitFor();
    expect(await outcome.locator('code.pos').first().textContent()).to.match(/^50-broken\.yaml:3:\d+$/);
    await b!.shot('playground-reload-refused');
    // The old set is still the one answering.
    expect(c!.rt.mappings().files).to.have.length(5);
    const r = await fetch(`${c!.url}/v1/mappings/preview`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': API_KEY },
      body: JSON.stringify({ source: 'bms', payload: fixture('bms-crah-supply-air-high.json') }),
    });
    expect(((await r.json()) as CliPreview).alarms[0]!.rule).to.equal('crah-supply-air-high');
  });
});
