import { expect } from 'chai';
import nock from 'nock';
import { createServiceNowClient } from '../../../../connector/src/itsm/servicenow/client.js';
import type { ServiceNowError } from '../../../../connector/src/itsm/servicenow/errors.js';
import type { ResponseObservation } from '../../../../connector/src/itsm/servicenow/hooks.js';
import {
  BASIC_HEADER,
  INSTANCE,
  SECRETS,
  SN_HEADERS,
  SYS_ID,
  basicConfig,
  fakeClock,
  listQuery,
  oauthConfig,
  useNock,
} from './helpers.js';

const PING_QUERY = listQuery({ sysparm_fields: 'sys_id', sysparm_limit: '1' });
const PING_BODY = { result: [{ sys_id: SYS_ID }] };
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

function tokenBody(access: string, refresh?: string): object {
  return {
    access_token: access,
    ...(refresh ? { refresh_token: refresh } : {}),
    scope: 'useraccount',
    token_type: 'Bearer',
    expires_in: 1799,
  };
}

function pingWith(authorization: string, status = 200): nock.Scope {
  const body =
    status === 200
      ? PING_BODY
      : {
          error: { message: 'User Not Authenticated', detail: 'Required to provide Auth information' },
          status: 'failure',
        };
  return nock(INSTANCE, { reqheaders: { authorization, accept: 'application/json' } })
    .get('/api/now/table/incident')
    .query(PING_QUERY)
    .reply(status, body, SN_HEADERS);
}

async function rejection(p: Promise<unknown>): Promise<ServiceNowError> {
  try {
    await p;
  } catch (e) {
    return e as ServiceNowError;
  }
  throw new Error('expected a rejection');
}

describe('itsm/servicenow/auth', () => {
  useNock();

  describe('basic', () => {
    it('sends the basic Authorization header', async () => {
      const scope = pingWith(BASIC_HEADER);
      await createServiceNowClient({ config: basicConfig() }).ping();
      scope.done();
    });

    it('refuses without credentials before sending anything', async () => {
      const config = basicConfig({ auth: { type: 'basic', username: 'svc.closeloop' } });
      const e = await rejection(createServiceNowClient({ config }).ping());
      expect(e).to.include({ kind: 'config', retryable: false });
      expect(e.message).to.match(/SERVICENOW_USERNAME, SERVICENOW_PASSWORD/);
    });

    it('does not retry a 401: bad credentials are final', async () => {
      const scope = pingWith(BASIC_HEADER, 401);
      const e = await rejection(createServiceNowClient({ config: basicConfig() }).ping());
      scope.done();
      expect(e).to.include({ status: 401, retryable: false });
      expect(e.message).to.equal(
        'ServiceNow ping: HTTP 401: User Not Authenticated (Required to provide Auth information)',
      );
    });
  });

  describe('oauth', () => {
    it('password grant: one form-encoded token request, then bearer until expiry', async () => {
      const clock = fakeClock();
      const token = nock(INSTANCE, { reqheaders: FORM })
        .post('/oauth_token.do', {
          grant_type: 'password',
          client_id: SECRETS.clientId,
          client_secret: SECRETS.clientSecret,
          username: SECRETS.username,
          password: SECRETS.password,
        })
        .reply(200, tokenBody(SECRETS.accessToken, SECRETS.refreshToken), SN_HEADERS);
      const api = pingWith(`Bearer ${SECRETS.accessToken}`)
        .get('/api/now/table/incident')
        .query(PING_QUERY)
        .reply(200, PING_BODY);
      const seen: ResponseObservation[] = [];
      const client = createServiceNowClient({
        config: oauthConfig('password'),
        now: clock.now,
        onResponse: (o) => seen.push(o),
      });
      await client.ping();
      clock.advance(1_700_000); // still inside the 1799 s lifetime minus the renewal margin
      await client.ping();
      token.done();
      api.done();
      expect(seen.map((o) => `${o.operation} ${o.status}`)).to.deep.equal([
        'oauth password 200',
        'ping 200',
        'ping 200',
      ]);
    });

    it('client_credentials grant', async () => {
      const token = nock(INSTANCE, { reqheaders: FORM })
        .post('/oauth_token.do', {
          grant_type: 'client_credentials',
          client_id: SECRETS.clientId,
          client_secret: SECRETS.clientSecret,
        })
        .reply(200, tokenBody(SECRETS.accessToken), SN_HEADERS);
      const api = pingWith(`Bearer ${SECRETS.accessToken}`);
      await createServiceNowClient({ config: oauthConfig('client_credentials') }).ping();
      token.done();
      api.done();
    });

    it('uses the refresh token once the access token is about to expire', async () => {
      const clock = fakeClock();
      const token = nock(INSTANCE, { reqheaders: FORM })
        .post('/oauth_token.do', (b: Record<string, string>) => b.grant_type === 'password')
        .reply(200, tokenBody('access-one', SECRETS.refreshToken))
        .post('/oauth_token.do', {
          grant_type: 'refresh_token',
          client_id: SECRETS.clientId,
          client_secret: SECRETS.clientSecret,
          refresh_token: SECRETS.refreshToken,
        })
        .reply(200, tokenBody('access-two'));
      const one = pingWith('Bearer access-one');
      const two = pingWith('Bearer access-two');
      const client = createServiceNowClient({ config: oauthConfig('password'), now: clock.now });
      await client.ping();
      clock.advance(1_799_000 - 30_000); // reaches the renewal point
      await client.ping();
      token.done();
      one.done();
      two.done();
    });

    it('falls back to the primary grant when the refresh token is refused', async () => {
      const clock = fakeClock();
      const token = nock(INSTANCE)
        .post('/oauth_token.do', (b: Record<string, string>) => b.grant_type === 'password')
        .reply(200, tokenBody('access-one', SECRETS.refreshToken))
        .post('/oauth_token.do', (b: Record<string, string>) => b.grant_type === 'refresh_token')
        .reply(401, { error_description: 'access_denied', error: 'server_error' })
        .post('/oauth_token.do', (b: Record<string, string>) => b.grant_type === 'password')
        .reply(200, tokenBody('access-three', 'refresh-three'));
      const one = pingWith('Bearer access-one');
      const three = pingWith('Bearer access-three');
      const client = createServiceNowClient({ config: oauthConfig('password'), now: clock.now });
      await client.ping();
      clock.advance(1_800_000);
      await client.ping();
      token.done();
      one.done();
      three.done();
    });

    it('client_credentials without a refresh token asks for a new token on expiry', async () => {
      const clock = fakeClock();
      const token = nock(INSTANCE)
        .post('/oauth_token.do', (b: Record<string, string>) => b.grant_type === 'client_credentials')
        .times(2)
        .reply(200, tokenBody(SECRETS.accessToken));
      const api = pingWith(`Bearer ${SECRETS.accessToken}`)
        .get('/api/now/table/incident')
        .query(PING_QUERY)
        .reply(200, PING_BODY);
      const client = createServiceNowClient({ config: oauthConfig('client_credentials'), now: clock.now });
      await client.ping();
      clock.advance(1_800_000);
      await client.ping();
      token.done();
      api.done();
    });

    it('drops the token after a 401 and re-authenticates exactly once', async () => {
      const token = nock(INSTANCE)
        .post('/oauth_token.do', (b: Record<string, string>) => b.grant_type === 'password')
        .reply(200, tokenBody('revoked-token', SECRETS.refreshToken))
        .post('/oauth_token.do', (b: Record<string, string>) => b.grant_type === 'refresh_token')
        .reply(200, tokenBody('fresh-token', SECRETS.refreshToken));
      const revoked = pingWith('Bearer revoked-token', 401);
      const fresh = pingWith('Bearer fresh-token');
      await createServiceNowClient({ config: oauthConfig('password') }).ping();
      token.done();
      revoked.done();
      fresh.done();
    });

    it('a second 401 after re-authenticating is final (non-retryable)', async () => {
      const token = nock(INSTANCE)
        .post('/oauth_token.do', (b: Record<string, string>) => b.grant_type === 'client_credentials')
        .times(2)
        .reply(200, tokenBody(SECRETS.accessToken));
      const api = pingWith(`Bearer ${SECRETS.accessToken}`, 401)
        .get('/api/now/table/incident')
        .query(PING_QUERY)
        .reply(401, { error: { message: 'User Not Authenticated', detail: null }, status: 'failure' });
      const e = await rejection(createServiceNowClient({ config: oauthConfig('client_credentials') }).ping());
      token.done();
      api.done();
      expect(e).to.include({ status: 401, retryable: false, operation: 'ping' });
    });

    it('concurrent requests share one token request', async () => {
      const token = nock(INSTANCE)
        .post('/oauth_token.do')
        .delay(20)
        .reply(200, tokenBody(SECRETS.accessToken));
      const api = nock(INSTANCE, { reqheaders: { authorization: `Bearer ${SECRETS.accessToken}` } })
        .get('/api/now/table/incident')
        .query(PING_QUERY)
        .times(3)
        .reply(200, PING_BODY);
      const client = createServiceNowClient({ config: oauthConfig('client_credentials') });
      await Promise.all([client.ping(), client.ping(), client.ping()]);
      token.done();
      api.done();
    });

    it('a refused token request is non-retryable and carries the reason', async () => {
      const token = nock(INSTANCE)
        .post('/oauth_token.do')
        .reply(401, { error_description: 'access_denied', error: 'server_error' }, SN_HEADERS);
      const e = await rejection(createServiceNowClient({ config: oauthConfig('password') }).ping());
      token.done();
      expect(e).to.include({ status: 401, retryable: false, operation: 'oauth password' });
      expect(e.message).to.equal('ServiceNow oauth password: HTTP 401: access_denied / server_error');
    });

    it('an unavailable token endpoint is retryable', async () => {
      const token = nock(INSTANCE)
        .post('/oauth_token.do')
        .reply(503, 'Service Unavailable', { 'Retry-After': '20' });
      const e = await rejection(createServiceNowClient({ config: oauthConfig('client_credentials') }).ping());
      token.done();
      expect(e).to.include({ status: 503, retryable: true, retryAfterMs: 20_000 });
    });

    it('a 200 without an access token (OAuth not enabled) is a clear error', async () => {
      const token = nock(INSTANCE)
        .post('/oauth_token.do')
        .reply(200, '<html><body>Login</body></html>', { 'Content-Type': 'text/html' });
      const e = await rejection(createServiceNowClient({ config: oauthConfig('client_credentials') }).ping());
      token.done();
      expect(e).to.include({ kind: 'bad_response', retryable: false });
      expect(e.message).to.match(/without an access_token/);
    });

    it('refuses without client credentials before sending anything', async () => {
      const config = oauthConfig('client_credentials', {
        auth: { type: 'oauth', grant: 'client_credentials', client_id: SECRETS.clientId },
      });
      const e = await rejection(createServiceNowClient({ config }).ping());
      expect(e).to.include({ kind: 'config', retryable: false });
      expect(e.message).to.match(/SERVICENOW_CLIENT_SECRET/);
    });
  });
});
