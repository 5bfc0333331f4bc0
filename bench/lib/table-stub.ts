// A trivial ServiceNow Table API on loopback for benchmarks: answers exactly what the connector's
// client asks (search by correlation_id, reference lookups, create, update, verdict upsert) with
// well-formed records and no business logic, so the instance is never the bottleneck being measured.
// Every request is counted; writes are reported with their arrival time (wall clock, sub-ms).
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { wallMs } from './stats.js';

export interface StubWrite {
  /** When the request reached the stub (headers parsed), wall-clock ms. */
  atMs: number;
  method: 'POST' | 'PATCH';
  table: string;
  sysId: string | null;
  body: Record<string, unknown>;
}

export interface TableStub {
  url: string;
  /** "METHOD table" → requests answered. */
  counts(): Record<string, number>;
  close(): Promise<void>;
}

const BodySchema = z.record(z.string(), z.unknown());
const PATH = /^\/api\/now\/table\/([A-Za-z0-9_]+)(?:\/([A-Za-z0-9]+))?$/;

function readBody(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('error', reject);
    req.on('end', () => {
      if (chunks.length === 0) return resolve({});
      const parsed = BodySchema.safeParse(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      resolve(parsed.success ? parsed.data : {});
    });
  });
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** `field=value` of a simple encoded query (what the connector sends for lookups and searches). */
function equality(query: string | null): { field: string; value: string } | null {
  const m = query ? /^([A-Za-z0-9_.]+)=(.*)$/.exec(query) : null;
  return m ? { field: m[1]!, value: m[2]! } : null;
}

export async function startTableStub(
  opts: { port?: number; onWrite?: (w: StubWrite) => void } = {},
): Promise<TableStub> {
  const counts = new Map<string, number>();
  const records = new Map<string, Record<string, unknown>>();
  let seq = 0;
  const server = http.createServer((req, res) => {
    const atMs = wallMs();
    const url = new URL(req.url ?? '/', 'http://stub');
    if (url.pathname === '/__stub/counts') return send(res, 200, Object.fromEntries(counts));
    const m = PATH.exec(url.pathname);
    if (!m) return send(res, 404, { error: { message: 'No such path' }, status: 'failure' });
    const [, table = '', sysId = null] = m;
    const method = req.method ?? 'GET';
    const key = `${method} ${table}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    readBody(req)
      .then((body) => {
        if (method === 'GET' && sysId) {
          const r = records.get(sysId);
          return r
            ? send(res, 200, { result: r })
            : send(res, 404, { error: { message: 'No Record found' } });
        }
        if (method === 'GET') {
          // Searches by correlation_id find nothing (every incident is new); reference lookups find
          // exactly one row carrying the value, like a tidy CMDB.
          const eq = equality(url.searchParams.get('sysparm_query'));
          if (!eq || eq.field === 'correlation_id') return send(res, 200, { result: [] });
          const id = crypto.createHash('sha1').update(`${table}/${eq.value}`).digest('hex').slice(0, 32);
          return send(res, 200, { result: [{ sys_id: id, [eq.field]: eq.value }] });
        }
        if (method === 'POST' && !sysId) {
          seq++;
          const id = crypto.randomBytes(16).toString('hex');
          const record = { ...body, sys_id: id, number: `INC${String(seq).padStart(7, '0')}`, state: '1' };
          records.set(id, record);
          opts.onWrite?.({ atMs, method: 'POST', table, sysId: null, body });
          return send(res, 201, { result: record });
        }
        if ((method === 'PATCH' || method === 'PUT') && sysId) {
          const record = { ...(records.get(sysId) ?? { sys_id: sysId, number: 'INC0000000' }), ...body };
          records.set(sysId, record);
          opts.onWrite?.({ atMs, method: 'PATCH', table, sysId, body });
          return send(res, 200, { result: record });
        }
        send(res, 405, { error: { message: `${method} not supported by the stub` }, status: 'failure' });
      })
      .catch((err: unknown) => send(res, 400, { error: { message: String(err) }, status: 'failure' }));
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    counts: () => Object.fromEntries(counts),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
