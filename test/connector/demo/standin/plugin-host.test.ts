// The plugin's REAL scripts (built by now-sdk, run unchanged in the plugin host's workers) guarding
// closures made through the stand-in's Table API and its form buttons, against a connector on
// loopback: before and after rules on task, the field ACLs, more than one guarded table and state
// model, client + server UI actions with their dialogs, the on-load status.
import { expect } from 'chai';
import express from 'express';
import type { Server } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { startPluginHost, type PluginHost } from '../../../../connector/src/demo/standin/plugin-host.js';
import { buildPluginOnce } from '../../../plugin/support/sdk-build.js';
import { startHarness, type Harness } from './helpers.js';

const GUARD_RULE = 'Closeloop: guard closures';
const CONFIRM_RULE = 'Closeloop: confirm closures';
const API_KEY = 'standin-test-key';
const KEY = 'dc1/hall-a/crah-2/supply-air';
const JUSTIFICATION = 'Supply air sensor S2 reads 4 K high; a calibrated probe reads 22.5 °C. CHG0040021.';

interface FakeConnector {
  url: string;
  requests: { headers: Record<string, string | string[] | undefined>; body: unknown }[];
  reply: { status: number; body: unknown; delayMs?: number };
  server: Server;
}

async function startConnector(): Promise<FakeConnector> {
  const app = express();
  const connector: FakeConnector = {
    url: '',
    requests: [],
    reply: { status: 200, body: {} },
    server: null as never,
  };
  app.post('/v1/closure-checks', express.json(), async (req, res) => {
    connector.requests.push({ headers: req.headers, body: req.body });
    const { status, body, delayMs } = connector.reply;
    if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
    if (!res.socket?.destroyed) res.status(status).json(body);
  });
  connector.server = app.listen(0, '127.0.0.1');
  await once(connector.server, 'listening');
  connector.url = `http://127.0.0.1:${(connector.server.address() as AddressInfo).port}`;
  return connector;
}

const check = (status: string, message: string) => ({
  name: 'crah-supply-air',
  status,
  observed: status === 'pass' ? '21.4 °C' : '29.5 °C',
  expected: '18–27 °C',
  window: '10m',
  message,
});
const verdict = (
  value: string,
  checks = [check(value === 'pass' ? 'pass' : 'fail', `CRAH-2 supply air ${value}`)],
) => ({
  verdict: value,
  checks,
  evaluated_at: new Date().toISOString(),
});

describe('stand-in running the plugin (rules, ACLs, buttons, forms)', function () {
  this.timeout(180_000);
  let h: Harness;
  let host: PluginHost;
  let connector: FakeConnector;

  before(async function () {
    const build = await buildPluginOnce();
    if (build.exitCode !== 0)
      throw new Error(`now-sdk build failed (exit ${build.exitCode}):\n${build.output}`);
    connector = await startConnector();
    h = await startHarness({
      users: [
        { username: 'admin', password: 'admin', name: 'System Administrator', roles: ['admin'] },
        { username: 'tech', password: 'tech', name: 'Field Technician', roles: ['itil'] },
        {
          username: 'lead',
          password: 'lead',
          name: 'Shift Lead',
          roles: ['itil', 'x_closeloop.closure_override'],
        },
        {
          username: 'bot',
          password: 'bot',
          name: 'Closeloop connector',
          roles: ['itil', 'x_closeloop.connector'],
        },
        { username: 'guest', password: 'guest', name: 'Guest', roles: [] },
      ],
    });
    host = await startPluginHost(h.standin, { appDir: build.appDir });
  });
  after(async () => {
    await host?.close();
    await h?.standin.close();
    connector?.server.closeAllConnections();
    connector?.server.close();
  });
  beforeEach(() => {
    h.standin.reset();
    h.standin.properties.set('x_closeloop.connector.url', connector.url);
    h.standin.properties.set('x_closeloop.connector.api_key', API_KEY);
    h.standin.properties.set('x_closeloop.connector.timeout_seconds', '8');
    connector.requests = [];
    connector.reply = { status: 200, body: verdict('pass') };
  });

  const as = (user: string) => ({ auth: { username: user, password: user } });
  const guardedIncident = async (fields: Record<string, unknown> = {}) => {
    const res = await h.http.post('/api/now/table/incident', {
      short_description: 'CRAH-2 supply air temperature high',
      correlation_id: KEY,
      correlation_display: 'Closeloop',
      state: 2,
      ...fields,
    });
    expect(res.status).to.equal(201);
    return String(res.data.result.sys_id);
  };
  const resolveAs = (sysId: string, user = 'tech', extra: Record<string, unknown> = {}) =>
    h.http.patch(
      `/api/now/table/incident/${sysId}`,
      { state: '6', close_code: 'Solved (Permanently)', close_notes: 'Fan replaced', ...extra },
      as(user),
    );
  const audits = (sysId: string) =>
    h.standin.tables.list('x_closeloop_closure_audit', `task=${sysId}^ORDERBYchecked_at`);
  const pushVerdict = (value: string) =>
    h.standin.tables.insert('x_closeloop_verdict', {
      correlation_id: KEY,
      verdict: value,
      checks: JSON.stringify([check(value, `CRAH-2 supply air ${value} (pushed)`)]),
      evaluated_at: new Date().toISOString(),
    });

  it('installs the built rules on task, and the guarded tables as an install does', () => {
    expect(host.rules.map((r) => `${r.when} ${r.table} ${r.name} ${r.order}`)).to.have.members([
      `before task ${GUARD_RULE} 900`,
      `after task ${CONFIRM_RULE} 900`,
      'after x_closeloop_verdict Closeloop: announce verdict changes 100',
    ]);
    const tables = h.standin.tables
      .list('x_closeloop_guarded_table')
      .map((r) => `${r.table_name}:${r.closing_states}`);
    expect(tables).to.have.members([
      'incident:6,7',
      'sn_ot_incident:6,7',
      'change_request:3',
      'wm_order:3',
      'wm_task:3',
    ]);
  });

  it('verdict fail: 403 with the platform abort body in plain text, nothing saved, a blocked audit row and event', async () => {
    const id = await guardedIncident();
    const before = { ...h.standin.tables.get('incident', id) };
    connector.reply = { status: 200, body: verdict('fail') };
    const ruleSysId = host.rules.find((r) => r.name === GUARD_RULE)?.sysId ?? '';

    const res = await resolveAs(id, 'tech', { work_notes: 'resolving' });
    expect(res.status).to.equal(403);
    expect(res.data.error.detail).to.equal(
      `Operation against file 'incident' was aborted by Business Rule '${GUARD_RULE}^${ruleSysId}'. Business Rule Stack:${GUARD_RULE}`,
    );
    expect(res.data.error.message).to.contain('cannot be resolved yet').and.contain('CRAH-2 supply air fail');
    expect(res.data.error.message).not.to.match(/<[a-z/]/i);
    expect(h.standin.tables.get('incident', id)).to.deep.equal(before);
    expect(h.standin.tables.journal('incident', id)).to.have.length(0);

    expect(connector.requests).to.have.length(1);
    expect(connector.requests[0]?.headers['x-api-key']).to.equal(API_KEY);
    expect(connector.requests[0]?.body).to.deep.equal({
      record: {
        table: 'incident',
        sys_id: id,
        number: before.number,
        correlation_id: KEY,
        cmdb_ci: '',
        target_state: '6',
      },
    });
    const [audit] = audits(id);
    expect(audit).to.include({
      table_name: 'incident',
      outcome: 'blocked',
      verdict: 'fail',
      source: 'live',
      resolution_blocked: 'true',
    });
    expect(audit?.user).to.equal(h.standin.tables.list('sys_user', 'user_name=tech')[0]?.sys_id);
    expect(h.standin.tables.list('sysevent', 'name=x_closeloop.resolution_blocked')[0]).to.include({
      table: 'x_closeloop_closure_audit',
      instance: audit?.sys_id,
    });
  });

  it('verdict pass: saved, and audited "allowed" by the after rule', async () => {
    const id = await guardedIncident();
    const res = await resolveAs(id);
    expect(res.status).to.equal(200);
    expect(res.data.result).to.include({ state: '6', close_code: 'Solved (Permanently)' });
    expect(audits(id).map((a) => a.outcome)).to.deep.equal(['allowed']);
    expect(
      host
        .runs()
        .filter((r) => r.kind === 'rule')
        .map((r) => r.name)
        .slice(-2),
    ).to.deep.equal([GUARD_RULE, CONFIRM_RULE]);
  });

  it('a later before rule refusing the update leaves no "allowed" row', async () => {
    const remove = h.standin.businessRules.add({
      name: 'Instance: change freeze',
      table: 'incident',
      when: 'before',
      operations: ['update'],
      order: 1000,
      run: (api) => api.setAbortAction(true),
    });
    try {
      const id = await guardedIncident();
      expect((await resolveAs(id)).status).to.equal(403);
      expect(audits(id)).to.deep.equal([]);
    } finally {
      remove();
    }
  });

  it('open→Closed is checked; Resolved→Closed is not; canceling is audited', async () => {
    connector.reply = { status: 200, body: verdict('fail') };
    const open = await guardedIncident();
    expect((await resolveAs(open, 'tech', { state: '7' })).status).to.equal(403);
    expect(audits(open)[0]).to.include({ outcome: 'blocked', to_state: '7' });
    const resolved = await guardedIncident({
      state: 6,
      close_code: 'Solved (Permanently)',
      close_notes: 'n',
    });
    connector.requests = [];
    expect(
      (await h.http.patch(`/api/now/table/incident/${resolved}`, { state: '7' }, as('tech'))).status,
    ).to.equal(200);
    expect(connector.requests).to.have.length(0);
    const canceled = await guardedIncident();
    expect((await resolveAs(canceled, 'tech', { state: '8' })).status).to.equal(200);
    expect(audits(canceled)[0]).to.include({ outcome: 'canceled' });
  });

  it('no way round it through the correlation fields: guarded from the stored values, fields kept by the ACLs', async () => {
    connector.reply = { status: 200, body: verdict('fail') };
    const id = await guardedIncident();
    // One PATCH that clears correlation_display and resolves: the ACL drops the field, the guard holds.
    const sneaky = await resolveAs(id, 'tech', { correlation_display: '' });
    expect(sneaky.status).to.equal(403);
    expect(audits(id)[0]).to.include({ outcome: 'blocked', correlation_id: KEY });
    connector.reply = { status: 200, body: verdict('pass') };
    // The field ACL drops the field silently for a person; the record is unchanged.
    const cleared = await h.http.patch(
      `/api/now/table/incident/${id}`,
      { correlation_display: '', impact: 1 },
      as('tech'),
    );
    expect(cleared.status).to.equal(200);
    expect(h.standin.tables.get('incident', id)).to.include({
      correlation_display: 'Closeloop',
      impact: '1',
    });
    // The connector may.
    await h.http.patch(
      `/api/now/table/incident/${id}`,
      { correlation_display: 'Closeloop-moved' },
      as('bot'),
    );
    expect(h.standin.tables.get('incident', id)?.correlation_display).to.equal('Closeloop-moved');
    // On a record the guard does not cover, the field is anyone's.
    const other = await guardedIncident({ correlation_display: 'Event Management' });
    await h.http.patch(`/api/now/table/incident/${other}`, { correlation_display: 'x' }, as('tech'));
    expect(h.standin.tables.get('incident', other)?.correlation_display).to.equal('x');
  });

  it('pushed verdicts are written by the connector role only (record ACL)', async () => {
    const body = { correlation_id: 'k-acl', verdict: 'pass', evaluated_at: new Date().toISOString() };
    const refused = await h.http.post('/api/now/table/x_closeloop_verdict', body, as('tech'));
    expect(refused.status).to.equal(403);
    expect(refused.data.error.detail).to.contain('ACL Exception Insert Failed');
    expect((await h.http.post('/api/now/table/x_closeloop_verdict', body, as('bot'))).status).to.equal(201);
  });

  it('connector down: fail mode block refuses; a fresh pushed verdict decides without a call (Table API is not interactive)', async () => {
    const closed = express().listen(0, '127.0.0.1');
    await once(closed, 'listening');
    h.standin.properties.set(
      'x_closeloop.connector.url',
      `http://127.0.0.1:${(closed.address() as AddressInfo).port}`,
    );
    await new Promise((resolve) => closed.close(resolve));

    const id = await guardedIncident();
    const refused = await resolveAs(id);
    expect(refused.status).to.equal(403);
    expect(audits(id)[0]).to.include({ outcome: 'unavailable' });
    expect(audits(id)[0]?.detail).to.match(/could not be reached/);

    await pushVerdict('pass');
    expect((await resolveAs(id)).status).to.equal(200);
    expect(audits(id).map((a) => `${a.outcome}/${a.source}`)).to.deep.equal([
      'unavailable/none',
      'allowed/pushed',
    ]);
    expect(audits(id)[1]?.detail).to.contain('no one waits on this update');
  });

  it('a dead connector opens the circuit: after three failed calls none is made for a while', async () => {
    const closed = express().listen(0, '127.0.0.1');
    await once(closed, 'listening');
    h.standin.properties.set(
      'x_closeloop.connector.url',
      `http://127.0.0.1:${(closed.address() as AddressInfo).port}`,
    );
    await new Promise((resolve) => closed.close(resolve));
    for (let i = 0; i < 3; i++) expect((await resolveAs(await guardedIncident())).status).to.equal(403);
    expect(h.standin.tables.list('x_closeloop_connector_state')[0]).to.include({
      name: 'closure_check',
      failures: '3',
    });
    const id = await guardedIncident();
    expect((await resolveAs(id)).status).to.equal(403);
    expect(audits(id)[0]?.detail).to.contain('connector calls paused');
  });

  it("the connector's own resolve rides on its fresh pushed pass, without asking the connector", async () => {
    connector.reply = {
      status: 200,
      body: verdict('unknown', [check('unknown', 'evaluation budget exceeded')]),
    };
    const id = await guardedIncident();
    await pushVerdict('pass');
    const res = await resolveAs(id, 'bot');
    expect(res.status).to.equal(200);
    expect(connector.requests).to.have.length(0);
    expect(audits(id)[0]).to.include({ outcome: 'allowed', source: 'pushed' });
  });

  describe('other guarded tables and their state models', () => {
    it('a work order initiated from a guarded incident cannot be closed while its telemetry fails', async () => {
      connector.reply = { status: 200, body: verdict('fail') };
      const incident = await guardedIncident();
      const order = await h.http.post('/api/now/table/wm_order', {
        short_description: 'Replace CRAH-2 fan',
        initiated_from: incident,
        state: 18,
      });
      expect(order.status).to.equal(201);
      const orderId = String(order.data.result.sys_id);
      const number = String(order.data.result.number);
      expect(number).to.match(/^WO\d+$/);
      const closing = await h.http.patch(
        `/api/now/table/wm_order/${orderId}`,
        { state: '3', close_notes: 'Fan replaced' },
        as('tech'),
      );
      expect(closing.status).to.equal(403);
      expect(closing.data.error.message).to.contain(`${number} cannot be closed yet`);
      expect(audits(orderId)[0]).to.include({ table_name: 'wm_order', correlation_id: KEY, to_state: '3' });
      expect(connector.requests[0]?.body).to.deep.include({
        guarded_by: {
          table: 'incident',
          sys_id: incident,
          number: h.standin.tables.get('incident', incident)?.number,
          correlation_id: KEY,
          cmdb_ci: '',
        },
      });
      // Its own data policy still applies once telemetry passes.
      connector.reply = { status: 200, body: verdict('pass') };
      const noNotes = await h.http.patch(`/api/now/table/wm_order/${orderId}`, { state: '3' }, as('tech'));
      expect(noNotes.status).to.equal(403);
      expect(noNotes.data.error.detail).to.contain('Close notes');
    });

    it('a change is checked when closed successful, not when closed unsuccessful', async () => {
      connector.reply = { status: 200, body: verdict('fail') };
      const change = async () => {
        const res = await h.http.post('/api/now/table/change_request', {
          short_description: 'Swap CRAH-2 fan',
          correlation_id: KEY,
          correlation_display: 'Closeloop',
          state: -1,
        });
        return String(res.data.result.sys_id);
      };
      const successful = await change();
      const closed = await h.http.patch(
        `/api/now/table/change_request/${successful}`,
        { state: '3', close_code: 'successful', close_notes: 'done' },
        as('tech'),
      );
      expect(closed.status).to.equal(403);
      const unsuccessful = await change();
      connector.requests = [];
      const honest = await h.http.patch(
        `/api/now/table/change_request/${unsuccessful}`,
        { state: '3', close_code: 'unsuccessful', close_notes: 'backed out' },
        as('tech'),
      );
      expect(honest.status).to.equal(200);
      expect(connector.requests).to.have.length(0);
    });

    it('a guarded table the instance does not have (sn_ot_incident) is skipped, not an error', async () => {
      expect(h.standin.tables.list('x_closeloop_guarded_table', 'table_name=sn_ot_incident')).to.have.length(
        1,
      );
      expect((await resolveAs(await guardedIncident())).status).to.equal(200);
      expect(host.runs().every((r) => r.scriptError === null)).to.equal(true);
      expect(host.logs().filter((l) => l.level === 'error')).to.deep.equal([]);
    });
  });

  describe('form buttons (client + server UI actions)', () => {
    it('"Check telemetry": the real client script asks over GlideAjax and shows the verdict; nothing is submitted', async () => {
      connector.reply = { status: 200, body: verdict('fail') };
      const id = await guardedIncident();
      const before = { ...h.standin.tables.get('incident', id) };
      const result = await h.standin.uiActions.run('x_closeloop_check_telemetry', {
        sysId: id,
        user: 'tech',
        form: { short_description: 'edited, unsaved' },
      });
      expect(result).to.include({ ok: true, submitted: false });
      expect(result.errorMessages.join('\n')).to.contain('FAIL').and.contain('CRAH-2 supply air fail');
      expect(h.standin.tables.get('incident', id)).to.deep.equal(before);
      expect(connector.requests).to.have.length(1);
      const workspace = await h.standin.uiActions.run('x_closeloop_check_telemetry', {
        sysId: id,
        user: 'tech',
        ui: 'workspace',
      });
      expect(workspace.errorMessages.join()).to.contain('CRAH-2 supply air fail');
    });

    it('"Check telemetry" is for fulfillers, on guarded records only', async () => {
      const id = await guardedIncident();
      expect(
        (await h.standin.uiActions.run('x_closeloop_check_telemetry', { sysId: id, user: 'guest' })).problem,
      ).to.contain('lacks the role');
      const other = await guardedIncident({ correlation_display: 'Manual' });
      expect(
        (await h.standin.uiActions.run('x_closeloop_check_telemetry', { sysId: other, user: 'tech' }))
          .problem,
      ).to.contain('condition is not met');
    });

    it('"Resolve despite telemetry" (classic form): dialog, closing state on the form, submit, audited override and work note', async () => {
      connector.reply = { status: 200, body: verdict('fail') };
      const id = await guardedIncident();
      const refused = await h.http.post('/__standin/ui-actions/x_closeloop_resolve_override', {
        sys_id: id,
        user: 'tech',
      });
      expect(refused.status).to.equal(409);
      expect(refused.data.problem).to.contain('x_closeloop.closure_override');

      const pressed = await h.http.post('/__standin/ui-actions/x_closeloop_resolve_override', {
        sys_id: id,
        user: 'lead',
        form: { close_code: 'Solved (Work Around)', close_notes: 'Probe reading confirmed' },
        dialog: { fields: { x_closeloop_justification: JUSTIFICATION }, button: 'x_closeloop_override_ok' },
      });
      expect(pressed.status, JSON.stringify(pressed.data)).to.equal(200);
      expect(pressed.data).to.include({ submitted: true });
      expect(pressed.data.record).to.include({ state: '6', close_code: 'Solved (Work Around)' });
      expect(audits(id).map((a) => [a.outcome, a.justification])).to.deep.equal([
        ['overridden', JUSTIFICATION],
      ]);
      expect(h.standin.tables.list('x_closeloop_override_request', `task=${id}`)[0]).to.include({
        status: 'used',
      });
      expect(
        h.standin.tables
          .journal('incident', id, 'work_notes')
          .map((j) => j.value)
          .join(),
      ).to.contain(JUSTIFICATION);
      expect(h.standin.tables.list('sysevent', 'name=x_closeloop.override_used')).to.have.length(1);
    });

    it('giving up the dialog changes nothing and leaves nothing mandatory; no answer leaves it open', async () => {
      connector.reply = { status: 200, body: verdict('fail') };
      const id = await guardedIncident();
      const cancelled = await h.standin.uiActions.run('x_closeloop_resolve_override', {
        sysId: id,
        user: 'lead',
        dialog: { button: 'x_closeloop_override_cancel' },
      });
      expect(cancelled).to.include({ ok: true, submitted: false, dialogOpen: null });
      const open = await h.standin.uiActions.run('x_closeloop_resolve_override', { sysId: id, user: 'lead' });
      expect(open).to.include({ submitted: false, dialogOpen: 'x_closeloop_override_dialog' });
      const empty = await h.standin.uiActions.run('x_closeloop_resolve_override', {
        sysId: id,
        user: 'lead',
        dialog: { fields: { x_closeloop_justification: '  ' }, button: 'x_closeloop_override_ok' },
      });
      expect(empty).to.include({ submitted: false, dialogOpen: 'x_closeloop_override_dialog' });
      expect(h.standin.tables.get('incident', id)?.state).to.equal('2');
      expect(h.standin.tables.list('x_closeloop_override_request')).to.deep.equal([]);
      // The form still saves as usual.
      expect(
        (await h.http.patch(`/api/now/table/incident/${id}`, { impact: 2 }, as('lead'))).status,
      ).to.equal(200);
    });

    it('"Resolve despite telemetry" in Workspace: g_modal for the justification, then the same server part', async () => {
      connector.reply = { status: 200, body: verdict('fail') };
      const id = await guardedIncident();
      const result = await h.standin.uiActions.run('x_closeloop_resolve_override', {
        sysId: id,
        user: 'lead',
        ui: 'workspace',
        form: { close_code: 'Solved (Work Around)', close_notes: 'Probe reading confirmed' },
        dialog: { fields: { justification: JUSTIFICATION }, button: 'ok' },
      });
      expect(result, JSON.stringify(result)).to.include({ ok: true, submitted: true });
      expect(audits(id)[0]).to.include({ outcome: 'overridden', justification: JUSTIFICATION });
      const cancel = await h.standin.uiActions.run('x_closeloop_resolve_override', {
        sysId: await guardedIncident(),
        user: 'lead',
        ui: 'workspace',
        dialog: { button: 'cancel' },
      });
      expect(cancel).to.include({ submitted: false });
    });

    it("the override still meets the instance's own close rules (data policy) on submit", async () => {
      connector.reply = { status: 200, body: verdict('fail') };
      const id = await guardedIncident();
      const result = await h.standin.uiActions.run('x_closeloop_resolve_override', {
        sysId: id,
        user: 'lead',
        dialog: { fields: { x_closeloop_justification: JUSTIFICATION }, button: 'x_closeloop_override_ok' },
      });
      expect(result.submitted).to.equal(true);
      expect(result.errorMessages.join()).to.contain('Resolution code');
      expect(h.standin.tables.get('incident', id)?.state).to.equal('2');
      expect(audits(id), 'no row claims an override that did not happen').to.deep.equal([]);
    });
  });

  it('opening a guarded form shows what resolving would meet (display rule + onLoad script)', async () => {
    const id = await guardedIncident();
    await pushVerdict('fail');
    const view = await h.standin.forms.open('incident', id, 'tech');
    expect(view.errorMessages).to.deep.equal([
      'Closeloop: resolving will be blocked: CRAH-2 supply air fail (pushed) (verdict from 0 s ago).',
    ]);
    expect(connector.requests).to.have.length(0);
    const other = await h.standin.forms.open(
      'incident',
      await guardedIncident({ correlation_display: '' }),
      'tech',
    );
    expect([...other.errorMessages, ...other.infoMessages]).to.deep.equal([]);
  });

  it('startStandin({ plugin }) starts the host with the stand-in and closes it with it', async () => {
    const build = await buildPluginOnce();
    const other = await startHarness({ plugin: { appDir: build.appDir } });
    try {
      expect(other.standin.plugin?.rules.map((r) => r.name)).to.include.members([GUARD_RULE, CONFIRM_RULE]);
      expect(other.standin.uiActions.list()).to.have.members([
        'x_closeloop_check_telemetry',
        'x_closeloop_resolve_override',
      ]);
    } finally {
      await other.standin.close();
    }
  });

  it('keeps what the scripts logged and one record per run, none failing', () => {
    const runs = host.runs();
    expect(runs.length).to.be.greaterThan(0);
    expect(
      runs.filter((run) => run.scriptError !== null).map((r) => `${r.kind} ${r.name}: ${r.scriptError}`),
    ).to.deep.equal([]);
  });
});
