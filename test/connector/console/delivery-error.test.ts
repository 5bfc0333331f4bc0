import { expect } from 'chai';
import { errorOrigin } from '../../../connector/src/console/delivery-error.js';
import { httpError, networkError } from '../../../connector/src/itsm/servicenow/errors.js';
import { toDeliveryResult } from '../../../connector/src/itsm/servicenow/deliver.js';
import { createRedactor } from '../../../connector/src/itsm/servicenow/redact.js';

/** What the outbox keeps of a failed delivery. */
function kept(e: unknown) {
  const r = toDeliveryResult(e);
  if (r.ok) throw new Error('not a failure');
  return { lastError: r.error, lastStatus: r.status ?? null };
}

describe('console: whose error a failed write carries', () => {
  const redactor = createRedactor([]);
  it('an answer with a status is ServiceNow’s', () => {
    const e = httpError({ operation: 'create', status: 400, body: {}, headers: {}, nowMs: 0, redactor });
    expect(errorOrigin(kept(e))).to.equal('servicenow');
  });
  it('a connection refused, reset or unresolved is no answer, not ServiceNow’s error', () => {
    for (const code of ['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND'])
      expect(
        errorOrigin(kept(networkError('create', { code, message: `connect ${code}` }, redactor))),
      ).to.equal('no_answer');
    expect(errorOrigin(kept(networkError('create', new Error('socket hang up'), redactor)))).to.equal(
      'no_answer',
    );
  });
  it('a timeout is no answer in time', () => {
    const e = networkError(
      'lookup',
      { code: 'ECONNABORTED', message: 'timeout of 5000ms exceeded' },
      redactor,
    );
    expect(errorOrigin(kept(e))).to.equal('timeout');
  });
  it('anything else without a status was decided on the connector’s side', () => {
    expect(errorOrigin(kept(new Error('boom')))).to.equal('connector');
    expect(
      errorOrigin({
        lastError: 'ServiceNow is not configured (set SERVICENOW_INSTANCE_URL)',
        lastStatus: null,
      }),
    ).to.equal('connector');
    expect(errorOrigin({ lastError: null, lastStatus: null })).to.equal(null);
  });
});
