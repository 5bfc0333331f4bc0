import { expect } from 'chai';
import axios from 'axios';
import { startHarness, type Harness } from './helpers.js';

describe('stand-in authentication', () => {
  let h: Harness;
  let clock = Date.parse('2025-06-01T12:00:00Z');
  const token = (form: Record<string, string>, headers: Record<string, string> = {}) =>
    axios.post(`${h.standin.url}/oauth_token.do`, new URLSearchParams(form).toString(), {
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      validateStatus: () => true,
      proxy: false,
    });
  const withBearer = (accessToken: string) =>
    axios.get(`${h.standin.url}/api/now/table/incident`, {
      headers: { authorization: `Bearer ${accessToken}` },
      validateStatus: () => true,
      proxy: false,
    });

  before(async () => {
    h = await startHarness({
      users: [
        { username: 'admin', password: 'admin', roles: ['admin'] },
        { username: 'closeloop.integration', password: 's3cret', name: 'Closeloop Integration' },
      ],
      oauthClients: [
        { client_id: 'closeloop', client_secret: 'client-secret', user: 'closeloop.integration' },
        { client_id: 'no-cc', client_secret: 'other', clientCredentials: false },
      ],
      now: () => clock,
    });
  });
  after(async () => {
    await h.standin.close();
  });

  it('accepts Basic auth and rejects missing or wrong credentials with the platform 401 body', async () => {
    expect((await h.http.get('/api/now/table/incident')).status).to.equal(200);
    const body = {
      error: { message: 'User Not Authenticated', detail: 'Required to provide Auth information' },
      status: 'failure',
    };
    const none = await axios.get(`${h.standin.url}/api/now/table/incident`, {
      validateStatus: () => true,
      proxy: false,
    });
    expect(none.status).to.equal(401);
    expect(none.data).to.deep.equal(body);
    const wrong = await h.http.get('/api/now/table/incident', {
      auth: { username: 'admin', password: 'nope' },
    });
    expect(wrong.status).to.equal(401);
    expect(wrong.data).to.deep.equal(body);
  });

  it('records who wrote: sys_created_by is the Basic-auth user', async () => {
    const res = await h.http.post(
      '/api/now/table/incident',
      { short_description: 'x' },
      { auth: { username: 'closeloop.integration', password: 's3cret' } },
    );
    expect(res.status).to.equal(201);
    expect(res.data.result.sys_created_by).to.equal('closeloop.integration');
  });

  it('password grant: access + refresh token, usable as Bearer', async () => {
    const res = await token({
      grant_type: 'password',
      client_id: 'closeloop',
      client_secret: 'client-secret',
      username: 'closeloop.integration',
      password: 's3cret',
    });
    expect(res.status).to.equal(200);
    expect(res.data).to.include({ token_type: 'Bearer', scope: 'useraccount', expires_in: 1799 });
    expect(res.data.access_token).to.be.a('string').with.length.greaterThan(40);
    expect(res.data.refresh_token).to.be.a('string');
    expect((await withBearer(res.data.access_token)).status).to.equal(200);
  });

  it('refuses bad client or user credentials with access_denied', async () => {
    const forms: Record<string, string>[] = [
      {
        grant_type: 'password',
        client_id: 'closeloop',
        client_secret: 'wrong',
        username: 'admin',
        password: 'admin',
      },
      {
        grant_type: 'password',
        client_id: 'closeloop',
        client_secret: 'client-secret',
        username: 'admin',
        password: 'x',
      },
      { grant_type: 'client_credentials', client_id: 'no-cc', client_secret: 'other' },
      {
        grant_type: 'refresh_token',
        client_id: 'closeloop',
        client_secret: 'client-secret',
        refresh_token: 'unknown',
      },
    ];
    for (const form of forms) {
      const res = await token(form);
      expect(res.status, form.grant_type).to.equal(401);
      expect(res.data).to.deep.equal({ error_description: 'access_denied', error: 'server_error' });
    }
    expect((await token({ grant_type: 'implicit' })).status).to.equal(400);
  });

  it('client_credentials grant (client id/secret in the body or as Basic) acts as the client user, no refresh token', async () => {
    const res = await token(
      { grant_type: 'client_credentials' },
      { authorization: `Basic ${Buffer.from('closeloop:client-secret').toString('base64')}` },
    );
    expect(res.status).to.equal(200);
    expect(res.data).to.not.have.property('refresh_token');
    const created = await axios.post(
      `${h.standin.url}/api/now/table/incident`,
      { short_description: 'via client credentials' },
      {
        headers: { authorization: `Bearer ${res.data.access_token}` },
        validateStatus: () => true,
        proxy: false,
      },
    );
    expect(created.status).to.equal(201);
    expect(created.data.result.sys_created_by).to.equal('closeloop.integration');
  });

  it('an expired access token gets 401; the refresh_token grant issues a new one', async () => {
    const issued = await token({
      grant_type: 'password',
      client_id: 'closeloop',
      client_secret: 'client-secret',
      username: 'admin',
      password: 'admin',
    });
    expect((await withBearer(issued.data.access_token)).status).to.equal(200);
    clock += 1800 * 1000;
    const expired = await withBearer(issued.data.access_token);
    expect(expired.status).to.equal(401);
    expect(expired.data.error.message).to.equal('User Not Authenticated');

    const refreshed = await token({
      grant_type: 'refresh_token',
      client_id: 'closeloop',
      client_secret: 'client-secret',
      refresh_token: issued.data.refresh_token,
    });
    expect(refreshed.status).to.equal(200);
    expect(refreshed.data.access_token).to.not.equal(issued.data.access_token);
    expect((await withBearer(refreshed.data.access_token)).status).to.equal(200);
  });

  it('the admin endpoint expires every access token at once (for cross-process tests)', async () => {
    const issued = await token({
      grant_type: 'client_credentials',
      client_id: 'closeloop',
      client_secret: 'client-secret',
    });
    expect((await withBearer(issued.data.access_token)).status).to.equal(200);
    const expire = await axios.post(`${h.standin.url}/__standin/oauth/expire`, undefined, { proxy: false });
    expect(expire.data.expired).to.be.greaterThan(0);
    expect((await withBearer(issued.data.access_token)).status).to.equal(401);
  });
});
