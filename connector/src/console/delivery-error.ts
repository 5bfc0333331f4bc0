// Whose error a failed write carries: ServiceNow's answer (an HTTP status came back — from the instance
// or a proxy in front of it), no answer at all (refused, reset, DNS: the network), no answer in time,
// or the connector's own refusal (not configured, a key it will not send, a create still awaited).
// Only the first is "ServiceNow's error"; the console must not call a connection refusal that.
export type ErrorOrigin = 'servicenow' | 'no_answer' | 'timeout' | 'connector';

/**
 * From what the outbox keeps (the error text and the status, if any). The texts without a status are
 * the ServiceNow client's own (itsm/servicenow/errors.ts networkError): "…: timed out (…)…" and
 * "…: network error (…)…"; anything else without a status was decided on this side.
 */
export function errorOrigin(d: { lastError: string | null; lastStatus: number | null }): ErrorOrigin | null {
  if (d.lastError === null && d.lastStatus === null) return null;
  if (d.lastStatus !== null && d.lastStatus > 0) return 'servicenow';
  const text = d.lastError ?? '';
  if (/^ServiceNow [^:]+: timed out\b/.test(text)) return 'timeout';
  if (/^ServiceNow [^:]+: network error\b/.test(text)) return 'no_answer';
  return 'connector';
}
