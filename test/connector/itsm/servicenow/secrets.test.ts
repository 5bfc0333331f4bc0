// No credential may reach an error message, a DeliveryResult or a log line, even when the instance
// (or a proxy in front of it) echoes the request back at us.
import { expect } from 'chai';
import nock from 'nock';
import { Writable } from 'node:stream';
import { inspect } from 'node:util';
import pino from 'pino';
import { createServiceNowClient } from '../../../../connector/src/itsm/servicenow/client.js';
import { deliverOperation } from '../../../../connector/src/itsm/servicenow/deliver.js';
import type { ServiceNowConfig } from '../../../../connector/src/config/schema.js';
import type { DeliveryResult } from '../../../../connector/src/outbox/operations.js';
import {
  BASIC_HEADER,
  INSTANCE,
  SECRETS,
  SYS_ID,
  basicConfig,
  listQuery,
  oauthConfig,
  useNock,
  FIRST_ATTEMPT,
} from './helpers.js';

const KEY = 'dc1/hall-a/crah-07/supply-temp-high';
const LINK = { sysId: SYS_ID, number: 'INC0010023' };
const BASIC_CREDENTIAL = BASIC_HEADER.slice('Basic '.length);
const FORBIDDEN = [
  SECRETS.password,
  SECRETS.clientSecret,
  SECRETS.accessToken,
  SECRETS.refreshToken,
  BASIC_CREDENTIAL,
  encodeURIComponent(SECRETS.password),
];

function captureLogger(): { logger: pino.Logger; lines: string[] } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: pino({ level: 'trace' }, stream), lines };
}

function expectClean(label: string, text: string): void {
  for (const secret of FORBIDDEN) {
    expect(text.includes(secret), `${label} leaks a secret: ${text}`).to.equal(false);
  }
}

/** A reply that echoes the request (headers and body) the way a debugging proxy would. */
function echo(status: number) {
  return function (this: nock.ReplyFnContext, _uri: string, body: nock.Body): [number, object] {
    const headers = JSON.stringify(this.req.headers);
    return [
      status,
      { error: { message: `echo ${String(JSON.stringify(body))}`, detail: headers }, status: 'failure' },
    ];
  };
}

async function deliverNote(config: ServiceNowConfig, logger: pino.Logger): Promise<DeliveryResult> {
  const client = createServiceNowClient({ config, logger });
  return deliverOperation(client, {
    attempt: FIRST_ATTEMPT,
    key: KEY,
    link: LINK,
    op: { op: 'note', text: 'hello' },
    config,
  });
}

describe('itsm/servicenow: secrets never leak', () => {
  useNock();
  const notePath = `/api/now/table/incident/${SYS_ID}`;
  const noteQuery = listQuery({ sysparm_fields: 'sys_id,number,state,correlation_id' });

  it('basic: an instance echoing the Authorization header', async () => {
    const { logger, lines } = captureLogger();
    const scope = nock(INSTANCE).patch(notePath).query(noteQuery).reply(echo(400));
    const r = await deliverNote(basicConfig(), logger);
    scope.done();
    expect(r.ok).to.equal(false);
    if (!r.ok) {
      expect(r.error).to.contain('[redacted]'); // the echo really carried the credential
      expectClean('delivery error', r.error);
    }
    expect(lines.length).to.be.greaterThan(0);
    expectClean('log', lines.join('\n'));
  });

  it('oauth: a token endpoint echoing the form (password, client secret)', async () => {
    const { logger, lines } = captureLogger();
    const scope = nock(INSTANCE).post('/oauth_token.do').reply(echo(401));
    const client = createServiceNowClient({ config: oauthConfig('password'), logger });
    const error = await client.ping().then(
      () => {
        throw new Error('expected a rejection');
      },
      (e: unknown) => e,
    );
    scope.done();
    const text = `${String(error)}\n${inspect(error)}\n${JSON.stringify(error)}`;
    expect(text).to.contain('client_secret=[redacted]');
    expectClean('error', text);
    expectClean('log', lines.join('\n'));
  });

  it('oauth: an API error echoing the bearer token, then a network error quoting secrets', async () => {
    const { logger, lines } = captureLogger();
    const scope = nock(INSTANCE)
      .post('/oauth_token.do')
      .reply(200, {
        access_token: SECRETS.accessToken,
        refresh_token: SECRETS.refreshToken,
        token_type: 'Bearer',
        expires_in: 1799,
      })
      .patch(notePath)
      .query(noteQuery)
      .reply(echo(403))
      .patch(notePath)
      .query(noteQuery)
      .replyWithError(
        Object.assign(
          new Error(`socket hang up after sending ${SECRETS.accessToken} / ${SECRETS.refreshToken}`),
          {
            code: 'ECONNRESET',
          },
        ),
      );
    const config = oauthConfig('password');
    const client = createServiceNowClient({ config, logger });
    const results: DeliveryResult[] = [];
    for (let i = 0; i < 2; i++) {
      results.push(
        await deliverOperation(client, {
          attempt: FIRST_ATTEMPT,
          key: KEY,
          link: LINK,
          op: { op: 'note', text: 'hi' },
          config,
        }),
      );
    }
    scope.done();
    for (const r of results) {
      expect(r.ok).to.equal(false);
      if (!r.ok) expectClean('delivery error', r.error);
    }
    expect(results.map((r) => (r.ok ? 'ok' : r.retryable))).to.deep.equal([false, true]);
    expectClean('log', lines.join('\n'));
  });
});
