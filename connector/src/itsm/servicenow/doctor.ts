// `closeloop doctor`, the ServiceNow half: can we reach the instance, are we let in, does every field
// the mappings write exist, do the configured close codes exist, which fields does the instance make
// mandatory beyond them (dictionary, data policies, UI policies), and is the scoped app installed and
// pointed back at this connector. Checks that depend on one that failed are not run and are reported
// once ("instance not reachable: 15 checks skipped"). Printing is the CLI's business.
import { z } from 'zod';
import type { ServiceNowClient } from './client.js';
import { isServiceNowError } from './errors.js';
import { and, checkField, eq, isIn } from './query.js';

export type CheckStatus = 'pass' | 'warn' | 'fail' | 'skip';

export interface DoctorCheck {
  /** What the check is about: `servicenow`, `fields`, `close codes`, `mandatory fields`, `scoped app`, … */
  group: string;
  name: string;
  status: CheckStatus;
  detail: string;
  /** For a `skip` line: how many checks it stands for. */
  skipped?: number;
}

export interface DoctorInput {
  /** Incident columns the mappings and the connector write on create and update. */
  fieldsWritten: string[];
  /** Columns the connector writes when it resolves an incident (state, close_code, close_notes). */
  resolveFields: string[];
  /** Close codes the configuration uses (servicenow.resolve.close_code, per-rule overrides). */
  closeCodes: string[];
  app: {
    /** The scoped app's scope, x_closeloop. */
    scope: string;
    /** The version this connector was released with; a different installed version is a warning. */
    expectedVersion: string;
    /** server.public_url: where the app should send closure checks; unset = not compared. */
    connectorUrl: string | undefined;
    /** servicenow.correlation_display: the app guards incidents carrying it. */
    correlationDisplay: string;
  };
}

/** incident extends task: most of its columns (work_notes, assignment_group, …) are task's. */
const PARENT_TABLE = 'task';
/** How many checks the scoped-app part runs (installed, version, URL, API key, correlation display). */
const APP_CHECKS = 5;
/** Mandatory-field checks: dictionary, data policies, UI policies. */
const MANDATORY_CHECKS = 3;

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));
const unique = (items: readonly string[]): string[] => [...new Set(items)];
const truthy = (v: unknown) => v === true || v === 'true' || v === '1';
const str = z.union([z.string(), z.number(), z.boolean()]).transform(String).optional();

const MandatoryRow = z.looseObject({ name: str, element: str });
const PolicyRow = z.looseObject({
  sys_id: z.string(),
  short_description: str,
  conditions: str,
  model_table: str,
  table: str,
  apply_soap: str,
});
const PolicyFieldRow = z.looseObject({ sys_data_policy: str, ui_policy: str, field: str, mandatory: str });
const ScopeRow = z.looseObject({ sys_id: z.string(), scope: str, name: str, version: str, active: str });
const PropertyRow = z.looseObject({ name: str, value: str, type: str });

function skipLine(group: string, why: string, n: number): DoctorCheck {
  return {
    group,
    name: 'skipped',
    status: 'skip',
    detail: `${why}: ${n} check${n === 1 ? '' : 's'} skipped`,
    skipped: n,
  };
}

const sameUrl = (a: string, b: string) => a.trim().replace(/\/+$/, '') === b.trim().replace(/\/+$/, '');

export async function runDoctor(client: ServiceNowClient, input: DoctorInput): Promise<DoctorCheck[]> {
  const { instance_url, incident_table, auth } = client.config;
  const tables = unique([incident_table, PARENT_TABLE]);
  const fields = unique(input.fieldsWritten);
  const codes = unique(input.closeCodes);
  const planned = 1 + fields.length + codes.length + MANDATORY_CHECKS + APP_CHECKS;
  const checks: DoctorCheck[] = [];

  try {
    await client.ping();
    checks.push({
      group: 'servicenow',
      name: 'reachability',
      status: 'pass',
      detail: `${instance_url} answered`,
    });
    checks.push({
      group: 'servicenow',
      name: 'auth',
      status: 'pass',
      detail: `${auth.type} auth accepted; ${incident_table} is readable`,
    });
  } catch (e) {
    // Any HTTP status means the instance is there; only "no answer" means it is not.
    if (isServiceNowError(e) && e.status !== undefined) {
      checks.push({
        group: 'servicenow',
        name: 'reachability',
        status: 'pass',
        detail: `${instance_url} answered HTTP ${e.status}`,
      });
      checks.push({ group: 'servicenow', name: 'auth', status: 'fail', detail: e.message });
      return [...checks, skipLine('servicenow', 'authentication failed', planned - 1)];
    }
    if (isServiceNowError(e) && e.kind === 'config') {
      checks.push({ group: 'servicenow', name: 'auth', status: 'fail', detail: e.message });
      return [...checks, skipLine('servicenow', 'configuration incomplete', planned)];
    }
    checks.push({ group: 'servicenow', name: 'reachability', status: 'fail', detail: messageOf(e) });
    return [...checks, skipLine('servicenow', 'instance not reachable', planned)];
  }

  // Fields the connector writes: one read of the dictionary answers all of them.
  let known: Set<string> | null = null;
  if (fields.length > 0) {
    try {
      known = new Set(await client.getDictionary(tables));
      for (const f of fields) {
        checks.push(
          known.has(f)
            ? {
                group: 'fields',
                name: `${incident_table}.${f}`,
                status: 'pass',
                detail: `exists (sys_dictionary, ${tables.join('/')})`,
              }
            : {
                group: 'fields',
                name: `${incident_table}.${f}`,
                status: 'fail',
                detail: `no column "${f}" on ${tables.join(' or ')} in sys_dictionary (ServiceNow would silently drop it)`,
              },
        );
      }
    } catch (e) {
      checks.push({ group: 'fields', name: 'sys_dictionary', status: 'fail', detail: messageOf(e) });
      checks.push(skipLine('fields', 'sys_dictionary not readable', fields.length));
    }
  }

  if (codes.length > 0) {
    try {
      const choices = new Set(await client.getChoices(tables, 'close_code'));
      for (const c of codes) {
        checks.push(
          choices.has(c)
            ? {
                group: 'close codes',
                name: `"${c}"`,
                status: 'pass',
                detail: 'exists (sys_choice close_code)',
              }
            : {
                group: 'close codes',
                name: `"${c}"`,
                status: 'fail',
                detail: `not an active close_code choice on ${tables.join(' or ')}; known: ${[...choices].join(', ') || 'none'}`,
              },
        );
      }
    } catch (e) {
      checks.push({ group: 'close codes', name: 'sys_choice', status: 'fail', detail: messageOf(e) });
      checks.push(skipLine('close codes', 'sys_choice not readable', codes.length));
    }
  }

  checks.push(...(await mandatoryChecks(client, tables, input)));
  checks.push(...(await appChecks(client, input.app)));
  return checks;
}

/** Fields the instance makes mandatory that the connector does not write. */
async function mandatoryChecks(
  client: ServiceNowClient,
  tables: string[],
  input: DoctorInput,
): Promise<DoctorCheck[]> {
  const group = 'mandatory fields';
  const written = new Set([...input.fieldsWritten, ...input.resolveFields]);
  const out: DoctorCheck[] = [];
  const op = 'doctor';

  // Dictionary "mandatory": enforced by forms, not by the Table API; a technician editing an
  // incident the connector opened is asked for it.
  try {
    const rows = z.array(MandatoryRow).parse(
      await client.listRecords('sys_dictionary', {
        query: and(isIn(op, 'name', tables), 'mandatory=true', 'elementISNOTEMPTY'),
        fields: ['name', 'element'],
        limit: 1000,
      }),
    );
    const extra = unique(rows.map((r) => r.element ?? '').filter((f) => f && !written.has(f)));
    out.push(
      extra.length
        ? {
            group,
            name: 'dictionary',
            status: 'warn',
            detail: `mandatory in sys_dictionary and not written by the connector: ${extra.join(', ')} (forms ask for them; the Table API does not enforce them, so incidents are created without them)`,
          }
        : {
            group,
            name: 'dictionary',
            status: 'pass',
            detail: 'no mandatory column beyond what the connector writes',
          },
    );
  } catch (e) {
    out.push({
      group,
      name: 'dictionary',
      status: 'fail',
      detail: `cannot read sys_dictionary: ${messageOf(e)}`,
    });
  }

  // Data policies apply to web-service writes (unless "apply to SOAP/web services" is off): a
  // mandatory field the connector does not write makes its create or resolve fail with 403.
  out.push(
    await policyCheck(client, {
      name: 'data policies',
      policyTable: 'sys_data_policy2',
      tableField: 'model_table',
      fieldTable: 'sys_data_policy_rule',
      parentField: 'sys_data_policy',
      extraFields: ['apply_soap'],
      tables,
      written,
      describe: (p, f) => {
        const webServices = p.apply_soap === undefined || truthy(p.apply_soap);
        return {
          blocking: webServices,
          text: `"${p.short_description ?? p.sys_id}" makes ${f.join(', ')} mandatory ${when(p.conditions)}${webServices ? ': the connector does not write them, so its write is refused (403) when the condition holds' : ' (not applied to web services: the connector is not affected)'}`,
        };
      },
    }),
  );

  // UI policies run in forms only: they bind technicians resolving by hand, never the connector.
  out.push(
    await policyCheck(client, {
      name: 'UI policies',
      policyTable: 'sys_ui_policy',
      tableField: 'table',
      fieldTable: 'sys_ui_policy_action',
      parentField: 'ui_policy',
      extraFields: [],
      tables,
      written,
      describe: (p, f) => ({
        blocking: false,
        text: `"${p.short_description ?? p.sys_id}" makes ${f.join(', ')} mandatory on the form ${when(p.conditions)} (people resolving by hand must fill them; the connector's writes are not affected)`,
      }),
    }),
  );
  return out;
}

const when = (conditions: string | undefined) => (conditions ? `when ${conditions}` : 'always');

async function policyCheck(
  client: ServiceNowClient,
  o: {
    name: string;
    policyTable: string;
    tableField: string;
    fieldTable: string;
    parentField: 'sys_data_policy' | 'ui_policy';
    /** Policy columns read besides name, conditions and table. */
    extraFields: string[];
    tables: string[];
    written: Set<string>;
    describe: (p: z.infer<typeof PolicyRow>, fields: string[]) => { blocking: boolean; text: string };
  },
): Promise<DoctorCheck> {
  const group = 'mandatory fields';
  const op = 'doctor';
  try {
    const policies = z.array(PolicyRow).parse(
      await client.listRecords(o.policyTable, {
        query: and(isIn(op, o.tableField, o.tables), 'active=true'),
        fields: ['sys_id', 'short_description', 'conditions', o.tableField, ...o.extraFields],
        limit: 1000,
      }),
    );
    if (policies.length === 0)
      return {
        group,
        name: o.name,
        status: 'pass',
        detail: `no active ${o.policyTable} on ${o.tables.join('/')}`,
      };
    const rules = z.array(PolicyFieldRow).parse(
      await client.listRecords(o.fieldTable, {
        query: and(
          isIn(
            op,
            o.parentField,
            policies.map((p) => p.sys_id),
          ),
          eq(op, 'mandatory', 'true'),
        ),
        fields: [o.parentField, 'field', 'mandatory'],
        limit: 1000,
      }),
    );
    const findings = policies
      .map((p) => {
        const fields = unique(
          rules
            .filter((r) => r[o.parentField] === p.sys_id)
            .map((r) => r.field ?? '')
            .filter((f) => f && !o.written.has(f)),
        );
        return fields.length ? o.describe(p, fields) : null;
      })
      .filter((f): f is { blocking: boolean; text: string } => f !== null);
    if (findings.length === 0)
      return {
        group,
        name: o.name,
        status: 'pass',
        detail: `${policies.length} active on ${o.tables.join('/')}; none makes a field the connector does not write mandatory`,
      };
    return {
      group,
      name: o.name,
      status: findings.some((f) => f.blocking) ? 'fail' : 'warn',
      detail: findings.map((f) => f.text).join('; '),
    };
  } catch (e) {
    return { group, name: o.name, status: 'fail', detail: `cannot read ${o.policyTable}: ${messageOf(e)}` };
  }
}

/** The scoped app: installed, its version, and its properties pointing back at this connector. */
async function appChecks(client: ServiceNowClient, app: DoctorInput['app']): Promise<DoctorCheck[]> {
  const group = 'scoped app';
  const op = 'doctor';
  let scope: z.infer<typeof ScopeRow> | undefined;
  try {
    scope = z
      .array(ScopeRow)
      .parse(
        await client.listRecords('sys_scope', {
          query: eq(op, 'scope', app.scope),
          fields: ['sys_id', 'scope', 'name', 'version', 'active'],
          limit: 2,
        }),
      )
      .find((r) => r.scope === app.scope);
  } catch (e) {
    return [
      { group, name: 'installed', status: 'fail', detail: `cannot read sys_scope: ${messageOf(e)}` },
      skipLine(group, 'app not checked', APP_CHECKS - 1),
    ];
  }
  if (!scope)
    return [
      {
        group,
        name: 'installed',
        status: 'fail',
        detail: `no application with scope ${app.scope}: install the Closeloop app (docs/plugin.md); without it nothing guards resolution`,
      },
      skipLine(group, 'app not installed', APP_CHECKS - 1),
    ];
  const out: DoctorCheck[] = [
    {
      group,
      name: 'installed',
      status: scope.active === undefined || truthy(scope.active) ? 'pass' : 'fail',
      detail: `${scope.name ?? app.scope} (${app.scope})${scope.active !== undefined && !truthy(scope.active) ? ' is inactive' : ''}`,
    },
    scope.version === app.expectedVersion
      ? { group, name: 'version', status: 'pass', detail: `${scope.version}, as this connector` }
      : {
          group,
          name: 'version',
          status: 'warn',
          detail: `installed ${scope.version || '(none)'}, this connector is ${app.expectedVersion}: install the app from the same release`,
        },
  ];

  let props: Map<string, z.infer<typeof PropertyRow>>;
  try {
    const rows = z.array(PropertyRow).parse(
      await client.listRecords('sys_properties', {
        query: `nameSTARTSWITH${checkField('doctor', app.scope)}.`,
        fields: ['name', 'value', 'type'],
        limit: 200,
      }),
    );
    props = new Map(rows.map((r) => [r.name ?? '', r]));
  } catch (e) {
    return [
      ...out,
      { group, name: 'properties', status: 'fail', detail: `cannot read sys_properties: ${messageOf(e)}` },
      skipLine(group, 'properties not readable', APP_CHECKS - 3),
    ];
  }
  const value = (name: string) => props.get(`${app.scope}.${name}`)?.value ?? '';
  const url = value('connector.url');
  out.push(
    !url
      ? {
          group,
          name: 'connector.url',
          status: 'fail',
          detail: `${app.scope}.connector.url is empty: the app cannot ask this connector for verdicts`,
        }
      : app.connectorUrl === undefined
        ? {
            group,
            name: 'connector.url',
            status: 'warn',
            detail: `${url} (server.public_url is not set here, so it cannot be compared)`,
          }
        : sameUrl(url, app.connectorUrl)
          ? {
              group,
              name: 'connector.url',
              status: 'pass',
              detail: `${url}, this connector's server.public_url`,
            }
          : {
              group,
              name: 'connector.url',
              status: 'fail',
              detail: `${url}, but this connector's server.public_url is ${app.connectorUrl}: closure checks go elsewhere`,
            },
  );
  // password2 values come back encrypted; only "set or not" can be checked from here.
  out.push(
    value('connector.api_key')
      ? {
          group,
          name: 'connector.api_key',
          status: 'pass',
          detail: "set (its value is not readable; a wrong key shows as 401 in the app's audit)",
        }
      : {
          group,
          name: 'connector.api_key',
          status: 'fail',
          detail: `${app.scope}.connector.api_key is empty: set it to CLOSELOOP_API_KEY`,
        },
  );
  const display = value('guard.correlation_display');
  out.push(
    display === app.correlationDisplay
      ? {
          group,
          name: 'guard.correlation_display',
          status: 'pass',
          detail: `"${display}", as the connector writes`,
        }
      : {
          group,
          name: 'guard.correlation_display',
          status: 'fail',
          detail: `"${display}", but the connector writes correlation_display "${app.correlationDisplay}": its incidents would not be guarded`,
        },
  );
  return out;
}
