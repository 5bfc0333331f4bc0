// Loading mappings for a CLI command: the directory from the argument, else the configuration
// (mappings_dir / CLOSELOOP_MAPPINGS_DIR), with provider names from closeloop.yaml when there is one.
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { formatMappingError } from '../mapping/errors.js';
import { loadMappings, type LoadMappingsResult } from '../mapping/load.js';
import { loadCliConfig, type CliContext } from './context.js';

export interface CliMappings {
  dir: string;
  result: LoadMappingsResult;
  /** Problems with closeloop.yaml itself (already printed). */
  configFailed: boolean;
}

export function loadCliMappings(ctx: CliContext, cmd: Command, dirArg: string | undefined): CliMappings {
  const config = loadCliConfig(ctx, cmd);
  let providerNames: string[] | undefined;
  let dir = dirArg;
  if (!config.ok) {
    for (const e of config.errors) ctx.stderr(`${e}\n`);
    ctx.stderr('note: closeloop.yaml is invalid; close check providers were not checked\n');
  } else {
    if (config.file) providerNames = Object.keys(config.config.telemetry.providers);
    else ctx.stderr('note: no closeloop.yaml found (use --config); close check providers were not checked\n');
    dir ??= config.config.mappings_dir;
  }
  dir ??= 'mappings';
  const result = loadMappings(resolve(ctx.cwd, dir), { providerNames });
  // Errors name files relative to where the command runs, as an admin typed them.
  if (!result.ok) {
    const abs = resolve(ctx.cwd, dir);
    for (const e of result.errors)
      if (e.file.startsWith(abs)) e.file = dir.replace(/\/+$/, '') + e.file.slice(abs.length);
  }
  return { dir, result, configFailed: !config.ok };
}

export function printMappingErrors(ctx: CliContext, m: CliMappings): void {
  if (m.result.ok) return;
  for (const e of m.result.errors) ctx.stderr(`${formatMappingError(e)}\n`);
  const n = m.result.errors.length;
  ctx.stderr(`${n} error${n === 1 ? '' : 's'} in ${m.dir}\n`);
}
