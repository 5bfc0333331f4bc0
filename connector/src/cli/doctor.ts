// `closeloop doctor`: everything the connector depends on, checked from where it runs. Source
// credentials and the API key (from the environment), the store (opened), each telemetry provider
// (reachable, one sample query per thing its close checks read), and ServiceNow (reachable, auth, the
// fields the mappings write, close codes, mandatory fields beyond them, the scoped app and its
// properties). Checks that depend on one that failed are reported once as skipped. Exit 1 when any
// check fails; `--json` for automation.
import { Command } from 'commander';
import { CliError, loadCliConfig, type CliContext } from './context.js';
import { readConfigReferences } from '../config/env-vars.js';
import { loadMappings } from '../mapping/load.js';
import { providerKindsOf } from '../mapping/query/language.js';
import { formatMappingError } from '../mapping/errors.js';
import type { Mappings } from '../mapping/compiled.js';
import type { DependencyState } from '../model/dependency.js';
import { createLogger } from '../observability/logger.js';
import { createServiceNowClient } from '../itsm/servicenow/client.js';
import { runDoctor, type CheckStatus, type DoctorCheck } from '../itsm/servicenow/doctor.js';
import { evaluateConfiguration } from './preflight/evaluate.js';
import { openStoreProbed } from './preflight/probes.js';
import { telemetryChecks } from './doctor-telemetry.js';
import { version } from './version.js';

/** Fields the connector itself writes, whatever the mappings say. */
const CONNECTOR_FIELDS = [
  'correlation_id',
  'correlation_display',
  'impact',
  'urgency',
  'work_notes',
  'state',
  'close_code',
  'close_notes',
];
/** What a resolution by the connector writes. */
const RESOLVE_FIELDS = ['state', 'close_code', 'close_notes', 'work_notes'];
const APP_SCOPE = 'x_closeloop';

export function fieldsWritten(m: Mappings): string[] {
  const fields = new Set(CONNECTOR_FIELDS);
  for (const rule of [...m.rules, ...(m.defaultRule ? [m.defaultRule] : [])]) {
    const inc = rule.spec.incident;
    fields.add('short_description');
    if (inc.description !== undefined) fields.add('description');
    if (inc.category !== undefined) fields.add('category');
    if (inc.subcategory !== undefined) fields.add('subcategory');
    if (inc.assignment_group !== undefined) fields.add('assignment_group');
    if (inc.cmdb_ci !== undefined) fields.add('cmdb_ci');
    for (const f of Object.keys(inc.fields)) fields.add(f);
  }
  return [...fields];
}

const LABEL: Record<CheckStatus, string> = { pass: 'PASS', warn: 'WARN', fail: 'FAIL', skip: 'SKIP' };
const STATUS_OF = { ok: 'pass', disabled: 'skip', degraded: 'warn', missing: 'fail' } as const;

/** Source credentials and the API key as doctor checks (one per source). */
function configurationChecks(states: DependencyState[]): DoctorCheck[] {
  return states
    .filter((s) => s.kind === 'source' || s.kind === 'config')
    .map((s) => ({
      group: s.kind === 'source' ? 'sources' : 'configuration',
      name: s.name,
      status: STATUS_OF[s.health],
      detail: s.problems.length ? `${s.detail}: ${s.problems.join('; ')}` : s.detail,
      ...(s.health === 'disabled' ? { skipped: 0 } : {}),
    }));
}

export interface DoctorSummary {
  pass: number;
  warn: number;
  fail: number;
  /** Checks not run because one they depend on failed (or they name alarm values). */
  skipped: number;
}

export function summarise(checks: readonly DoctorCheck[]): DoctorSummary {
  const count = (s: CheckStatus) => checks.filter((c) => c.status === s).length;
  return {
    pass: count('pass'),
    warn: count('warn'),
    fail: count('fail'),
    skipped: checks.filter((c) => c.status === 'skip').reduce((n, c) => n + (c.skipped ?? 1), 0),
  };
}

export function doctorCommand(ctx: CliContext): Command {
  return new Command('doctor')
    .description(
      'check everything the connector depends on: source credentials, store, telemetry providers, ServiceNow (reachability, auth, fields, close codes, mandatory fields, the scoped app)',
    )
    .option('--json', 'print the checks as JSON (exit code as without it)')
    .option('--timeout <seconds>', 'longest one network check may take', '5')
    .action(async (opts: { json?: boolean; timeout: string }, cmd: Command) => {
      const loaded = loadCliConfig(ctx, cmd);
      if (!loaded.ok) throw new CliError(`configuration is invalid:\n  ${loaded.errors.join('\n  ')}`);
      const config = loaded.config;
      const m = loadMappings(config.mappings_dir, {
        providerKinds: providerKindsOf(config.telemetry.providers),
      });
      if (!m.ok)
        throw new CliError(`mappings are invalid:\n  ${m.errors.map(formatMappingError).join('\n  ')}`);
      const timeoutMs = Math.max(100, Number(opts.timeout) * 1000 || 5000);
      // Details of failures go to the log at debug; the terminal gets the sentences.
      const logger = createLogger({
        level: config.log_level === 'debug' || config.log_level === 'trace' ? config.log_level : 'silent',
        secrets: loaded.secrets,
      });
      const states = evaluateConfiguration({
        config,
        mappings: m.mappings,
        env: ctx.env,
        mappingsDir: config.mappings_dir,
        references: readConfigReferences(loaded.file),
      });

      const storeCheck = async (): Promise<DoctorCheck[]> => {
        const storeState = states.find((s) => s.kind === 'store');
        if (storeState && storeState.health !== 'ok')
          return [{ group: 'store', name: 'store', status: 'fail', detail: storeState.problems.join('; ') }];
        const probe = await openStoreProbed(config, logger, { retries: 0 });
        await probe.store?.close();
        return [
          {
            group: 'store',
            name: 'store',
            status: probe.state.health === 'ok' ? 'pass' : 'fail',
            detail: probe.state.problems.length ? probe.state.problems.join('; ') : probe.state.detail,
          },
        ];
      };

      const serviceNowChecks = async (): Promise<DoctorCheck[]> => {
        const sn = states.find((s) => s.kind === 'servicenow');
        if (!config.servicenow.instance_url)
          return [
            {
              group: 'servicenow',
              name: 'instance',
              status: 'fail',
              detail: 'servicenow.instance_url is not set (SERVICENOW_INSTANCE_URL)',
            },
          ];
        if (sn && sn.health === 'missing')
          return [
            { group: 'servicenow', name: 'credentials', status: 'fail', detail: sn.problems.join('; ') },
            {
              group: 'servicenow',
              name: 'skipped',
              status: 'skip',
              detail: 'credentials missing: ServiceNow checks skipped',
              skipped: 1,
            },
          ];
        const client = createServiceNowClient({
          config: { ...config.servicenow, timeout: Math.min(config.servicenow.timeout, timeoutMs) },
        });
        return runDoctor(client, {
          fieldsWritten: fieldsWritten(m.mappings),
          resolveFields: RESOLVE_FIELDS,
          closeCodes: [config.servicenow.resolve.close_code],
          app: {
            scope: APP_SCOPE,
            expectedVersion: version(),
            connectorUrl: config.server.public_url,
            correlationDisplay: config.servicenow.correlation_display,
          },
        });
      };

      const [store, telemetry, servicenow] = await Promise.all([
        storeCheck(),
        telemetryChecks(config, m.mappings, timeoutMs),
        serviceNowChecks(),
      ]);
      const checks = [...configurationChecks(states), ...store, ...telemetry, ...servicenow];
      const summary = summarise(checks);
      ctx.exitCode = summary.fail ? 1 : 0;
      if (opts.json) {
        ctx.stdout(
          `${loaded.redact(JSON.stringify({ ok: summary.fail === 0, summary, checks, dependencies: states }, null, 2))}\n`,
        );
        return;
      }
      let group = '';
      for (const c of checks) {
        if (c.group !== group) {
          group = c.group;
          ctx.stdout(`${group}\n`);
        }
        const label = c.status === 'skip' && c.skipped === 0 ? 'OFF ' : LABEL[c.status];
        ctx.stdout(`  ${label}  ${c.name === 'skipped' ? '' : `${c.name}: `}${loaded.redact(c.detail)}\n`);
      }
      const total = summary.pass + summary.warn + summary.fail;
      ctx.stdout(
        `\n${summary.fail ? `${summary.fail} of ${total} checks failed` : `all ${total} checks passed`}` +
          `${summary.warn ? `, ${summary.warn} warning${summary.warn === 1 ? '' : 's'}` : ''}` +
          `${summary.skipped ? `, ${summary.skipped} skipped` : ''}\n`,
      );
    });
}
