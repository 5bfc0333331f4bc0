// One typed error for everything that can go wrong talking to ServiceNow. It only *judges* a failure
// (retryable or not, and when): the outbox worker alone decides whether and when to try again.
import { STATUS_CODES } from 'node:http';
import { z } from 'zod';
import type { WriteDoubt } from '../../model/delivery.js';
import type { Redactor } from './redact.js';
import { ErrorEnvelopeSchema, TokenErrorSchema } from './types.js';

export type ServiceNowErrorKind =
  | 'http' // ServiceNow (or a proxy in front of it) answered with a non-2xx status
  | 'network' // no answer: refused, reset, DNS, timeout
  | 'bad_response' // a 2xx whose body is not what the Table API sends
  | 'invalid_input' // refused before any request (empty/unsafe key, bad table or field name)
  | 'ambiguous' // more than one record matched a key that must be unique
  | 'not_sent' // the write was stopped just before sending (the worker's claim was taken over)
  | 'config'; // missing instance URL or credentials

export interface ServiceNowErrorInit {
  operation: string;
  kind: ServiceNowErrorKind;
  retryable: boolean;
  message: string;
  status?: number;
  retryAfterMs?: number;
  /** A write that failed after it was sent: what may have become of it (see WriteDoubt). */
  doubt?: WriteDoubt;
}

export class ServiceNowError extends Error {
  override readonly name = 'ServiceNowError';
  readonly operation: string;
  readonly kind: ServiceNowErrorKind;
  readonly retryable: boolean;
  readonly status: number | undefined;
  readonly retryAfterMs: number | undefined;
  readonly doubt: WriteDoubt | undefined;

  constructor(init: ServiceNowErrorInit) {
    super(init.message);
    this.operation = init.operation;
    this.kind = init.kind;
    this.retryable = init.retryable;
    this.status = init.status;
    this.retryAfterMs = init.retryAfterMs;
    this.doubt = init.doubt;
  }
}

export function isServiceNowError(e: unknown): e is ServiceNowError {
  return e instanceof ServiceNowError;
}

/** The shared verdict: 429 and 5xx (except 501 Not Implemented) retry; everything else non-2xx does not. */
export function isRetryableStatus(status: number): boolean {
  if (status === 429) return true;
  return status >= 500 && status <= 599 && status !== 501;
}

/** `Retry-After` as delta-seconds (`120`) or an HTTP-date; returns ms from `nowMs`, never negative. */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // Only accept something that looks like a date, so junk such as "soon" or "-5" is ignored.
  if (!/[A-Za-z]{3}/.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}

const HeaderValue = z.union([z.string(), z.number()]).transform(String);

function header(headers: unknown, name: string): string | undefined {
  if (typeof headers !== 'object' || headers === null) return undefined;
  const parsed = HeaderValue.safeParse((headers as Record<string, unknown>)[name]);
  return parsed.success ? parsed.data : undefined;
}

/**
 * When ServiceNow wants us back: `Retry-After` first; on a 429 without it, `X-RateLimit-Reset` (epoch
 * seconds) which ServiceNow sends with its rate-limit answers.
 */
export function retryAfterFromHeaders(status: number, headers: unknown, nowMs: number): number | undefined {
  const retryAfter = parseRetryAfter(header(headers, 'retry-after'), nowMs);
  if (retryAfter !== undefined) return retryAfter;
  if (status !== 429) return undefined;
  const reset = header(headers, 'x-ratelimit-reset');
  if (reset === undefined || !/^\d+$/.test(reset)) return undefined;
  return Math.max(0, Number(reset) * 1000 - nowMs);
}

/** ServiceNow's own words from an error body, if the body is one of its envelopes. */
export function describeErrorBody(body: unknown): string | undefined {
  const envelope = ErrorEnvelopeSchema.safeParse(body);
  if (envelope.success) {
    const { message, detail } = envelope.data.error;
    const parts = [message, detail].filter((p): p is string => typeof p === 'string' && p.trim() !== '');
    if (parts.length === 2) return `${parts[0]} (${parts[1]})`;
    if (parts.length === 1) return parts[0];
  }
  const oauth = TokenErrorSchema.safeParse(body);
  if (oauth.success && (oauth.data.error_description ?? oauth.data.error)) {
    return [oauth.data.error_description, oauth.data.error].filter(Boolean).join(' / ');
  }
  return undefined;
}

export interface HttpErrorInput {
  operation: string;
  status: number;
  body: unknown;
  headers: unknown;
  nowMs: number;
  redactor: Redactor;
  /** The request was a write (POST/PATCH): a failure may leave it in doubt. */
  write?: boolean;
}

/**
 * What a failed write's answer says about the write. 4xx: refused, nothing done (429 and a full
 * semaphore queue never run the transaction). 5xx with the instance's own error envelope, or a 2xx
 * that carries one (a transaction cancelled by a quota rule answers 200): the transaction is over, but
 * may have done part of its work. 5xx without it came from a proxy or load balancer that gave up
 * waiting: the instance may still be working on the request.
 */
export function answeredWriteDoubt(status: number, body: unknown): WriteDoubt | undefined {
  if (status >= 400 && status < 500) return undefined;
  if (status >= 500 && !ErrorEnvelopeSchema.safeParse(body).success) return 'pending';
  return 'visible';
}

/** A non-2xx answer as a typed error carrying ServiceNow's message and the retry verdict. */
export function httpError(input: HttpErrorInput): ServiceNowError {
  const { operation, status } = input;
  const said = describeErrorBody(input.body) ?? STATUS_CODES[status] ?? 'unknown status';
  const hint = status >= 300 && status < 400 ? ' (redirected: check instance_url)' : '';
  const retryable = isRetryableStatus(status);
  const doubt = input.write ? answeredWriteDoubt(status, input.body) : undefined;
  return new ServiceNowError({
    operation,
    kind: 'http',
    status,
    retryable,
    retryAfterMs: retryable ? retryAfterFromHeaders(status, input.headers, input.nowMs) : undefined,
    message: input.redactor.redact(`ServiceNow ${operation}: HTTP ${status}: ${said}${hint}`),
    ...(doubt ? { doubt } : {}),
  });
}

/**
 * A 2xx whose body is the error envelope: what a transaction cancelled by a quota rule ("Transaction
 * cancelled: maximum execution time exceeded") answers. Worth another try; a write may have been done.
 */
export function envelopeIn2xx(input: HttpErrorInput): ServiceNowError | null {
  const said = describeErrorBody(input.body);
  if (said === undefined || !ErrorEnvelopeSchema.safeParse(input.body).success) return null;
  return new ServiceNowError({
    operation: input.operation,
    kind: 'http',
    status: input.status,
    retryable: true,
    message: input.redactor.redact(`ServiceNow ${input.operation}: HTTP ${input.status}: ${said}`),
    ...(input.write ? { doubt: 'visible' as const } : {}),
  });
}

const NetworkErrorShape = z.object({ code: z.string().optional(), message: z.string().optional() });
const TIMEOUT_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT']);
/** Failures that happen before a request leaves: no connection, no name. Nothing can have been sent. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * No HTTP answer at all (refused, reset, DNS, timeout): always worth another try later. A write that
 * may have left (anything but a refused connection or an unknown host) is in doubt until the instance
 * can no longer apply it.
 */
export function networkError(
  operation: string,
  cause: unknown,
  redactor: Redactor,
  write = false,
): ServiceNowError {
  const shape = NetworkErrorShape.safeParse(cause);
  const code = shape.success ? shape.data.code : undefined;
  const text = shape.success ? (shape.data.message ?? '') : String(cause);
  const what = code !== undefined && TIMEOUT_CODES.has(code) ? 'timed out' : 'network error';
  const sent = code === undefined || !NOT_SENT_CODES.has(code);
  return new ServiceNowError({
    operation,
    kind: 'network',
    retryable: true,
    message: redactor.redact(`ServiceNow ${operation}: ${what}${code ? ` (${code})` : ''}: ${text}`),
    ...(write && sent ? { doubt: 'pending' as const } : {}),
  });
}
