// `closeloop serve`: check the whole configuration and say what is there and what is missing, then
// run the connector until SIGINT/SIGTERM, then drain and stop cleanly.
//
// What stops the start: an invalid closeloop.yaml or mappings, a store that cannot be opened, and any
// credential the configuration names but the environment lacks (an enabled source's token, secret,
// community or key; ServiceNow's user or client; a Redfish provider's login; the API key). Each is
// listed at once, with the variable to set; a source that is not wanted is switched off with
// `enabled: false`. What does not stop it: ServiceNow or a telemetry provider not answering yet
// (alarms are kept and delivered later; close checks answer unknown meanwhile): shown as degraded.
import { Command } from 'commander';
import { CliError, loadCliConfig, type CliContext } from './context.js';
import { StartupError, startRuntime } from '../service/runtime.js';
import { consoleOptionsFromRuntime, consoleRouters } from '../console/index.js';
import { readConfigReferences } from '../config/env-vars.js';
import { formatMappingError } from '../mapping/errors.js';
import { loadMappings } from '../mapping/load.js';
import { createLogger } from '../observability/logger.js';
import { observeProvider } from '../observability/metrics.js';
import { runPreflight } from './preflight/run.js';
import { formatStates, formatVerdict } from './preflight/report.js';

/** Readiness as the running connector reports it (listeners that could not start, …; or degraded). */
async function readiness(url: string): Promise<{ ready: boolean; degraded: boolean; reasons: string[] }> {
  try {
    const res = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(5000) });
    const body = (await res.json()) as { status?: unknown; reasons?: unknown };
    const reasons = Array.isArray(body.reasons) ? body.reasons.map(String) : [];
    return { ready: res.ok, degraded: res.ok && body.status === 'degraded', reasons };
  } catch (e) {
    return {
      ready: false,
      degraded: false,
      reasons: [`readiness could not be read: ${(e as Error).message}`],
    };
  }
}

export function serveCommand(ctx: CliContext): Command {
  return new Command('serve')
    .description(
      'check the configuration, then receive alarms, keep ServiceNow incidents true to them, answer closure checks',
    )
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
      const m = loadMappings(config.mappings_dir, { providerNames: Object.keys(config.telemetry.providers) });
      if (!m.ok)
        throw new CliError(
          `mappings in ${config.mappings_dir} are invalid:\n  ${m.errors.map(formatMappingError).join('\n  ')}`,
        );

      const logger = createLogger({ level: config.log_level, secrets: loaded.secrets });
      ctx.stderr(
        `closeloop: checking ${loaded.file ?? 'the built-in defaults (no closeloop.yaml)'} and the mappings in ${config.mappings_dir}\n`,
      );
      const pre = await runPreflight(
        {
          config,
          mappings: m.mappings,
          env: ctx.env,
          mappingsDir: config.mappings_dir,
          references: readConfigReferences(loaded.file),
        },
        { logger },
      );
      ctx.stderr(loaded.redact(formatStates(pre.states)));
      ctx.stderr(loaded.redact(formatVerdict(pre.states)));
      if (pre.missing.length || !pre.store) {
        await pre.store?.close();
        ctx.exitCode = 1;
        return;
      }

      const store = pre.store;
      // From here on a signal means "drain and stop", even before the runtime is up.
      let requestStop = () => {};
      const stopRequested = new Promise<void>((resolve) => (requestStop = resolve));
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        requestStop();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      let rt;
      try {
        rt = await startRuntime({
          config,
          env: ctx.env,
          secrets: loaded.secrets,
          logger,
          store,
          routers: (httpCtx, handles) => consoleRouters(httpCtx, consoleOptionsFromRuntime(handles)),
        });
      } catch (e) {
        stop();
        await store.close();
        if (e instanceof StartupError) throw new CliError(`${e.message}:\n  ${e.details.join('\n  ')}`);
        throw e;
      }
      ctx.stderr(
        `closeloop listening on ${rt.connector.url} (store: ${rt.store.kind}, config: ${loaded.file ?? 'built-in defaults'}); console: ${rt.connector.url}/console\n`,
      );
      // The start checks queried each provider: the running connector's health starts from what they saw.
      for (const st of pre.states)
        if (st.kind === 'provider' && (st.health === 'ok' || st.health === 'degraded'))
          observeProvider(rt.connector.metrics, st.name, st.health === 'ok');
      const r = await readiness(rt.connector.url);
      ctx.stderr(
        !r.ready
          ? `closeloop NOT ready:\n  ${r.reasons.map(loaded.redact).join('\n  ')}\n`
          : r.degraded
            ? `closeloop ready: accepting alarms; degraded:\n  ${r.reasons.map(loaded.redact).join('\n  ')}\n`
            : 'closeloop ready: accepting alarms\n',
      );
      await stopRequested;
      ctx.stderr('closeloop stopping: finishing deliveries in flight…\n');
      await rt.close();
      await store.close();
    });
}
