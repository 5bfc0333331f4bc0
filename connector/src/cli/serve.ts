// `closeloop serve`: run the connector until SIGINT/SIGTERM, then drain and stop cleanly.
import { Command } from 'commander';
import { CliError, loadCliConfig, type CliContext } from './context.js';
import { StartupError, startRuntime } from '../service/runtime.js';
import { consoleOptionsFromRuntime, consoleRouters } from '../console/index.js';

export function serveCommand(ctx: CliContext): Command {
  return new Command('serve')
    .description('receive alarms, keep ServiceNow incidents true to them, answer closure checks')
    .option('-p, --port <port>', 'listen port (overrides server.port and CLOSELOOP_PORT)')
    .action(async (opts: { port?: string }, cmd: Command) => {
      const loaded = loadCliConfig(ctx, cmd);
      if (!loaded.ok) throw new CliError(`configuration is invalid:\n  ${loaded.errors.join('\n  ')}`);
      const config = loaded.config;
      if (opts.port !== undefined) {
        const port = Number(opts.port);
        if (!Number.isInteger(port) || port < 0 || port > 65535)
          throw new CliError(`--port: "${opts.port}" is not a port number`);
        config.server.port = port;
      }
      let rt;
      try {
        rt = await startRuntime({
          config,
          env: ctx.env,
          secrets: loaded.secrets,
          routers: (httpCtx, handles) => consoleRouters(httpCtx, consoleOptionsFromRuntime(handles)),
        });
      } catch (e) {
        if (e instanceof StartupError) throw new CliError(`${e.message}:\n  ${e.details.join('\n  ')}`);
        throw e;
      }
      ctx.stderr(
        `closeloop listening on ${rt.connector.url} (store: ${rt.store.kind}, config: ${loaded.file ?? 'built-in defaults'}); console: ${rt.connector.url}/console\n`,
      );
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          resolve();
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
      ctx.stderr('closeloop stopping: finishing deliveries in flight…\n');
      await rt.close();
    });
}
