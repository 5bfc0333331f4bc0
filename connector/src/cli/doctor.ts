// `closeloop doctor`: is the instance reachable, are we let in, do the fields the mappings write and
// the configured close codes exist there. Prints one pass/fail line per check.
import { Command } from 'commander';
import { CliError, loadCliConfig, type CliContext } from './context.js';
import { loadMappings } from '../mapping/load.js';
import { providerKindsOf } from '../mapping/query/language.js';
import { formatMappingError } from '../mapping/errors.js';
import type { Mappings } from '../mapping/compiled.js';
import { createServiceNowClient } from '../itsm/servicenow/client.js';
import { runDoctor } from '../itsm/servicenow/doctor.js';

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

export function doctorCommand(ctx: CliContext): Command {
  return new Command('doctor')
    .description('check ServiceNow reachability, auth, mapped incident fields and close codes')
    .action(async (_opts: unknown, cmd: Command) => {
      const loaded = loadCliConfig(ctx, cmd);
      if (!loaded.ok) throw new CliError(`configuration is invalid:\n  ${loaded.errors.join('\n  ')}`);
      const config = loaded.config;
      const m = loadMappings(config.mappings_dir, {
        providerKinds: providerKindsOf(config.telemetry.providers),
      });
      if (!m.ok)
        throw new CliError(`mappings are invalid:\n  ${m.errors.map(formatMappingError).join('\n  ')}`);
      if (!config.servicenow.instance_url)
        throw new CliError('servicenow.instance_url is not set (or SERVICENOW_INSTANCE_URL)');
      const client = createServiceNowClient({ config: config.servicenow });
      const checks = await runDoctor(client, {
        fieldsWritten: fieldsWritten(m.mappings),
        closeCodes: [config.servicenow.resolve.close_code],
      });
      for (const c of checks)
        ctx.stdout(`${c.ok ? 'PASS' : 'FAIL'}  ${c.name}: ${loaded.redact(c.detail)}\n`);
      const failed = checks.filter((c) => !c.ok).length;
      ctx.stdout(
        failed ? `\n${failed} of ${checks.length} checks failed\n` : `\nall ${checks.length} checks passed\n`,
      );
      ctx.exitCode = failed ? 1 : 0;
    });
}
