// Prometheus HTTP API provider: plain selectors are read as raw samples (`sel[range]` at the window's
// end, so each scrape keeps its own timestamp); other expressions go through query_range at a step.
import http from 'node:http';
import https from 'node:https';
import axios, { type AxiosInstance } from 'axios';
import type { z } from 'zod';
import type { PrometheusProviderSchema } from '../../config/schema.js';
import { transportError } from '../http-errors.js';
import { TelemetryError, type RangeWindow, type Series, type TelemetryProvider } from '../types.js';
import { isPlainSelector, toPromTime, toSeries } from './query.js';
import { WireErrorSchema, WireSuccessSchema } from './wire.js';

export type PrometheusProviderConfig = z.output<typeof PrometheusProviderSchema>;

function rangeSelector(query: string, w: RangeWindow): string {
  return `${query.trim()}[${Math.max(1, Math.round(w.endMs - w.startMs))}ms]`;
}

export function createPrometheusProvider(name: string, cfg: PrometheusProviderConfig): TelemetryProvider {
  const httpAgent = new http.Agent({ keepAlive: true });
  const httpsAgent = new https.Agent({ keepAlive: true });
  const http_: AxiosInstance = axios.create({
    baseURL: cfg.url.replace(/\/+$/, ''),
    timeout: cfg.timeout,
    headers: { ...cfg.headers, Accept: 'application/json' },
    httpAgent,
    httpsAgent,
    validateStatus: () => true,
    // Keep the body as text: we validate it ourselves and want Prometheus's own words on errors.
    responseType: 'text',
    transformResponse: (d: unknown) => d,
  });

  async function call(path: string, params: Record<string, string>, signal: AbortSignal): Promise<Series[]> {
    let status: number;
    let text: string;
    try {
      // POST form: long PromQL does not fit every proxy's URL limit.
      const res = await http_.post<string>(path, new URLSearchParams(params).toString(), {
        signal,
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      });
      status = res.status;
      text = typeof res.data === 'string' ? res.data : String(res.data);
    } catch (err) {
      throw transportError(name, err, signal);
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new TelemetryError(
        name,
        status >= 500 ? 'unreachable' : 'bad_response',
        `${name}: HTTP ${status}, not JSON: ${text.slice(0, 200)}`,
      );
    }
    const failed = WireErrorSchema.safeParse(body);
    if (failed.success) {
      const kind =
        failed.data.errorType === 'bad_data' ? 'bad_query' : status >= 500 ? 'unreachable' : 'rejected';
      throw new TelemetryError(name, kind, `${name}: ${failed.data.errorType}: ${failed.data.error}`);
    }
    const ok = WireSuccessSchema.safeParse(body);
    if (!ok.success || status >= 300) {
      throw new TelemetryError(
        name,
        'bad_response',
        `${name}: HTTP ${status}, unexpected answer: ${text.slice(0, 200)}`,
      );
    }
    return toSeries(ok.data.data);
  }

  const timeoutParam = `${Math.max(1, cfg.timeout)}ms`;
  return {
    name,
    kind: 'prometheus',
    async queryRange(query, w, signal) {
      if (isPlainSelector(query)) {
        const series = await call(
          '/api/v1/query',
          { query: rangeSelector(query, w), time: toPromTime(w.endMs), timeout: timeoutParam },
          signal,
        );
        return series.map((s) => ({ ...s, samples: s.samples.filter((p) => p.t >= w.startMs) }));
      }
      const stepMs = Math.max(1, w.stepMs ?? cfg.step);
      return call(
        '/api/v1/query_range',
        {
          query,
          start: toPromTime(w.startMs),
          end: toPromTime(w.endMs),
          step: `${stepMs / 1000}`,
          timeout: timeoutParam,
        },
        signal,
      );
    },
    async close() {
      httpAgent.destroy();
      httpsAgent.destroy();
    },
  };
}
