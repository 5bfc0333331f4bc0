// Wire payloads of the storm, one builder per source, in the shapes the shipped decoders read
// (test/fixtures/alarms/*.json): BMS webhook objects, Redfish #Event pushes, Alertmanager v4
// notifications, and UPS-MIB traps (sent as real SNMPv2c traps by the runner).
import { createHash } from 'node:crypto';
import { SITE, type Equipment } from './site.js';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [k: string]: JsonValue };

export type VarbindType = 'Integer' | 'OctetString' | 'OID' | 'TimeTicks' | 'IpAddress';
export interface TrapVarbind {
  oid: string;
  type: VarbindType;
  value: string | number;
}
/** One SNMPv2c notification: the agent it is about (sent as snmpTrapAddress.0), its OID and varbinds. */
export interface TrapSpec {
  agentAddress: string;
  trapOid: string;
  varbinds: TrapVarbind[];
}

const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

// ---------- BMS (webhook source `bms`) ----------
export type BmsPriority = 'CRITICAL' | 'HIGH' | 'MEDIUM';
export interface BmsAlarm {
  device: Equipment;
  room: string;
  row?: string;
  code: string;
  alarmType: string;
  priority: BmsPriority;
  unit?: string;
  limit?: number;
}

export function bmsBody(
  a: BmsAlarm,
  atMs: number,
  active: boolean,
  value: number | null,
  text: string,
): JsonValue {
  return {
    alarmId: `${SITE}-${a.device.id}-${a.code}`,
    state: active ? 'ACTIVE' : 'RETURN_TO_NORMAL',
    priority: a.priority,
    alarmType: a.alarmType,
    timestamp: iso(atMs),
    site: SITE,
    location: { room: a.room, ...(a.row ? { row: a.row } : {}) },
    device: { id: a.device.id, name: a.device.name, class: a.device.class },
    ...(value !== null && a.unit
      ? { reading: { value, unit: a.unit, ...(a.limit !== undefined ? { limit: a.limit } : {}) } }
      : {}),
    message: text,
    point: `${SITE}/${a.room}/${a.device.id}/${a.code}`,
  };
}

// ---------- Redfish (sources `bmc` for server BMCs, `redfish` for the CDU) ----------
export function redfishBody(
  context: string,
  eventId: number,
  atMs: number,
  messageId: string,
  severity: 'OK' | 'Warning' | 'Critical',
  message: string,
  args: string[],
  origin: string,
): JsonValue {
  return {
    '@odata.type': '#Event.v1_7_0.Event',
    Id: String(eventId),
    Name: `${context} events`,
    Context: context,
    Events: [
      {
        EventType: 'Alert',
        EventId: String(eventId),
        EventTimestamp: iso(atMs),
        MessageSeverity: severity,
        Message: message,
        MessageId: messageId,
        MessageArgs: args,
        OriginOfCondition: { '@odata.id': origin },
      },
    ],
  };
}

// ---------- Alertmanager (source `alertmanager`) ----------
export interface GpuAlert {
  alertname: string;
  severity: 'warning' | 'critical';
  host: string;
  rack: string;
  gpu: number;
  extraLabels: Record<string, string>;
  summary: string;
  value: string;
}

const hashes = new Map<string, string>();
function sha1(text: string): string {
  let h = hashes.get(text);
  if (h === undefined) hashes.set(text, (h = createHash('sha1').update(text).digest('hex')));
  return h;
}

export function fingerprint(a: Pick<GpuAlert, 'alertname' | 'host' | 'gpu'>): string {
  return sha1(`${a.alertname}/${a.host}/${a.gpu}`).slice(0, 16);
}

export function groupKey(alertname: string, host: string): string {
  return `{}/{team="gpu-ops"}:{Hostname="${host}", alertname="${alertname}"}`;
}

export interface AlertState {
  alert: GpuAlert;
  firing: boolean;
  /** Start of the current (or last) firing episode, and its end when resolved. */
  startsAtMs: number;
  endsAtMs: number | null;
}

function gpuUuid(host: string, gpu: number): string {
  const h = sha1(`${host}/${gpu}`);
  return `GPU-${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

export function alertmanagerBody(
  alertname: string,
  host: string,
  rack: string,
  alerts: AlertState[],
): JsonValue {
  const firing = alerts.some((a) => a.firing);
  const severity = alerts[0]?.alert.severity ?? 'warning';
  return {
    version: '4',
    groupKey: groupKey(alertname, host),
    truncatedAlerts: 0,
    status: firing ? 'firing' : 'resolved',
    receiver: 'closeloop',
    groupLabels: { alertname, Hostname: host },
    commonLabels: { alertname, severity, site: SITE, rack, Hostname: host },
    commonAnnotations: {},
    externalURL: 'http://alertmanager.dc1.example:9093',
    alerts: alerts.map((s) => ({
      status: s.firing ? 'firing' : 'resolved',
      labels: {
        alertname,
        severity: s.alert.severity,
        site: SITE,
        rack,
        Hostname: host,
        gpu: String(s.alert.gpu),
        UUID: gpuUuid(host, s.alert.gpu),
        device: `nvidia${s.alert.gpu}`,
        modelName: 'NVIDIA H100 80GB HBM3',
        instance: `${host}:9400`,
        job: 'dcgm-exporter',
        ...s.alert.extraLabels,
      },
      annotations: { summary: s.alert.summary, value: s.alert.value },
      startsAt: iso(s.startsAtMs),
      endsAt: s.firing || s.endsAtMs === null ? '0001-01-01T00:00:00Z' : iso(s.endsAtMs),
      generatorURL: `http://prometheus.dc1.example:9090/graph?g0.expr=${alertname}`,
      fingerprint: fingerprint(s.alert),
    })),
  };
}

// ---------- SNMP (UPS-MIB, RFC 1628) ----------
export const UPS_MIB = {
  onBattery: '1.3.6.1.2.1.33.2.1',
  alarmEntryAdded: '1.3.6.1.2.1.33.2.3',
  alarmEntryRemoved: '1.3.6.1.2.1.33.2.4',
  secondsOnBattery: '1.3.6.1.2.1.33.1.2.2.0',
  estimatedMinutesRemaining: '1.3.6.1.2.1.33.1.2.3.0',
  configLowBattTime: '1.3.6.1.2.1.33.1.9.7.0',
  alarmId: '1.3.6.1.2.1.33.1.6.2.1.1',
  alarmDescr: '1.3.6.1.2.1.33.1.6.2.1.2',
  wellKnownAlarms: '1.3.6.1.2.1.33.1.6.3',
  /** upsWellKnownAlarms numbers used here. */
  alarmOnBattery: 2,
  alarmInputBad: 6,
} as const;

export function upsOnBatteryTrap(agent: string, secondsOnBattery: number, minutesLeft: number): TrapSpec {
  return {
    agentAddress: agent,
    trapOid: UPS_MIB.onBattery,
    varbinds: [
      { oid: UPS_MIB.estimatedMinutesRemaining, type: 'Integer', value: minutesLeft },
      { oid: UPS_MIB.secondsOnBattery, type: 'Integer', value: secondsOnBattery },
      { oid: UPS_MIB.configLowBattTime, type: 'Integer', value: 2 },
    ],
  };
}

export function upsAlarmEntryTrap(
  agent: string,
  added: boolean,
  alarmRow: number,
  wellKnown: number,
): TrapSpec {
  return {
    agentAddress: agent,
    trapOid: added ? UPS_MIB.alarmEntryAdded : UPS_MIB.alarmEntryRemoved,
    varbinds: [
      { oid: `${UPS_MIB.alarmId}.${alarmRow}`, type: 'Integer', value: alarmRow },
      {
        oid: `${UPS_MIB.alarmDescr}.${alarmRow}`,
        type: 'OID',
        value: `${UPS_MIB.wellKnownAlarms}.${wellKnown}`,
      },
    ],
  };
}
