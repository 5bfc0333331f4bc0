// One HTTP exchange with the instance: send, time it, report it, and turn "no answer" into a typed
// error. Every status is returned to the caller (validateStatus accepts all) so verdicts are made in
// one place, and redirects are not followed: a Table API that redirects is a misconfigured URL or an
// SSO login page, never something to chase.
import type { AxiosInstance } from 'axios';
import { networkError } from './errors.js';
import type { OnResponse, ServiceNowLogger } from './hooks.js';
import type { Redactor } from './redact.js';

export interface ExchangeRequest {
  operation: string;
  method: 'GET' | 'POST' | 'PATCH';
  url: string;
  headers: Record<string, string>;
  data?: unknown;
}

export interface ExchangeContext {
  http: AxiosInstance;
  timeoutMs: number;
  redactor: Redactor;
  logger: ServiceNowLogger;
  onResponse?: OnResponse;
}

export interface ExchangeResult {
  status: number;
  body: unknown;
  headers: unknown;
}

export async function exchange(ctx: ExchangeContext, req: ExchangeRequest): Promise<ExchangeResult> {
  const started = performance.now();
  const observe = (status: number): number => {
    const ms = Math.round((performance.now() - started) * 1000) / 1000;
    ctx.onResponse?.({ operation: req.operation, status, ms });
    return ms;
  };
  // Logged without the query string: it is not secret, but it can be long and carries user data.
  const path = req.url.split('?')[0] ?? req.url;
  try {
    const res = await ctx.http.request({
      method: req.method,
      url: req.url,
      headers: req.headers,
      data: req.data,
      timeout: ctx.timeoutMs,
      maxRedirects: 0,
      validateStatus: () => true,
      transitional: { clarifyTimeoutError: true },
    });
    const ms = observe(res.status);
    ctx.logger.debug(
      { operation: req.operation, method: req.method, path, status: res.status, ms },
      'servicenow',
    );
    return { status: res.status, body: res.data, headers: res.headers };
  } catch (cause) {
    const ms = observe(0);
    const error = networkError(req.operation, cause, ctx.redactor, req.method !== 'GET');
    ctx.logger.warn(
      { operation: req.operation, method: req.method, path, ms, err: error.message },
      'servicenow',
    );
    throw error;
  }
}
