// A resolution attempt while the connector cannot be reached: the plugin's real business rule (run by
// the stand-in) applies its fail mode (block by default, allow when configured) and records the
// attempt in x_closeloop_closure_audit either way. The incident was opened by `closeloop serve`.
import { expect } from 'chai';
import axios from 'axios';
import { DEMO_USERS } from '../../connector/src/demo/environment.js';
import { createCleanup } from './helpers/cleanup.js';
import { keyOf, postSiteAlarm, siteAlarm } from './helpers/site-alarms.js';
import { until } from './helpers/wait.js';
import { builtPluginApp, createWorld } from './helpers/world.js';

describe('e2e: resolving while the connector is unreachable', function () {
  this.timeout(240_000); // a first run may build the plugin
  const cleanup = createCleanup();
  afterEach(() => cleanup.run());

  it('blocks by default, allows with fail_mode allow, and audits both attempts', async () => {
    const appDir = await builtPluginApp();
    this.timeout(60_000);
    const world = await createWorld(cleanup, { standin: { plugin: { appDir } } });
    const { process: connector, api } = await world.startConnector();
    world.standin.properties.set('x_closeloop.connector.url', connector.url);
    world.standin.properties.set('x_closeloop.connector.api_key', world.apiKey);
    world.standin.properties.set('x_closeloop.connector.timeout_seconds', '3');

    const key = keyOf('CDU-9');
    expect(
      await postSiteAlarm(connector.url, world.sourceToken, siteAlarm('CDU-9', 'F1', 'active', 'flow low')),
    ).to.equal(202);
    const event = await until('the incident', async () => {
      const e = await api.event(key);
      return e?.incident && e.deliveries.every((d) => d.state === 'done') ? e : null;
    });
    const sysId = event.incident!.sys_id;
    expect(world.standin.tables.get('incident', sysId)?.correlation_display).to.equal('Closeloop');

    await connector.stop('SIGKILL');
    const resolve = () =>
      axios.patch(
        `${world.standin.url}/api/now/table/incident/${sysId}`,
        { state: 6, close_code: 'Solved (Permanently)', close_notes: 'Pump replaced' },
        { auth: DEMO_USERS.technician, validateStatus: () => true, proxy: false },
      );
    const audits = () =>
      world.standin.tables.list('x_closeloop_closure_audit', `task=${sysId}^ORDERBYchecked_at`);

    // Default fail mode: block.
    expect(world.standin.properties.get('x_closeloop.guard.fail_mode')).to.equal('block');
    const blocked = await resolve();
    expect(blocked.status).to.equal(403);
    expect(blocked.data.error.message).to.contain('INC');
    expect(world.standin.tables.get('incident', sysId)?.state).to.not.equal('6');
    expect(audits()).to.have.length(1);
    expect(audits()[0]).to.include({
      correlation_id: key,
      outcome: 'unavailable',
      source: 'none',
      resolution_blocked: 'true',
    });
    expect(audits()[0]?.detail).to.match(/could not be reached/);

    // fail_mode allow: the same attempt goes through, still audited.
    world.standin.properties.set('x_closeloop.guard.fail_mode', 'allow');
    const allowed = await resolve();
    expect(allowed.status, JSON.stringify(allowed.data)).to.equal(200);
    expect(world.standin.tables.get('incident', sysId)?.state).to.equal('6');
    expect(audits()).to.have.length(2);
    expect(audits()[1]).to.include({ outcome: 'unavailable', source: 'none', resolution_blocked: 'false' });
    expect(world.standin.tables.list('x_closeloop_verdict'), 'no pushed verdict stood in').to.have.length(0);
  });
});
