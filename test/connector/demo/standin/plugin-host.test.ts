// The plugin's REAL business rule (built by now-sdk, run unchanged in the plugin host's worker)
// guarding resolutions made through the stand-in's Table API, against a connector on loopback.
import { expect } from 'chai';
import express from 'express';
import type { Server } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { startPluginHost, type PluginHost } from '../../../../connector/src/demo/standin/plugin-host.js';
import { buildPluginOnce } from '../../../plugin/support/sdk-build.js';
import { startHarness, type Harness } from './helpers.js';

const RULE_NAME = 'Closeloop: guard incident resolution';
const API_KEY = 'standin-test-key';

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
  checks = [check(value === 'pass' ? 'pass' : 'fail', `supply air ${value}`)],
) => ({
  verdict: value,
  checks,
  evaluated_at: new Date().toISOString(),
});

describe('stand-in running the plugin business rule', function () {
  this.timeout(180_000);
  let h: Harness;
  let host: PluginHost;
  let connector: FakeConnector;
  let ruleSysId = '';

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
      ],
    });
    host = await startPluginHost(h.standin, { appDir: build.appDir });
    ruleSysId = host.rules[0]?.sysId ?? '';
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

  const guardedIncident = async (fields: Record<string, unknown> = {}) => {
    const res = await h.http.post('/api/now/table/incident', {
      short_description: 'CRAH-2 supply air temperature high',
      correlation_id: 'dc1/hall-a/crah-2/supply-air',
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
      { auth: { username: user, password: user } },
    );
  const audits = (sysId: string) => h.standin.tables.list('x_closeloop_closure_audit', `incident=${sysId}`);

  it('installs the built rule with its name, sys_id and order', () => {
    expect(host.rules.map((r) => r.name)).to.deep.equal([RULE_NAME]);
    expect(ruleSysId).to.match(/^[0-9a-f]{32}$/);
    expect(host.rules[0]?.order).to.equal(900);
  });

  it('verdict fail: the API answers 403 with the platform abort body, the incident stays unresolved, an audit row is kept', async () => {
    const id = await guardedIncident();
    const before = { ...h.standin.tables.get('incident', id) };
    connector.reply = { status: 200, body: verdict('fail') };

    const res = await resolveAs(id, 'tech', { work_notes: 'resolving' });
    expect(res.status).to.equal(403);
    expect(res.data.status).to.equal('failure');
    expect(res.data.error.detail).to.equal(
      `Operation against file 'incident' was aborted by Business Rule '${RULE_NAME}^${ruleSysId}'. Business Rule Stack:${RULE_NAME}`,
    );
    expect(res.data.error.message).to.contain('supply air fail');
    expect(h.standin.tables.get('incident', id)).to.deep.equal(before);
    expect(h.standin.tables.journal('incident', id)).to.have.length(0);

    expect(connector.requests).to.have.length(1);
    expect(connector.requests[0]?.headers['x-api-key']).to.equal(API_KEY);
    expect(connector.requests[0]?.body).to.deep.equal({
      incident: {
        sys_id: id,
        number: before.number,
        correlation_id: 'dc1/hall-a/crah-2/supply-air',
        cmdb_ci: '',
      },
    });
    const [audit] = audits(id);
    expect(audit).to.include({
      outcome: 'blocked',
      verdict: 'fail',
      source: 'live',
      resolution_blocked: 'true',
    });
    expect(audit?.user).to.equal(h.standin.tables.list('sys_user', 'user_name=tech')[0]?.sys_id);
  });

  it('verdict pass: the resolution is stored and audited as allowed', async () => {
    const id = await guardedIncident();
    const res = await resolveAs(id);
    expect(res.status).to.equal(200);
    expect(res.data.result).to.include({ state: '6', close_code: 'Solved (Permanently)' });
    expect(audits(id).map((a) => a.outcome)).to.deep.equal(['allowed']);
  });

  it('connector unreachable with fail mode block: refused and audited "unavailable"; with a fresh pushed pass: allowed', async () => {
    const closed = express().listen(0, '127.0.0.1');
    await once(closed, 'listening');
    const deadUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise((resolve) => closed.close(resolve));
    h.standin.properties.set('x_closeloop.connector.url', deadUrl);

    const id = await guardedIncident();
    const refused = await resolveAs(id);
    expect(refused.status).to.equal(403);
    expect(audits(id)[0]).to.include({ outcome: 'unavailable' });
    expect(audits(id)[0]?.detail).to.match(/could not be reached/);
    expect(h.standin.tables.get('incident', id)?.state).to.equal('2');

    const pushed = await h.http.post('/api/now/table/x_closeloop_verdict', {
      correlation_id: 'dc1/hall-a/crah-2/supply-air',
      verdict: 'pass',
      checks: JSON.stringify([check('pass', 'in range')]),
      evaluated_at: new Date().toISOString(),
    });
    expect(pushed.status).to.equal(201);
    const allowed = await resolveAs(id);
    expect(allowed.status).to.equal(200);
    expect(audits(id).map((a) => `${a.outcome}/${a.source}`)).to.deep.equal([
      'unavailable/none',
      'allowed/pushed',
    ]);
  });

  it('a slow connector times out (timeout_seconds) while the stand-in keeps serving other requests', async () => {
    h.standin.properties.set('x_closeloop.connector.timeout_seconds', '1');
    connector.reply = { status: 200, body: verdict('pass'), delayMs: 2500 };
    const id = await guardedIncident();
    const started = Date.now();
    const resolving = resolveAs(id);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const probeStarted = Date.now();
    const probe = await h.http.get('/api/now/table/cmdb_ci', { params: { sysparm_limit: 1 } });
    expect(probe.status).to.equal(200);
    expect(Date.now() - probeStarted).to.be.below(300);

    const res = await resolving;
    expect(res.status).to.equal(403);
    expect(Date.now() - started).to.be.within(900, 2400);
    expect(audits(id)[0]?.detail).to.match(/did not answer in time/);
  });

  it('does not check incidents it does not guard, nor updates that are not resolutions', async () => {
    const other = await guardedIncident({ correlation_display: 'Manual' });
    expect((await resolveAs(other)).status).to.equal(200);
    const guarded = await guardedIncident();
    expect((await h.http.patch(`/api/now/table/incident/${guarded}`, { impact: 1 })).status).to.equal(200);
    expect(connector.requests).to.have.length(0);
    expect(h.standin.tables.list('x_closeloop_closure_audit')).to.have.length(0);
  });

  it('override: a user with the override role and a justification resolves despite a fail; the request is consumed', async () => {
    connector.reply = { status: 200, body: verdict('fail') };
    const id = await guardedIncident();
    const withoutRole = await resolveAs(id, 'tech', {
      x_closeloop_override_requested: true,
      x_closeloop_override_justification: 'Sensor known faulty, replaced tomorrow',
    });
    expect(withoutRole.status).to.equal(403);

    const res = await resolveAs(id, 'lead', {
      x_closeloop_override_requested: true,
      x_closeloop_override_justification: 'Sensor known faulty, replaced tomorrow',
    });
    expect(res.status).to.equal(200);
    expect(res.data.result).to.include({ state: '6', x_closeloop_override_requested: 'false' });
    const outcomes = audits(id).map((a) => a.outcome);
    expect(outcomes).to.deep.equal(['blocked', 'overridden']);
    expect(audits(id)[1]?.justification).to.equal('Sensor known faulty, replaced tomorrow');
  });

  it('UI action "Check telemetry" shows the verdict without changing the incident', async () => {
    connector.reply = { status: 200, body: verdict('fail') };
    const id = await guardedIncident();
    const before = { ...h.standin.tables.get('incident', id) };
    const result = await h.standin.uiActions.run('x_closeloop_check_telemetry', { sysId: id, user: 'tech' });
    expect(result.ok).to.equal(true);
    expect(result.errorMessages.join('\n')).to.contain('supply air fail');
    expect(result.redirect).to.equal(`incident.do?sys_id=${id}`);
    expect(h.standin.tables.get('incident', id)).to.deep.equal(before);
    expect(connector.requests).to.have.length(1);
  });

  it('UI action "Resolve despite telemetry" over /__standin/: role enforced, then resolves through the guard rule', async () => {
    connector.reply = { status: 200, body: verdict('fail') };
    const id = await guardedIncident({
      close_code: 'Solved (Work Around)',
      close_notes: 'Temporary fan installed',
      x_closeloop_override_justification: 'Known sensor fault, ticket CHG0031',
    });
    const press = (user: string) =>
      h.http.post('/__standin/ui-actions/x_closeloop_resolve_override', { sys_id: id, user });
    const refused = await press('tech');
    expect(refused.status).to.equal(409);
    expect(refused.data.problem).to.contain('x_closeloop.closure_override');

    const pressed = await press('lead');
    expect(pressed.status).to.equal(200);
    expect(pressed.data.record).to.include({ state: '6', x_closeloop_override_requested: 'false' });
    expect(audits(id).map((a) => a.outcome)).to.deep.equal(['overridden']);
    expect(
      host
        .runs()
        .map((r) => `${r.kind}:${r.name}`)
        .slice(-2),
    ).to.deep.equal([`rule:${RULE_NAME}`, 'action:x_closeloop_resolve_override']);
  });

  it('startStandin({ plugin }) starts the host with the stand-in and closes it with it', async () => {
    const build = await buildPluginOnce();
    const other = await startHarness({ plugin: { appDir: build.appDir } });
    try {
      expect(other.standin.plugin?.rules.map((r) => r.name)).to.deep.equal([RULE_NAME]);
      expect(other.standin.businessRules.list().map((r) => r.name)).to.deep.equal([RULE_NAME]);
      expect(other.standin.uiActions.list()).to.have.members([
        'x_closeloop_check_telemetry',
        'x_closeloop_resolve_override',
      ]);
    } finally {
      await other.standin.close();
    }
  });

  it('keeps what the scripts logged and one record per run', () => {
    const runs = host.runs();
    expect(runs.length).to.be.greaterThan(0);
    expect(runs.every((run) => run.scriptError === null)).to.equal(true);
    expect(runs.filter((run) => run.kind === 'rule').every((run) => run.name === RULE_NAME)).to.equal(true);
  });
});
