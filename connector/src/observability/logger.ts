// Structured JSON logs. Secrets are removed twice: known header/field paths are redacted by pino, and
// every line is masked before it is written: each configured secret (whatever its length, raw, JSON- and
// URL-encoded), the value of any credential-like query parameter (`?token=…`) and any `Basic …` /
// `Bearer …` credential. The set of secrets grows after start: the mappings name per-source secrets
// (tokens, HMAC secrets, SNMP communities and keys, MQTT passwords) that only the runtime resolves
// (`addLogSecrets`).
import pino, { type Logger } from 'pino';

export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'req.headers.cookie',
  'headers.authorization',
  'headers["x-api-key"]',
  '*.password',
  '*.client_secret',
  '*.token',
  '*.access_token',
  '*.refresh_token',
];

// Query parameters that carry credentials in URLs people paste into webhooks and tools.
const QUERY_SECRET =
  /([?&](?:token|access_token|refresh_token|id_token|api_key|apikey|key|secret|client_secret|password|passwd|pwd|auth|signature|sig|code)=)[^&#\s"'\\]+/gi;
// Credentials in header form that may appear in text (an echoed request, an HTTP client's error) even
// when the value is not one we know: `Basic <base64 of user:password>` is not the configured password.
const AUTH_SCHEME = /\b(Basic|Bearer|Digest)\s+[A-Za-z0-9+/=._~-]{4,}/g;
const MASK = '[REDACTED]';

export interface SecretMask {
  add(secrets: readonly string[]): void;
  mask(text: string): string;
}

export function createSecretMask(initial: readonly string[] = []): SecretMask {
  const forms = new Set<string>();
  let ordered: string[] = [];
  const add = (secrets: readonly string[]) => {
    for (const s of secrets) {
      if (!s) continue;
      forms.add(s);
      forms.add(encodeURIComponent(s));
      // Lines are JSON: a secret with quotes, backslashes or control characters appears escaped.
      forms.add(JSON.stringify(s).slice(1, -1));
    }
    // Longest first, so a secret that contains another is masked whole.
    ordered = [...forms].filter((f) => f.length > 0).sort((a, b) => b.length - a.length);
  };
  add(initial);
  return {
    add,
    mask(text) {
      let out = text;
      for (const s of ordered) if (out.includes(s)) out = out.split(s).join(MASK);
      return out.replace(QUERY_SECRET, `$1${MASK}`).replace(AUTH_SCHEME, `$1 ${MASK}`);
    },
  };
}

export function maskSecrets(text: string, secrets: readonly string[]): string {
  return createSecretMask(secrets).mask(text);
}

const masks = new WeakMap<Logger, SecretMask>();

/** Adds secrets to what a logger made by `createLogger` masks (no-op for other loggers). */
export function addLogSecrets(logger: Logger, secrets: readonly string[]): void {
  masks.get(logger)?.add(secrets);
}

export function createLogger(opts: {
  level: string;
  secrets: readonly string[];
  destination?: pino.DestinationStream;
}): Logger {
  const mask = createSecretMask(opts.secrets);
  const logger = pino(
    {
      level: opts.level,
      base: { service: 'closeloop' },
      redact: { paths: REDACT_PATHS, censor: MASK },
      timestamp: pino.stdTimeFunctions.isoTime,
      hooks: { streamWrite: (line) => mask.mask(line) },
    },
    opts.destination,
  );
  masks.set(logger, mask);
  return logger;
}
