import { expect } from 'chai';
import {
  parseCookies,
  sessionCookie,
  sessionKey,
  signSession,
  verifySession,
} from '../../../connector/src/console/session.js';
import { safeNext } from '../../../connector/src/console/auth.js';

const NOW = Date.UTC(2026, 10, 25, 10, 0, 0);
const KEY = sessionKey('admin-key\nread-only-key');

describe('console sessions', () => {
  it('round-trips a role until it expires', () => {
    const token = signSession('read_only', KEY, NOW, 3_600_000);
    expect(verifySession(token, KEY, NOW + 1000)).to.include({ role: 'read_only', v: 2 });
    expect(verifySession(token, KEY, NOW + 3_600_000)).to.equal(null);
  });

  it('refuses tokens signed with another key, tampered with or malformed', () => {
    const token = signSession('read_only', KEY, NOW, 3_600_000);
    expect(verifySession(token, sessionKey('other'), NOW)).to.equal(null);
    const [payload, mac] = token.split('.') as [string, string];
    const admin = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), role: 'admin' }),
    ).toString('base64url');
    expect(verifySession(`${admin}.${mac}`, KEY, NOW)).to.equal(null);
    for (const bad of ['', '.', 'abc', `${payload}.`, `${payload}.${mac}.x`, `x.${mac}`])
      expect(verifySession(bad, KEY, NOW), bad).to.equal(null);
  });

  it('gives every session its own random id (what logout revokes)', () => {
    const a = verifySession(signSession('admin', KEY, NOW, 3_600_000), KEY, NOW)!;
    const b = verifySession(signSession('admin', KEY, NOW, 3_600_000), KEY, NOW)!;
    expect(a.sid).to.match(/^[A-Za-z0-9_-]{22}$/);
    expect(a.sid).to.not.equal(b.sid);
  });

  it('refuses a token issued in the future (clock games)', () => {
    const token = signSession('admin', KEY, NOW + 10 * 60_000, 3_600_000);
    expect(verifySession(token, KEY, NOW)).to.equal(null);
  });

  it('writes an HttpOnly, SameSite=Strict cookie scoped to /console, Secure when asked', () => {
    expect(sessionCookie('v', { maxAgeMs: 8 * 3_600_000, secure: false })).to.equal(
      'closeloop_console=v; Path=/console; Max-Age=28800; HttpOnly; SameSite=Strict',
    );
    expect(sessionCookie('', { maxAgeMs: 0, secure: true })).to.match(
      /Max-Age=0; HttpOnly; SameSite=Strict; Secure$/,
    );
  });

  it('parses cookie headers (first occurrence wins, bad escapes kept)', () => {
    expect(parseCookies('a=1; b=x%20y; a=2; c=%E0%A4%A; =z; d')).to.deep.equal({
      a: '1',
      b: 'x y',
      c: '%E0%A4%A',
    });
    expect(parseCookies(undefined)).to.deep.equal({});
  });

  it('only goes back to console pages after login', () => {
    expect(safeNext('/console/events/DC1%2Fcooling%2FZONE-A1')).to.equal(
      '/console/events/DC1%2Fcooling%2FZONE-A1',
    );
    expect(safeNext('/console/events?state=open&site=DC1')).to.equal('/console/events?state=open&site=DC1');
    for (const bad of [
      'https://evil.example/',
      '//evil.example',
      '/v1/events',
      '/console/login',
      '/console/x"><',
      42,
    ])
      expect(safeNext(bad), String(bad)).to.equal('/console/events');
  });
});
