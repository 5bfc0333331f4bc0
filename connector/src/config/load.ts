// closeloop.yaml → a validated Config: the file (or the built-in defaults when the default file is
// absent), `${NAME}` references filled from the environment, then the documented environment
// overrides, then zod. Errors name the key (and the line, or the variable it came from) and never
// contain a secret value.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { PathSegment } from '../mapping/errors.js';
import { formatPath } from '../mapping/errors.js';
import { locate, parseYaml, type YamlSource } from '../mapping/yaml-source.js';
import { describeIssues } from '../mapping/zod-issues.js';
import { applyEnvOverrides } from './env-overrides.js';
import { hasMalformedReference, interpolate } from './interpolate.js';
import { ConfigSchema, type Config } from './schema.js';
import { collectSecrets, makeRedactor } from './secrets.js';

export const DEFAULT_CONFIG_FILE = 'closeloop.yaml';

export type Env = Readonly<Record<string, string | undefined>>;

export interface LoadConfigOptions {
  /** Explicit file (from --config); must exist. Default: $CLOSELOOP_CONFIG, else ./closeloop.yaml if present. */
  path?: string;
  env: Env;
  /** Base for relative paths (default: process.cwd()). */
  cwd?: string;
}

export type LoadConfigResult =
  | {
      ok: true;
      config: Config;
      /** The file read, or null when no file was found and the built-in defaults apply. */
      file: string | null;
      /** Every secret value in the effective configuration, for the logger's masking. */
      secrets: string[];
      /** Masks those secrets in any text. */
      redact: (text: string) => string;
    }
  | { ok: false; errors: string[] };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Fills `${NAME}` in every string value, in place; reports unset variables by key. */
function interpolateAll(
  value: unknown,
  env: Env,
  path: PathSegment[],
  problems: { path: PathSegment[]; message: string }[],
): unknown {
  if (typeof value === 'string') {
    if (!value.includes('${')) return value;
    const r = interpolate(value, env);
    for (const name of r.missing)
      problems.push({ path, message: `environment variable ${name} is not set (referenced as \${${name}})` });
    if (hasMalformedReference(value))
      problems.push({
        path,
        message: 'malformed ${…} reference (use ${NAME}, ${NAME:-default}, or $${ for a literal)',
      });
    return r.value;
  }
  if (Array.isArray(value)) return value.map((v, i) => interpolateAll(v, env, [...path, i], problems));
  if (isRecord(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const before = problems.length;
      const filled = interpolateAll(v, env, [...path, k], problems);
      // `key: ${NAME:-}` with NAME unset means "not configured": the key is left out, not set to "".
      if (filled === '' && typeof v === 'string' && v !== '' && problems.length === before) continue;
      out[k] = filled;
    }
    return out;
  }
  return value;
}

export function loadConfig(options: LoadConfigOptions): LoadConfigResult {
  const { env } = options;
  const cwd = options.cwd ?? process.cwd();
  const explicit = options.path ?? (env.CLOSELOOP_CONFIG || undefined);
  const file = resolve(cwd, explicit ?? DEFAULT_CONFIG_FILE);
  const shown = explicit ?? DEFAULT_CONFIG_FILE;

  let text: string | null = null;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' || explicit) {
      return {
        ok: false,
        errors: [`${shown}: ${code === 'ENOENT' ? 'file not found' : `cannot read (${code ?? 'error'})`}`],
      };
    }
  }

  let source: YamlSource | null = null;
  let raw: Record<string, unknown> = {};
  if (text !== null) {
    const parsed = parseYaml(shown, text);
    if (parsed.errors.length) {
      // A YAML syntax error can sit on a line holding a secret; only the position and reason are shown.
      // The YAML parser quotes the offending token in some messages; that token may be a secret.
      const safe = (m: string) => m.replace(/:\s*(".*"|'.*')\s*$/s, '').replace(/"[^"]*"|'[^']*'/g, '…');
      return {
        ok: false,
        errors: parsed.errors.map((e) => `${e.file}:${e.line}:${e.col}: ${safe(e.message)}`),
      };
    }
    source = parsed.source;
    const doc = parsed.source.value;
    if (doc !== undefined && doc !== null && !isRecord(doc)) {
      return {
        ok: false,
        errors: [`${shown}: expected a mapping of settings (server, servicenow, telemetry, …)`],
      };
    }
    raw = doc ?? {};
  }

  // Where a problem is: file:line:col and key, or the environment variable. Keys and variable names are
  // never secret; only messages go through the redactor.
  const where = (
    path: PathSegment[],
    origins?: Map<string, string>,
    at: 'key' | 'value' = 'value',
  ): string => {
    const key = formatPath(path);
    const fromEnv = origins?.get(path.join('.'));
    if (fromEnv) return `${fromEnv} (${key})`;
    if (!source) return key;
    const pos = locate(source, path, at);
    return `${shown}:${pos.line}:${pos.col} ${key}`;
  };

  const problems: { path: PathSegment[]; message: string }[] = [];
  const filled = interpolateAll(raw, env, [], problems) as Record<string, unknown>;
  const origins = applyEnvOverrides(filled, env);
  // Secrets are known before validation, so even a rejected value is masked in the messages below.
  const redact = makeRedactor(collectSecrets(filled));
  const errors = problems.map((p) => `${where(p.path)}: ${redact(p.message)}`);

  const result = ConfigSchema.safeParse(filled);
  if (!result.success) {
    const reported = new Set(problems.map((p) => p.path.join('.')));
    for (const d of describeIssues(filled, [], result.error.issues)) {
      if (reported.has(d.path.join('.'))) continue; // already explained by the missing variable
      errors.push(`${where(d.path, origins, d.at)}: ${redact(d.message)}`);
    }
  }
  if (errors.length || !result.success) return { ok: false, errors };

  const config = result.data;
  const secrets = [...new Set(collectSecrets(config))];
  return { ok: true, config, file: text === null ? null : file, secrets, redact: makeRedactor(secrets) };
}
