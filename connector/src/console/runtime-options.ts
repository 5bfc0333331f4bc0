// ConsoleOptions from the runtime's handles, so `closeloop serve` and the demo mount the console with one
// line: `routers: (ctx, rt) => consoleRouters(ctx, consoleOptionsFromRuntime(rt))`.
import { loadMappings } from '../mapping/load.js';
import { providerKindsOf } from '../mapping/query/language.js';
import type { RuntimeHandles } from '../service/runtime.js';
import type { ConsoleOptions } from './options.js';

export function consoleOptionsFromRuntime(
  rt: RuntimeHandles,
  extra: Partial<ConsoleOptions> = {},
): ConsoleOptions {
  const { config } = rt;
  const providerKinds = providerKindsOf(config.telemetry.providers);
  return {
    providers: rt.providers,
    budgetMs: config.guard.budget,
    instanceUrl: config.servicenow.instance_url,
    incidentTable: config.servicenow.incident_table,
    reloadMappings: () => rt.reloadMappings(),
    validateMappings: () => {
      const r = loadMappings(config.mappings_dir, { providerKinds });
      return r.ok ? [] : r.errors;
    },
    mappings: () => rt.mappings(),
    mappingsDir: config.mappings_dir,
    // Served over HTTPS (through a proxy: the connector itself speaks HTTP) → Secure cookies.
    ...(config.server.public_url?.startsWith('https://') ? { secureCookie: true } : {}),
    ...extra,
  };
}
