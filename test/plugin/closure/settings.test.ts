import { expect } from 'chai';
import { loadClosureModules } from '../support/plugin-modules.js';

const { settings: settingsModule } = loadClosureModules();
const { readGuardSettings, DEFAULT_SETTINGS } = settingsModule;

const read = (properties: Record<string, string>) => readGuardSettings((name) => properties[name]);

describe('plugin closure/settings', () => {
  it('missing properties give the defaults: fail mode block, 15 min pushed age, Closeloop incidents', () => {
    const { settings, problems } = read({});
    expect(settings).to.deep.equal(DEFAULT_SETTINGS);
    expect(settings).to.include({ failMode: 'block', maxPushedAgeMinutes: 15, guardedCorrelationDisplay: 'Closeloop' });
    expect(problems).to.deep.equal([]);
  });

  it('reads and normalises every property', () => {
    const { settings, problems } = read({
      'x_closeloop.connector.url': ' https://closeloop.example.com:8443/base/ ',
      'x_closeloop.connector.api_key': 'k',
      'x_closeloop.connector.mid_server': 'mid-dc1',
      'x_closeloop.connector.timeout_seconds': '12',
      'x_closeloop.guard.fail_mode': 'ALLOW',
      'x_closeloop.guard.pushed_verdict_max_age_minutes': '0',
      'x_closeloop.guard.correlation_display': 'closeloop',
      'x_closeloop.guard.ci_classes': 'cmdb_ci_ups,  CMDB_CI_computer_room_ac cmdb_ci_ups',
      'x_closeloop.connector.stub_response': '{}',
    });
    expect(problems).to.deep.equal([]);
    expect(settings).to.deep.equal({
      connectorUrl: 'https://closeloop.example.com:8443/base',
      apiKey: 'k',
      midServer: 'mid-dc1',
      timeoutSeconds: 12,
      failMode: 'allow',
      maxPushedAgeMinutes: 0,
      guardedCorrelationDisplay: 'closeloop',
      guardedCiClasses: ['cmdb_ci_ups', 'cmdb_ci_computer_room_ac'],
      stubResponse: '{}',
    });
  });

  it('an emptied correlation_display switches that criterion off (missing keeps the default)', () => {
    expect(read({ 'x_closeloop.guard.correlation_display': '' }).settings.guardedCorrelationDisplay).to.equal('');
  });

  it('bad values fall back safely and are reported', () => {
    const { settings, problems } = read({
      'x_closeloop.connector.url': 'closeloop.example.com',
      'x_closeloop.connector.timeout_seconds': '90',
      'x_closeloop.guard.fail_mode': 'open',
      'x_closeloop.guard.pushed_verdict_max_age_minutes': 'ten',
      'x_closeloop.guard.ci_classes': 'cmdb_ci_ups;drop',
    });
    expect(settings).to.include({ connectorUrl: '', timeoutSeconds: 30, failMode: 'block', maxPushedAgeMinutes: 15 });
    expect(settings.guardedCiClasses).to.deep.equal([]);
    expect(problems).to.have.length(5);
    expect(problems.join('\n')).to.contain('not an http(s) base URL').and.contain('between 1 and 30').and.contain('"block" or "allow"');
  });

  it('refuses URLs with a query or fragment', () => {
    expect(read({ 'x_closeloop.connector.url': 'https://x.example/?a=1' }).settings.connectorUrl).to.equal('');
  });
});
