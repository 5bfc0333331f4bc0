// Fault injection and request accounting for tests. Every request (except /__standin/ itself) is
// counted and logged as it arrives; once its body is in, it is delayed by any matching latency, then
// may be answered by the first matching armed fault: 429 with Retry-After and X-RateLimit-* headers, a
// 5xx, or a dropped socket.
// Faults are scoped by method and a path pattern (`*` matches any characters) and count down.
import type { NextFunction, Request, Response } from 'express';
import { z } from 'zod';

export const ScopeSchema = z
  .object({
    method: z.string().min(1).optional().describe('HTTP method; absent = any'),
    path: z.string().min(1).optional().describe('Path pattern, `*` = any characters; absent = any'),
  })
  .strict();
export type Scope = z.infer<typeof ScopeSchema>;

export const FaultSpecSchema = z.discriminatedUnion('kind', [
  ScopeSchema.extend({ kind: z.literal('latency'), ms: z.number().int().min(0).max(600_000) }).strict(),
  ScopeSchema.extend({
    kind: z.literal('rate_limit'),
    count: z.number().int().min(1),
    retry_after: z.number().int().min(0).default(1),
    limit: z.number().int().min(1).default(5000),
    rule: z.string().default('b2d0e0b0c0a8010200e0d6d3f7f1e3a1'),
  }).strict(),
  ScopeSchema.extend({
    kind: z.literal('server_error'),
    count: z.number().int().min(1),
    status: z.number().int().min(500).max(599).default(503),
  }).strict(),
  ScopeSchema.extend({ kind: z.literal('drop'), count: z.number().int().min(1) }).strict(),
]);
export type FaultSpec = z.infer<typeof FaultSpecSchema>;
export type FaultInput = z.input<typeof FaultSpecSchema>;

export interface ArmedFault {
  id: number;
  spec: FaultSpec;
  /** Requests still to be hit (latency: Infinity, until cleared). */
  remaining: number;
}

export interface RequestLogEntry {
  seq: number;
  at: string;
  method: string;
  path: string;
  query: string;
  /** HTTP status sent; 0 when the connection was dropped or the client went away. */
  status: number;
  /** Kind of fault that answered, if any. */
  fault: FaultSpec['kind'] | null;
  ms: number;
}

export interface FaultControls {
  /** Adds fixed latency to matching requests until cleared. */
  setLatency(ms: number, scope?: Scope): number;
  /** The next `count` matching requests get 429 with Retry-After (seconds) and X-RateLimit-* headers. */
  rateLimit(
    count: number,
    options?: Scope & { retryAfterSeconds?: number; limit?: number; rule?: string },
  ): number;
  /** The next `count` matching requests get a 5xx (default 503). */
  serverErrors(count: number, options?: Scope & { status?: number }): number;
  /** The next `count` matching requests have their connection destroyed without an answer. */
  dropConnections(count: number, scope?: Scope): number;
  /** Arms any fault from its wire description (what the admin endpoint accepts). */
  arm(spec: FaultInput): number;
  /** Faults still armed. */
  active(): ArmedFault[];
  /** Disarms one fault (by id) or all. */
  clear(id?: number): void;
  /** Requests received, optionally only those matching a scope. */
  requestCount(scope?: Scope): number;
  /** Counts per "METHOD /path". */
  counters(): Record<string, number>;
  requests(): RequestLogEntry[];
  resetRequests(): void;
}

export interface FaultState {
  faults: ArmedFault[];
  nextId: number;
  log: RequestLogEntry[];
  counters: Map<string, number>;
  seq: number;
}

const MAX_LOG = 10_000;
export const ADMIN_PREFIX = '/__standin';

export function createFaultState(): FaultState {
  return { faults: [], nextId: 1, log: [], counters: new Map(), seq: 0 };
}

export function inScope(scope: Scope, method: string, path: string): boolean {
  if (scope.method && scope.method.toUpperCase() !== method.toUpperCase()) return false;
  if (scope.path && !patternToRegExp(scope.path).test(path)) return false;
  return true;
}

function patternToRegExp(pattern: string): RegExp {
  const escaped = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('.*')}$`);
}

export function faultControls(state: FaultState): FaultControls {
  const arm = (input: FaultInput): number => {
    const spec = FaultSpecSchema.parse(input);
    const id = state.nextId++;
    state.faults.push({ id, spec, remaining: spec.kind === 'latency' ? Infinity : spec.count });
    return id;
  };
  const scopeOf = (s?: Scope): Scope => ({
    ...(s?.method ? { method: s.method } : {}),
    ...(s?.path ? { path: s.path } : {}),
  });
  return {
    setLatency: (ms, scope) => arm({ kind: 'latency', ms, ...scopeOf(scope) }),
    rateLimit: (count, options) =>
      arm({
        kind: 'rate_limit',
        count,
        ...scopeOf(options),
        ...(options?.retryAfterSeconds === undefined ? {} : { retry_after: options.retryAfterSeconds }),
        ...(options?.limit === undefined ? {} : { limit: options.limit }),
        ...(options?.rule === undefined ? {} : { rule: options.rule }),
      }),
    serverErrors: (count, options) =>
      arm({
        kind: 'server_error',
        count,
        ...scopeOf(options),
        ...(options?.status ? { status: options.status } : {}),
      }),
    dropConnections: (count, scope) => arm({ kind: 'drop', count, ...scopeOf(scope) }),
    arm,
    active: () => state.faults.map((fault) => ({ ...fault })),
    clear: (id) => {
      state.faults = id === undefined ? [] : state.faults.filter((fault) => fault.id !== id);
    },
    requestCount: (scope) =>
      scope ? state.log.filter((entry) => inScope(scope, entry.method, entry.path)).length : state.log.length,
    counters: () => Object.fromEntries(state.counters),
    requests: () => state.log.map((entry) => ({ ...entry })),
    resetRequests: () => {
      state.log = [];
      state.counters.clear();
    },
  };
}

const isAdmin = (req: Request) => req.path === ADMIN_PREFIX || req.path.startsWith(`${ADMIN_PREFIX}/`);

/** Express middleware: counts and logs every request outside the admin endpoint, as it arrives. */
export function requestLogMiddleware(state: FaultState) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (isAdmin(req)) return next();
    const started = Date.now();
    const entry: RequestLogEntry = {
      seq: ++state.seq,
      at: new Date(started).toISOString(),
      method: req.method,
      path: req.path,
      query: req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?') + 1) : '',
      status: 0,
      fault: null,
      ms: 0,
    };
    state.log.push(entry);
    if (state.log.length > MAX_LOG) state.log.splice(0, state.log.length - MAX_LOG);
    const key = `${req.method} ${req.path}`;
    state.counters.set(key, (state.counters.get(key) ?? 0) + 1);
    res.locals.requestLogEntry = entry;
    res.on('finish', () => {
      entry.status = res.statusCode;
      entry.ms = Date.now() - started;
    });
    res.on('close', () => {
      entry.ms ||= Date.now() - started;
    });
    next();
  };
}

/**
 * Express middleware: the latency and faults armed for a request, after it has arrived whole (the
 * instance is slow or fails while working on a request it received, not while it is still in transit).
 */
export function faultInjectionMiddleware(state: FaultState) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    if (isAdmin(req)) return next();
    const delay = state.faults
      .filter((f) => f.spec.kind === 'latency' && inScope(f.spec, req.method, req.path))
      .reduce((sum, f) => sum + (f.spec.kind === 'latency' ? f.spec.ms : 0), 0);
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    // The instance gave up on it meanwhile (a transaction quota, see transaction.ts).
    if (res.headersSent) return;

    const fault = state.faults.find(
      (f) => f.spec.kind !== 'latency' && f.remaining > 0 && inScope(f.spec, req.method, req.path),
    );
    if (!fault) return next();
    fault.remaining -= 1;
    if (fault.remaining <= 0) state.faults = state.faults.filter((f) => f !== fault);
    const entry: unknown = res.locals.requestLogEntry;
    if (entry && typeof entry === 'object') (entry as RequestLogEntry).fault = fault.spec.kind;
    answerWithFault(fault.spec, req, res);
  };
}

const STATUS_TEXT: Record<number, string> = {
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

function answerWithFault(spec: FaultSpec, req: Request, res: Response): void {
  switch (spec.kind) {
    case 'latency':
      return;
    case 'drop':
      req.socket.destroy();
      return;
    case 'rate_limit': {
      const reset = Math.ceil(Date.now() / 1000) + spec.retry_after;
      res
        .status(429)
        .set({
          'Retry-After': String(spec.retry_after),
          'X-RateLimit-Limit': String(spec.limit),
          'X-RateLimit-Reset': String(reset),
          'X-RateLimit-Rule': spec.rule,
        })
        .json({
          error: {
            message: 'Rate limit exceeded',
            detail: `The maximum number of requests per hour (${spec.limit}) for this rate limit rule has been reached.`,
          },
          status: 'failure',
        });
      return;
    }
    case 'server_error':
      // 500 comes from the application (JSON envelope); 502–504 from the load balancer in front (HTML).
      if (spec.status === 500) {
        res
          .status(500)
          .json({ error: { message: 'Internal Server Error', detail: null }, status: 'failure' });
      } else {
        const reason = STATUS_TEXT[spec.status] ?? 'Server Error';
        res
          .status(spec.status)
          .type('html')
          .send(
            `<html><head><title>${spec.status} ${reason}</title></head><body><h1>${reason}</h1></body></html>`,
          );
      }
      return;
  }
}
