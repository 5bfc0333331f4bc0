// Sample alarms for the mapping playground: the latest alarm each source really sent (normalised, and
// as received for sources whose stored `raw` is the whole item), plus a built-in example per source in
// its own wire format — shaped by the source's configuration (field map, label names, equipment URIs).
import type { Alarm } from '../model/alarm.js';
import type { FieldMap, SourceConfig } from '../mapping/schema.js';
import { parsePath, type PathStep } from '../sources/path.js';

export interface Sample {
  id: string;
  label: string;
  source: string;
  /** wire = as the source receives it; normalised = a normalised alarm (previewed with --normalised). */
  format: 'wire' | 'normalised';
  payload: unknown;
}

function setAt(target: Record<string, unknown>, steps: PathStep[], value: unknown): void {
  let cur: Record<string, unknown> | unknown[] = target;
  steps.forEach((step, i) => {
    const last = i === steps.length - 1;
    const next = steps[i + 1];
    const key = step.kind === 'key' ? step.key : step.index;
    const container = cur as Record<string | number, unknown>;
    if (last) {
      container[key] = value;
      return;
    }
    if (container[key] === undefined || typeof container[key] !== 'object') {
      container[key] = next?.kind === 'index' ? [] : {};
    }
    cur = container[key] as Record<string, unknown>;
  });
}

function firstKeyFor<T extends string>(map: Record<string, T>, want: T, fallback: string): string {
  return Object.entries(map).find(([, v]) => v === want)?.[0] ?? Object.keys(map)[0] ?? fallback;
}

/** A payload a field-mapped source (webhook, MQTT JSON) would accept, built from its field map. */
export function fieldMapSkeleton(
  fields: FieldMap,
  stateValues: Record<string, 'active' | 'cleared'>,
  severityValues: Record<string, string>,
  now: Date,
): Record<string, unknown> {
  const values: Record<keyof Omit<FieldMap, 'labels'>, unknown> = {
    id: 'SAMPLE-1',
    state: firstKeyFor(stateValues, 'active', 'active'),
    severity: firstKeyFor(severityValues, 'major', 'major'),
    type: 'sample_alarm',
    raised_at: now.toISOString(),
    site: 'DC1',
    room: 'ROOM-1',
    row: 'ROW-1',
    rack: 'RACK-1',
    equipment_id: 'EQUIPMENT-1',
    equipment_name: 'Equipment 1',
    equipment_class: 'CRAH',
    value: 29.4,
    unit: '°C',
    limit: 27,
    text: 'Sample alarm: edit me',
  };
  const out: Record<string, unknown> = {};
  // Labels first: a label often reads the same path as a field (priority → severity), and the field's
  // value must win so the sample decodes.
  for (const [name, path] of Object.entries(fields.labels ?? {})) {
    const p = parsePath(path);
    if (p.ok && p.steps.length) setAt(out, p.steps, `sample-${name}`);
  }
  for (const [field, value] of Object.entries(values)) {
    const path = fields[field as keyof typeof values];
    if (!path) continue;
    const p = parsePath(path);
    if (p.ok && p.steps.length) setAt(out, p.steps, value);
  }
  return out;
}

function alertmanagerSample(source: Extract<SourceConfig, { kind: 'alertmanager' }>, now: Date): unknown {
  const labels: Record<string, string> = { alertname: 'GpuThermalSlowdown' };
  labels[source.severity_label] = Object.keys(source.severity_values)[0] ?? 'warning';
  const assetValues: Record<string, string> = {
    site: 'DC1',
    room: 'HALL-A',
    row: 'A1',
    rack: 'R03',
    equipment_id: 'gpu-r03-01',
    equipment_name: 'gpu-r03-01',
    equipment_class: 'GPU node',
  };
  for (const [field, label] of Object.entries(source.asset_labels)) {
    if (label) labels[label] = assetValues[field] ?? 'sample';
  }
  labels['gpu'] = '5';
  return {
    version: '4',
    groupKey: '{}:{alertname="GpuThermalSlowdown"}',
    truncatedAlerts: 0,
    status: 'firing',
    receiver: 'closeloop',
    groupLabels: { alertname: 'GpuThermalSlowdown' },
    commonLabels: labels,
    commonAnnotations: {},
    externalURL: 'http://alertmanager.example:9093',
    alerts: [
      {
        status: 'firing',
        labels,
        annotations: { summary: 'GPU 5 is in thermal slowdown', value: '88' },
        startsAt: now.toISOString(),
        endsAt: '0001-01-01T00:00:00Z',
        generatorURL: 'http://prometheus.example:9090/graph',
        fingerprint: '4f3a9c1d2b7e8f60',
      },
    ],
  };
}

function redfishSample(source: Extract<SourceConfig, { kind: 'redfish' }>, now: Date): unknown {
  const origin = Object.keys(source.equipment)[0] ?? '/redfish/v1/Chassis/1';
  return {
    '@odata.type': '#Event.v1_7_0.Event',
    Id: '1',
    Name: 'Sample events',
    Context: 'closeloop',
    Events: [
      {
        EventType: 'Alert',
        EventId: '1',
        EventTimestamp: now.toISOString(),
        MessageSeverity: 'Critical',
        Message: "Flow rate 'Secondary Flow' reading of 24.8 L/min is below the 30 lower critical threshold.",
        MessageId: 'Environmental.1.4.FlowRateBelowLowerCriticalThreshold',
        MessageArgs: ['Secondary Flow', '24.8', '30'],
        OriginOfCondition: { '@odata.id': `${origin.replace(/\/$/, '')}/Sensors/SecondaryFlow` },
      },
    ],
  };
}

function normalisedSample(name: string, source: SourceConfig, now: Date): Omit<Alarm, 'raw'> {
  return {
    source: name,
    sourceKind: source.kind,
    id: 'SAMPLE-1',
    state: 'active',
    severity: 'major',
    type: source.kind === 'snmp' ? 'upsTrapOnBattery' : 'sample_alarm',
    raisedAt: now.toISOString(),
    receivedAt: now.toISOString(),
    asset: { site: 'DC1', equipmentId: 'EQUIPMENT-1' },
    text: 'Sample alarm: edit me',
    labels: {},
  };
}

/** The built-in example for one source. */
export function builtInSample(name: string, source: SourceConfig, now: Date): Sample {
  const base = { id: `builtin:${name}`, source: name };
  switch (source.kind) {
    case 'alertmanager':
      return {
        ...base,
        label: `${name}: example Alertmanager webhook`,
        format: 'wire',
        payload: alertmanagerSample(source, now),
      };
    case 'redfish':
      return {
        ...base,
        label: `${name}: example Redfish event`,
        format: 'wire',
        payload: redfishSample(source, now),
      };
    case 'webhook':
      return {
        ...base,
        label: `${name}: example built from the field map`,
        format: 'wire',
        payload: fieldMapSkeleton(source.fields, source.state_values, source.severity_values, now),
      };
    case 'mqtt':
      if (source.format === 'json' && source.fields)
        return {
          ...base,
          label: `${name}: example built from the field map`,
          format: 'wire',
          payload: fieldMapSkeleton(source.fields, source.state_values, source.severity_values, now),
        };
      return {
        ...base,
        label: `${name}: example normalised alarm`,
        format: 'normalised',
        payload: normalisedSample(name, source, now),
      };
    case 'snmp':
      return {
        ...base,
        label: `${name}: example normalised alarm (trap)`,
        format: 'normalised',
        payload: normalisedSample(name, source, now),
      };
  }
}

/** Samples from alarms the connector received: newest per source. */
export function recentSamples(alarms: Alarm[], sources: Record<string, SourceConfig>): Sample[] {
  const newest = new Map<string, Alarm>();
  for (const a of alarms) {
    const seen = newest.get(a.source);
    if (!seen || Date.parse(a.receivedAt) > Date.parse(seen.receivedAt)) newest.set(a.source, a);
  }
  const out: Sample[] = [];
  for (const [name, a] of [...newest.entries()].sort(([x], [y]) => x.localeCompare(y))) {
    const kind = sources[name]?.kind;
    const { raw, ...normalised } = a;
    // For field-mapped sources `raw` is the whole posted item; other kinds keep only a part of the envelope.
    if ((kind === 'webhook' || kind === 'mqtt') && raw && typeof raw === 'object') {
      out.push({
        id: `recent-wire:${name}`,
        label: `${name}: last received (${a.id})`,
        source: name,
        format: 'wire',
        payload: raw,
      });
    }
    out.push({
      id: `recent:${name}`,
      label: `${name}: last received, normalised (${a.id})`,
      source: name,
      format: 'normalised',
      payload: normalised,
    });
  }
  return out;
}
