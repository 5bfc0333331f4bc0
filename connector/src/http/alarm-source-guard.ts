// The guard of `POST /v1/alarms/:source` (credential kind "source"): which source, then its credential,
// before anything of the body is read. A bearer token is checked from the headers alone. An HMAC
// signature needs the body, so its headers must be in order first (well-formed signature, fresh
// timestamp) and the bodies read before verification are bounded: bytes held at once (all clients, and a
// quarter of that per client; one body for a client whose credentials keep failing) and a deadline to
// finish sending. Nothing from an unauthenticated request is stored, and an unknown source name never
// gets its own metric series.
import express, { type NextFunction, type RequestHandler, type Response } from 'express';
import type { HttpContext } from './context.js';
import type { SourceConfig } from '../mapping/schema.js';
import { UNKNOWN_SOURCE_LABEL } from '../observability/metrics.js';
import { formatByteSize } from '../util/byte-size.js';
import { clientAddress, closeIfUnread, refuseCredential, refuseMissing } from './credential-refusal.js';
import { checkBeforeBody, verifySignature, type BeforeBody } from './source-auth.js';
import { createSignatureReplays } from './signature-replays.js';

export interface AlarmSource {
  name: string;
  config: SourceConfig;
  /** The raw body, read after the source's credential allowed it. */
  body: Buffer;
}

interface GuardState {
  name: string;
  config: SourceConfig;
  check: Extract<BeforeBody, { ok: true }>;
}

const STATE = Symbol('alarm-source-guard');
type WithState = Response & { locals: { [STATE]?: GuardState; alarmSource?: AlarmSource } };

/** What the guard established; only valid in handlers of a route guarded by "source". */
export function alarmSourceOf(res: Response): AlarmSource {
  const s = (res as WithState).locals.alarmSource;
  if (!s) throw new Error('alarmSourceOf: the route is not guarded by "source"');
  return s;
}

/** The configured source of that name, never an inherited property (`__proto__`, `constructor`, …). */
export function lookupSource(sources: Record<string, SourceConfig>, name: string): SourceConfig | undefined {
  return Object.hasOwn(sources, name) ? sources[name] : undefined;
}

function unverifiedBudget(maxBytes: number) {
  let total = 0;
  const byClient = new Map<string, number>();
  return {
    /** Reserve `bytes` for `client`; false when that would exceed the total or the client's share. */
    take(client: string, bytes: number, clientMax: number): boolean {
      const mine = byClient.get(client) ?? 0;
      // One body is always possible for a client holding none, however large the limit is.
      if (mine > 0 && mine + bytes > clientMax) return false;
      if (total > 0 && total + bytes > maxBytes) return false;
      total += bytes;
      byClient.set(client, mine + bytes);
      return true;
    },
    give(client: string, bytes: number): void {
      total -= bytes;
      const left = (byClient.get(client) ?? 0) - bytes;
      if (left > 0) byClient.set(client, left);
      else byClient.delete(client);
    },
  };
}

export function alarmSourceGuard(ctx: HttpContext): RequestHandler[] {
  const raw = express.raw({ type: () => true, limit: ctx.bodyLimitBytes });
  const budget = unverifiedBudget(ctx.unverifiedBodies.maxBytes);
  const replays = createSignatureReplays();
  const limitWords = formatByteSize(ctx.bodyLimitBytes);

  // Counted with the status actually sent (a wrong credential may be answered 401 or 429).
  const refused = (name: string | null, res: Response) =>
    res.once('finish', () =>
      ctx.metrics.alarmsRejected.inc({
        source: name ?? UNKNOWN_SOURCE_LABEL,
        reason: String(res.statusCode),
      }),
    );

  // 1. The source and its credential, from the path and headers.
  const beforeBody: RequestHandler = (req, res, next) => {
    const name = String(req.params['source']);
    const config = lookupSource(ctx.engine().sources, name);
    if (!config) {
      refused(null, res);
      closeIfUnread(req, res);
      return void res.status(404).json({ error: `unknown source "${name.slice(0, 100)}"` });
    }
    if (config.kind === 'snmp' || config.kind === 'mqtt') {
      refused(name, res);
      closeIfUnread(req, res);
      return void res
        .status(400)
        .json({ error: `source "${name}" is of kind ${config.kind} and does not accept HTTP posts` });
    }
    const check = checkBeforeBody(config.auth, req.headers, ctx.env, ctx.now().getTime());
    if (!check.ok) {
      if (check.kind === 'config') {
        refused(name, res);
        req.log.error({ source: name }, check.message);
        closeIfUnread(req, res);
        // 503: the connector cannot take this source's alarms yet; senders retry, nothing is lost once
        // the secret is set (`closeloop serve` refuses to start without it).
        return void res.status(503).json({ error: check.message });
      }
      refused(name, res);
      if (check.kind === 'wrong') return refuseCredential(ctx, req, res, `source:${name}`, check.message);
      return refuseMissing(req, res, check.message);
    }
    const state: GuardState = { name, config, check };
    if (check.hmac) {
      // Unverified: hold at most a bounded share of memory for it, for a bounded time.
      const client = clientAddress(req);
      const length = Number(req.header('content-length'));
      const bytes =
        Number.isSafeInteger(length) && length >= 0
          ? Math.min(length, ctx.bodyLimitBytes + 1)
          : ctx.bodyLimitBytes;
      const failing = ctx.throttle.waitMs(client, `source:${name}`, ctx.now().getTime()) > 0;
      const clientMax = failing ? 0 : Math.max(ctx.bodyLimitBytes, ctx.unverifiedBodies.maxBytes / 4);
      if (!budget.take(client, bytes, clientMax)) {
        refused(name, res);
        closeIfUnread(req, res);
        res.setHeader('Retry-After', '1');
        return void res.status(503).json({
          error: 'too many signed bodies are being received at once; nothing was accepted, retry shortly',
        });
      }
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        clearTimeout(deadline);
        budget.give(client, bytes);
      };
      const deadline = setTimeout(() => {
        req.log.warn(
          { source: name },
          'signed alarm post did not finish its body in time; connection closed',
        );
        req.socket.destroy();
      }, ctx.unverifiedBodies.timeoutMs);
      deadline.unref();
      req.once('end', release);
      req.once('close', release);
      res.once('close', release);
    }
    (res as WithState).locals[STATE] = state;
    next();
  };

  // 2. The body, within the size limit. Too large: only an authenticated post is kept as a refusal.
  const readBody: RequestHandler = (req, res, next: NextFunction) => {
    const state = (res as WithState).locals[STATE]!;
    raw(req, res, (err?: unknown) => {
      if (!err) return next();
      const e = err as { type?: string; length?: number };
      if (e.type !== 'entity.too.large') return next(err);
      refused(state.name, res);
      closeIfUnread(req, res);
      const reason = `body of ${e.length !== undefined ? formatByteSize(e.length) : 'unknown size'} exceeds the limit of ${limitWords}`;
      if (!state.check.hmac) {
        void ctx.store
          .recordRejected({
            source: state.name,
            reason: `${reason} (body not kept)`,
            contentType: req.header('content-type') ?? null,
            body: new Uint8Array(),
            receivedAt: ctx.now().toISOString(),
          })
          .catch((error: unknown) => req.log.error({ err: error }, 'could not keep rejected payload'));
      }
      res.status(413).json({ error: `request body exceeds the limit of ${limitWords}` });
    });
  };

  // 3. The signature over the body, and once only.
  const verify: RequestHandler = (req, res, next) => {
    const state = (res as WithState).locals[STATE]!;
    const body: Buffer = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const h = state.check.hmac;
    if (h) {
      if (!verifySignature(h, body)) {
        refused(state.name, res);
        return refuseCredential(ctx, req, res, `source:${state.name}`, 'invalid signature');
      }
      if (h.timestamp !== null) {
        const key = `${state.name}\n${h.signature}`;
        const nowMs = ctx.now().getTime();
        if (!replays.claim(key, Number(h.timestamp) * 1000 + h.auth.max_skew, nowMs)) {
          refused(state.name, res);
          return void res.status(409).json({
            error: `this signed request was already received (same ${h.auth.header}); sign every request with a fresh ${h.auth.timestamp_header}`,
          });
        }
        // A request that was not processed (store unavailable) must be accepted when it is sent again.
        res.once('finish', () => {
          if (res.statusCode >= 500) replays.release(key);
        });
      }
    }
    (res as WithState).locals.alarmSource = { name: state.name, config: state.config, body };
    next();
  };

  return [beforeBody, readBody, verify];
}
