// Thin typed layer over the Table API. Every operation goes through `call`: rate limit, auth header,
// one HTTP exchange, one re-authentication after a 401 (OAuth), then either a zod-parsed body or a
// typed ServiceNowError. There is no retry loop here: the outbox worker owns retries and backoff.
import axios from 'axios';
import type { AxiosInstance } from 'axios';
import { z } from 'zod';
import type { ServiceNowConfig } from '../../config/schema.js';
import { createAuthenticator } from './auth.js';
import { ServiceNowError, envelopeIn2xx, httpError } from './errors.js';
import {
  VERDICT_COLUMNS,
  boundRecord,
  boundText,
  columnRule,
  taskColumns,
  type ColumnRule,
} from './field-bounds.js';
import type { OnResponse, ServiceNowLogger } from './hooks.js';
import { silentLogger } from './hooks.js';
import {
  and,
  checkField,
  checkSysId,
  correlationIdTerm,
  eq,
  isIn,
  normaliseBaseUrl,
  tableParams,
  tablePath,
  withQuery,
} from './query.js';
import { createRateLimiter } from './rate-limit.js';
import { createRedactor } from './redact.js';
import type { ExchangeContext } from './transport.js';
import { exchange } from './transport.js';
import type { FieldValues, IncidentRecord, TableRecord } from './types.js';
import {
  ChoiceRowSchema,
  DictionaryRowSchema,
  IncidentRecordSchema,
  JournalRowSchema,
  TableRecordSchema,
  list,
  single,
} from './types.js';

export interface ServiceNowClientOptions {
  /** Secrets already resolved from the environment by the caller. */
  config: ServiceNowConfig;
  logger?: ServiceNowLogger;
  /** Clock for token expiry, lookup cache TTL, rate limiting and Retry-After dates (epoch ms). */
  now?: () => number;
  /** How the rate limiter waits; tests pass a fake that advances their clock. */
  sleep?: (ms: number) => Promise<void>;
  /** Called once per HTTP answer (or network failure, status 0): latency and status for metrics. */
  onResponse?: OnResponse;
  /** Transport seam; a plain axios instance by default. */
  http?: AxiosInstance;
}

export interface VerdictUpsert {
  sysId: string;
  created: boolean;
}

export interface WriteOptions {
  /**
   * Called immediately before the request is sent (after rate limiting and authentication), for
   * every try of it. A throw stops the write: it fails as `not_sent` and nothing leaves.
   */
  beforeSend?: () => Promise<void>;
}

export interface ServiceNowClient {
  readonly config: ServiceNowConfig;
  /** A cheap authenticated read (one incident sys_id): proves reachability and credentials. */
  ping(): Promise<void>;
  /**
   * Every incident whose correlation_id is exactly `key`, oldest first (up to 20); a non-retryable
   * error when the instance returns a row with another correlation_id.
   */
  findIncidentsByCorrelationId(key: string): Promise<IncidentRecord[]>;
  createIncident(fields: FieldValues, o?: WriteOptions): Promise<IncidentRecord>;
  updateIncident(sysId: string, fields: FieldValues, o?: WriteOptions): Promise<IncidentRecord>;
  getIncident(sysId: string): Promise<IncidentRecord>;
  /** sys_id of the one row of `table` whose `field` equals `value`; null if none or several. Cached. */
  lookupSysId(table: string, field: string, value: string): Promise<string | null>;
  insertRecord(table: string, record: FieldValues, o?: WriteOptions): Promise<TableRecord>;
  /** Insert or update the row of `config.verdict_table` whose correlation_id is `correlationId`. */
  upsertVerdict(correlationId: string, record: FieldValues, o?: WriteOptions): Promise<VerdictUpsert>;
  /**
   * Whether `text` was written to journal `element` of the record since about `since` (a minute of
   * clock difference allowed): null when the instance does not let us read sys_journal_field.
   */
  hasJournalEntry(
    table: string,
    sysId: string,
    element: string,
    text: string,
    since: Date,
  ): Promise<boolean | null>;
  /** Column names (sys_dictionary elements) of the given tables, e.g. ['incident', 'task']. */
  getDictionary(tables: string | readonly string[]): Promise<string[]>;
  /** Active choice values (sys_choice) of `element` on the given tables. */
  getChoices(tables: string | readonly string[], element: string): Promise<string[]>;
  /** Rows of any table, read-only (doctor's metadata reads); build `query` with query.ts helpers. */
  listRecords(
    table: string,
    o: { query?: string; fields: readonly string[]; limit: number },
  ): Promise<TableRecord[]>;
}

const INCIDENT_FIELDS = ['sys_id', 'number', 'state', 'correlation_id'] as const;
const FOUND_INCIDENT_FIELDS = [...INCIDENT_FIELDS, 'sys_created_on'] as const;
const VERDICT_FIELDS = ['sys_id', 'correlation_id'] as const;
const VerdictRowSchema = TableRecordSchema.extend({ correlation_id: z.string().optional() });
const DICTIONARY_LIMIT = 10_000;
/** More incidents than this on one key is not a crash leftover; the oldest of them is still kept. */
const FIND_LIMIT = 20;
const JOURNAL_LIMIT = 50;
/** Clock difference tolerated between this host and the instance when reading journal times. */
const JOURNAL_CLOCK_SLACK_MS = 60_000;

interface CallRequest<S extends z.ZodType> {
  operation: string;
  method: 'GET' | 'POST' | 'PATCH';
  path: string;
  params?: [string, string][];
  data?: FieldValues;
  schema: S;
  beforeSend?: () => Promise<void>;
}

/** sys_created_on as the Table API returns it (UTC, `YYYY-MM-DD HH:mm:ss`) → epoch ms, NaN if not. */
function glideTimeMs(value: string): number {
  return /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(value)
    ? Date.parse(`${value.replace(' ', 'T')}Z`)
    : NaN;
}

interface CacheEntry {
  sysId: string | null;
  expiresAt: number;
}

export function createServiceNowClient(options: ServiceNowClientOptions): ServiceNowClient {
  const { config } = options;
  if (!config.instance_url) {
    throw new ServiceNowError({
      operation: 'configure',
      kind: 'config',
      retryable: false,
      message: 'ServiceNow instance_url is not set (servicenow.instance_url or SERVICENOW_INSTANCE_URL)',
    });
  }
  const baseUrl = normaliseBaseUrl(config.instance_url);
  const now = options.now ?? Date.now;
  const logger = options.logger ?? silentLogger;
  const redactor = createRedactor([config.auth.password, config.auth.client_secret]);
  const transport: ExchangeContext = {
    http: options.http ?? axios.create(),
    timeoutMs: config.timeout,
    redactor,
    logger,
    onResponse: options.onResponse,
  };
  const auth = createAuthenticator({ auth: config.auth, baseUrl, now, transport });
  const limiter = createRateLimiter({
    perHour: config.rate_limit_per_hour,
    now,
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
  });
  const lookupCache = new Map<string, CacheEntry>();
  const truncationsLogged = new Set<string>();

  /** A record as `table`'s columns take it; each field's first truncation is logged (once per field). */
  function bounded(operation: string, table: string, record: FieldValues): FieldValues {
    const r = boundRecord(operation, record, columnsOf(table));
    for (const t of r.truncated) {
      const id = `${table}.${t.field}`;
      if (truncationsLogged.has(id)) continue;
      truncationsLogged.add(id);
      logger.warn(
        { operation, table, field: t.field, length: t.from, max: t.max },
        `servicenow: ${id} was longer than the column (${t.from} > ${t.max} characters) and was shortened, ending in "…"; later values of this field are shortened without a log line`,
      );
    }
    return r.record;
  }
  const columnsOf = (table: string): Readonly<Record<string, ColumnRule>> =>
    table === config.verdict_table ? VERDICT_COLUMNS : taskColumns();

  async function call<S extends z.ZodType>(req: CallRequest<S>): Promise<z.infer<S>> {
    const url = `${baseUrl}${withQuery(req.path, req.params ?? [])}`;
    const write = req.method !== 'GET';
    for (let attempt = 1; ; attempt++) {
      await limiter.take();
      const authorization = await auth.authorization();
      if (req.beforeSend) {
        try {
          await req.beforeSend();
        } catch (cause) {
          throw new ServiceNowError({
            operation: req.operation,
            kind: 'not_sent',
            retryable: true,
            message: `ServiceNow ${req.operation}: not sent: ${cause instanceof Error ? cause.message : String(cause)}`,
          });
        }
      }
      const res = await exchange(transport, {
        operation: req.operation,
        method: req.method,
        url,
        headers: {
          Accept: 'application/json',
          ...(req.data !== undefined ? { 'Content-Type': 'application/json' } : {}),
          Authorization: authorization,
        },
        data: req.data,
      });
      // A 401 with OAuth usually means the instance revoked or expired our token early: fetch a new
      // one, once. A second 401 is a real refusal.
      if (res.status === 401 && attempt === 1 && auth.invalidate()) {
        logger.debug({ operation: req.operation }, 'servicenow: 401, fetching a new token');
        continue;
      }
      if (res.status < 200 || res.status > 299) {
        const error = httpError({ ...res, operation: req.operation, nowMs: now(), redactor, write });
        if (res.status === 429 && error.retryAfterMs !== undefined)
          limiter.pauseUntil(now() + error.retryAfterMs);
        logger.warn(
          { operation: req.operation, status: res.status, err: error.message },
          'servicenow request failed',
        );
        throw error;
      }
      return parseBody(req, res.status, res.body);
    }
  }

  function parseBody<S extends z.ZodType>(req: CallRequest<S>, status: number, body: unknown): z.infer<S> {
    // A 2xx that is not JSON is an HTML page: a hibernating instance or an SSO login in the way.
    // Both pass, so it is worth another try; a JSON body of the wrong shape will not change.
    const parsed = req.schema.safeParse(body);
    if (parsed.success) return parsed.data;
    const write = req.method !== 'GET';
    const cancelled = envelopeIn2xx({
      operation: req.operation,
      status,
      body,
      headers: {},
      nowMs: now(),
      redactor,
      write,
    });
    if (cancelled) throw cancelled;
    const html = typeof body === 'string';
    throw new ServiceNowError({
      operation: req.operation,
      kind: 'bad_response',
      status,
      retryable: html,
      // A write answered with something unexpected may well have been done.
      ...(write ? { doubt: 'visible' as const } : {}),
      message: redactor.redact(
        html
          ? `ServiceNow ${req.operation}: HTTP ${status} with a non-JSON body (instance hibernating, or a login page?)`
          : `ServiceNow ${req.operation}: HTTP ${status} with an unexpected body: ${parsed.error.issues
              .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
              .join('; ')}`,
      ),
    });
  }

  const incidentPath = (operation: string, sysId?: string) =>
    tablePath(operation, config.incident_table, sysId);
  const tableList = (tables: string | readonly string[]): readonly string[] =>
    typeof tables === 'string' ? [tables] : tables;

  /** Rows of `table` whose correlation_id is exactly `key`, refusing any that carries another one. */
  async function findByCorrelationId<
    S extends z.ZodType<{ sys_id: string; correlation_id?: string; number?: string }>,
  >(
    operation: string,
    table: string,
    key: string,
    noun: string,
    fields: readonly string[],
    schema: S,
    limit: number,
    orderBy?: string,
  ): Promise<z.infer<S>[]> {
    const term = correlationIdTerm(operation, key);
    const rows = await call({
      operation,
      method: 'GET',
      path: tablePath(operation, table),
      params: tableParams({ query: orderBy ? and(term, orderBy) : term, fields, limit }),
      schema: list(schema),
    });
    const stray = rows.result.find((r) => r.correlation_id !== key);
    if (stray) {
      throw new ServiceNowError({
        operation,
        kind: 'ambiguous',
        retryable: false,
        message: `ServiceNow ${operation}: the ${noun} returned for correlation_id "${key}" has correlation_id "${stray.correlation_id ?? ''}" (${stray.sys_id}); refusing to use it`,
      });
    }
    return rows.result;
  }

  async function findOneByCorrelationId<
    S extends z.ZodType<{ sys_id: string; correlation_id?: string; number?: string }>,
  >(
    operation: string,
    table: string,
    key: string,
    noun: string,
    fields: readonly string[],
    schema: S,
  ): Promise<z.infer<S> | null> {
    const rows = await findByCorrelationId(operation, table, key, noun, fields, schema, 2);
    if (rows.length > 1) {
      const names = rows.map((r) => r.number ?? r.sys_id).join(', ');
      throw new ServiceNowError({
        operation,
        kind: 'ambiguous',
        retryable: false,
        message: `ServiceNow ${operation}: ${rows.length} ${noun}s share correlation_id "${key}" (${names}); resolve the duplicate in ServiceNow`,
      });
    }
    return rows[0] ?? null;
  }

  const findVerdict = (correlationId: string) =>
    findOneByCorrelationId(
      'find verdict',
      config.verdict_table,
      correlationId,
      'verdict',
      VERDICT_FIELDS,
      VerdictRowSchema,
    );

  return {
    config,

    async ping() {
      await call({
        operation: 'ping',
        method: 'GET',
        path: incidentPath('ping'),
        params: tableParams({ fields: ['sys_id'], limit: 1 }),
        schema: list(TableRecordSchema),
      });
    },

    async findIncidentsByCorrelationId(key) {
      const rows = await findByCorrelationId(
        'find incident',
        config.incident_table,
        key,
        'incident',
        FOUND_INCIDENT_FIELDS,
        IncidentRecordSchema,
        FIND_LIMIT,
        'ORDERBYsys_created_on^ORDERBYnumber',
      );
      // The instance orders by time already; a second sort keeps "oldest first" true whatever it did.
      const at = (r: IncidentRecord) => glideTimeMs(r.sys_created_on ?? '');
      return [...rows].sort(
        (a, b) => (at(a) || Infinity) - (at(b) || Infinity) || a.number.localeCompare(b.number),
      );
    },

    async createIncident(fields, o = {}) {
      const operation = 'create incident';
      const res = await call({
        operation,
        method: 'POST',
        path: incidentPath(operation),
        params: tableParams({ fields: INCIDENT_FIELDS }),
        data: bounded(operation, config.incident_table, fields),
        schema: single(IncidentRecordSchema),
        beforeSend: o.beforeSend,
      });
      return res.result;
    },

    async updateIncident(sysId, fields, o = {}) {
      const operation = 'update incident';
      const res = await call({
        operation,
        method: 'PATCH',
        path: incidentPath(operation, sysId),
        params: tableParams({ fields: INCIDENT_FIELDS }),
        data: bounded(operation, config.incident_table, fields),
        schema: single(IncidentRecordSchema),
        beforeSend: o.beforeSend,
      });
      return res.result;
    },

    async getIncident(sysId) {
      const res = await call({
        operation: 'get incident',
        method: 'GET',
        path: incidentPath('get incident', sysId),
        params: tableParams({}),
        schema: single(IncidentRecordSchema),
      });
      return res.result;
    },

    async lookupSysId(table, field, value) {
      const operation = `lookup ${table}`;
      const query = eq(operation, field, value);
      const cacheKey = JSON.stringify([table, field, value]);
      const cached = lookupCache.get(cacheKey);
      if (cached !== undefined && now() < cached.expiresAt) return cached.sysId;
      const rows = await call({
        operation,
        method: 'GET',
        path: tablePath(operation, table),
        params: tableParams({ query, fields: ['sys_id', field], limit: 2 }),
        schema: list(TableRecordSchema),
      });
      // Only a row that really carries the value counts (see findOneByCorrelationId); ServiceNow
      // compares strings case-insensitively, so we do too.
      const matching = rows.result.filter(
        (r) => String(r[field] ?? '').toLowerCase() === value.toLowerCase(),
      );
      let sysId: string | null = null;
      if (matching.length === 1 && matching[0]) sysId = matching[0].sys_id;
      else if (rows.result.length > 1) {
        logger.warn(
          { operation, table, field, value },
          'servicenow lookup: several rows match; not choosing one',
        );
      }
      lookupCache.set(cacheKey, { sysId, expiresAt: now() + config.lookup_cache_ttl });
      return sysId;
    },

    async insertRecord(table, record, o = {}) {
      const operation = `insert ${table}`;
      const res = await call({
        operation,
        method: 'POST',
        path: tablePath(operation, table),
        params: tableParams({ fields: ['sys_id'] }),
        data: bounded(operation, table, record),
        schema: single(TableRecordSchema),
        beforeSend: o.beforeSend,
      });
      return res.result;
    },

    async upsertVerdict(correlationId, record, o = {}) {
      const table = config.verdict_table;
      const data = bounded('upsert verdict', table, { ...record, correlation_id: correlationId });
      const update = async (sysId: string): Promise<VerdictUpsert> => {
        const res = await call({
          operation: 'update verdict',
          method: 'PATCH',
          path: tablePath('update verdict', table, sysId),
          params: tableParams({ fields: ['sys_id'] }),
          data,
          schema: single(TableRecordSchema),
          beforeSend: o.beforeSend,
        });
        return { sysId: res.result.sys_id, created: false };
      };
      const existing = await findVerdict(correlationId);
      if (existing !== null) return update(existing.sys_id);
      try {
        const res = await call({
          operation: 'insert verdict',
          method: 'POST',
          path: tablePath('insert verdict', table),
          params: tableParams({ fields: ['sys_id'] }),
          data,
          schema: single(TableRecordSchema),
          beforeSend: o.beforeSend,
        });
        return { sysId: res.result.sys_id, created: true };
      } catch (error) {
        // The table's unique index on correlation_id refused a second row: someone inserted it since
        // we looked (an earlier attempt that landed late, another replica). Update that row instead.
        if (!(error instanceof ServiceNowError) || error.status !== 403 || !/unique key/i.test(error.message))
          throw error;
        const row = await findVerdict(correlationId);
        if (row === null) throw error;
        return update(row.sys_id);
      }
    },

    async hasJournalEntry(table, sysId, element, text, since) {
      const operation = 'read journal';
      checkSysId(operation, sysId);
      const wanted = boundText(text, columnRule(columnsOf(table), element)).value.trim();
      let rows: z.infer<typeof JournalRowSchema>[];
      try {
        rows = (
          await call({
            operation,
            method: 'GET',
            path: tablePath(operation, 'sys_journal_field'),
            params: tableParams({
              query: and(
                eq(operation, 'name', table),
                eq(operation, 'element_id', sysId),
                eq(operation, 'element', element),
                'ORDERBYDESCsys_created_on',
              ),
              fields: ['element_id', 'value', 'sys_created_on'],
              limit: JOURNAL_LIMIT,
            }),
            schema: list(JournalRowSchema),
          })
        ).result;
      } catch (error) {
        if (!(error instanceof ServiceNowError) || error.status !== 403) throw error;
        logger.warn(
          { operation, table },
          'servicenow: sys_journal_field is not readable; a work note whose first attempt got no answer may be written twice',
        );
        return null;
      }
      const from = since.getTime() - JOURNAL_CLOCK_SLACK_MS;
      return rows.some((r) => {
        const created = glideTimeMs(r.sys_created_on ?? '');
        return (
          r.element_id === sysId && r.value.trim() === wanted && (Number.isNaN(created) || created >= from)
        );
      });
    },

    async getDictionary(tables) {
      const operation = 'read sys_dictionary';
      const rows = await call({
        operation,
        method: 'GET',
        path: tablePath(operation, 'sys_dictionary'),
        params: tableParams({
          query: and(isIn(operation, 'name', tableList(tables)), 'elementISNOTEMPTY'),
          fields: ['name', 'element'],
          limit: DICTIONARY_LIMIT,
        }),
        schema: list(DictionaryRowSchema),
      });
      return [...new Set(rows.result.map((r) => r.element).filter((e) => e !== ''))].sort();
    },

    async getChoices(tables, element) {
      const operation = 'read sys_choice';
      checkField(operation, element);
      const rows = await call({
        operation,
        method: 'GET',
        path: tablePath(operation, 'sys_choice'),
        params: tableParams({
          query: and(
            isIn(operation, 'name', tableList(tables)),
            eq(operation, 'element', element),
            'inactive=false',
          ),
          fields: ['value', 'label'],
          limit: DICTIONARY_LIMIT,
        }),
        schema: list(ChoiceRowSchema),
      });
      return [...new Set(rows.result.map((r) => r.value))];
    },

    async listRecords(table, o) {
      const operation = `read ${table}`;
      const fields = [...new Set(['sys_id', ...o.fields])].map((f) => checkField(operation, f));
      const rows = await call({
        operation,
        method: 'GET',
        path: tablePath(operation, table),
        params: tableParams({ query: o.query, fields, limit: Math.min(o.limit, DICTIONARY_LIMIT) }),
        schema: list(TableRecordSchema),
      });
      return rows.result;
    },
  };
}
