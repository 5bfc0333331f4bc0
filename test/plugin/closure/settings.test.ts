import { expect } from 'chai';
import { loadClosureModules } from '../support/plugin-modules.js';

const { settings: settingsModule } = loadClosureModules();
const { readGuardSettings, validateEndpoint, DEFAULT_SETTINGS } = settingsModule;

const read = (properties: Record<string, string>) => readGuardSettings((name) => properties[name]);

describe('plugin closure/settings', () => {
  it('missing properties give the defaults: fail mode block, 15 min pushed age, Closeloop records, cancel audited', () => {
    const { settings, problems } = read({});
    expect(settings).to.deep.equal(DEFAULT_SETTINGS);
    expect(settings).to.include({
      failMode: 'block',
      maxPushedAgeMinutes: 15,
      guardedCorrelationDisplay: 'Closeloop',
      guardCancel: false,
      breakerFailures: 3,
      breakerOpenSeconds: 60,
      maxLiveCalls: 3,
    });
    expect(problems).to.deep.equal([]);
  });

  it('reads and normalises every property', () => {
    const { settings, problems } = read({
      'x_closeloop.connector.timeout_seconds': '12',
      'x_closeloop.connector.breaker_failures': '5',
      'x_closeloop.connector.breaker_open_seconds': '120',
      'x_closeloop.connector.max_live_calls_per_transaction': '0',
      'x_closeloop.guard.fail_mode': 'ALLOW',
      'x_closeloop.guard.pushed_verdict_max_age_minutes': '0',
      'x_closeloop.guard.correlation_display': 'closeloop',
      'x_closeloop.guard.ci_classes': 'cmdb_ci_ups,  CMDB_CI_computer_room_ac cmdb_ci_ups',
      'x_closeloop.guard.cancel': 'TRUE',
    });
    expect(problems).to.deep.equal([]);
    expect(settings).to.deep.equal({
      timeoutSeconds: 12,
      breakerFailures: 5,
      breakerOpenSeconds: 120,
      maxLiveCalls: 0,
      failMode: 'allow',
      maxPushedAgeMinutes: 0,
      guardedCorrelationDisplay: 'closeloop',
      guardedCiClasses: ['cmdb_ci_ups', 'cmdb_ci_computer_room_ac'],
      guardCancel: true,
    });
  });

  it('has no test hook: a stub_response property changes nothing', () => {
    const { settings } = read({ 'x_closeloop.connector.stub_response': '{"verdict":"pass"}' });
    expect(settings).to.deep.equal(DEFAULT_SETTINGS);
    expect(Object.keys(settings).join()).not.to.match(/stub/i);
  });

  it('an emptied correlation_display switches that criterion off (missing keeps the default)', () => {
    expect(read({ 'x_closeloop.guard.correlation_display': '' }).settings.guardedCorrelationDisplay).to.equal('');
  });

  it('bad values fall back safely and are reported', () => {
    const { settings, problems } = read({
      'x_closeloop.connector.timeout_seconds': '90',
      'x_closeloop.guard.fail_mode': 'open',
      'x_closeloop.guard.pushed_verdict_max_age_minutes': 'ten',
      'x_closeloop.guard.ci_classes': 'cmdb_ci_ups;drop',
      'x_closeloop.guard.cancel': 'yes',
    });
    expect(settings).to.include({ timeoutSeconds: 30, failMode: 'block', maxPushedAgeMinutes: 15, guardCancel: false });
    expect(settings.guardedCiClasses).to.deep.equal([]);
    expect(problems).to.have.length(5);
    expect(problems.join('\n')).to.contain('between 1 and 30').and.contain('"block" or "allow"').and.contain('true or false');
  });

  describe('validateEndpoint', () => {
    const check = (url: string, midServer = '') => {
      const problems: string[] = [];
      const endpoint = validateEndpoint({ url, apiKey: ' k ', midServer, origin: 'properties' }, problems);
      return { url: endpoint.url, apiKey: endpoint.apiKey, problems };
    };

    it('accepts an https base URL, trimming the trailing slash', () => {
      expect(check(' https://closeloop.example.com:8443/base/ ')).to.deep.equal({
        url: 'https://closeloop.example.com:8443/base',
        apiKey: 'k',
        problems: [],
      });
    });

    it('refuses plain http unless a MID Server carries the call', () => {
      const direct = check('http://closeloop.dc1.example.com:8080');
      expect(direct.url).to.equal('');
      expect(direct.problems.join()).to.contain('plain http').and.contain('MID Server');
      expect(check('http://closeloop.dc1.example.com:8080', 'mid-dc1')).to.include({ url: 'http://closeloop.dc1.example.com:8080' });
    });

    it('allows plain http to a loopback address only (the key never leaves the host)', () => {
      for (const url of ['http://127.0.0.1:8080', 'http://localhost:8080', 'http://[::1]:8080']) expect(check(url).url, url).to.equal(url);
      for (const url of ['http://127.0.0.1.example.com', 'http://localhost.evil.example', 'http://10.0.0.1']) {
        expect(check(url).url, url).to.equal('');
      }
    });

    it('refuses URLs that are not a base URL (query, fragment, credentials, no scheme)', () => {
      for (const url of ['https://x.example/?a=1', 'https://x.example/#f', 'https://user:pw@x.example', 'closeloop.example.com']) {
        expect(check(url).url, url).to.equal('');
      }
    });

    it('names the alias when the URL came from it', () => {
      const problems: string[] = [];
      validateEndpoint({ url: 'http://x.example', apiKey: '', midServer: '', origin: 'alias' }, problems);
      expect(problems.join()).to.contain('the connection alias');
    });
  });
});
