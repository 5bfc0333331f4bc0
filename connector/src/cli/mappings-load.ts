// Loading mappings for a CLI command: the directory from the argument, else the configuration
// (mappings_dir / CLOSELOOP_MAPPINGS_DIR), with provider names from closeloop.yaml when there is one.
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { formatMappingError } from '../mapping/errors.js';
import { loadMappings, type LoadMappingsResult } from '../mapping/load.js';
import { providerKindsOf, type ProviderKind } from '../mapping/query/language.js';
import { loadCliConfig, type CliContext } from './context.js';

export interface CliMappings {
  dir: string;
  result: LoadMappingsResult;
  /** Problems with closeloop.yaml itself (already printed). */
  configFailed: boolean;
}

export function loadCliMappings(ctx: CliContext, cmd: Command, dirArg: string | undefined): CliMappings {
  const config = loadCliConfig(ctx, cmd);
  let providerKinds: Record<string, ProviderKind> | undefined;
  let dir = dirArg;
  if (!config.ok) {
    for (const e of config.errors) ctx.stderr(`${e}\n`);
    ctx.stderr('note: closeloop.yaml is invalid; close check providers were not checked\n');
  } else {
    if (config.file) providerKinds = providerKindsOf(config.config.telemetry.providers);
    else
      ctx.stderr(
        'note: no closeloop.yaml found (use --config); close check providers were not checked and query languages are guessed from the queries\n',
      );
    dir ??= config.config.mappings_dir;
  }
  dir ??= 'mappings';
  const abs = resolve(ctx.cwd, dir);
  const loaded = loadMappings(abs, { providerKinds });
  // Errors name files relative to where the command runs, as the admin typed the directory.
  const shown = (file: string) =>
    file.startsWith(abs) ? dir.replace(/\/+$/, '') + file.slice(abs.length) : file;
  const warnings = loaded.warnings.map((e) => ({ ...e, file: shown(e.file) }));
  const result: LoadMappingsResult = loaded.ok
    ? { ...loaded, warnings }
    : { ok: false, errors: loaded.errors.map((e) => ({ ...e, file: shown(e.file) })), warnings };
  return { dir, result, configFailed: !config.ok };
}

/** Warnings go to stderr as `file:line:col path: warning: message`; they never change the exit code. */
export function printMappingWarnings(ctx: CliContext, m: CliMappings): void {
  for (const w of m.result.warnings)
    ctx.stderr(`${formatMappingError({ ...w, message: `warning: ${w.message}` })}\n`);
}

export function printMappingErrors(ctx: CliContext, m: CliMappings): void {
  printMappingWarnings(ctx, m);
  if (m.result.ok) return;
  for (const e of m.result.errors) ctx.stderr(`${formatMappingError(e)}\n`);
  const n = m.result.errors.length;
  ctx.stderr(`${n} error${n === 1 ? '' : 's'} in ${m.dir}\n`);
}
