// Is this record guarded, and by which record's telemetry? A record is guarded by its own
// correlation (correlation_display, or the class of its CI) or through a reference to a guarded
// record (a work order through the incident it was initiated from). Both the stored and the new
// values count: clearing correlation_display in the same update that resolves must not switch the
// guard off.
import type {
  GuardEnvironment,
  GuardSettings,
  GuardSubject,
  GuardedTable,
  RecordSnapshot,
  RecordUpdate,
} from './types.ts';
import { parseGuardedTable } from './guarded-tables.ts';

/** A work order's task → order → incident is two hops; more is a configuration loop. */
export const MAX_VIA_DEPTH = 3;

export type CiClassLookup = (ciSysId: string) => string;

/** Why the record's own fields make it guarded, or null. The CI class is looked up only if needed. */
export function ownGuardReason(
  settings: GuardSettings,
  record: RecordSnapshot,
  ciClassOf: CiClassLookup,
): string | null {
  const display = settings.guardedCorrelationDisplay;
  if (display && record.correlationDisplay.trim().toLowerCase() === display.toLowerCase()) {
    return `correlation_display is ${display}`;
  }
  if (settings.guardedCiClasses.length > 0 && record.cmdbCi !== '') {
    const ciClass = ciClassOf(record.cmdbCi).toLowerCase();
    if (ciClass && settings.guardedCiClasses.includes(ciClass)) return `CI class ${ciClass} is guarded`;
  }
  return null;
}

/**
 * The subject of the closure check for an update of a guarded table, or null when the record is
 * not guarded. Problems met on the way (a lookup that failed) go to `warnings`.
 */
export function resolveSubject(
  env: Pick<GuardEnvironment, 'lookupCiClass' | 'loadRecord' | 'guardedTable'>,
  settings: GuardSettings,
  table: GuardedTable,
  update: RecordUpdate,
  warnings: string[],
): GuardSubject | null {
  const ciClassOf = safeCiLookup(env, warnings);
  const own = (record: RecordSnapshot): GuardSubject | null => {
    const reason = ownGuardReason(settings, record, ciClassOf);
    return reason === null ? null : subjectOf(record, reason);
  };
  if (table.ownCorrelation) {
    // The stored values first: they are what the record was guarded by.
    const guarded = (update.previous ? own(update.previous) : null) ?? own(update.current);
    if (guarded) return guarded;
  }
  if (!table.viaField) return null;
  const targets: string[] = [];
  for (const value of [update.previous ? update.previous.via : '', update.current.via]) {
    if (value && !targets.includes(value)) targets.push(value);
  }
  for (const target of targets) {
    const found = followVia(env, settings, target, ciClassOf, warnings, 1, [update.current.sysId]);
    if (found) {
      const record = update.current;
      return { ...found, reason: `${record.table} ${record.number || record.sysId} via ${table.viaField}: ${found.reason}` };
    }
  }
  return null;
}

function followVia(
  env: Pick<GuardEnvironment, 'loadRecord' | 'guardedTable'>,
  settings: GuardSettings,
  sysId: string,
  ciClassOf: CiClassLookup,
  warnings: string[],
  depth: number,
  seen: string[],
): GuardSubject | null {
  if (depth > MAX_VIA_DEPTH || seen.includes(sysId)) return null;
  let record: RecordSnapshot | null = null;
  try {
    record = env.loadRecord(sysId);
  } catch (error) {
    warnings.push(`could not read the referenced record ${sysId}: ${errorText(error)}`);
    return null;
  }
  if (!record) return null;
  const reason = ownGuardReason(settings, record, ciClassOf);
  if (reason !== null) return subjectOf(record, `${record.table} ${record.number || record.sysId} ${reason}`);
  // The referenced record may itself be guarded through a reference of its own table.
  let config: GuardedTable | null = null;
  try {
    const lookup = env.guardedTable(record.table);
    if (lookup.kind === 'found') {
      const parsed = parseGuardedTable(lookup.row);
      if (parsed.ok) config = parsed.table;
    }
  } catch (error) {
    warnings.push(`could not read the guarded-table configuration of ${record.table}: ${errorText(error)}`);
  }
  if (!config || !config.viaField || !record.via) return null;
  const found = followVia(env, settings, record.via, ciClassOf, warnings, depth + 1, [...seen, sysId]);
  return found ? { ...found, reason: `${record.table} ${record.number || record.sysId} → ${found.reason}` } : null;
}

function subjectOf(record: RecordSnapshot, reason: string): GuardSubject {
  return {
    table: record.table,
    sysId: record.sysId,
    number: record.number,
    correlationId: record.correlationId.trim(),
    cmdbCi: record.cmdbCi,
    reason,
  };
}

function safeCiLookup(env: Pick<GuardEnvironment, 'lookupCiClass'>, warnings: string[]): CiClassLookup {
  const cache: Record<string, string> = {};
  return (ciSysId) => {
    if (ciSysId in cache) return cache[ciSysId] ?? '';
    let value = '';
    try {
      value = env.lookupCiClass(ciSysId);
    } catch (error) {
      warnings.push(`could not read the class of CI ${ciSysId}: ${errorText(error)}`);
    }
    cache[ciSysId] = value;
    return value;
  };
}

function errorText(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
