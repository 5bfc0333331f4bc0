// The alarms the demo's site sends, in each system's own wire format (the same shapes as
// test/fixtures/alarms/): the BMS webhook, an Alertmanager v4 webhook built on DCGM metrics, and a
// Redfish event from the CDU. Readings in the payloads come from the scripted timeline, so an alarm
// says what the telemetry says.
import { CDU, CRAH, SITE, SW_THERMAL_SLOWDOWN, type HOT_GPUS } from './site.js';

type HotGpu = (typeof HOT_GPUS)[number];

export function bmsCrahSupplyAir(o: { active: boolean; value: number; at: Date }): object {
  return {
    alarmId: `${SITE}-${CRAH}-SAT-HI`,
    state: o.active ? 'ACTIVE' : 'RETURN_TO_NORMAL',
    priority: 'HIGH',
    alarmType: 'supply_air_temp_high',
    timestamp: o.at.toISOString(),
    site: SITE,
    location: { room: 'HALL-A', row: 'A1' },
    device: { id: CRAH, name: `${CRAH} Hall A row A1`, class: 'CRAH' },
    reading: { value: o.value, unit: '°C', limit: 27 },
    message: o.active
      ? `${CRAH} supply air temperature ${o.value} °C above high limit 27 °C`
      : `${CRAH} supply air temperature back to normal (${o.value} °C)`,
    point: `${SITE}/HALL-A/${CRAH}/SAT`,
  };
}

/** A stable fingerprint per GPU, as Alertmanager derives it from the labels. */
export function gpuFingerprint(g: HotGpu): string {
  let h = 0;
  for (const c of `${g.host}/${g.gpu}`) h = (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0;
  return `9e${h.toString(16).padStart(14, '0')}`;
}

export function alertmanagerGpuThermal(o: {
  firing: boolean;
  gpus: readonly { gpu: HotGpu; temperature: number; startsAt: Date; endsAt?: Date }[];
}): object {
  const status = o.firing ? 'firing' : 'resolved';
  return {
    version: '4',
    groupKey: '{}/{team="gpu-ops"}:{alertname="GpuThermalSlowdown"}',
    truncatedAlerts: 0,
    status,
    receiver: 'closeloop',
    groupLabels: { alertname: 'GpuThermalSlowdown' },
    commonLabels: { alertname: 'GpuThermalSlowdown', severity: 'warning', site: SITE },
    commonAnnotations: {},
    externalURL: 'http://alertmanager.dc1.example:9093',
    alerts: o.gpus.map(({ gpu, temperature, startsAt, endsAt }) => ({
      status,
      labels: {
        alertname: 'GpuThermalSlowdown',
        severity: 'warning',
        site: SITE,
        rack: gpu.rack,
        Hostname: gpu.host,
        gpu: gpu.gpu,
        UUID: gpu.uuid,
        device: `nvidia${gpu.gpu}`,
        modelName: 'NVIDIA H100 80GB HBM3',
        instance: `${gpu.host}:9400`,
        job: 'dcgm-exporter',
      },
      annotations: {
        summary: `GPU ${gpu.gpu} on ${gpu.host} is in thermal slowdown`,
        description: `DCGM_FI_DEV_CLOCKS_EVENT_REASONS has SW thermal slowdown (0x${SW_THERMAL_SLOWDOWN.toString(16)}) set.`,
        value: String(temperature),
        unit: '°C',
      },
      startsAt: startsAt.toISOString(),
      endsAt: (endsAt ?? new Date(0)).toISOString(),
      generatorURL: 'http://prometheus.dc1.example:9090/graph?g0.expr=DCGM_FI_DEV_CLOCKS_EVENT_REASONS',
      fingerprint: gpuFingerprint(gpu),
    })),
  };
}

export function redfishCduFlowLow(o: { value: number; at: Date; eventId: string }): object {
  return {
    '@odata.type': '#Event.v1_7_0.Event',
    Id: o.eventId,
    Name: `${CDU} events`,
    Context: `closeloop-${SITE}`,
    Events: [
      {
        EventType: 'Alert',
        EventId: o.eventId,
        EventTimestamp: o.at.toISOString(),
        MessageSeverity: 'Critical',
        Message: `Flow rate 'Secondary Flow' reading of ${o.value} L/min is below the 30 lower critical threshold.`,
        MessageId: 'Environmental.1.4.FlowRateBelowLowerCriticalThreshold',
        MessageArgs: ['Secondary Flow', String(o.value), '30'],
        OriginOfCondition: { '@odata.id': '/redfish/v1/Chassis/CDU/Sensors/SecondaryFlow' },
      },
    ],
  };
}
