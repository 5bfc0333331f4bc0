import { expect } from 'chai';
import {
  describeErrorBody,
  httpError,
  isRetryableStatus,
  networkError,
  parseRetryAfter,
  retryAfterFromHeaders,
} from '../../../../connector/src/itsm/servicenow/errors.js';
import { createRedactor } from '../../../../connector/src/itsm/servicenow/redact.js';
import { STATUS_CASES } from '../../../support/status-codes.js';

const NOW = Date.parse('2025-03-14T09:26:53Z');

describe('itsm/servicenow/errors', () => {
  describe('status verdicts match the shared table', () => {
    for (const c of STATUS_CASES.filter((s) => s.verdict !== 'ok')) {
      it(`${c.status} ${c.name} → ${c.verdict}`, () => {
        expect(isRetryableStatus(c.status)).to.equal(c.verdict === 'retry');
      });
    }
  });

  describe('Retry-After', () => {
    it('parses delta-seconds', () => {
      expect(parseRetryAfter('120', NOW)).to.equal(120_000);
      expect(parseRetryAfter(' 0 ', NOW)).to.equal(0);
    });
    it('parses an HTTP-date relative to now', () => {
      expect(parseRetryAfter('Fri, 14 Mar 2025 09:27:38 GMT', NOW)).to.equal(45_000);
    });
    it('clamps a date in the past to zero', () => {
      expect(parseRetryAfter('Fri, 14 Mar 2025 09:00:00 GMT', NOW)).to.equal(0);
    });
    it('ignores junk', () => {
      expect(parseRetryAfter(undefined, NOW)).to.equal(undefined);
      expect(parseRetryAfter('-5', NOW)).to.equal(undefined);
      expect(parseRetryAfter('1.5', NOW)).to.equal(undefined);
      expect(parseRetryAfter('soon', NOW)).to.equal(undefined);
    });
    it('falls back to X-RateLimit-Reset on a 429 only', () => {
      const headers = { 'x-ratelimit-reset': String(NOW / 1000 + 90) };
      expect(retryAfterFromHeaders(429, headers, NOW)).to.equal(90_000);
      expect(retryAfterFromHeaders(503, headers, NOW)).to.equal(undefined);
      expect(retryAfterFromHeaders(429, { 'retry-after': '7', ...headers }, NOW)).to.equal(7000);
    });
  });

  it("takes ServiceNow's message and detail from the envelope", () => {
    const body = { error: { message: 'Invalid table x_foo', detail: null }, status: 'failure' };
    expect(describeErrorBody(body)).to.equal('Invalid table x_foo');
    expect(
      describeErrorBody({
        error: { message: 'Operation Failed', detail: 'Data Policy Exception: Close code is mandatory' },
        status: 'failure',
      }),
    ).to.equal('Operation Failed (Data Policy Exception: Close code is mandatory)');
    expect(describeErrorBody({ error_description: 'access_denied', error: 'server_error' })).to.equal(
      'access_denied / server_error',
    );
    expect(describeErrorBody('<html>')).to.equal(undefined);
  });

  it('builds an HTTP error with status, operation and verdict', () => {
    const e = httpError({
      operation: 'create incident',
      status: 400,
      body: { error: { message: 'Invalid request' }, status: 'failure' },
      headers: {},
      nowMs: NOW,
      redactor: createRedactor(),
    });
    expect(e).to.include({ operation: 'create incident', status: 400, retryable: false, kind: 'http' });
    expect(e.retryAfterMs).to.equal(undefined);
    expect(e.message).to.equal('ServiceNow create incident: HTTP 400: Invalid request');
  });

  it('names the status when the body is not an envelope, and hints at redirects', () => {
    const base = { operation: 'ping', body: '<html/>', headers: {}, nowMs: NOW, redactor: createRedactor() };
    expect(httpError({ ...base, status: 502 }).message).to.equal('ServiceNow ping: HTTP 502: Bad Gateway');
    expect(httpError({ ...base, status: 302 }).message).to.match(
      /HTTP 302: Found \(redirected: check instance_url\)/,
    );
  });

  it('classifies network failures as retryable and says timeouts are timeouts', () => {
    const r = createRedactor();
    const refused = networkError(
      'ping',
      { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:9' },
      r,
    );
    expect(refused).to.include({ retryable: true, kind: 'network', status: undefined });
    expect(refused.message).to.equal(
      'ServiceNow ping: network error (ECONNREFUSED): connect ECONNREFUSED 127.0.0.1:9',
    );
    expect(
      networkError('ping', { code: 'ETIMEDOUT', message: 'timeout of 50ms exceeded' }, r).message,
    ).to.match(/timed out \(ETIMEDOUT\)/);
  });

  describe('redactor', () => {
    it('masks known secrets, longest first, and credential-shaped text', () => {
      const r = createRedactor(['hunter2', 'hunter2-long', undefined]);
      r.add('tok123');
      expect(r.redact('pw hunter2-long and hunter2, token tok123')).to.equal(
        'pw [redacted] and [redacted], token [redacted]',
      );
      expect(r.redact('Authorization: Bearer abc.def-ghi and Basic dXNlcjpwYXNz')).to.equal(
        'Authorization: Bearer [redacted] and Basic [redacted]',
      );
      expect(r.redact('grant_type=password&password=xyz&client_secret=s3')).to.equal(
        'grant_type=password&password=[redacted]&client_secret=[redacted]',
      );
    });
  });
});
