// Every status of the shared table, and every kind of "no answer", through a real delivery: the
// DeliveryResult the outbox worker receives must carry the table's verdict.
import { expect } from 'chai';
import { createServer } from 'node:net';
import nock from 'nock';
import { createServiceNowClient } from '../../../../connector/src/itsm/servicenow/client.js';
import { deliverOperation } from '../../../../connector/src/itsm/servicenow/deliver.js';
import type { DeliveryResult } from '../../../../connector/src/outbox/operations.js';
import { BODYLESS_STATUSES, NETWORK_CASES, STATUS_CASES } from '../../../support/status-codes.js';
import type { Verdict } from '../../../support/status-codes.js';
import {
  INSTANCE,
  SN_HEADERS,
  SYS_ID,
  basicConfig,
  incident,
  listQuery,
  snError,
  useNock,
  FIRST_ATTEMPT,
} from './helpers.js';

const KEY = 'dc1/hall-a/crah-07/supply-temp-high';
const LINK = { sysId: SYS_ID, number: 'INC0010023' };
const NOTE = { op: 'note' as const, text: 'CRAH-08 supply air 28.1 °C joined this event' };

function noteScope(): nock.Interceptor {
  return nock(INSTANCE)
    .patch(`/api/now/table/incident/${SYS_ID}`, { work_notes: NOTE.text })
    .query(listQuery({ sysparm_fields: 'sys_id,number,state,correlation_id' }));
}

function verdictOf(r: DeliveryResult): Verdict {
  if (r.ok) return 'ok';
  return r.retryable ? 'retry' : 'dead';
}

async function deliverNote(timeout?: number, instanceUrl?: string): Promise<DeliveryResult> {
  const config = basicConfig({
    ...(timeout !== undefined ? { timeout } : {}),
    ...(instanceUrl !== undefined ? { instance_url: instanceUrl } : {}),
  });
  return deliverOperation(createServiceNowClient({ config }), {
    attempt: FIRST_ATTEMPT,
    key: KEY,
    link: LINK,
    op: NOTE,
    config,
  });
}

describe('itsm/servicenow: every status code gets the shared verdict', () => {
  useNock();

  for (const c of STATUS_CASES) {
    // 204/205/304 cannot carry a body; 304 still has a verdict to check, 204/205 cannot be a Table API
    // answer (ServiceNow always returns the record) and are covered by the pure verdict test.
    if (BODYLESS_STATUSES.has(c.status) && c.verdict === 'ok') continue;
    it(`${c.status} ${c.name} → ${c.verdict}`, async () => {
      const headers = { ...SN_HEADERS, 'Retry-After': '17' };
      const body =
        c.verdict === 'ok' ? { result: incident() } : snError(`${c.name} from the instance`, 'detail text');
      const scope = noteScope().reply(c.status, BODYLESS_STATUSES.has(c.status) ? '' : body, headers);
      const r = await deliverNote();
      scope.done();
      expect(verdictOf(r)).to.equal(c.verdict);
      if (r.ok) {
        expect(r.link).to.deep.equal(LINK);
        return;
      }
      expect(r.status).to.equal(c.status);
      // Retry-After only means something on a retryable answer.
      expect(r.retryAfterMs).to.equal(c.verdict === 'retry' ? 17_000 : undefined);
      if (!BODYLESS_STATUSES.has(c.status) && c.status !== 404) {
        expect(r.error).to.equal(
          `ServiceNow update incident: HTTP ${c.status}: ${c.name} from the instance (detail text)${
            c.status >= 300 && c.status < 400 ? ' (redirected: check instance_url)' : ''
          }`,
        );
      }
    });
  }

  for (const c of NETWORK_CASES) {
    it(`${c.name} (${c.code}) → ${c.verdict}`, async () => {
      // An Error instance: nock 14 never delivers a plain-object error (the request would hang).
      const scope = noteScope().replyWithError(
        Object.assign(new Error(`simulated ${c.code}`), { code: c.code }),
      );
      const r = await deliverNote();
      scope.done();
      expect(verdictOf(r)).to.equal(c.verdict);
      expect(r).to.not.have.property('status');
      if (!r.ok) expect(r.error).to.contain(c.code);
    });
  }

  it('client timeout → retry', async () => {
    const scope = noteScope().delay(300).reply(200, { result: incident() });
    const r = await deliverNote(0.05);
    scope.done();
    expect(verdictOf(r)).to.equal('retry');
  });

  it('a real refused connection on loopback → retry', async () => {
    const port = await new Promise<number>((resolve) => {
      const srv = createServer();
      srv.listen(0, '127.0.0.1', () => {
        const address = srv.address();
        srv.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
      });
    });
    nock.enableNetConnect('127.0.0.1');
    try {
      const r = await deliverNote(undefined, `http://127.0.0.1:${port}`);
      expect(verdictOf(r)).to.equal('retry');
      if (!r.ok) expect(r.error).to.match(/ECONNREFUSED/);
    } finally {
      nock.disableNetConnect();
    }
  });
});
