// Structured JSON logs. Secrets are removed twice: known header/field paths are redacted by pino, and
// any configured secret value that slips into a message or error text is masked before it is written.
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

export function maskSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s.length >= 4) out = out.split(s).join('[REDACTED]');
  return out;
}

export function createLogger(opts: {
  level: string;
  secrets: readonly string[];
  destination?: pino.DestinationStream;
}): Logger {
  const secrets = opts.secrets.filter((s) => s.length >= 4);
  return pino(
    {
      level: opts.level,
      base: { service: 'closeloop' },
      redact: { paths: REDACT_PATHS, censor: '[REDACTED]' },
      timestamp: pino.stdTimeFunctions.isoTime,
      hooks: {
        streamWrite: secrets.length ? (line) => maskSecrets(line, secrets) : undefined,
      },
    },
    opts.destination,
  );
}
