// The ServiceNow stand-in as its own process (connector/src/demo/standin/main.ts), so the instance
// does not share an event loop with the connector under test, plus the little of its /__standin/
// admin API the benchmark reads: request counters and raw incident rows.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { z } from 'zod';
import { REPO } from './mappings.js';

export interface StandinProcess {
  url: string;
  username: string;
  password: string;
  stop(): Promise<void>;
}

const ReadySchema = z.object({ url: z.string().url(), port: z.number().int(), pid: z.number().int() });

export async function startStandinProcess(username: string, password: string): Promise<StandinProcess> {
  const main = path.join(REPO, 'connector/src/demo/standin/main.ts');
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', main, '--port', '0', '--user', `${username}:${password}:itil`, '--log-level', 'warn'],
    { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  const ready = await new Promise<z.infer<typeof ReadySchema>>((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout! });
    const timer = setTimeout(() => reject(new Error(`stand-in did not start in 30 s: ${stderr}`)), 30_000);
    child.once('exit', (code) => reject(new Error(`stand-in exited (${code}): ${stderr}`)));
    lines.once('line', (line) => {
      clearTimeout(timer);
      try {
        resolve(ReadySchema.parse(JSON.parse(line)));
      } catch (err) {
        reject(new Error(`unexpected first line from the stand-in: ${line} (${String(err)})`));
      }
    });
  });
  return {
    url: ready.url,
    username,
    password,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

const CountersSchema = z.record(z.string(), z.number().int());
const RowsSchema = z.object({ count: z.number().int(), rows: z.array(z.record(z.string(), z.unknown())) });

async function getJson(url: string): Promise<unknown> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`GET ${url}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** `"METHOD /path" → n` for every request the instance answered (the admin API excluded). */
export async function requestCounters(url: string): Promise<Record<string, number>> {
  return CountersSchema.parse(await getJson(`${url}/__standin/counters`));
}

export async function tableRows(url: string, table: string): Promise<Record<string, unknown>[]> {
  return RowsSchema.parse(await getJson(`${url}/__standin/tables/${encodeURIComponent(table)}`)).rows;
}

export const WRITE_METHODS = ['POST', 'PATCH', 'PUT'] as const;

export interface WriteCounts {
  total: number;
  byMethod: Record<string, number>;
  /** "METHOD table" → n. */
  byTable: Record<string, number>;
  /** All Table API requests, reads included. */
  tableApiRequests: number;
}

/** ServiceNow writes: POST/PATCH/PUT on /api/now/table/*. */
export function countWrites(counters: Record<string, number>): WriteCounts {
  const out: WriteCounts = { total: 0, byMethod: {}, byTable: {}, tableApiRequests: 0 };
  for (const [key, n] of Object.entries(counters)) {
    const [method = '', p = ''] = key.split(' ');
    const m = /^\/api\/now\/table\/([^/]+)/.exec(p);
    if (!m) continue;
    out.tableApiRequests += n;
    if (!(WRITE_METHODS as readonly string[]).includes(method)) continue;
    out.total += n;
    out.byMethod[method] = (out.byMethod[method] ?? 0) + n;
    const k = `${method} ${m[1]}`;
    out.byTable[k] = (out.byTable[k] ?? 0) + n;
  }
  return out;
}

export interface IncidentCounts {
  incidents: number;
  /** correlation_ids held by more than one incident, with how many. */
  duplicates: Record<string, number>;
  /** Incidents sharing a correlation_id, beyond the first of each. */
  duplicateIncidents: number;
  withoutCorrelationId: number;
  byState: Record<string, number>;
}

const stringOf = (v: unknown): string =>
  typeof v === 'string'
    ? v
    : typeof v === 'number'
      ? String(v)
      : v === null || v === undefined
        ? ''
        : JSON.stringify(v);

export function countIncidents(rows: Record<string, unknown>[]): IncidentCounts {
  const byId = new Map<string, number>();
  const byState: Record<string, number> = {};
  let without = 0;
  for (const r of rows) {
    const id = stringOf(r['correlation_id']);
    if (id === '') without++;
    else byId.set(id, (byId.get(id) ?? 0) + 1);
    const st = stringOf(r['state']);
    byState[st] = (byState[st] ?? 0) + 1;
  }
  const duplicates = Object.fromEntries([...byId].filter(([, n]) => n > 1));
  return {
    incidents: rows.length,
    duplicates,
    duplicateIncidents: Object.values(duplicates).reduce((s, n) => s + n - 1, 0),
    withoutCorrelationId: without,
    byState,
  };
}
