// A received trap (see pdu.ts) → normalised alarms. Pure: the listener does the I/O.
import type { Alarm, AlarmState, Severity } from '../../model/alarm.js';
import type { SourceConfig } from '../../mapping/schema.js';
import { checkAlarm } from '../mapped-record.js';
import { show, toNumber } from '../values.js';
import type { DecodeOptions, DecodeResult } from '../types.js';
import {
  APC,
  APC_TRAPS,
  GENERIC_TRAPS,
  IF_INDEX,
  LIEBERT,
  LIEBERT_CONDITIONS,
  LIEBERT_EVENTS,
  UPS,
  UPS_TEST_RESULTS,
  UPS_WELL_KNOWN_ALARMS,
  varbindName,
} from './mibs.js';
import { OID, type Trap, type VarbindValue } from './pdu.js';

export type SnmpSourceConfig = Extract<SourceConfig, { kind: 'snmp' }>;

/** One alarm a trap says something about. */
type Outcome = {
  family: string;
  instance?: string;
  state: AlarmState;
  severity: Severity;
  title: string;
  details?: string[];
  value?: number;
  unit?: string;
};

type Interpretation = { trapName: string; outcomes: Outcome[] } | { error: string };

export function decode(
  sourceName: string,
  config: SnmpSourceConfig,
  trap: Trap,
  opts: DecodeOptions,
): DecodeResult {
  const trapOid = canonicalTrapOid(trap.trapOid);
  const meaning = interpret(trapOid, trap);
  if ('error' in meaning)
    return { alarms: [], positions: [], errors: [{ index: 0, message: meaning.error, raw: trap }] };

  // Addresses come from the datagram (snmpTrapAddress is any string a sender writes): own entries only.
  const agent = (address: string) =>
    Object.hasOwn(config.agents, address) ? config.agents[address] : undefined;
  const equipmentId = agent(trap.agentAddress) ?? agent(trap.senderAddress);
  const who = equipmentId ?? trap.agentAddress;
  const labels: Record<string, string> = {
    agent: trap.agentAddress,
    ...(trap.senderAddress !== trap.agentAddress ? { sender: trap.senderAddress } : {}),
    trap_oid: trapOid,
    trap: meaning.trapName,
    snmp_version: trap.version,
    ...(trap.user ? { snmp_user: trap.user } : {}),
    ...varbindLabels(trap),
  };
  const receivedAt = opts.receivedAt.toISOString();
  const alarms: Alarm[] = [];
  for (const o of meaning.outcomes) {
    const candidate: Alarm = {
      source: sourceName,
      sourceKind: 'snmp',
      id: `${trap.agentAddress}:${o.family}${o.instance !== undefined ? `:${o.instance}` : ''}`,
      state: o.state,
      severity: o.severity,
      type: o.family,
      // Traps carry only the agent's uptime, not a wall-clock time: arrival is the best time we have.
      raisedAt: receivedAt,
      clock: 'received',
      receivedAt,
      asset: equipmentId ? { equipmentId } : {},
      ...(o.value !== undefined ? { value: o.value } : {}),
      ...(o.unit !== undefined ? { unit: o.unit } : {}),
      text: `${who} ${o.title}${o.details?.length ? `: ${o.details.join(', ')}` : ''}`,
      labels,
      raw: trap,
    };
    const checked = checkAlarm(candidate);
    if (!checked.ok)
      return {
        alarms: [],
        positions: [],
        errors: [{ index: 0, message: checked.messages.join('; '), raw: trap }],
      };
    alarms.push(checked.alarm);
  }
  // A trap is one item: every alarm it yields is at position 0.
  return { alarms, positions: alarms.map(() => 0), errors: [] };
}

/** v1 traps of SMIv2 notifications arrive as enterprise.0.specific; UPS-MIB's are upsTraps.N. */
export function canonicalTrapOid(oid: string): string {
  const m = /^1\.3\.6\.1\.2\.1\.33\.2\.0\.(\d+)$/.exec(oid);
  return m ? `${UPS.traps}.${m[1]}` : oid;
}

function interpret(trapOid: string, trap: Trap): Interpretation {
  const get = (oid: string): VarbindValue | undefined => trap.varbinds.find((v) => v.oid === oid)?.value;
  const column = (prefix: string): VarbindValue | undefined =>
    trap.varbinds.find((v) => v.oid.startsWith(`${prefix}.`))?.value;

  // UPS-MIB
  if (trapOid === UPS.onBattery) {
    const minutes = toNumber(get(UPS.estimatedMinutesRemaining));
    const seconds = get(UPS.secondsOnBattery);
    const details = [
      ...(minutes.ok ? [`upsEstimatedMinutesRemaining ${minutes.value}`] : []),
      ...(seconds !== undefined && seconds !== null ? [`upsSecondsOnBattery ${seconds}`] : []),
    ];
    return {
      trapName: 'upsTrapOnBattery',
      outcomes: [
        {
          family: 'upsTrapOnBattery',
          state: 'active',
          severity: 'major',
          title: 'on battery',
          details,
          ...(minutes.ok ? { value: minutes.value, unit: 'min' } : {}),
        },
      ],
    };
  }
  if (trapOid === UPS.testCompleted) {
    const summary = toNumber(get(UPS.testResultsSummary));
    const known = summary.ok ? UPS_TEST_RESULTS[summary.value] : undefined;
    const detail = get(UPS.testResultsDetail);
    const [result, state, severity] = known ?? [
      summary.ok ? `result ${summary.value}` : 'result unknown',
      'active',
      'warning',
    ];
    return {
      trapName: 'upsTrapTestCompleted',
      outcomes: [
        {
          family: 'upsTrapTestCompleted',
          state,
          severity,
          title: `self-test completed: ${result}`,
          ...(typeof detail === 'string' && detail ? { details: [detail] } : {}),
        },
      ],
    };
  }
  if (trapOid === UPS.alarmEntryAdded || trapOid === UPS.alarmEntryRemoved) {
    const added = trapOid === UPS.alarmEntryAdded;
    const trapName = added ? 'upsTrapAlarmEntryAdded' : 'upsTrapAlarmEntryRemoved';
    const descr = column(UPS.alarmDescr);
    if (typeof descr !== 'string' || !/^\d+(\.\d+)+$/.test(descr)) {
      return {
        error: `${trapName} without an upsAlarmDescr OID varbind (${UPS.alarmDescr}.N), got ${show(descr)}`,
      };
    }
    const n = descr.startsWith(`${UPS.wellKnownAlarms}.`)
      ? Number(descr.slice(UPS.wellKnownAlarms.length + 1))
      : NaN;
    const [name, severity] = UPS_WELL_KNOWN_ALARMS[n] ?? [descr, 'warning' as const];
    const state = added ? 'active' : 'cleared';
    const outcomes: Outcome[] = [
      {
        family: name,
        state,
        severity: added ? severity : 'info',
        title: `${name} ${added ? 'raised' : 'cleared'}`,
      },
    ];
    // upsTrapOnBattery is repeated every minute until the UPS is off battery and has no clear of its
    // own: the removal of the on-battery alarm entry ends it.
    if (!added && name === 'upsAlarmOnBattery') {
      outcomes.push({
        family: 'upsTrapOnBattery',
        state: 'cleared',
        severity: 'info',
        title: 'back from battery',
      });
    }
    return { trapName, outcomes };
  }

  // APC PowerNet
  const apc = new RegExp(`^${escape(APC.enterprise)}\\.0\\.(\\d+)$`).exec(trapOid);
  if (apc) {
    const known = APC_TRAPS[Number(apc[1])];
    const args = get(APC.mtrapargsString);
    const details = typeof args === 'string' && args ? [args] : [];
    if (known) return { trapName: known[0], outcomes: [{ ...known[1], details }] };
    return { trapName: `apcTrap${apc[1]}`, outcomes: [unknownOutcome(trapOid, details)] };
  }

  // Liebert GP
  if (trapOid === LIEBERT.conditionEntryAdded || trapOid === LIEBERT.conditionEntryRemoved) {
    const added = trapOid === LIEBERT.conditionEntryAdded;
    const trapName = added ? 'lgpEventConditionEntryAdded' : 'lgpEventConditionEntryRemoved';
    const descr = column(LIEBERT.conditionDescr);
    if (typeof descr !== 'string' || !/^\d+(\.\d+)+$/.test(descr)) {
      return {
        error: `${trapName} without an lgpConditionDescr OID varbind (${LIEBERT.conditionDescr}.N), got ${show(descr)}`,
      };
    }
    const [name, severity] = liebertCondition(descr);
    return {
      trapName,
      outcomes: [
        {
          family: name,
          state: added ? 'active' : 'cleared',
          severity: added ? severity : 'info',
          title: `${name} ${added ? 'raised' : 'cleared'}`,
        },
      ],
    };
  }
  const lgp = new RegExp(`^${escape(LIEBERT.events)}\\.(\\d+)$`).exec(trapOid);
  if (lgp) {
    const known = LIEBERT_EVENTS[Number(lgp[1])];
    if (known) return { trapName: known[0], outcomes: [known[1]] };
  }

  // SNMPv2 generic traps
  const generic = new RegExp(`^${escape(OID.snmpTraps)}\\.(\\d+)$`).exec(trapOid);
  const genericName = generic ? GENERIC_TRAPS[Number(generic[1])] : undefined;
  if (genericName === 'linkDown' || genericName === 'linkUp') {
    const ifIndex = column(IF_INDEX) ?? get(IF_INDEX);
    const down = genericName === 'linkDown';
    return {
      trapName: genericName,
      outcomes: [
        {
          family: 'linkDown',
          ...(ifIndex !== undefined && ifIndex !== null ? { instance: String(ifIndex) } : {}),
          state: down ? 'active' : 'cleared',
          severity: down ? 'minor' : 'info',
          title: `interface ${ifIndex ?? '?'} ${down ? 'down' : 'up'}`,
        },
      ],
    };
  }
  if (genericName) {
    return {
      trapName: genericName,
      outcomes: [{ family: genericName, state: 'active', severity: 'info', title: genericName }],
    };
  }

  return { trapName: trapOid, outcomes: [unknownOutcome(trapOid, [])] };
}

function unknownOutcome(trapOid: string, details: string[]): Outcome {
  return { family: trapOid, state: 'active', severity: 'warning', title: `sent trap ${trapOid}`, details };
}

/** Well-known Liebert condition, or its nearest known ancestor (sub-conditions like …5.1), or the OID. */
function liebertCondition(descr: string): [string, Severity] {
  if (!descr.startsWith(`${LIEBERT.wellKnown}.`)) return [descr, 'warning'];
  const [n, ...rest] = descr.slice(LIEBERT.wellKnown.length + 1).split('.');
  const known = LIEBERT_CONDITIONS[Number(n)];
  if (!known) return [descr, 'warning'];
  return rest.length ? [`${known[0]}.${rest.join('.')}`, known[1]] : known;
}

/** Varbinds as labels: known ones by name, others as `oid_1_3_6…` (dots would break label paths). */
function varbindLabels(trap: Trap): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of trap.varbinds) {
    if (v.value === null) continue;
    const key = varbindName(v.oid) ?? `oid_${v.oid.replace(/\./g, '_')}`;
    out[key] = String(v.value);
  }
  return out;
}

function escape(oid: string): string {
  return oid.replace(/\./g, '\\.');
}
