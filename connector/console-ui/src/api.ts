// Calls to the console API. Same origin, session cookie; writes carry the console header the server
// requires (a cross-site form cannot send it). A lost session sends the browser back to the login form.
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body: unknown,
  ) {
    super(message);
  }
}

function errorText(body: unknown, status: number): string {
  if (body && typeof body === 'object' && 'error' in body && typeof body.error === 'string')
    return body.error;
  return `HTTP ${status}`;
}

export async function api<T>(
  path: string,
  init: { method?: string; body?: unknown; signal?: AbortSignal } = {},
): Promise<T> {
  const method = init.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (method !== 'GET') headers['X-Closeloop-Console'] = '1';
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    ...(init.signal ? { signal: init.signal } : {}),
  });
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? (JSON.parse(text) as unknown) : null;
  } catch {
    body = text;
  }
  if (res.status === 401) {
    const here = location.pathname + location.search;
    location.assign(`/console/login?next=${encodeURIComponent(here)}`);
  }
  if (!res.ok) throw new ApiError(res.status, errorText(body, res.status), body);
  return body as T;
}

/** Event keys contain "/": always one encoded path segment. */
export const keyPath = (key: string): string => encodeURIComponent(key);
