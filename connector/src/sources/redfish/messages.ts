// Which Redfish MessageIds raise, change or clear a stateful condition, after the DMTF registries
// SensorEvent 1.1.0 and Environmental 1.4.0 (their ClearingLogic, ClearsIf SameOriginOfCondition) and
// ResourceEvent. A "family" is one condition on one origin: every raise/partial-clear of the family
// updates the same alarm, and a clear message ends it.
import type { Severity } from '../../model/alarm.js';

export type Reading = {
  valueArg: number;
  limitArg?: number;
  unitArg?: number;
  unit?: string;
};

export type MessageRole =
  | { role: 'raise'; family: string; severity: Severity; reading?: Reading }
  | { role: 'clear'; family: string; reading?: Reading }
  /** Health reported as an argument (`The pump subsystem health is %1.`): OK clears, else raises. */
  | { role: 'health'; family: string; healthArg: number };

type FamilySpec = {
  family: string;
  raise: Record<string, Severity>;
  clear: string[];
  reading?: Reading;
};

/** Threshold family: the ten threshold-crossing messages plus the level messages, as in the registries. */
function thresholds(stem: string, family: string, clear: string[], reading: Reading): FamilySpec {
  return {
    family,
    raise: {
      [`${stem}AboveUpperCautionThreshold`]: 'warning',
      [`${stem}AboveUpperCriticalThreshold`]: 'critical',
      [`${stem}AboveUpperFatalThreshold`]: 'critical',
      [`${stem}BelowLowerCautionThreshold`]: 'warning',
      [`${stem}BelowLowerCriticalThreshold`]: 'critical',
      [`${stem}BelowLowerFatalThreshold`]: 'critical',
      // "now below the upper fatal threshold but remains outside of normal range": still active.
      [`${stem}BelowUpperFatalThreshold`]: 'critical',
      [`${stem}BelowUpperCriticalThreshold`]: 'warning',
      [`${stem}AboveLowerFatalThreshold`]: 'critical',
      [`${stem}AboveLowerCriticalThreshold`]: 'warning',
      [`${stem}Warning`]: 'warning',
      [`${stem}Critical`]: 'critical',
      [`${stem}Fatal`]: 'critical',
      [`${stem}NoLongerCritical`]: 'warning',
      [`${stem}NoLongerFatal`]: 'critical',
    },
    clear,
    reading,
  };
}

const env = (valueUnit: string): Reading => ({ valueArg: 1, limitArg: 2, unit: valueUnit });

const REGISTRIES: Record<string, FamilySpec[]> = {
  SensorEvent: [
    // ReadingNormalRange: name used by some implementations of SensorEvent 1.0.
    thresholds('Reading', 'Reading', ['SensorReadingNormalRange', 'ReadingNormalRange'], {
      valueArg: 1,
      unitArg: 2,
      limitArg: 3,
    }),
    {
      family: 'SensorFault',
      raise: { InvalidSensorReading: 'warning', SensorFailure: 'warning' },
      clear: ['SensorRestored'],
    },
    {
      family: 'SensorConnection',
      raise: { SensorDisconnected: 'warning' },
      clear: ['SensorConnected', 'SensorRestored'],
    },
  ],
  Environmental: [
    thresholds('Temperature', 'Temperature', ['TemperatureNormal'], env('Cel')),
    thresholds('Humidity', 'Humidity', ['HumidityNormal'], env('%')),
    thresholds('FlowRate', 'FlowRate', ['FlowRateNormal'], env('L/min')),
    thresholds('Pressure', 'Pressure', ['PressureNormal'], env('kPa')),
    thresholds('FluidLevel', 'FluidLevel', ['FluidLevelNormal'], { valueArg: 1, limitArg: 2, unit: '%' }),
    {
      family: 'Fan',
      raise: { FanFailed: 'critical', FanWarning: 'warning' },
      clear: ['FanRestored', 'FanRemoved'],
    },
    {
      family: 'FanGroup',
      raise: { FanGroupCritical: 'critical', FanGroupWarning: 'warning' },
      clear: ['FanGroupNormal'],
    },
    {
      family: 'LeakDetected',
      raise: { LeakDetectedCritical: 'critical', LeakDetectedWarning: 'warning' },
      clear: ['LeakDetectedNormal'],
    },
    {
      family: 'LeakDetectorFault',
      raise: { LeakDetectorFailure: 'warning' },
      clear: ['LeakDetectorRestored'],
    },
    {
      family: 'LeakDetectorConnection',
      raise: { LeakDetectorDisconnected: 'warning' },
      clear: ['LeakDetectorConnected', 'LeakDetectorRestored'],
    },
    { family: 'Pump', raise: { PumpFailed: 'critical' }, clear: ['PumpRestored', 'PumpRemoved'] },
    {
      family: 'Filter',
      raise: { FilterRequiresService: 'warning' },
      clear: ['FilterRestored', 'FilterRemoved'],
    },
    {
      family: 'FluidQuality',
      raise: {
        FluidQualityWarning: 'warning',
        FluidQualityCritical: 'critical',
        FluidQualityNoLongerCritical: 'warning',
      },
      clear: ['FluidQualityNormal'],
    },
    {
      family: 'CoolingUnitGroup',
      raise: { CoolingUnitGroupCritical: 'critical', CoolingUnitGroupWarning: 'warning' },
      clear: ['CoolingUnitGroupNormal'],
    },
  ],
  ResourceEvent: [
    {
      family: 'ResourceStatus',
      raise: { ResourceStatusChangedCritical: 'critical', ResourceStatusChangedWarning: 'warning' },
      clear: ['ResourceStatusChangedOK'],
    },
  ],
};

const HEALTH_MESSAGES: Record<string, string[]> = {
  Environmental: [
    'PumpSubsystemHealth',
    'FilterSubsystemHealth',
    'ReservoirSubsystemHealth',
    'PrimaryCoolantConnectorSubsystemHealth',
    'SecondaryCoolantConnectorSubsystemHealth',
  ],
};

/**
 * The roles of `registry`.`key`: usually one; a clear that ends several families (SensorRestored)
 * has one per family. Empty for messages that are not part of a stateful condition.
 */
export function messageRoles(registry: string, key: string): MessageRole[] {
  const roles: MessageRole[] = [];
  // Registry and key come from the event: only own entries count (never `constructor`, `toString`, …).
  for (const spec of own(REGISTRIES, registry) ?? []) {
    const severity = own(spec.raise, key);
    if (severity) roles.push({ role: 'raise', family: spec.family, severity, ...readingOf(spec) });
    if (spec.clear.includes(key)) roles.push({ role: 'clear', family: spec.family, ...readingOf(spec) });
  }
  if ((own(HEALTH_MESSAGES, registry) ?? []).includes(key)) {
    roles.push({ role: 'health', family: key.replace(/Health$/, ''), healthArg: 0 });
  }
  return roles;
}

function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

function readingOf(spec: FamilySpec): { reading?: Reading } {
  return spec.reading ? { reading: spec.reading } : {};
}

export type ParsedMessageId = { registry: string; version: string; key: string };

/** `SensorEvent.1.0.ReadingAboveUpperCriticalThreshold` → registry, version, key. */
export function parseMessageId(messageId: string): ParsedMessageId | null {
  const m = /^([A-Za-z][A-Za-z0-9]*)\.(\d+(?:\.\d+){1,2})\.([A-Za-z][A-Za-z0-9]*)$/.exec(messageId.trim());
  if (!m || !m[1] || !m[2] || !m[3]) return null;
  return { registry: m[1], version: m[2], key: m[3] };
}
