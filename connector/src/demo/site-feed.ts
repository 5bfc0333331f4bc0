// The demo's scripted site: a small HTTP server on loopback that answers the Prometheus HTTP API
// endpoints the connector's Prometheus provider reads (/api/v1/query with a range selector for raw
// samples, /api/v1/query_range for expressions) from a scripted Timeline, plus /metrics (the current
// readings as Prometheus text, so a real Prometheus could scrape it). Answers use Prometheus's
// envelopes; queries outside the supported subset get Prometheus's `bad_data` error.
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Request, type Response } from 'express';
import { z } from 'zod';
import {
  aggregate,
  matchesLabels,
  parseQuery,
  PromQlSubsetError,
  type ParsedQuery,
} from './promql-subset.js';
import { latestSample, samplesBetween, valueAt, type ScriptedSeries, type Timeline } from './timeline.js';

/** Prometheus's default lookback for instant vectors. */
const LOOKBACK_MS = 5 * 60_000;
/** Prometheus refuses query_range answers above 11,000 points per series. */
const MAX_POINTS = 11_000;

export interface SiteFeed {
  url: string;
  port: number;
  timeline: Timeline;
  /** Requests answered, by path (for tests and the demo's summary). */
  requests(): Record<string, number>;
  close(): Promise<void>;
}

export interface SiteFeedOptions {
  timeline: Timeline;
  port?: number;
  host?: string;
  now?: () => number;
}

/** Prometheus API times: RFC 3339 or unix seconds with decimals. */
const TimeSchema = z
  .string()
  .trim()
  .min(1)
  .transform((text, ctx) => {
    const ms = /^-?\d+(\.\d+)?$/.test(text) ? Number(text) * 1000 : Date.parse(text);
    if (!Number.isFinite(ms)) {
      ctx.addIssue({ code: 'custom', message: `cannot parse "${text}" to a valid timestamp` });
      return z.NEVER;
    }
    return ms;
  });
/** A step: seconds (float) or a duration such as 15s. */
const StepSchema = z
  .string()
  .trim()
  .transform((text, ctx) => {
    const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text);
    const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m?.[2] ?? 's'] ?? 1000;
    const ms = m ? Number(m[1]) * unit : NaN;
    if (!(ms > 0)) {
      ctx.addIssue({ code: 'custom', message: `cannot parse "${text}" to a valid duration` });
      return z.NEVER;
    }
    return ms;
  });
const InstantParams = z.object({ query: z.string().min(1), time: TimeSchema.optional() });
const RangeParams = z.object({
  query: z.string().min(1),
  start: TimeSchema,
  end: TimeSchema,
  step: StepSchema,
});

type Point = [number, string];
interface MatrixSeries {
  metric: Record<string, string>;
  values: Point[];
}

const point = (t: number, v: number): Point => [t / 1000, String(v)];

function badData(res: Response, message: string): void {
  res.status(400).json({ status: 'error', errorType: 'bad_data', error: message });
}

/** GET query string and POST form body, merged as Prometheus does. */
function params(req: Request): Record<string, string> {
  const out: Record<string, string> = {};
  const add = (source: unknown) => {
    if (typeof source !== 'object' || source === null) return;
    for (const [k, v] of Object.entries(source)) if (typeof v === 'string') out[k] = v;
  };
  add(req.query);
  add(req.body);
  return out;
}

function selected(timeline: Timeline, q: ParsedQuery): ScriptedSeries[] {
  return timeline.series.filter((s) => matchesLabels(q.matchers, s.labels));
}

/** Instant value of every selected series at `t` (aggregated when the query says so). */
function instantAt(timeline: Timeline, q: ParsedQuery, t: number, nowMs: number): MatrixSeries[] {
  const values = selected(timeline, q).flatMap((s) => {
    const latest = latestSample(s, t, timeline.scrapeMs, LOOKBACK_MS, nowMs);
    return latest ? [{ metric: s.labels, v: latest.v }] : [];
  });
  if (q.aggregation) {
    const v = aggregate(
      q.aggregation,
      values.map((x) => x.v),
    );
    return v === null ? [] : [{ metric: {}, values: [point(t, v)] }];
  }
  return values.map((x) => ({ metric: x.metric, values: [point(t, x.v)] }));
}

export function queryInstant(timeline: Timeline, text: string, t: number, nowMs: number): object {
  const q = parseQuery(text);
  if (q.countOverTime && q.rangeMs !== null) {
    const range = q.rangeMs;
    const result = selected(timeline, q).flatMap((s) => {
      const n = samplesBetween(s, t - range, t, timeline.scrapeMs, nowMs).length;
      const { __name__: _name, ...metric } = s.labels;
      return n > 0 ? [{ metric, value: point(t, n) }] : [];
    });
    return { resultType: 'vector', result };
  }
  if (q.rangeMs !== null) {
    const range = q.rangeMs;
    const result = selected(timeline, q)
      .map((s) => ({
        metric: s.labels,
        values: samplesBetween(s, t - range, t, timeline.scrapeMs, nowMs).map((p) => point(p.t, p.v)),
      }))
      .filter((s) => s.values.length > 0);
    return { resultType: 'matrix', result };
  }
  const result = instantAt(timeline, q, t, nowMs).map((s) => ({ metric: s.metric, value: s.values[0] }));
  return { resultType: 'vector', result };
}

export function queryRange(
  timeline: Timeline,
  text: string,
  startMs: number,
  endMs: number,
  stepMs: number,
  nowMs: number,
): object {
  const q = parseQuery(text);
  if (q.rangeMs !== null)
    throw new PromQlSubsetError(
      'invalid expression type "range vector" for range query, must be Scalar or instant Vector',
    );
  if (endMs < startMs) throw new PromQlSubsetError('end timestamp must not be before start time');
  if ((endMs - startMs) / stepMs > MAX_POINTS)
    throw new PromQlSubsetError(
      'exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)',
    );
  const bySeries = new Map<string, MatrixSeries>();
  for (let t = startMs; t <= endMs; t += stepMs) {
    for (const s of instantAt(timeline, q, t, nowMs)) {
      const key = JSON.stringify(s.metric);
      const entry = bySeries.get(key) ?? { metric: s.metric, values: [] };
      entry.values.push(...s.values);
      bySeries.set(key, entry);
    }
  }
  return { resultType: 'matrix', result: [...bySeries.values()] };
}

/** The current readings in the Prometheus text exposition format. */
export function exposition(timeline: Timeline, nowMs: number): string {
  const lines: string[] = [];
  for (const s of timeline.series) {
    const v = valueAt(s, Math.floor(nowMs / timeline.scrapeMs) * timeline.scrapeMs);
    if (v === null) continue;
    const { __name__: name = 'unnamed', ...rest } = s.labels;
    const labels = Object.entries(rest)
      .map(([k, val]) => `${k}=${JSON.stringify(val)}`)
      .join(',');
    lines.push(`${name}${labels ? `{${labels}}` : ''} ${v}`);
  }
  return `${lines.join('\n')}\n`;
}

export async function startSiteFeed(options: SiteFeedOptions): Promise<SiteFeed> {
  const now = options.now ?? Date.now;
  const { timeline } = options;
  const counts = new Map<string, number>();
  const app = express();
  app.disable('x-powered-by');
  app.use((req, _res, next) => {
    counts.set(req.path, (counts.get(req.path) ?? 0) + 1);
    next();
  });
  app.use(express.urlencoded({ extended: false, limit: '64kb' }));

  const handle =
    (fn: (p: Record<string, string>, nowMs: number) => object) => (req: Request, res: Response) => {
      try {
        res.json({ status: 'success', data: fn(params(req), now()) });
      } catch (error) {
        if (error instanceof PromQlSubsetError) return badData(res, error.message);
        if (error instanceof z.ZodError)
          return badData(res, error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
        throw error;
      }
    };
  const instant = handle((p, nowMs) => {
    const q = InstantParams.parse(p);
    return queryInstant(timeline, q.query, q.time ?? nowMs, nowMs);
  });
  const range = handle((p, nowMs) => {
    const q = RangeParams.parse(p);
    return queryRange(timeline, q.query, q.start, q.end, q.step, nowMs);
  });
  app.get('/api/v1/query', instant);
  app.post('/api/v1/query', instant);
  app.get('/api/v1/query_range', range);
  app.post('/api/v1/query_range', range);
  app.get(
    '/metrics',
    (_req, res) => void res.type('text/plain; version=0.0.4').send(exposition(timeline, now())),
  );
  app.get('/-/ready', (_req, res) => void res.send('Demo site feed is Ready.\n'));
  app.use(
    (_req, res) => void res.status(404).json({ status: 'error', errorType: 'not_found', error: 'not found' }),
  );

  const server: Server = app.listen(options.port ?? 0, options.host ?? '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    port,
    timeline,
    requests: () => Object.fromEntries(counts),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
    },
  };
}
