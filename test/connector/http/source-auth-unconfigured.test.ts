// A source whose own secret is not in the environment: its posts are refused with 503 (the sender
// retries; nothing is stored unauthenticated), never an internal server error. `closeloop serve`
// refuses to start in that state (test/connector/cli/serve-preflight.test.ts); this covers a
// connector embedded some other way.
import { expect } from 'chai';
import axios from 'axios';
import { startTestConnector, type TestConnector } from '../../support/connector.js';
import { tinyEngine } from '../../support/tiny-engine.js';

const FIELDS = { id: '$.id', state: '$.state', severity: '$.severity', type: '$.type' };

describe('POST /v1/alarms/:source without the source secret configured', () => {
  let c: TestConnector;
  before(async () => {
    c = await startTestConnector({
      engine: tinyEngine({
        redfish: {
          kind: 'webhook',
          auth: { type: 'bearer', token_env: 'UNSET_REDFISH_TOKEN' },
          fields: FIELDS,
          state_values: {},
          severity_values: {},
        },
        dcim: {
          kind: 'webhook',
          auth: {
            type: 'hmac',
            secret_env: 'UNSET_DCIM_SECRET',
            header: 'X-Signature',
            scheme: 'timestamped',
            timestamp_header: 'X-Closeloop-Timestamp',
            max_skew: 300_000,
          },
          fields: FIELDS,
          state_values: {},
          severity_values: {},
        },
      }),
      env: {},
    });
  });
  after(() => c.stop());

  for (const [source, variable, headers] of [
    ['redfish', 'UNSET_REDFISH_TOKEN', { authorization: 'Bearer anything' }],
    ['dcim', 'UNSET_DCIM_SECRET', { 'x-signature': 'sha256=00' }],
  ] as const) {
    it(`${source}: 503 naming ${variable}, and nothing is kept`, async () => {
      const r = await axios.post(
        `${c.url}/v1/alarms/${source}`,
        { id: 'a1', state: 'active', severity: 'major', type: 't' },
        { headers, validateStatus: () => true },
      );
      expect(r.status).to.equal(503);
      expect(r.data.error).to.include(`set ${variable}`);
      expect(r.data).to.not.have.property('rejected_id');
    });
  }
});
