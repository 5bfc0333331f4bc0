// Builds the POST <connector>/v1/closure-checks request. Pure: the outbound adapter only
// executes what this returns.
import type { ConnectorRequest, GuardSettings, IncidentFacts } from './types.ts';

export const CLOSURE_CHECK_PATH = '/v1/closure-checks';

export type RequestResult = { ok: true; request: ConnectorRequest } | { ok: false; problem: string };

export function buildClosureCheckRequest(settings: GuardSettings, incident: IncidentFacts): RequestResult {
  const body = JSON.stringify({
    incident: {
      sys_id: incident.sysId,
      number: incident.number,
      correlation_id: incident.correlationId,
      cmdb_ci: incident.cmdbCi,
    },
  });
  const url = settings.connectorUrl ? `${settings.connectorUrl}${CLOSURE_CHECK_PATH}` : '';
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json' };

  // The ATF stub replaces the call entirely, so tests on an instance need no connector.
  if (settings.stubResponse) {
    return {
      ok: true,
      request: {
        method: 'POST',
        url,
        headers,
        body,
        transport: { kind: 'stub', body: settings.stubResponse },
      },
    };
  }
  if (!settings.connectorUrl) return { ok: false, problem: 'connector URL is not configured' };
  if (!settings.apiKey) return { ok: false, problem: 'connector API key is not configured' };

  headers['X-API-Key'] = settings.apiKey;
  const transport = settings.midServer
    ? // MID calls are asynchronous only and capped by glide.http.outbound.max_timeout (30 s).
      ({
        kind: 'mid',
        midServer: settings.midServer,
        waitSeconds: Math.min(settings.timeoutSeconds, 30),
      } as const)
    : ({ kind: 'direct', timeoutMs: settings.timeoutSeconds * 1000 } as const);
  return { ok: true, request: { method: 'POST', url, headers, body, transport } };
}

/** The request with its secret masked, for logs and audit details. */
export function describeRequest(request: ConnectorRequest): string {
  const via =
    request.transport.kind === 'mid'
      ? ` via MID Server ${request.transport.midServer}`
      : request.transport.kind === 'stub'
        ? ' (stubbed by property)'
        : '';
  return `${request.method} ${request.url || '(no URL)'}${via}`;
}
