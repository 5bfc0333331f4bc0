// The one table of HTTP verdicts every ServiceNow-facing test checks against (the outbox worker's
// tests included). It is written out code by code on purpose: it is the specification, not a copy
// of the implementation's rule.
//   2xx → ok; 429 → retry (honouring Retry-After); 5xx → retry, except 501 Not Implemented;
//   any other status (3xx, other 4xx) → dead letter; no answer at all (network, timeout) → retry.
// 1xx are left out: they are interim answers, never the final status of a request.

export type Verdict = 'ok' | 'retry' | 'dead';

export interface StatusCase {
  status: number;
  name: string;
  verdict: Verdict;
}

export const STATUS_CASES: readonly StatusCase[] = [
  { status: 200, name: 'OK', verdict: 'ok' },
  { status: 201, name: 'Created', verdict: 'ok' },
  { status: 202, name: 'Accepted', verdict: 'ok' },
  { status: 203, name: 'Non-Authoritative Information', verdict: 'ok' },
  { status: 204, name: 'No Content', verdict: 'ok' },
  { status: 205, name: 'Reset Content', verdict: 'ok' },
  { status: 206, name: 'Partial Content', verdict: 'ok' },
  { status: 207, name: 'Multi-Status', verdict: 'ok' },
  { status: 208, name: 'Already Reported', verdict: 'ok' },
  { status: 226, name: 'IM Used', verdict: 'ok' },
  { status: 300, name: 'Multiple Choices', verdict: 'dead' },
  { status: 301, name: 'Moved Permanently', verdict: 'dead' },
  { status: 302, name: 'Found', verdict: 'dead' },
  { status: 303, name: 'See Other', verdict: 'dead' },
  { status: 304, name: 'Not Modified', verdict: 'dead' },
  { status: 305, name: 'Use Proxy', verdict: 'dead' },
  { status: 307, name: 'Temporary Redirect', verdict: 'dead' },
  { status: 308, name: 'Permanent Redirect', verdict: 'dead' },
  { status: 400, name: 'Bad Request', verdict: 'dead' },
  { status: 401, name: 'Unauthorized', verdict: 'dead' },
  { status: 402, name: 'Payment Required', verdict: 'dead' },
  { status: 403, name: 'Forbidden', verdict: 'dead' },
  { status: 404, name: 'Not Found', verdict: 'dead' },
  { status: 405, name: 'Method Not Allowed', verdict: 'dead' },
  { status: 406, name: 'Not Acceptable', verdict: 'dead' },
  { status: 407, name: 'Proxy Authentication Required', verdict: 'dead' },
  { status: 408, name: 'Request Timeout', verdict: 'dead' },
  { status: 409, name: 'Conflict', verdict: 'dead' },
  { status: 410, name: 'Gone', verdict: 'dead' },
  { status: 411, name: 'Length Required', verdict: 'dead' },
  { status: 412, name: 'Precondition Failed', verdict: 'dead' },
  { status: 413, name: 'Payload Too Large', verdict: 'dead' },
  { status: 414, name: 'URI Too Long', verdict: 'dead' },
  { status: 415, name: 'Unsupported Media Type', verdict: 'dead' },
  { status: 416, name: 'Range Not Satisfiable', verdict: 'dead' },
  { status: 417, name: 'Expectation Failed', verdict: 'dead' },
  { status: 418, name: "I'm a Teapot", verdict: 'dead' },
  { status: 421, name: 'Misdirected Request', verdict: 'dead' },
  { status: 422, name: 'Unprocessable Entity', verdict: 'dead' },
  { status: 423, name: 'Locked', verdict: 'dead' },
  { status: 424, name: 'Failed Dependency', verdict: 'dead' },
  { status: 425, name: 'Too Early', verdict: 'dead' },
  { status: 426, name: 'Upgrade Required', verdict: 'dead' },
  { status: 428, name: 'Precondition Required', verdict: 'dead' },
  { status: 429, name: 'Too Many Requests', verdict: 'retry' },
  { status: 431, name: 'Request Header Fields Too Large', verdict: 'dead' },
  { status: 451, name: 'Unavailable For Legal Reasons', verdict: 'dead' },
  { status: 500, name: 'Internal Server Error', verdict: 'retry' },
  { status: 501, name: 'Not Implemented', verdict: 'dead' },
  { status: 502, name: 'Bad Gateway', verdict: 'retry' },
  { status: 503, name: 'Service Unavailable', verdict: 'retry' },
  { status: 504, name: 'Gateway Timeout', verdict: 'retry' },
  { status: 505, name: 'HTTP Version Not Supported', verdict: 'retry' },
  { status: 506, name: 'Variant Also Negotiates', verdict: 'retry' },
  { status: 507, name: 'Insufficient Storage', verdict: 'retry' },
  { status: 508, name: 'Loop Detected', verdict: 'retry' },
  { status: 509, name: 'Bandwidth Limit Exceeded', verdict: 'retry' },
  { status: 510, name: 'Not Extended', verdict: 'retry' },
  { status: 511, name: 'Network Authentication Required', verdict: 'retry' },
];

/** Statuses whose HTTP semantics forbid a body, so a server cannot send ServiceNow's JSON envelope. */
export const BODYLESS_STATUSES: ReadonlySet<number> = new Set([204, 205, 304]);

/** Failures with no HTTP answer; `code` is the Node/axios error code a transport reports. */
export interface NetworkCase {
  name: string;
  code: string;
  verdict: 'retry';
}

export const NETWORK_CASES: readonly NetworkCase[] = [
  { name: 'connection refused', code: 'ECONNREFUSED', verdict: 'retry' },
  { name: 'connection reset', code: 'ECONNRESET', verdict: 'retry' },
  { name: 'socket timeout', code: 'ETIMEDOUT', verdict: 'retry' },
  { name: 'host not found', code: 'ENOTFOUND', verdict: 'retry' },
  { name: 'DNS temporary failure', code: 'EAI_AGAIN', verdict: 'retry' },
  { name: 'broken pipe', code: 'EPIPE', verdict: 'retry' },
];
