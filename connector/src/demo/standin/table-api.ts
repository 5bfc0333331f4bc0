// The Table API subset: `GET|POST /api/now/table/{table}` and `GET|PUT|PATCH|DELETE
// /api/now/table/{table}/{sys_id}` with the platform's envelopes, status codes and sysparm_* handling.
import express, { type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import { errorBody } from './envelope.js';
import { matches, order, parseEncodedQuery } from './encoded-query.js';
import { readField } from './field-reader.js';
import type { Principal } from './oauth.js';
import { renderRow, type DisplayMode, type RenderOptions } from './serialize.js';
import { allRows, getRow, type Row, type Store } from './store.js';
import { transactionOf } from './transaction.js';
import {
  allowsWebServices,
  deleteRecord,
  insertRecord,
  isQueryable,
  updateRecord,
  type InputValue,
  type WriteContext,
  type WriteOutcome,
} from './writes.js';

export interface TableApiDeps {
  store: Store;
  /** Write context for a request's principal. */
  writeContext: (principal: Principal) => WriteContext;
  /** Called after every stored change (snapshot saving). */
  onChange: () => void;
}

const param = z
  .union([z.string(), z.array(z.string())])
  .transform((value) => (Array.isArray(value) ? (value[0] ?? '') : value))
  .optional();

/** The sysparm_* parameters the stand-in reads; others are accepted and ignored, as on the platform. */
export const TableQuerySchema = z.looseObject({
  sysparm_query: param,
  sysparm_fields: param,
  sysparm_limit: param,
  sysparm_offset: param,
  sysparm_display_value: param,
  sysparm_exclude_reference_link: param,
});
export type TableQuery = z.infer<typeof TableQuerySchema>;

const BodyValueSchema = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.null(),
  // A reference may be written back as the object it was read as.
  z.looseObject({ value: z.union([z.string(), z.number()]) }).transform((ref) => String(ref.value)),
]);
export const RecordBodySchema = z.record(z.string(), BodyValueSchema);

const MAX_LIMIT = 10_000;

export { errorBody };

function sendError(res: Response, status: number, message: string, detail: string | null): void {
  if (res.headersSent) return; // cancelled by the transaction quota: that answer was sent
  res.status(status).json(errorBody(message, detail));
}

function principalOf(res: Response): Principal {
  const value: unknown = res.locals.principal;
  const parsed = z.object({ user: z.string(), roles: z.array(z.string()) }).safeParse(value);
  return parsed.success ? parsed.data : { user: 'guest', roles: [] };
}

function renderOptions(req: Request, query: TableQuery): RenderOptions {
  const display = (query.sysparm_display_value ?? 'false').toLowerCase();
  return {
    fields: (query.sysparm_fields ?? '')
      .split(',')
      .map((f) => f.trim())
      .filter(Boolean),
    displayValue: (display === 'true' || display === 'all' ? display : 'false') as DisplayMode,
    excludeReferenceLink: (query.sysparm_exclude_reference_link ?? '').toLowerCase() === 'true',
    baseUrl: `${req.protocol}://${req.get('host') ?? 'localhost'}`,
  };
}

function parseQuery(req: Request, res: Response): TableQuery | null {
  const parsed = TableQuerySchema.safeParse(req.query);
  if (!parsed.success) {
    sendError(res, 400, 'Invalid query parameters', parsed.error.issues.map((i) => i.message).join('; '));
    return null;
  }
  return parsed.data;
}

function checkTable(table: string, res: Response): boolean {
  if (!isQueryable(table)) {
    sendError(res, 400, `Invalid table ${table}`, null);
    return false;
  }
  if (!allowsWebServices(table)) {
    sendError(res, 403, 'User Not Authorized', `Web service access to table ${table} is not allowed`);
    return false;
  }
  return true;
}

/**
 * Reads a JSON object body sent with any content type (received whole by receiveBody, see
 * request-body.ts); answers 400 itself when unreadable.
 */
function parseBody(req: Request, res: Response): Record<string, InputValue> | null {
  const raw: unknown = req.body;
  const text = typeof raw === 'string' ? raw : '';
  if (text.trim() === '') return {};
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    sendError(res, 400, 'Exception while reading request', 'The payload is not valid JSON.');
    return null;
  }
  const parsed = RecordBodySchema.safeParse(json);
  if (!parsed.success) {
    sendError(
      res,
      400,
      'Exception while reading request',
      'The payload must be a JSON object of column values.',
    );
    return null;
  }
  return parsed.data;
}

function toNonNegative(text: string | undefined, fallback: number): number {
  if (text === undefined || !/^\d+$/.test(text.trim())) return fallback;
  return Number(text.trim());
}

export function listRows(store: Store, table: string, queryText: string): Row[] {
  const query = parseEncodedQuery(queryText);
  const reader = (row: Row, field: string) => readField(store, table, row, field);
  const filtered = allRows(store, table).filter((row) => matches(query, (field) => reader(row, field)));
  return order(filtered, query.orderBy, reader);
}

function linkHeader(req: Request, offset: number, limit: number, total: number): string {
  const base = `${req.protocol}://${req.get('host') ?? 'localhost'}${req.baseUrl}${req.path}`;
  const make = (start: number, rel: string) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(req.query))
      if (typeof value === 'string') params.set(key, value);
    params.set('sysparm_limit', String(limit));
    params.set('sysparm_offset', String(start));
    return `<${base}?${params.toString()}>;rel="${rel}"`;
  };
  const links = [make(0, 'first')];
  if (offset > 0) links.push(make(Math.max(0, offset - limit), 'prev'));
  if (offset + limit < total) links.push(make(offset + limit, 'next'));
  links.push(make(total === 0 ? 0 : Math.floor((total - 1) / limit) * limit, 'last'));
  return links.join(',');
}

function sendWrite(
  req: Request,
  res: Response,
  store: Store,
  table: string,
  outcome: WriteOutcome,
  created: boolean,
  query: TableQuery,
): void {
  if (res.headersSent) return;
  if (!outcome.ok) return sendError(res, outcome.status, outcome.message, outcome.detail);
  if (created)
    res
      .status(201)
      .location(
        `${req.protocol}://${req.get('host') ?? 'localhost'}/api/now/table/${table}/${outcome.row.sys_id ?? ''}`,
      );
  res.json({ result: renderRow(store, table, outcome.row, renderOptions(req, query)) });
}

export function tableApiRouter(deps: TableApiDeps): Router {
  const { store } = deps;
  const router = express.Router();
  // A write's transaction: cancelled by the quota rule, it stores nothing (see transaction.ts).
  const writeContext = (res: Response): WriteContext => {
    const tx = transactionOf(res);
    return { ...deps.writeContext(principalOf(res)), cancelled: () => tx.cancelled };
  };

  router.get('/:table', (req, res) => {
    const table = String(req.params.table);
    const query = parseQuery(req, res);
    if (!query || !checkTable(table, res)) return;
    const rows = listRows(store, table, query.sysparm_query ?? '');
    const offset = toNonNegative(query.sysparm_offset, 0);
    const limit = Math.min(toNonNegative(query.sysparm_limit, MAX_LIMIT), MAX_LIMIT) || MAX_LIMIT;
    const page = rows.slice(offset, offset + limit);
    const options = renderOptions(req, query);
    res.set('X-Total-Count', String(rows.length));
    res.set('Link', linkHeader(req, offset, limit, rows.length));
    res.json({ result: page.map((row) => renderRow(store, table, row, options)) });
  });

  router.post('/:table', async (req, res) => {
    const table = String(req.params.table);
    const query = parseQuery(req, res);
    if (!query || !checkTable(table, res)) return;
    const body = parseBody(req, res);
    if (!body) return;
    const outcome = await insertRecord(store, table, body, writeContext(res));
    if (outcome.ok) deps.onChange();
    sendWrite(req, res, store, table, outcome, true, query);
  });

  router.get('/:table/:sysId', (req, res) => {
    const table = String(req.params.table);
    const query = parseQuery(req, res);
    if (!query || !checkTable(table, res)) return;
    const row = getRow(store, table, String(req.params.sysId));
    if (!row)
      return sendError(
        res,
        404,
        'No Record found',
        "Record doesn't exist or ACL restricts the record retrieval",
      );
    res.json({ result: renderRow(store, table, row, renderOptions(req, query)) });
  });

  const update = async (req: Request, res: Response) => {
    const table = String(req.params.table);
    const query = parseQuery(req, res);
    if (!query || !checkTable(table, res)) return;
    const body = parseBody(req, res);
    if (!body) return;
    const outcome = await updateRecord(store, table, String(req.params.sysId), body, writeContext(res));
    if (outcome.ok) deps.onChange();
    sendWrite(req, res, store, table, outcome, false, query);
  };
  router.put('/:table/:sysId', update);
  router.patch('/:table/:sysId', update);

  router.delete('/:table/:sysId', (req, res) => {
    const table = String(req.params.table);
    if (!checkTable(table, res)) return;
    const outcome = deleteRecord(store, table, String(req.params.sysId));
    if (!outcome.ok) return sendError(res, outcome.status, outcome.message, outcome.detail);
    deps.onChange();
    res.status(204).end();
  });

  return router;
}
