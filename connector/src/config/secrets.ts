// Which configuration values are secrets: they are collected for the logger's masking and removed from
// every error message the loader prints.

const SECRET_KEY = /(password|passwd|secret|token|api_key|apikey|private_key|authorization)$/i;

export type ConfigPath = (string | number)[];

/** Secret values found in a (raw or parsed) configuration object. */
export function collectSecrets(value: unknown, path: ConfigPath = []): string[] {
  const out: string[] = [];
  const last = path[path.length - 1];
  const parent = path[path.length - 2];
  if (typeof value === 'string' || typeof value === 'number') {
    const text = String(value);
    if (typeof last === 'string' && (SECRET_KEY.test(last) || parent === 'headers')) out.push(text);
    if (last === 'database_url' || last === 'url' || last === 'instance_url') out.push(...urlPassword(text));
    return out.filter((s) => s.length > 0);
  }
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...collectSecrets(v, [...path, i])));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) out.push(...collectSecrets(v, [...path, k]));
  }
  return out;
}

/** The password part of `scheme://user:password@host`, raw and percent-decoded. */
function urlPassword(text: string): string[] {
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^:/@]*:([^@/]+)@/i.exec(text);
  if (!m || !m[1]) return [];
  let decoded = m[1];
  try {
    decoded = decodeURIComponent(m[1]);
  } catch {
    // keep the raw form only
  }
  return decoded === m[1] ? [m[1]] : [m[1], decoded];
}

/** Replaces every secret (and its URL-encoded form) with [REDACTED]; longest first so parts stay hidden. */
export function makeRedactor(secrets: readonly string[]): (text: string) => string {
  const all = new Set<string>();
  for (const s of secrets) {
    if (!s) continue;
    all.add(s);
    all.add(encodeURIComponent(s));
    all.add(JSON.stringify(s).slice(1, -1));
  }
  const list = [...all].filter((s) => s.length > 0).sort((a, b) => b.length - a.length);
  return (text: string) => {
    let out = text;
    for (const s of list) out = out.split(s).join('[REDACTED]');
    return out;
  };
}
