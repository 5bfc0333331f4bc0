// `closeloop doctor`: can we reach the instance, are we let in, does every field the mappings write
// exist on the incident table, do the configured close codes exist. Each answer is one check with a
// pass/fail and a sentence an admin can act on; printing is the CLI's business.
import type { ServiceNowClient } from './client.js';
import { isServiceNowError } from './errors.js';

export interface DoctorCheck {
  name: string;
  ok: boolean;
  detail: string;
}

export interface DoctorInput {
  /** Incident columns the mappings and the connector write (short_description, cmdb_ci, work_notes, …). */
  fieldsWritten: string[];
  /** Close codes the configuration uses (servicenow.resolve.close_code, per-rule overrides). */
  closeCodes: string[];
}

/** incident extends task: most of its columns (work_notes, assignment_group, …) are task's. */
const PARENT_TABLE = 'task';

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));
const unique = (items: readonly string[]): string[] => [...new Set(items)];

export async function runDoctor(client: ServiceNowClient, input: DoctorInput): Promise<DoctorCheck[]> {
  const { instance_url, incident_table, auth } = client.config;
  const tables = unique([incident_table, PARENT_TABLE]);
  const fields = unique(input.fieldsWritten);
  const codes = unique(input.closeCodes);
  const skipped = (why: string): DoctorCheck[] => [
    ...fields.map((f) => ({
      name: `field ${incident_table}.${f}`,
      ok: false,
      detail: `not checked: ${why}`,
    })),
    ...codes.map((c) => ({ name: `close code "${c}"`, ok: false, detail: `not checked: ${why}` })),
  ];

  const checks: DoctorCheck[] = [];
  try {
    await client.ping();
    checks.push({ name: 'reachability', ok: true, detail: `${instance_url} answered` });
    checks.push({
      name: 'auth',
      ok: true,
      detail: `${auth.type} auth accepted; ${incident_table} is readable`,
    });
  } catch (e) {
    // Any HTTP status means the instance is there; only "no answer" means it is not.
    if (isServiceNowError(e) && e.status !== undefined) {
      checks.push({ name: 'reachability', ok: true, detail: `${instance_url} answered HTTP ${e.status}` });
      checks.push({ name: 'auth', ok: false, detail: e.message });
      return [...checks, ...skipped('authentication failed')];
    }
    if (isServiceNowError(e) && e.kind === 'config') {
      checks.push({ name: 'reachability', ok: false, detail: 'not checked: configuration incomplete' });
      checks.push({ name: 'auth', ok: false, detail: e.message });
      return [...checks, ...skipped('configuration incomplete')];
    }
    checks.push({ name: 'reachability', ok: false, detail: messageOf(e) });
    checks.push({ name: 'auth', ok: false, detail: 'not checked: instance not reachable' });
    return [...checks, ...skipped('instance not reachable')];
  }

  if (fields.length > 0) {
    try {
      const known = new Set(await client.getDictionary(tables));
      for (const f of fields) {
        checks.push(
          known.has(f)
            ? {
                name: `field ${incident_table}.${f}`,
                ok: true,
                detail: `exists (sys_dictionary, ${tables.join('/')})`,
              }
            : {
                name: `field ${incident_table}.${f}`,
                ok: false,
                detail: `no column "${f}" on ${tables.join(' or ')} in sys_dictionary (ServiceNow would silently drop it)`,
              },
        );
      }
    } catch (e) {
      checks.push(
        ...fields.map((f) => ({ name: `field ${incident_table}.${f}`, ok: false, detail: messageOf(e) })),
      );
    }
  }

  if (codes.length > 0) {
    try {
      const known = new Set(await client.getChoices(tables, 'close_code'));
      for (const c of codes) {
        checks.push(
          known.has(c)
            ? { name: `close code "${c}"`, ok: true, detail: 'exists (sys_choice close_code)' }
            : {
                name: `close code "${c}"`,
                ok: false,
                detail: `not an active close_code choice on ${tables.join(' or ')}; known: ${[...known].join(', ') || 'none'}`,
              },
        );
      }
    } catch (e) {
      checks.push(...codes.map((c) => ({ name: `close code "${c}"`, ok: false, detail: messageOf(e) })));
    }
  }
  return checks;
}
