// Names taken from a request never reach an inherited property of a plain object: `__proto__`,
// `constructor`, `toString`… as a source name (alarm posts, both previews, console assets) are unknown
// names (404, naming no configured source), and as values inside alarms they are values like any other.
// Runs the shipped mappings through the real engine.
import { expect } from 'chai';
import { startTestConnector, type TestConnector } from '../../support/connector.js';
import { loadMappings } from '../../../connector/src/mapping/load.js';
import { createEngine } from '../../../connector/src/service/engine.js';
import { consoleRouters } from '../../../connector/src/console/index.js';
import { alarmFixture, RECEIVED, shippedSource } from '../sources/fixtures.js';
import { decode as decodeTrap } from '../../../connector/src/sources/snmp/decode.js';

const NAMES = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__defineGetter__',
  '__lookupSetter__',
];
const KEY = { 'x-api-key': 'test-api-key', 'content-type': 'application/json' };
const BMS = { authorization: 'Bearer bms-token', 'content-type': 'application/json' };
const REDFISH = { authorization: 'Bearer redfish-token', 'content-type': 'application/json' };

describe('prototype names from requests', function () {
  this.timeout(20_000);
  let c: TestConnector;
  before(async () => {
    const m = loadMappings('mappings', { providerNames: ['prometheus', 'redfish-cdu', 'mqtt'] });
    if (!m.ok) throw new Error('shipped mappings do not load');
    c = await startTestConnector({
      engine: createEngine(m.mappings),
      env: {
        CLOSELOOP_BMS_TOKEN: 'bms-token',
        CLOSELOOP_REDFISH_TOKEN: 'redfish-token',
        CLOSELOOP_ALERTMANAGER_TOKEN: 'am-token',
      },
      routers: (ctx) => consoleRouters(ctx, { mappings: () => m.mappings }),
    });
  });
  after(() => c.stop());

  const post = (path: string, headers: Record<string, string>, body: unknown) =>
    fetch(`${c.url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });

  for (const name of NAMES) {
    it(`"${name}" is an unknown source everywhere a source is named`, async () => {
      const alarm = await post(`/v1/alarms/${name}`, { 'content-type': 'application/json' }, {});
      expect(alarm.status).to.equal(404);
      expect(await alarm.json()).to.deep.equal({ error: `unknown source "${name}"` });
      const preview = await post('/v1/mappings/preview', KEY, { source: name, payload: {} });
      expect(preview.status).to.equal(404);
      const consolePreview = await post('/console/api/mappings/preview', KEY, { source: name, payload: {} });
      expect(consolePreview.status).to.equal(404);
      const asset = await fetch(`${c.url}/console/assets/${name}`);
      expect(asset.status).to.equal(404);
    });
  }

  it('treats prototype names inside alarms as plain values (states, severities, Redfish registries)', async () => {
    const bms = alarmFixture('bms-crah-supply-air-high.json') as Record<string, unknown>;
    for (const name of NAMES) {
      const state = await post('/v1/alarms/bms', BMS, { ...bms, state: name });
      expect(state.status, `state ${name}`).to.equal(422);
      const priority = await post('/v1/alarms/bms', BMS, { ...bms, priority: name });
      expect(priority.status, `priority ${name}`).to.equal(422);
    }
    const redfish = alarmFixture('redfish-cdu-leak.json') as { Events: Record<string, unknown>[] };
    for (const name of NAMES.filter((n) => /^[A-Za-z]/.test(n))) {
      for (const messageId of [`${name}.1.0.LeakDetectedCritical`, `Environmental.1.4.${name}`]) {
        const r = await post('/v1/alarms/redfish', REDFISH, {
          ...redfish,
          Events: [{ ...redfish.Events[0], MessageId: messageId }],
        });
        expect(r.status, messageId).to.be.oneOf([202, 422]);
      }
      const severity = await post('/v1/alarms/redfish', REDFISH, {
        ...redfish,
        Events: [{ ...redfish.Events[0], MessageSeverity: name }],
      });
      expect(severity.status, `MessageSeverity ${name}`).to.equal(422);
    }
    const preview = await post('/v1/mappings/preview', KEY, {
      source: 'bms',
      payload: { ...bms, state: 'constructor' },
    });
    expect(preview.status).to.equal(200);
  });

  it('an SNMP trap address (any string a sender writes) is looked up in agents as an own entry only', () => {
    const cfg = shippedSource('snmp', 'snmp');
    for (const name of NAMES) {
      const r = decodeTrap(
        'snmp',
        cfg,
        {
          version: 'v2c',
          trapOid: '1.3.6.1.4.1.318.0.5',
          agentAddress: name,
          senderAddress: '192.0.2.1',
          inform: false,
          varbinds: [],
        },
        { receivedAt: RECEIVED },
      );
      expect(r.errors, name).to.deep.equal([]);
      expect(
        r.alarms.map((a) => a.asset),
        name,
      ).to.deep.equal([{}]);
    }
  });
});
