// Every route is protected by construction: the test walks the live Express router of a connector with
// everything mounted (API, closure checks, silences, console), finds each route's declared credential,
// and proves that each refuses a request without it, and with a wrong one. Routes open to anyone are an
// explicit list here; anything mounted outside the route table, or declared without a credential, fails.
import { expect } from 'chai';
import express from 'express';
import { startTestConnector, type TestConnector } from '../../support/connector.js';
import { tinyEngine } from '../../support/tiny-engine.js';
import { SourceSchema } from '../../../connector/src/mapping/schema.js';
import { closureRoutes } from '../../../connector/src/http/closure-route.js';
import { consoleRouters } from '../../../connector/src/console/index.js';
import {
  mountRoutes,
  routeDeclaration,
  type Route,
  type RouteDeclaration,
} from '../../../connector/src/http/route-table.js';

const source = (raw: unknown) => SourceSchema.parse(raw);
const fields = { id: '$.id', state: '$.state', severity: '$.severity', type: '$.type' };

/** What may be reached without any credential, and nothing else. */
const PUBLIC = [
  'GET /healthz',
  'GET /readyz',
  'GET /metrics',
  'GET /console/assets/:file',
  'GET /console/favicon.svg',
  'GET /console/login',
  'POST /console/login',
  'POST /console/logout',
  'GET ["/console","/console/"]',
];
/** Middleware that is not a route (runs for every request, answers none by itself but the 404). */
const MIDDLEWARE = ['requestLogger', 'noRoute', 'onError'];

interface Layer {
  name: string;
  route?: { path: string | string[]; stack: { handle: unknown; method?: string }[] };
}

function concrete(path: string): string {
  return path.replace(/:(\w+)/g, 'x1').replace(/\*(\w+)/g, 'a/b');
}

describe('route table: every route declares its credential and refuses without it', function () {
  this.timeout(30_000);
  let c: TestConnector;
  let declared: RouteDeclaration[] = [];
  let layers: Layer[] = [];

  before(async () => {
    c = await startTestConnector({
      engine: tinyEngine({
        bms: source({ kind: 'webhook', auth: { type: 'bearer', token_env: 'BMS_TOKEN' }, fields }),
        dcim: source({ kind: 'webhook', auth: { type: 'hmac', secret_env: 'DCIM_SECRET' }, fields }),
        traps: source({ kind: 'snmp' }),
      }),
      env: { BMS_TOKEN: 'bms-token-123', DCIM_SECRET: 'dcim-secret-xyz' },
      routers: (ctx) => [
        { routes: closureRoutes(ctx, { providers: new Map(), budgetMs: 1000, publicUrl: undefined }) },
        consoleRouters(ctx, { readOnlyKey: 'read-only-key-1234' }),
      ],
    });
    layers = (c.app.router as unknown as { stack: Layer[] }).stack;
    declared = layers
      .filter((l) => l.route)
      .map((l) => routeDeclaration(l.route!.stack[0]!.handle))
      .filter((d): d is RouteDeclaration => !!d);
  });
  after(() => c.stop());

  it('finds a declaration for every route of the live router, and only known middleware besides', () => {
    const routes = layers.filter((l) => l.route);
    const undeclared = routes
      .filter((l) => !routeDeclaration(l.route!.stack[0]!.handle))
      .map((l) => JSON.stringify(l.route!.path));
    expect(undeclared, 'routes mounted outside the route table').to.deep.equal([]);
    expect(routes.length).to.be.greaterThan(25);
    expect(layers.filter((l) => !l.route).map((l) => l.name)).to.deep.equal(MIDDLEWARE);
  });

  it('opens exactly the listed routes to anyone', () => {
    const open = declared
      .filter((d) => d.auth === 'public')
      .map(
        (d) => `${d.method.toUpperCase()} ${typeof d.path === 'string' ? d.path : JSON.stringify(d.path)}`,
      );
    expect(open).to.have.members(PUBLIC);
  });

  it('refuses every other route without its credential and with a wrong one', async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const d of declared.filter((x) => x.auth !== 'public')) {
      for (const p of Array.isArray(d.path) ? d.path : [d.path]) {
        const method = d.method === 'all' ? 'GET' : d.method.toUpperCase();
        const paths =
          d.auth === 'source'
            ? ['/v1/alarms/bms', '/v1/alarms/dcim'] // every source that has a credential
            : [concrete(p)];
        for (const path of paths) {
          const wrongByKind: Record<string, Record<string, string>> = {
            api_key: { 'x-api-key': 'wrong-key' },
            console_read: { 'x-api-key': 'wrong-key' },
            console_admin: { 'x-api-key': 'read-only-key-1234' }, // a real key, of the wrong role
            console_page: { cookie: 'closeloop_console=forged.mac' },
            source: {
              authorization: 'Bearer wrong',
              'x-closeloop-signature': `sha256=${'0'.repeat(64)}`,
              'x-closeloop-timestamp': String(Math.floor(Date.now() / 1000)),
            },
          };
          const wrong = wrongByKind[d.auth] ?? {};
          const attempts: [string, Record<string, string>][] = [
            ['no credential', {}],
            ['wrong credential', wrong],
          ];
          for (const [label, headers] of attempts) {
            const r = await fetch(`${c.url}${path}`, {
              method,
              redirect: 'manual',
              headers: { 'content-type': 'application/json', 'x-closeloop-console': '1', ...headers },
              ...(method === 'GET' ? {} : { body: '{}' }),
            });
            checked++;
            const refused =
              d.auth === 'console_page'
                ? r.status === 302 && r.headers.get('location')?.startsWith('/console/login')
                : d.auth === 'console_admin' && label === 'wrong credential'
                  ? r.status === 403
                  : // Wrong credentials soon exceed this client's allowance: throttled is refused too.
                    r.status === 401 || (label === 'wrong credential' && r.status === 429);
            if (!refused) failures.push(`${method} ${path} (${d.auth}, ${label}) answered ${r.status}`);
          }
        }
      }
    }
    expect(failures).to.deep.equal([]);
    expect(checked).to.be.greaterThan(40);
  });

  it('a router added later is protected by its declaration: /v1/new-thing wants the API key', async () => {
    const app = express();
    const route: Route = {
      method: 'get',
      path: '/v1/new-thing',
      auth: 'api_key',
      handlers: [(_req, res) => void res.json({ secret: true })],
    };
    const guard = (_req: express.Request, res: express.Response) => void res.status(401).end();
    mountRoutes(app.router, [route], { api_key: [guard] });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const { port } = server.address() as { port: number };
    try {
      expect((await fetch(`http://127.0.0.1:${port}/v1/new-thing`)).status).to.equal(401);
    } finally {
      server.close();
    }
  });

  it('refuses at startup a route without a declaration, or whose credential nobody checks', () => {
    const app = express();
    const handler = (_req: express.Request, res: express.Response) => void res.end();
    expect(() =>
      mountRoutes(
        app.router,
        [{ method: 'get', path: '/v1/x', handlers: [handler] } as unknown as Route],
        {},
      ),
    ).to.throw(/declares no credential/);
    expect(() =>
      mountRoutes(app.router, [{ method: 'get', path: '/v1/x', auth: 'console_read', handlers: [handler] }], {
        public: [],
      }),
    ).to.throw(/needs "console_read", which this connector cannot check/);
  });
});
