// A small Redfish service for tests: serves the DMTF public-cooling-unit mockup unchanged from
// /work/shared/fixtures, with per-test overrides of property values, basic or session auth,
// optional TLS, and URIs that never answer (for time-budget tests).
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { SHARED_DIR } from './shared-dir.js';

export const CDU_MOCKUP_DIR = path.join(SHARED_DIR, 'fixtures/redfish/mockups/public-cooling-unit');

export interface RedfishMockOptions {
  auth?: 'none' | 'basic' | 'session';
  username?: string;
  password?: string;
  /** PEM key and certificate: serve HTTPS instead of HTTP. */
  tls?: { key: string; cert: string };
}

export interface RedfishMock {
  url: string;
  /** Set a property of a resource: `set('/redfish/v1/Chassis/CDU/Sensors/SecondaryFlow', 'Reading', 31)`; dotted paths descend. */
  set(uri: string, property: string, value: unknown): void;
  /** Drop all overrides. */
  reset(): void;
  /** Requests to this URI are accepted and never answered. */
  stall(uri: string): void;
  /** Forget all sessions (the next request with an old token gets 401). */
  expireSessions(): void;
  /** Every request seen, e.g. "GET /redfish/v1/Chassis/CDU/Sensors/SecondaryFlow". */
  readonly requests: string[];
  /** Sessions currently open (token → session URI). */
  readonly sessions: Map<string, string>;
  stop(): Promise<void>;
}

function norm(uri: string): string {
  const p = uri.split('?')[0]!.replace(/\/+$/, '');
  return p === '' ? '/' : p;
}

function setDeep(doc: Record<string, unknown>, property: string, value: unknown): void {
  const keys = property.split('.');
  let cur: Record<string, unknown> = doc;
  for (const k of keys.slice(0, -1)) {
    const next = cur[k];
    if (next === null || typeof next !== 'object') cur[k] = {};
    cur = cur[k] as Record<string, unknown>;
  }
  cur[keys[keys.length - 1]!] = value;
}

export async function startRedfishMock(opts: RedfishMockOptions = {}): Promise<RedfishMock> {
  const auth = opts.auth ?? 'none';
  const username = opts.username ?? 'admin';
  const password = opts.password ?? 'secret';
  const overrides = new Map<string, Array<[string, unknown]>>();
  const stalled = new Set<string>();
  const sessions = new Map<string, string>();
  const requests: string[] = [];
  const hanging = new Set<http.ServerResponse>();

  async function load(uri: string): Promise<Record<string, unknown> | null> {
    const rel = norm(uri).replace(/^\/redfish\/v1/, '');
    if (rel.split('/').includes('..')) return null;
    try {
      const text = await readFile(path.join(CDU_MOCKUP_DIR, rel, 'index.json'), 'utf8');
      const doc = JSON.parse(text) as Record<string, unknown>;
      for (const [prop, value] of overrides.get(norm(uri)) ?? []) setDeep(doc, prop, value);
      return doc;
    } catch {
      return null;
    }
  }

  function send(
    res: http.ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ): void {
    res.writeHead(status, { 'Content-Type': 'application/json', 'OData-Version': '4.0', ...headers });
    res.end(JSON.stringify(body));
  }

  function redfishError(res: http.ServerResponse, status: number, message: string): void {
    send(res, status, {
      error: {
        code: 'Base.1.0.GeneralError',
        message,
        '@Message.ExtendedInfo': [{ MessageId: 'Base.1.0.GeneralError', Message: message }],
      },
    });
  }

  function authorised(req: http.IncomingMessage): boolean {
    if (auth === 'none') return true;
    const basic = req.headers.authorization;
    if (auth === 'basic')
      return basic === `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
    const token = req.headers['x-auth-token'];
    return typeof token === 'string' && sessions.has(token);
  }

  async function readBody(req: http.IncomingMessage): Promise<string> {
    let body = '';
    for await (const chunk of req) body += String(chunk);
    return body;
  }

  const handler = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const method = req.method ?? 'GET';
    const uri = norm(req.url ?? '/');
    requests.push(`${method} ${uri}`);
    if (stalled.has(uri)) {
      hanging.add(res);
      return;
    }
    if (method === 'POST' && uri === '/redfish/v1/SessionService/Sessions') {
      let creds: { UserName?: unknown; Password?: unknown } = {};
      try {
        creds = JSON.parse(await readBody(req)) as typeof creds;
      } catch {
        return redfishError(res, 400, 'body is not JSON');
      }
      if (creds.UserName !== username || creds.Password !== password)
        return redfishError(res, 401, 'Invalid credentials');
      const id = randomUUID();
      const token = randomUUID();
      const location = `/redfish/v1/SessionService/Sessions/${id}`;
      sessions.set(token, location);
      return send(
        res,
        201,
        {
          '@odata.id': location,
          '@odata.type': '#Session.v1_7_0.Session',
          Id: id,
          Name: 'User Session',
          UserName: username,
        },
        { 'X-Auth-Token': token, Location: location },
      );
    }
    if (!authorised(req)) return redfishError(res, 401, 'Authentication required');
    if (method === 'DELETE' && uri.startsWith('/redfish/v1/SessionService/Sessions/')) {
      for (const [token, loc] of sessions) if (loc === uri) sessions.delete(token);
      res.writeHead(204).end();
      return;
    }
    if (method !== 'GET') return redfishError(res, 405, `${method} not allowed`);
    const doc = await load(uri);
    if (!doc) return redfishError(res, 404, `${uri} not found`);
    send(res, 200, doc);
  };

  const listener = (req: http.IncomingMessage, res: http.ServerResponse) => {
    handler(req, res).catch((err: unknown) => redfishError(res, 500, String(err)));
  };
  const server = opts.tls
    ? https.createServer({ key: opts.tls.key, cert: opts.tls.cert }, listener)
    : http.createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `${opts.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    set(uri, property, value) {
      const key = norm(uri);
      overrides.set(key, [...(overrides.get(key) ?? []), [property, value]]);
    },
    reset() {
      overrides.clear();
      stalled.clear();
    },
    stall(uri) {
      stalled.add(norm(uri));
    },
    expireSessions() {
      sessions.clear();
    },
    requests,
    sessions,
    async stop() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
