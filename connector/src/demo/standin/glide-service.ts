// The main-thread side of the Glide fakes: answers one call from a script worker against the
// stand-in's records, and performs RESTMessageV2 requests on the network with the instance's
// error texts for failed connections.
import { TABLES, tableChain, tableDef } from './dictionary.js';
import type { GlideCall, HttpAnswer, UpdateAnswer } from './plugin-protocol.js';
import type { Standin } from './server.js';

/** Who the running script acts for, and which record it is about. */
export interface CallerContext {
  user: string;
  /** The record a before rule is running for: updating it from inside that rule would deadlock. */
  lockedSysId: string;
  /** Whether updates made by the script run business rules (UI actions: yes; rules: no). */
  rulesOnUpdate: boolean;
  /** The user session (GlideSession client data lives in `clientData` under it). */
  session?: string;
  interactive?: boolean;
  clientData?: Map<string, Map<string, string>>;
  /** GlideRecordSecure's answer for the caller (the plugin host's ACL model); default: allowed. */
  mayAccess?: (table: string, sysId: string, operation: 'read' | 'write') => boolean;
}

/** Rows of a table, or of every table extending it for a parent (task) that is no endpoint. */
function queryRows(standin: Standin, table: string, encodedQuery: string): Record<string, string>[] {
  if (tableDef(table)?.queryable) return standin.tables.list(table, encodedQuery);
  if (!tableDef(table)) return [];
  return TABLES.filter((t) => t.queryable && t.name !== table && tableChain(t.name).includes(table)).flatMap(
    (t) => standin.tables.list(t.name, encodedQuery),
  );
}

export async function serveGlideCall(
  standin: Standin,
  call: GlideCall,
  caller: CallerContext,
): Promise<unknown> {
  switch (call.op) {
    case 'property':
      return standin.properties.get(call.name) ?? null;
    case 'query': {
      const rows = queryRows(standin, call.table, call.encodedQuery);
      return call.limit === null ? rows : rows.slice(0, Math.max(0, call.limit));
    }
    case 'session': {
      const key = caller.session ?? `user:${caller.user}`;
      let data = caller.clientData?.get(key);
      if (!data) {
        data = new Map();
        caller.clientData?.set(key, data);
      }
      if (call.value === null) return data.get(call.key) ?? null;
      if (call.value === '') data.delete(call.key);
      else data.set(call.key, call.value);
      return true;
    }
    case 'access':
      return caller.mayAccess ? caller.mayAccess(call.table, call.sysId, call.operation) : true;
    case 'insert':
      try {
        const row = await standin.tables.insert(call.table, call.values, { user: caller.user });
        return row.sys_id ?? null;
      } catch {
        return null;
      }
    case 'update':
      return update(standin, call, caller);
    case 'delete':
      return standin.tables.remove(call.table, call.sysId);
    case 'http':
      return outbound(call);
  }
}

async function update(
  standin: Standin,
  call: Extract<GlideCall, { op: 'update' }>,
  caller: CallerContext,
): Promise<UpdateAnswer> {
  if (call.sysId === caller.lockedSysId) {
    return {
      sysId: null,
      errorMessages: ['current.update() inside a before business rule is not supported by the stand-in'],
      infoMessages: [],
    };
  }
  const outcome = await standin.tables.update(call.table, call.sysId, call.values, {
    user: caller.user,
    runRules: caller.rulesOnUpdate,
    ...(caller.session ? { session: caller.session } : {}),
    ...(caller.interactive !== undefined ? { interactive: caller.interactive } : {}),
  });
  const errorMessages = [...(outcome.rules?.errorMessages ?? [])];
  const infoMessages = [...(outcome.rules?.infoMessages ?? [])];
  // A refusal that no rule explained (data policy) shows its own text, as the form would.
  if (!outcome.ok && errorMessages.length === 0) errorMessages.push(outcome.detail ?? outcome.message);
  return { sysId: outcome.ok ? call.sysId : null, errorMessages, infoMessages };
}

async function outbound(call: Extract<GlideCall, { op: 'http' }>): Promise<HttpAnswer> {
  try {
    const response = await fetch(call.url, {
      method: call.method,
      headers: call.headers,
      ...(call.method === 'GET' || call.method === 'HEAD' ? {} : { body: call.body }),
      signal: AbortSignal.timeout(call.timeoutMs),
    });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => (headers[name.toLowerCase()] = value));
    return { status: response.status, body: await response.text(), headers, error: '' };
  } catch (error) {
    return { status: 0, body: '', headers: {}, error: javaStyleError(error) };
  }
}

/** The messages an instance's outbound HTTP gives for the same failures. */
export function javaStyleError(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : null;
  const code = cause && 'code' in cause ? String(cause.code) : '';
  if (name === 'TimeoutError' || name === 'AbortError')
    return 'java.net.SocketTimeoutException: Read timed out';
  if (code === 'ECONNREFUSED') return 'java.net.ConnectException: Connection refused (Connection refused)';
  if (code === 'ENOTFOUND') return `java.net.UnknownHostException: ${cause?.message ?? ''}`;
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'java.net.SocketException: Connection reset';
  return `java.io.IOException: ${cause?.message ?? (error instanceof Error ? error.message : String(error))}`;
}
