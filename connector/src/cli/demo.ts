// `closeloop demo`: the whole loop on this machine (ServiceNow stand-in running the plugin, a
// scripted site, the connector), narrated in the terminal; see docs/demo.md. The demo's modules are
// loaded only when the command runs, so other commands do not pay for them.
import { Command } from 'commander';
import type { CliContext } from './context.js';

export function demoCommand(ctx: CliContext): Command {
  return new Command('demo')
    .description(
      'run the whole loop locally and narrate it: alarms → one ServiceNow incident → resolution refused until telemetry is stable (about 30 s; ignores closeloop.yaml)',
    )
    .option('--keep-running', 'leave everything up after the story and print the URLs until Ctrl-C')
    .action(async (opts: { keepRunning?: boolean }) => {
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
