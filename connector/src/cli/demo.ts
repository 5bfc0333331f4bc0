// `closeloop demo`: the whole loop on this machine (ServiceNow stand-in running the plugin, a
// scripted site, the connector), narrated in the terminal; see docs/demo.md. The demo's modules are
// loaded only when the command runs, so other commands do not pay for them.
import { existsSync } from 'node:fs';
import { Command } from 'commander';
import { CliError, type CliContext } from './context.js';

/** The demo builds and runs the ServiceNow app from plugin/: only a clone of the repository has it. */
const PLUGIN_SOURCES = new URL('../../../plugin/package.json', import.meta.url);

export function demoCommand(ctx: CliContext): Command {
  return new Command('demo')
    .description(
      'run the whole loop locally and narrate it: alarms → one ServiceNow incident → resolution refused until telemetry is stable (about 30 s; ignores closeloop.yaml)',
    )
    .option('--keep-running', 'leave everything up after the story and print the URLs until Ctrl-C')
    .action(async (opts: { keepRunning?: boolean }) => {
      if (!existsSync(PLUGIN_SOURCES))
        throw new CliError(
          'the demo runs from a clone of the repository (it builds and runs the ServiceNow app in plugin/): git clone, then npm ci && npm run demo',
        );
      let stop: () => void = () => undefined;
      const stopSignal = new Promise<void>((resolve) => (stop = resolve));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      try {
        const { runDemo } = await import('../demo/run.js');
        ctx.exitCode = await runDemo({
          write: ctx.stdout,
          keepRunning: opts.keepRunning === true,
          stopSignal,
        });
      } finally {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
      }
    });
}
