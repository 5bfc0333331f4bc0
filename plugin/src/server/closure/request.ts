// Builds the POST <connector>/v1/closure-checks request. Pure: the outbound adapter only executes
// what this returns. The body names the record being closed and, when it is guarded through
// another record (a work order through its incident), that record too; see docs/plugin.md.
import type { ConnectorEndpoint, ConnectorRequest, GuardSettings, GuardSubject, RecordSnapshot } from './types.ts';
import { MAX_TIMEOUT_SECONDS } from './settings.ts';

export const CLOSURE_CHECK_PATH = '/v1/closure-checks';

export type RequestResult = { ok: true; request: ConnectorRequest } | { ok: false; problem: string };

export function closureCheckBody(record: RecordSnapshot, targetState: string, subject: GuardSubject): string {
  const body: Record<string, unknown> = {
    record: {
      table: record.table,
      sys_id: record.sysId,
      number: record.number,
      correlation_id: record.correlationId.trim(),
      cmdb_ci: record.cmdbCi,
      target_state: targetState,
    },
  };
  if (subject.sysId !== record.sysId) {
    body.guarded_by = {
      table: subject.table,
      sys_id: subject.sysId,
      number: subject.number,
      correlation_id: subject.correlationId,
      cmdb_ci: subject.cmdbCi,
    };
  } else if (subject.correlationId !== record.correlationId.trim()) {
    // Guarded by the stored correlation_id while the update changes it: ask about the stored one.
    (body.record as Record<string, unknown>).correlation_id = subject.correlationId;
  }
  return JSON.stringify(body);
}

export function buildClosureCheckRequest(
  settings: GuardSettings,
  endpoint: ConnectorEndpoint | null,
  body: string,
): RequestResult {
  return buildConnectorRequest(settings, endpoint, CLOSURE_CHECK_PATH, body);
}

/** A POST of a JSON body to a path of the connector, authenticated and transported as configured. */
export function buildConnectorRequest(
  settings: GuardSettings,
  endpoint: ConnectorEndpoint | null,
  path: string,
  body: string,
): RequestResult {
  if (!endpoint || !endpoint.url) return { ok: false, problem: 'connector URL is not configured' };
  if (!endpoint.apiKey) return { ok: false, problem: 'connector API key is not configured' };
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    Accept: 'application/json',
    'X-API-Key': endpoint.apiKey,
  };
  const transport = endpoint.midServer
    ? // MID calls are asynchronous only and capped by glide.http.outbound.max_timeout (30 s).
      ({
        kind: 'mid',
        midServer: endpoint.midServer,
        waitSeconds: Math.min(settings.timeoutSeconds, MAX_TIMEOUT_SECONDS),
      } as const)
    : ({ kind: 'direct', timeoutMs: settings.timeoutSeconds * 1000 } as const);
  return { ok: true, request: { method: 'POST', url: `${endpoint.url}${path}`, headers, body, transport } };
}

/** The request with its secret left out, for logs and audit details. */
export function describeRequest(request: ConnectorRequest): string {
  const via = request.transport.kind === 'mid' ? ` via MID Server ${request.transport.midServer}` : '';
  return `${request.method} ${request.url || '(no URL)'}${via}`;
}
