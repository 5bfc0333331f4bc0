// Keeps credentials out of every error message and log line the client produces. Secrets are the
// configured password/client secret and every token the client obtains at run time, so the set grows.
export interface Redactor {
  /** Remember one more secret (a freshly issued token, say). Empty values are ignored. */
  add(secret: string | undefined): void;
  /** The text with every known secret and any Authorization-style credential replaced. */
  redact(text: string): string;
}

const MASK = '[redacted]';
// Credentials that may appear in text even when we never saw the exact value (e.g. an echoed header).
const AUTH_SCHEME = /\b(Basic|Bearer)\s+[A-Za-z0-9+/=._~-]+/gi;
const FORM_SECRET = /\b(access_token|refresh_token|client_secret|password)=[^&\s"]+/gi;

export function createRedactor(initial: readonly (string | undefined)[] = []): Redactor {
  const secrets = new Set<string>();
  const add = (secret: string | undefined): void => {
    // Even a short secret is masked: an over-eager mask is a cosmetic problem, a leak is not.
    if (secret !== undefined && secret.length > 0) secrets.add(secret);
  };
  initial.forEach(add);
  return {
    add,
    redact(text: string): string {
      let out = text;
      // Longest first, so a secret that contains another is masked whole.
      for (const s of [...secrets].sort((a, b) => b.length - a.length)) out = out.split(s).join(MASK);
      return out.replace(AUTH_SCHEME, `$1 ${MASK}`).replace(FORM_SECRET, `$1=${MASK}`);
    },
  };
}
