// `closeloop mappings preview <alarm.json> --source NAME`: what the payload would produce.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, Option } from 'commander';
import { formatPreview } from '../mapping/format-preview.js';
import { previewAlarm, previewNormalisedAlarms } from '../mapping/preview.js';
import { CliError, type CliContext } from './context.js';
import { loadCliMappings, printMappingErrors } from './mappings-load.js';

function readJson(ctx: CliContext, file: string): unknown {
  let text: string;
  try {
    text = file === '-' ? readFileSync(0, 'utf8') : readFileSync(resolve(ctx.cwd, file), 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(
      `${file}: ${code === 'ENOENT' ? 'file not found' : `cannot read (${code ?? 'error'})`}`,
    );
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new CliError(`${file}: not valid JSON (${(e as Error).message})`);
  }
}

export function previewCommand(ctx: CliContext): Command {
  return new Command('preview')
    .description(
      'show the rule, incident fields, correlation key and close checks an alarm payload would produce',
    )
    .argument('<alarm.json>', 'payload as the source receives it ("-" reads standard input)')
    .requiredOption('-s, --source <name>', 'source the payload arrives through (a name under `sources`)')
    .option(
      '-d, --dir <dir>',
      'mappings directory (default: mappings_dir from closeloop.yaml, else ./mappings)',
    )
    .option('--json', 'print the preview as JSON (the same as POST /v1/mappings/preview)')
    .option(
      '--normalised',
      'the file holds normalised alarm(s) (as SNMP/MQTT listeners produce), not a wire payload',
    )
    .addOption(new Option('--now <iso-time>', 'receive time to use (default: now)').hideHelp())
    .action(
      (
        file: string,
        opts: { source: string; dir?: string; json?: boolean; normalised?: boolean; now?: string },
        cmd: Command,
      ) => {
        const payload = readJson(ctx, file);
        const now = opts.now ? new Date(opts.now) : new Date();
        if (Number.isNaN(now.getTime())) throw new CliError(`--now: "${opts.now}" is not a time`);
        const m = loadCliMappings(ctx, cmd, opts.dir);
        if (!m.result.ok) {
          printMappingErrors(ctx, m);
          ctx.exitCode = 1;
          return;
        }
        const result = opts.normalised
          ? previewNormalisedAlarms(m.result.mappings, opts.source, payload)
          : previewAlarm(m.result.mappings, opts.source, payload, now);
        ctx.stdout(opts.json ? `${JSON.stringify(result, null, 2)}\n` : formatPreview(result));
        ctx.exitCode = result.ok ? 0 : 1;
      },
    );
}
