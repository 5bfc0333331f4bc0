// What the listener knows about trap OIDs, from the MIBs: UPS-MIB (RFC 1628), APC PowerNet-MIB
// (enterprise 318), Liebert GP notifications/conditions (enterprise 476) and the SNMPv2 generic traps.
// Each known notification raises or clears a "family": one condition on one agent, so the clear
// ends the alarm its raise created.
import type { Severity } from '../../model/alarm.js';

export type TrapRole = { family: string; state: 'active' | 'cleared'; severity: Severity; title: string };

// ---------- UPS-MIB (RFC 1628) ----------
export const UPS = {
  traps: '1.3.6.1.2.1.33.2',
  onBattery: '1.3.6.1.2.1.33.2.1',
  testCompleted: '1.3.6.1.2.1.33.2.2',
  alarmEntryAdded: '1.3.6.1.2.1.33.2.3',
  alarmEntryRemoved: '1.3.6.1.2.1.33.2.4',
  secondsOnBattery: '1.3.6.1.2.1.33.1.2.2.0',
  estimatedMinutesRemaining: '1.3.6.1.2.1.33.1.2.3.0',
  configLowBattTime: '1.3.6.1.2.1.33.1.9.7.0',
  alarmId: '1.3.6.1.2.1.33.1.6.2.1.1',
  alarmDescr: '1.3.6.1.2.1.33.1.6.2.1.2',
  wellKnownAlarms: '1.3.6.1.2.1.33.1.6.3',
  testId: '1.3.6.1.2.1.33.1.7.1.0',
  testResultsSummary: '1.3.6.1.2.1.33.1.7.3.0',
  testResultsDetail: '1.3.6.1.2.1.33.1.7.4.0',
} as const;

/** upsWellKnownAlarms (1.3.6.1.2.1.33.1.6.3.N): name and how bad it is for a data centre. */
export const UPS_WELL_KNOWN_ALARMS: Record<number, [string, Severity]> = {
  1: ['upsAlarmBatteryBad', 'major'],
  2: ['upsAlarmOnBattery', 'major'],
  3: ['upsAlarmLowBattery', 'critical'],
  4: ['upsAlarmDepletedBattery', 'critical'],
  5: ['upsAlarmTempBad', 'major'],
  6: ['upsAlarmInputBad', 'major'],
  7: ['upsAlarmOutputBad', 'critical'],
  8: ['upsAlarmOutputOverload', 'major'],
  9: ['upsAlarmOnBypass', 'major'],
  10: ['upsAlarmBypassBad', 'major'],
  11: ['upsAlarmOutputOffAsRequested', 'warning'],
  12: ['upsAlarmUpsOffAsRequested', 'warning'],
  13: ['upsAlarmChargerFailed', 'major'],
  14: ['upsAlarmUpsOutputOff', 'critical'],
  15: ['upsAlarmUpsSystemOff', 'critical'],
  16: ['upsAlarmFanFailure', 'major'],
  17: ['upsAlarmFuseFailure', 'major'],
  18: ['upsAlarmGeneralFault', 'major'],
  19: ['upsAlarmDiagnosticTestFailed', 'minor'],
  20: ['upsAlarmCommunicationsLost', 'minor'],
  21: ['upsAlarmAwaitingPower', 'warning'],
  22: ['upsAlarmShutdownPending', 'critical'],
  23: ['upsAlarmShutdownImminent', 'critical'],
  24: ['upsAlarmTestInProgress', 'info'],
};

/** upsTestResultsSummary → state/severity of the self-test family. */
export const UPS_TEST_RESULTS: Record<number, [string, 'active' | 'cleared', Severity]> = {
  1: ['donePass', 'cleared', 'info'],
  2: ['doneWarning', 'active', 'warning'],
  3: ['doneError', 'active', 'major'],
  4: ['aborted', 'active', 'info'],
  5: ['inProgress', 'active', 'info'],
  6: ['noTestsInitiated', 'active', 'info'],
};

// ---------- APC PowerNet-MIB (TRAP-TYPE, ENTERPRISE apc = 1.3.6.1.4.1.318) ----------
export const APC = { enterprise: '1.3.6.1.4.1.318', mtrapargsString: '1.3.6.1.4.1.318.2.3.3.0' } as const;

/** Specific trap number → role. Names and numbers as in PowerNet-MIB. */
export const APC_TRAPS: Record<number, [string, TrapRole]> = {
  1: [
    'communicationLost',
    {
      family: 'apcCommunicationLost',
      state: 'active',
      severity: 'minor',
      title: 'lost communication with the UPS',
    },
  ],
  2: [
    'upsOverload',
    { family: 'apcUpsOverload', state: 'active', severity: 'major', title: 'UPS output overload' },
  ],
  3: [
    'upsDiagnosticsFailed',
    { family: 'apcUpsDiagnostics', state: 'active', severity: 'minor', title: 'UPS self-test failed' },
  ],
  4: [
    'upsDischarged',
    { family: 'apcUpsDischarged', state: 'active', severity: 'major', title: 'UPS batteries discharged' },
  ],
  5: ['upsOnBattery', { family: 'apcUpsOnBattery', state: 'active', severity: 'major', title: 'on battery' }],
  7: [
    'lowBattery',
    { family: 'apcLowBattery', state: 'active', severity: 'critical', title: 'batteries low' },
  ],
  8: [
    'communicationEstablished',
    {
      family: 'apcCommunicationLost',
      state: 'cleared',
      severity: 'info',
      title: 'communication with the UPS established',
    },
  ],
  9: [
    'powerRestored',
    { family: 'apcUpsOnBattery', state: 'cleared', severity: 'info', title: 'utility power restored' },
  ],
  10: [
    'upsDiagnosticsPassed',
    { family: 'apcUpsDiagnostics', state: 'cleared', severity: 'info', title: 'UPS self-test passed' },
  ],
  11: [
    'returnFromLowBattery',
    { family: 'apcLowBattery', state: 'cleared', severity: 'info', title: 'returned from low battery' },
  ],
  12: [
    'upsTurnedOff',
    { family: 'apcUpsTurnedOff', state: 'active', severity: 'critical', title: 'UPS turned off' },
  ],
  17: [
    'upsBatteryNeedsReplacement',
    {
      family: 'apcBatteryNeedsReplacement',
      state: 'active',
      severity: 'minor',
      title: 'battery needs replacement',
    },
  ],
};

// ---------- Liebert GP (LIEBERT-GP-NOTIFICATIONS-MIB / -CONDITIONS-MIB) ----------
export const LIEBERT = {
  enterprise: '1.3.6.1.4.1.476',
  events: '1.3.6.1.4.1.476.1.42.3.3.0',
  conditionEntryAdded: '1.3.6.1.4.1.476.1.42.3.3.0.1',
  conditionEntryRemoved: '1.3.6.1.4.1.476.1.42.3.3.0.2',
  conditionId: '1.3.6.1.4.1.476.1.42.3.2.3.1.1',
  conditionDescr: '1.3.6.1.4.1.476.1.42.3.2.3.1.2',
  conditionTime: '1.3.6.1.4.1.476.1.42.3.2.3.1.3',
  wellKnown: '1.3.6.1.4.1.476.1.42.3.2.1',
} as const;

/** lgpConditionsWellKnown (…476.1.42.3.2.1.N) seen on UPS and cooling units; others keep their OID. */
export const LIEBERT_CONDITIONS: Record<number, [string, Severity]> = {
  1: ['lgpConditionHighTemperature', 'major'],
  2: ['lgpConditionLowTemperature', 'minor'],
  3: ['lgpConditionHighHumidity', 'minor'],
  4: ['lgpConditionLowHumidity', 'minor'],
  5: ['lgpConditionLossOfAirflow', 'critical'],
  14: ['lgpConditionWaterUnderFloor', 'critical'],
  17: ['lgpConditionSmokeDetected', 'critical'],
  18: ['lgpConditionLowWaterFlow', 'major'],
  19: ['lgpConditionLostPower', 'critical'],
  33: ['lgpConditionOnBypass', 'major'],
  43: ['lgpConditionFanFailure', 'major'],
  59: ['lgpConditionOverTemperature', 'major'],
  70: ['lgpConditionUtilityFailure', 'major'],
  72: ['lgpConditionLoadOnBattery', 'major'],
  74: ['lgpConditionReplaceBattery', 'minor'],
  75: ['lgpConditionUpsShutdownPending', 'critical'],
  76: ['lgpConditionBatteryChargerFailed', 'major'],
  117: ['lgpConditionLowBatteryWarning', 'critical'],
  131: ['lgpConditionChilledWaterLowWaterFlow', 'major'],
};

/** lgpEventNotifications (…476.1.42.3.3.0.N) other than the condition entry added/removed pair. */
export const LIEBERT_EVENTS: Record<number, [string, TrapRole]> = {
  3: [
    'lgpEventLowBatteryWarning',
    {
      family: 'lgpEventLowBatteryWarning',
      state: 'active',
      severity: 'critical',
      title: 'low battery warning',
    },
  ],
  4: [
    'lgpEventLoadTransferedToBypass',
    {
      family: 'lgpEventLoadTransferedToBypass',
      state: 'active',
      severity: 'major',
      title: 'load transferred to bypass',
    },
  ],
  5: [
    'lgpEventInternalFault',
    { family: 'lgpEventInternalFault', state: 'active', severity: 'major', title: 'internal fault' },
  ],
  6: [
    'lgpEventBatteryTestFailed',
    { family: 'lgpEventBatteryTestFailed', state: 'active', severity: 'minor', title: 'battery test failed' },
  ],
  7: [
    'lgpEventOutputOverload',
    { family: 'lgpEventOutputOverload', state: 'active', severity: 'major', title: 'output overload' },
  ],
  8: [
    'lgpEventEstablishedPowerRedundancy',
    {
      family: 'lgpEventLostPowerRedundancy',
      state: 'cleared',
      severity: 'info',
      title: 'power redundancy established',
    },
  ],
  9: [
    'lgpEventLostPowerRedundancy',
    {
      family: 'lgpEventLostPowerRedundancy',
      state: 'active',
      severity: 'major',
      title: 'power redundancy lost',
    },
  ],
  10: [
    'lgpEventPowerModuleFailure',
    {
      family: 'lgpEventPowerModuleFailure',
      state: 'active',
      severity: 'major',
      title: 'power module failure',
    },
  ],
  11: [
    'lgpEventBatteryModuleFailure',
    {
      family: 'lgpEventBatteryModuleFailure',
      state: 'active',
      severity: 'major',
      title: 'battery module failure',
    },
  ],
  12: [
    'lgpEventControlModuleFailure',
    {
      family: 'lgpEventControlModuleFailure',
      state: 'active',
      severity: 'major',
      title: 'control module failure',
    },
  ],
  13: [
    'lgpEventPowerModuleWarning',
    {
      family: 'lgpEventPowerModuleWarning',
      state: 'active',
      severity: 'warning',
      title: 'power module warning',
    },
  ],
  14: [
    'lgpEventBatteryModuleWarning',
    {
      family: 'lgpEventBatteryModuleWarning',
      state: 'active',
      severity: 'warning',
      title: 'battery module warning',
    },
  ],
  15: [
    'lgpEventControlModuleWarning',
    {
      family: 'lgpEventControlModuleWarning',
      state: 'active',
      severity: 'warning',
      title: 'control module warning',
    },
  ],
};

// ---------- SNMPv2-MIB generic traps (snmpTraps = 1.3.6.1.6.3.1.1.5.N) ----------
export const GENERIC_TRAPS: Record<number, string> = {
  1: 'coldStart',
  2: 'warmStart',
  3: 'linkDown',
  4: 'linkUp',
  5: 'authenticationFailure',
  6: 'egpNeighborLoss',
};
export const IF_INDEX = '1.3.6.1.2.1.2.2.1.1';

/** Names for varbinds worth naming in labels; everything else is labelled by OID. */
export const VARBIND_NAMES: Array<[string, string]> = [
  [UPS.secondsOnBattery, 'upsSecondsOnBattery'],
  [UPS.estimatedMinutesRemaining, 'upsEstimatedMinutesRemaining'],
  [UPS.configLowBattTime, 'upsConfigLowBattTime'],
  [UPS.alarmId, 'upsAlarmId'],
  [UPS.alarmDescr, 'upsAlarmDescr'],
  [UPS.testId, 'upsTestId'],
  [UPS.testResultsSummary, 'upsTestResultsSummary'],
  [UPS.testResultsDetail, 'upsTestResultsDetail'],
  [APC.mtrapargsString, 'mtrapargsString'],
  [LIEBERT.conditionId, 'lgpConditionId'],
  [LIEBERT.conditionDescr, 'lgpConditionDescr'],
  [LIEBERT.conditionTime, 'lgpConditionTime'],
  [IF_INDEX, 'ifIndex'],
  ['1.3.6.1.2.1.2.2.1.2', 'ifDescr'],
  ['1.3.6.1.2.1.2.2.1.7', 'ifAdminStatus'],
  ['1.3.6.1.2.1.2.2.1.8', 'ifOperStatus'],
  ['1.3.6.1.6.3.1.1.4.3.0', 'snmpTrapEnterprise'],
];

/** Name of a varbind OID: exact scalar, or a known table column followed by its row index. */
export function varbindName(oid: string): string | undefined {
  for (const [prefix, name] of VARBIND_NAMES) {
    if (oid === prefix || oid.startsWith(`${prefix}.`)) return name;
  }
  return undefined;
}
