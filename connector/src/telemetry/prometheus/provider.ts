// Prometheus HTTP API provider: plain selectors are read as raw samples (`sel[range]` at the window's
// end, so each scrape keeps its own timestamp); other expressions go through query_range at a step.
import http from 'node:http';
import https from 'node:https';
import axios, { type AxiosInstance } from 'axios';
import type { z } from 'zod';
import type { PrometheusProviderSchema } from '../../config/schema.js';
import { transportError } from '../http-errors.js';
import { TelemetryError, type RangeWindow, type Series, type TelemetryProvider } from '../types.js';
import { createCoalescer } from '../coalesce.js';
import { isPlainSelector, toPromTime, toSeries } from './query.js';
import { WireErrorSchema, WireSuccessSchema } from './wire.js';

export type PrometheusProviderConfig = z.output<typeof PrometheusProviderSchema>;

/** How far back series that stopped reporting are still looked for (a bound on the query's cost). */
export const MAX_SERIES_LOOKBACK_MS = 24 * 3_600_000;

/** A series' identity without its metric name (`count_over_time` drops `__name__`). */
function identity(labels: Record<string, string>): string {
  return JSON.stringify(
    Object.entries(labels)
      .filter(([k]) => k !== '__name__')
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
}

/** Annotations PromQL adds about the query itself ("PromQL info: metric might not be a counter …"). */
const PROMQL_NOTE = /^PromQL (?:info|warning):/;

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
    // A success with warnings other than PromQL's own notes about the query is a partial answer: a
    // remote-read store, a Thanos/Mimir store or a shard did not answer, and the series it holds are
    // simply missing. Judging what is left would pass a check on the racks that did answer.
    const partial = (ok.data.warnings ?? []).filter((w) => !PROMQL_NOTE.test(w));
    if (partial.length) {
      throw new TelemetryError(
        name,
        'unreachable',
        `${name}: partial answer, some data could not be read: ${partial.join('; ').slice(0, 300)}`,
      );
    }
    return toSeries(ok.data.data);
  }

  const shared = createCoalescer<Series[]>(cfg.coalesce);
  const timeoutParam = `${Math.max(1, cfg.timeout)}ms`;
  return {
    name,
    kind: 'prometheus',
    async queryRange(query, w, signal) {
      // Whole seconds, so that checks evaluated within the same second share one query.
      const endMs = Math.floor(w.endMs / 1000) * 1000;
      const startMs = Math.floor(w.startMs / 1000) * 1000;
      const plain = isPlainSelector(query);
      const stepMs = Math.max(1, w.stepMs ?? cfg.step);
      const key = JSON.stringify([query, startMs, endMs, plain ? 0 : stepMs]);
      // The shared request is bounded by the provider timeout, not by whichever caller started it.
      const own = () => AbortSignal.timeout(cfg.timeout + 1000);
      const series = await shared.get(
        key,
        () =>
          plain
            ? call(
                '/api/v1/query',
                {
                  query: rangeSelector(query, { startMs, endMs }),
                  time: toPromTime(endMs),
                  timeout: timeoutParam,
                },
                own(),
              )
            : call(
                '/api/v1/query_range',
                {
                  query,
                  start: toPromTime(startMs),
                  end: toPromTime(endMs),
                  step: `${stepMs / 1000}`,
                  timeout: timeoutParam,
                },
                own(),
              ),
        signal,
      );
      const inWindow = series.map((s) => ({
        ...s,
        samples: s.samples.filter((p) => p.t >= w.startMs && p.t <= w.endMs),
      }));
      if (!plain || w.seriesSinceMs === undefined || w.seriesSinceMs >= startMs) return inWindow;
      // A series that stopped reporting (a dead sensor, a rack's exporter gone) is not in a range
      // selector's answer once its last sample is older than the window: the check would judge the
      // racks that still report and pass. Every series the selector matched since `seriesSinceMs` is
      // kept in the answer, with no samples when it has none in the window.
      const sinceMs = Math.max(w.seriesSinceMs, endMs - MAX_SERIES_LOOKBACK_MS);
      const seen = await shared.get(
        JSON.stringify(['seen', query, sinceMs, endMs]),
        () =>
          call(
            '/api/v1/query',
            {
              query: `count_over_time(${rangeSelector(query, { startMs: sinceMs, endMs })})`,
              time: toPromTime(endMs),
              timeout: timeoutParam,
            },
            own(),
          ),
        signal,
      );
      const present = new Set(inWindow.map((s) => identity(s.labels)));
      const gone = seen.filter((s) => !present.has(identity(s.labels)));
      return [...inWindow, ...gone.map((s) => ({ labels: s.labels, samples: [] }))];
    },
    async close() {
      httpAgent.destroy();
      httpsAgent.destroy();
    },
  };
}
