// What the console needs beyond the HTTP context: the runtime's telemetry providers and mapping
// handles, the instance for links, and its own credentials. Everything is optional; a console without
// providers shows no charts, one without `reloadMappings` offers no reload.
import type { MappingError } from '../mapping/errors.js';
import type { Mappings } from '../mapping/compiled.js';
import type { TelemetryProvider } from '../telemetry/types.js';

export type ReloadResult = { ok: true } | { ok: false; errors: MappingError[] };

export interface ConsoleOptions {
  /** Telemetry providers by name, for the "why blocked" charts (the runtime's own map). */
  providers?: Map<string, TelemetryProvider>;
  /** Time limit of one chart evaluation, ms (default 3000, like guard.budget). */
  budgetMs?: number;
  /** ServiceNow base URL, for incident links (`<instance>/nav_to.do?uri=incident.do?sys_id=…`). */
  instanceUrl?: string;
  /** Table incidents live in (default `incident`). */
  incidentTable?: string;
  /** Reload mappings from disk; the old set stays active when the new one is invalid. */
  reloadMappings?: () => ReloadResult | Promise<ReloadResult>;
  /** Validate the mapping files on disk now, without activating them. */
  validateMappings?: () => MappingError[] | Promise<MappingError[]>;
  /** The active mappings (rule list, files, previews of normalised alarms). */
  mappings?: () => Mappings;
  /** Mapping directory, to show error files relative to it. */
  mappingsDir?: string;
  /** Admin credential; default env CLOSELOOP_CONSOLE_ADMIN_KEY, else the API key. */
  adminKey?: string;
  /** Read-only credential; default env CLOSELOOP_CONSOLE_READONLY_KEY (absent = no read-only role). */
  readOnlyKey?: string;
  /** Session signing secret; default env CLOSELOOP_CONSOLE_SESSION_SECRET, else derived from the keys. */
  sessionSecret?: string;
  /** Session lifetime, ms (default 8 h). */
  sessionTtlMs?: number;
  /** Mark the cookie Secure; default: when the request came over HTTPS (req.secure). */
  secureCookie?: boolean;
  /** How often pages poll, ms (default 5000). */
  pollIntervalMs?: number;
  /** Zone for clock times in check messages (default the host's). */
  timeZone?: string;
  /** Where the front-end source is and where its bundle goes (defaults: connector/console-ui, connector/console/dist). */
  bundle?: { uiDir?: string; outDir?: string };
}
