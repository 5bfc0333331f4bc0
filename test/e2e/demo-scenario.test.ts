// The `closeloop demo` story, asserted step by step: the scenario runs in this process against the
// demo environment (the stand-in running the plugin's built business rule, the scripted site feed,
// the connector through startRuntime on a temporary SQLite directory).
import { expect } from 'chai';
import { existsSync } from 'node:fs';
import { connectorClient } from '../../connector/src/demo/connector-client.js';
import { startDemoEnvironment, type DemoEnvironment } from '../../connector/src/demo/environment.js';
import { createNarrator } from '../../connector/src/demo/narrate.js';
import {
  CDU_KEY,
  COOLING_KEY,
  OVERRIDE_JUSTIFICATION,
  runScenario,
  type ScenarioResult,
} from '../../connector/src/demo/scenario.js';
import { builtPluginApp } from './helpers/world.js';

describe('e2e: the demo scenario, step by step', function () {
  this.timeout(240_000); // a first run may build the plugin
  let env: DemoEnvironment | null = null;
  let result: ScenarioResult;
  let narration = '';

  before(async function () {
    const appDir = await builtPluginApp();
    env = await startDemoEnvironment({ appDir, logLevel: 'warn' });
    result = await runScenario(
      env,
      createNarrator((text) => (narration += text)),
    );
  });
  after(async () => {
    const dir = env?.dataDir;
    await env?.close();
    if (dir) expect(existsSync(dir), 'temporary directory removed').to.equal(false);
  });

  it('(a) a CRAH alarm and two GPU alarms from two sources become ONE incident with both signals', () => {
    expect(result.cooling.incidentsWithKey).to.equal(1);
    expect(result.cooling.alarms.map((a) => a.source).sort()).to.deep.equal([
      'alertmanager',
      'alertmanager',
      'bms',
    ]);
    expect(env!.standin.tables.list('incident', `correlation_id=${COOLING_KEY}`)).to.have.length(1);
    const notes = env!.standin.tables
      .journal('incident', result.cooling.sysId, 'work_notes')
      .map((j) => j.value)
      .join('\n');
    expect(notes)
      .to.match(/Joined: .*gpu-r01-01/)
      .and.to.match(/Joined: .*gpu-r02-01/);
    expect(narration).to.contain(`ONE incident in ServiceNow with both signals: ${result.cooling.number}`);
  });

  it('(b) resolving while readings settle is refused by the business rule, with the failing readings', () => {
    expect(result.cooling.blocked.status).to.equal(403);
    expect(result.cooling.blocked.message).to.contain(`${result.cooling.number} cannot be resolved yet`);
    expect(result.cooling.blocked.message).to.match(/CRAH-1 supply air \d+(\.\d)? °C > 27 °C/);
    expect(result.cooling.blocked.stateAfter).to.not.equal('6');
    expect(result.cooling.audits[0]).to.include({ outcome: 'blocked', verdict: 'fail', source: 'live' });
  });

  it('(c) after the window the watcher pushes "pass" (verdict row + work note) and the resolution goes through', () => {
    expect(result.cooling.pushedVerdict.verdict).to.equal('pass');
    expect(result.cooling.pushedVerdict.workNote).to.equal(
      'Telemetry back in range and stable for 10 s — OK to resolve.',
    );
    const [row] = env!.standin.tables.list('x_closeloop_verdict', `correlation_id=${COOLING_KEY}`);
    expect(row?.verdict).to.equal('pass');
    expect(result.cooling.resolved).to.deep.equal({ status: 200, state: '6' });
    expect(result.cooling.audits.map((a) => `${a.outcome}/${a.verdict}/${a.user}`)).to.deep.equal([
      'blocked/fail/Alex Rivera',
      'allowed/pass/Alex Rivera',
    ]);
  });

  it('(d) a second incident is refused on its readings and resolved by the override role with a justification', () => {
    expect(result.cdu.number).to.not.equal(result.cooling.number);
    expect(env!.standin.tables.list('incident', `correlation_id=${CDU_KEY}`)).to.have.length(1);
    expect(result.cdu.blocked.status).to.equal(403);
    expect(result.cdu.blocked.message).to.match(/CDU-1 secondary flow 24\.8 L\/min < 30 L\/min/);
    expect(result.cdu.refusedWithoutRole).to.contain('x_closeloop.closure_override');
    expect(result.cdu.override).to.include({ ok: true, state: '6' });
    expect(result.cdu.audits.map((a) => `${a.outcome}/${a.user}`)).to.deep.equal([
      'blocked/Alex Rivera',
      'overridden/Sam Chen',
    ]);
    expect(result.cdu.audits[1]?.justification).to.equal(OVERRIDE_JUSTIFICATION);
    // The dialog's justification was an override request, used once; the incident has a work note.
    const [request] = env!.standin.tables.list('x_closeloop_override_request', `task=${result.cdu.sysId}`);
    expect(request).to.include({ status: 'used', justification: OVERRIDE_JUSTIFICATION });
    const notes = env!.standin.tables.journal('incident', result.cdu.sysId, 'work_notes').map((n) => n.value);
    expect(notes.join('\n')).to.contain('resolved despite telemetry').and.contain(OVERRIDE_JUSTIFICATION);
  });

  it('the connector lists both events with their incidents', async () => {
    const events = await connectorClient(env!.connectorUrl, env!.apiKey).events();
    expect(events.map((e) => `${e.key} ${e.incident?.number ?? ''}`).sort()).to.deep.equal(
      [`${CDU_KEY} ${result.cdu.number}`, `${COOLING_KEY} ${result.cooling.number}`].sort(),
    );
  });
});
