// Every HTTP route of the connector is declared in a route table with the credential it needs; the app
// mounts the table and puts that credential's guard in front of the route's own handlers (body parsers
// included, so nothing is read before the credential is checked). A route without a declaration, or
// whose credential has no guard on this connector, is refused at startup: a forgotten path cannot be
// open. `routeDeclaration` lets a test walk the live router and find anything mounted another way.
import type { RequestHandler, Router } from 'express';

export const AUTH_KINDS = [
  /** Anyone who can reach the port (health, metrics, the login form and the console's static files). */
  'public',
  /** X-API-Key: the ServiceNow app and admins' tools. */
  'api_key',
  /** The alarm source's own credential (none, bearer token or HMAC signature), from the mappings. */
  'source',
  /** A console session or X-API-Key with a console key, read-only role or better. */
  'console_read',
  /** The same, admin role. */
  'console_admin',
  /** A console session (browsers); without one the page redirects to the login form. */
  'console_page',
] as const;
export type AuthKind = (typeof AUTH_KINDS)[number];

export type Method = 'get' | 'post' | 'put' | 'delete' | 'all';

export interface Route {
  method: Method;
  path: string | string[];
  auth: AuthKind;
  /** Run after the guard of `auth`: body parsers first, then the handler. */
  handlers: RequestHandler[];
}

/** What the guard of each credential kind is (several handlers run in order). */
export type Guards = Partial<Record<AuthKind, RequestHandler[]>>;

/** Routes and the guards of the credential kinds they introduce (the console brings its own). */
export interface RouteModule {
  routes: Route[];
  guards?: Guards;
}

export interface RouteDeclaration {
  method: Method;
  path: string | string[];
  auth: AuthKind;
}

const declarations = new WeakMap<RequestHandler, RouteDeclaration>();

/** The declaration behind a route's first handler; undefined for a route not mounted by `mountRoutes`. */
export function routeDeclaration(firstHandler: unknown): RouteDeclaration | undefined {
  return typeof firstHandler === 'function' ? declarations.get(firstHandler as RequestHandler) : undefined;
}

function describe(r: Partial<Route>): string {
  return `${String(r.method ?? '?').toUpperCase()} ${JSON.stringify(r.path)}`;
}

/** Merges the guards of several modules; a credential kind guarded twice is a wiring mistake. */
export function mergeGuards(modules: readonly RouteModule[], base: Guards): Guards {
  const out: Guards = { ...base };
  for (const m of modules) {
    for (const [kind, handlers] of Object.entries(m.guards ?? {}) as [AuthKind, RequestHandler[]][]) {
      if (Object.hasOwn(out, kind)) throw new Error(`the guard of "${kind}" routes is defined twice`);
      out[kind] = handlers;
    }
  }
  return out;
}

/** Mounts `routes` on `router`, each behind the guard of its declared credential. Throws on any gap. */
export function mountRoutes(router: Router, routes: readonly Route[], guards: Guards): void {
  for (const r of routes) {
    const auth = (r as Partial<Route>).auth;
    if (auth === undefined || !(AUTH_KINDS as readonly string[]).includes(auth))
      throw new Error(`route ${describe(r)} declares no credential (auth: one of ${AUTH_KINDS.join(', ')})`);
    const guard = Object.hasOwn(guards, auth) ? guards[auth] : undefined;
    if (!guard) throw new Error(`route ${describe(r)} needs "${auth}", which this connector cannot check`);
    if (!Array.isArray(r.handlers) || r.handlers.length === 0)
      throw new Error(`route ${describe(r)} has no handler`);
    const declared: RequestHandler = (_req, _res, next) => next();
    declarations.set(declared, { method: r.method, path: r.path, auth });
    router[r.method](r.path, declared, ...guard, ...r.handlers);
  }
}

/** Collects routes that share one credential, written like an Express router: `r.get(path, ...handlers)`. */
export function routesWith(auth: AuthKind) {
  const routes: Route[] = [];
  const add =
    (method: Method) =>
    (path: string | string[], ...handlers: RequestHandler[]): void =>
      void routes.push({ method, path, auth, handlers });
  return {
    routes,
    get: add('get'),
    post: add('post'),
    put: add('put'),
    delete: add('delete'),
    all: add('all'),
  };
}
