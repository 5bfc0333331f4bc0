// The `closeloop` command line. Each top-level command lives in its own file and exports a
// CommandBuilder; registering one is one import and one line in COMMANDS below.
import { Command, CommanderError } from 'commander';
import { CliError, type CliContext, type CommandBuilder } from './context.js';
import { mappingsCommand } from './mappings.js';
import { serveCommand } from './serve.js';
import { doctorCommand } from './doctor.js';
import { demoCommand } from './demo.js';
import { redfishCommand } from './redfish.js';
import { version } from './version.js';
import { configCommand } from './config-env.js';

// ---- Register top-level commands here (one import above, one line below): serve, doctor, demo, redfish…
const COMMANDS: CommandBuilder[] = [
  serveCommand,
  mappingsCommand,
  doctorCommand,
  configCommand,
  redfishCommand,
  demoCommand,
];

export type { CliContext, CommandBuilder } from './context.js';

/** Commander settings (output, exit override) must reach commands added with addCommand too. */
function inherit(cmd: Command, parent: Command): void {
  cmd.copyInheritedSettings(parent);
  for (const sub of cmd.commands) inherit(sub, cmd);
}

export interface MainIo {
  env?: Readonly<Record<string, string | undefined>>;
  cwd?: string;
  stdout?: (text: string) => void;
  stderr?: (text: string) => void;
}

/** Runs the CLI with `argv` (without node and script); resolves to the process exit code. */
export async function main(argv: string[], io: MainIo = {}): Promise<number> {
  const ctx: CliContext = {
    env: io.env ?? process.env,
    cwd: io.cwd ?? process.cwd(),
    stdout: io.stdout ?? ((t) => void process.stdout.write(t)),
    stderr: io.stderr ?? ((t) => void process.stderr.write(t)),
    exitCode: 0,
  };
  const program = new Command('closeloop')
    .description(
      'Turns data-centre OT alarms into ServiceNow incidents and guards their closure with live telemetry.',
    )
    .version(version(), '-V, --version')
    .option('-c, --config <file>', 'configuration file (default: $CLOSELOOP_CONFIG or ./closeloop.yaml)')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: ctx.stdout, writeErr: ctx.stderr });
  for (const build of COMMANDS) {
    const cmd = build(ctx);
    inherit(cmd, program);
    program.addCommand(cmd);
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return ctx.exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version exit 0; usage errors were already printed by commander.
      return e.exitCode;
    }
    if (e instanceof CliError) {
      ctx.stderr(`error: ${e.message}\n`);
      return e.exitCode;
    }
    const err = e as Error;
    ctx.stderr(`error: ${err?.message ?? String(e)}\n`);
    if (ctx.env.CLOSELOOP_DEBUG) ctx.stderr(`${err?.stack ?? ''}\n`);
    return 2;
  }
}
