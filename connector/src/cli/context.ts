// What every CLI command gets: where to write, the environment, and a place to put its exit code.
// Commands never call process.exit or touch process.env directly, so tests can run them in-process.
import type { Command } from 'commander';
import { loadConfig, type LoadConfigResult } from '../config/load.js';

export interface CliContext {
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Set by a command's action; `main` returns it (0 when never set). */
  exitCode: number;
}

/** One top-level command (`mappings`, `serve`, `doctor`, …), built from its own file. */
export type CommandBuilder = (ctx: CliContext) => Command;

/** A user-facing failure: printed as `error: <message>` without a stack trace, exit code 1. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** The root `--config` option as seen from any subcommand. */
export function configOption(cmd: Command): string | undefined {
  const v = cmd.optsWithGlobals().config as unknown;
  return typeof v === 'string' ? v : undefined;
}

/** Loads closeloop.yaml for a command (the root --config option, else $CLOSELOOP_CONFIG, else ./closeloop.yaml). */
export function loadCliConfig(ctx: CliContext, cmd: Command): LoadConfigResult {
  return loadConfig({ path: configOption(cmd), env: ctx.env, cwd: ctx.cwd });
}
