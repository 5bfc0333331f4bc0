// The Glide APIs the plugin's server modules use — gs (with getSession and eventQueue),
// GlideRecord, GlideRecordSecure, sn_ws.RESTMessageV2 and sn_cc.ConnectionInfoProvider — backed by
// the stand-in's own records through a blocking call to the main thread (sync-rpc.ts).
// They keep the platform quirks a script can trip over: getValue() returns null for an empty
// column and "1"/"0" for booleans, setValue() and addQuery() on an unknown column are ignored (so
// such a query matches every row), inserts and updates made by a rule stay even when the update
// that triggered it is aborted, and RESTMessageV2.execute() reports a failed connection as status
// 0 with a Java-style error message instead of throwing.
import { columnsOf, tableDef } from './dictionary.js';
import {
  HttpAnswerSchema,
  UpdateAnswerSchema,
  type GlideCall,
  type HttpAnswer,
  type PluginLogEntry,
} from './plugin-protocol.js';
import type { Row } from './store.js';

export type Rpc = (call: GlideCall, timeoutMs?: number) => unknown;

/** Per-run state: who runs the script and what it said. Reset by the worker for every run. */
export interface Session {
  user: string;
  userSysId: string;
  roles: string[];
  /** GlideSession.isInteractive(): a person on a form, not the Table API. */
  interactive: boolean;
  errorMessages: string[];
  infoMessages: string[];
  logs: PluginLogEntry[];
}

export function newSession(
  user = 'system',
  userSysId = '',
  roles: string[] = [],
  interactive = false,
): Session {
  return { user, userSysId, roles, interactive, errorMessages: [], infoMessages: [], logs: [] };
}

/** Default socket timeout of a direct outbound call when the script sets none. */
const DEFAULT_HTTP_TIMEOUT_MS = 60_000;
/** glide.http.outbound.max_timeout: a MID Server wait never exceeds this. */
const MID_MAX_WAIT_SECONDS = 30;

function asText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value);
}

function stored(table: string, field: string, value: unknown): string {
  const type = columnsOf(table).get(field)?.type;
  const text = asText(value);
  if (type === 'boolean') return text === 'true' || text === '1' ? 'true' : 'false';
  return text;
}

export interface GlideApi {
  gs: ReturnType<typeof makeGs>;
  GlideRecord: ReturnType<typeof makeGlideRecord>;
  GlideRecordSecure: ReturnType<typeof makeGlideRecordSecure>;
  RESTMessageV2: ReturnType<typeof makeRestMessage>;
  ConnectionInfoProvider: typeof ConnectionInfoProvider;
}

export function createGlide(rpc: Rpc, session: () => Session): GlideApi {
  const GlideRecord = makeGlideRecord(rpc, session);
  return {
    gs: makeGs(rpc, session),
    GlideRecord,
    GlideRecordSecure: makeGlideRecordSecure(rpc, GlideRecord),
    RESTMessageV2: makeRestMessage(rpc),
    ConnectionInfoProvider,
  };
}

/** The stand-in has no Connections & Credentials: every alias resolves to no connection. */
class ConnectionInfoProvider {
  getConnectionInfo(_aliasId: string): null {
    return null;
  }
}

function makeGlideRecordSecure(rpc: Rpc, GlideRecord: ReturnType<typeof makeGlideRecord>) {
  return class GlideRecordSecure extends GlideRecord {
    canRead(): boolean {
      return (
        rpc({
          op: 'access',
          table: this.getTableName(),
          sysId: this.getUniqueValue() ?? '',
          operation: 'read',
        }) === true
      );
    }
    canWrite(): boolean {
      return (
        rpc({
          op: 'access',
          table: this.getTableName(),
          sysId: this.getUniqueValue() ?? '',
          operation: 'write',
        }) === true
      );
    }
  };
}

function makeGs(rpc: Rpc, session: () => Session) {
  const log = (level: PluginLogEntry['level']) => (message: unknown) =>
    void session().logs.push({ level, message: asText(message) });
  return {
    getProperty(name: string, fallback?: unknown): unknown {
      const value = rpc({ op: 'property', name });
      if (value === null || value === undefined) return fallback;
      return asText(value);
    },
    getUserID: () => session().userSysId,
    getUserName: () => session().user,
    // The platform's admin role passes every hasRole check.
    hasRole: (role: string) => session().roles.includes('admin') || session().roles.includes(role),
    addErrorMessage: (message: unknown) => void session().errorMessages.push(asText(message)),
    addInfoMessage: (message: unknown) => void session().infoMessages.push(asText(message)),
    getSession: () => ({
      isInteractive: (): boolean => session().interactive,
      getClientData: (key: string): string | null => {
        const value = rpc({ op: 'session', key: asText(key), value: null });
        return typeof value === 'string' ? value : null;
      },
      putClientData: (key: string, value: unknown): void =>
        void rpc({ op: 'session', key: asText(key), value: asText(value) }),
      clearClientData: (key: string): void => void rpc({ op: 'session', key: asText(key), value: '' }),
    }),
    /** Queues an event as the platform does: a sysevent row naming the record. */
    eventQueue(
      name: string,
      record: { getTableName(): string; getUniqueValue(): string | null },
      parm1?: unknown,
      parm2?: unknown,
    ): void {
      rpc({
        op: 'insert',
        table: 'sysevent',
        values: {
          name: asText(name),
          table: record.getTableName(),
          instance: record.getUniqueValue() ?? '',
          parm1: asText(parm1),
          parm2: asText(parm2),
        },
      });
    },
    tableExists: (table: string): boolean => Boolean(tableDef(asText(table))),
    debug: log('debug'),
    info: log('info'),
    log: log('info'),
    print: log('info'),
    warn: log('warn'),
    error: log('error'),
  };
}

function makeGlideRecord(rpc: Rpc, session: () => Session) {
  return class GlideRecord {
    readonly #table: string;
    #rows: Row[] = [];
    #index = -1;
    #row: Row | null = null;
    #conditions: string[] = [];
    #orderBy: string[] = [];
    #limit: number | null = null;
    #aborted = false;
    #isNew = false;

    constructor(table: string, row: Row | null = null) {
      this.#table = table;
      this.#row = row ? { ...row } : null;
    }

    getTableName(): string {
      return this.#table;
    }
    isValidField(field: string): boolean {
      return columnsOf(this.#table).has(field);
    }
    initialize(): void {
      this.#row = {};
      this.#isNew = true;
    }
    newRecord(): void {
      this.#row = {};
      this.#isNew = true;
    }
    isNewRecord(): boolean {
      return this.#isNew;
    }
    isValid(): boolean {
      return Boolean(tableDef(this.#table));
    }
    isValidRecord(): boolean {
      return Boolean(this.#row?.sys_id);
    }
    setValue(field: string, value: unknown): void {
      if (!this.isValidField(field)) return;
      this.#row ??= {};
      this.#row[field] = stored(this.#table, field, value);
    }
    getValue(field: string): string | null {
      const value = this.#row?.[field];
      if (!this.isValidField(field) || value === undefined || value === '') return null;
      if (columnsOf(this.#table).get(field)?.type === 'boolean') return value === 'true' ? '1' : '0';
      return value;
    }
    getUniqueValue(): string | null {
      return this.#row?.sys_id || null;
    }
    addQuery(field: string, operatorOrValue?: unknown, value?: unknown): void {
      const [operator, operand] =
        value === undefined ? ['=', operatorOrValue] : [asText(operatorOrValue), value];
      this.#conditions.push(`${field}${operator}${asText(operand)}`);
    }
    addEncodedQuery(query: string): void {
      this.#conditions.push(query);
    }
    addNullQuery(field: string): void {
      this.#conditions.push(`${field}ISEMPTY`);
    }
    addNotNullQuery(field: string): void {
      this.#conditions.push(`${field}ISNOTEMPTY`);
    }
    orderBy(field: string): void {
      this.#orderBy.push(`ORDERBY${field}`);
    }
    orderByDesc(field: string): void {
      this.#orderBy.push(`ORDERBYDESC${field}`);
    }
    setLimit(limit: number): void {
      this.#limit = limit;
    }
    setWorkflow(_on: boolean): void {}
    autoSysFields(_on: boolean): void {}
    query(): void {
      const encodedQuery = [...this.#conditions, ...this.#orderBy].join('^');
      this.#rows = rowsFrom(rpc({ op: 'query', table: this.#table, encodedQuery, limit: this.#limit }));
      this.#index = -1;
      this.#row = null;
    }
    next(): boolean {
      this.#index += 1;
      const row = this.#rows[this.#index];
      this.#row = row ? { ...row } : null;
      this.#isNew = false;
      return row !== undefined;
    }
    hasNext(): boolean {
      return this.#index + 1 < this.#rows.length;
    }
    getRowCount(): number {
      return this.#rows.length;
    }
    get(fieldOrSysId: string, value?: unknown): boolean {
      this.#conditions = [
        value === undefined ? `sys_id=${fieldOrSysId}` : `${fieldOrSysId}=${asText(value)}`,
      ];
      this.#limit = 1;
      this.query();
      return this.next();
    }
    insert(): string | null {
      const answer = rpc({ op: 'insert', table: this.#table, values: { ...(this.#row ?? {}) } });
      const sysId = typeof answer === 'string' ? answer : null;
      if (sysId) {
        this.#row = { ...(this.#row ?? {}), sys_id: sysId };
        this.#isNew = false;
      }
      return sysId;
    }
    update(): string | null {
      const sysId = this.#row?.sys_id;
      if (!sysId) return this.insert();
      const answer = UpdateAnswerSchema.safeParse(
        rpc({ op: 'update', table: this.#table, sysId, values: { ...(this.#row ?? {}) } }),
      );
      if (!answer.success) return null;
      // Business rules run by this update speak to the same user session.
      session().errorMessages.push(...answer.data.errorMessages);
      session().infoMessages.push(...answer.data.infoMessages);
      return answer.data.sysId;
    }
    deleteRecord(): boolean {
      const sysId = this.#row?.sys_id;
      return sysId ? rpc({ op: 'delete', table: this.#table, sysId }) === true : false;
    }
    setAbortAction(abort: boolean): void {
      this.#aborted = abort === true;
    }
    isActionAborted(): boolean {
      return this.#aborted;
    }
    /** The record's values (for the host: `current` after the script ran). */
    toRow(): Row {
      return { ...(this.#row ?? {}) };
    }
  };
}

function rowsFrom(value: unknown): Row[] {
  if (!Array.isArray(value)) return [];
  return value.filter((row): row is Row => typeof row === 'object' && row !== null);
}

function makeRestMessage(rpc: Rpc) {
  const send = (request: OutboundRequest, timeoutMs: number): HttpAnswer => {
    const answer = HttpAnswerSchema.safeParse(
      rpc(
        {
          op: 'http',
          method: request.method.toUpperCase(),
          url: request.url,
          headers: request.headers,
          body: request.body,
          timeoutMs,
        },
        timeoutMs + 5_000,
      ),
    );
    return answer.success
      ? answer.data
      : { status: 0, body: '', headers: {}, error: 'java.io.IOException: no answer' };
  };

  return class RESTMessageV2 {
    #request: OutboundRequest = { method: 'GET', url: '', headers: {}, body: '' };
    #timeoutMs = DEFAULT_HTTP_TIMEOUT_MS;
    #midServer = '';

    setEndpoint(url: string): void {
      this.#request.url = asText(url);
    }
    setHttpMethod(method: string): void {
      this.#request.method = asText(method);
    }
    setRequestHeader(name: string, value: unknown): void {
      this.#request.headers[asText(name)] = asText(value);
    }
    setRequestBody(body: unknown): void {
      this.#request.body = asText(body);
    }
    setBasicAuth(user: string, password: string): void {
      this.#request.headers.Authorization = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
    }
    setQueryParameter(name: string, value: unknown): void {
      const url = new URL(this.#request.url);
      url.searchParams.append(name, asText(value));
      this.#request.url = url.toString();
    }
    setHttpTimeout(ms: number): void {
      this.#timeoutMs = Math.max(1, Math.floor(Number(ms)) || DEFAULT_HTTP_TIMEOUT_MS);
    }
    setMIDServer(name: string): void {
      this.#midServer = asText(name);
    }
    getMIDServer(): string {
      return this.#midServer;
    }
    execute() {
      return restResponse(
        send({ ...this.#request, headers: { ...this.#request.headers } }, this.#timeoutMs),
        this.#request.url,
      );
    }
    /**
     * A MID Server call: the stand-in has no MID Server, so the request goes out directly when
     * waitForResponse is called, with the wait (capped at 30 s) as its timeout.
     */
    executeAsync() {
      const request = { ...this.#request, headers: { ...this.#request.headers } };
      let answer: HttpAnswer | null = null;
      const ensure = (waitSeconds: number): HttpAnswer => {
        answer ??= send(request, Math.min(waitSeconds, MID_MAX_WAIT_SECONDS) * 1000);
        return answer;
      };
      return {
        ...lazyResponse(() => ensure(MID_MAX_WAIT_SECONDS), request.url),
        waitForResponse(seconds: number): void {
          const got = ensure(Math.max(1, Number(seconds) || MID_MAX_WAIT_SECONDS));
          if (got.status === 0 && /timed out/i.test(got.error)) {
            throw new Error(
              `No response for ECC message request after waiting for ${seconds} seconds in ECC Queue`,
            );
          }
        },
      };
    }
  };
}

interface OutboundRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

function restResponse(answer: HttpAnswer, url: string) {
  return lazyResponse(() => answer, url);
}

function lazyResponse(get: () => HttpAnswer, url: string) {
  const errorMessage = (): string => {
    const answer = get();
    if (answer.status === 0) return answer.error;
    if (answer.status >= 400) return `Method failed: (${pathOf(url)}) with code: ${answer.status}`;
    return '';
  };
  return {
    getStatusCode: (): number => get().status,
    getBody: (): string => get().body,
    haveError: (): boolean => errorMessage() !== '',
    getErrorMessage: errorMessage,
    getErrorCode: (): number => (get().status === 0 ? 1 : 0),
    getHeader: (name: string): string => get().headers[name.toLowerCase()] ?? '',
    getHeaders: (): Record<string, string> => ({ ...get().headers }),
  };
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}
