// Alertmanager (webhook v4) notifications of DCGM XID errors, in the shipped `alertmanager` source's
// format (as test/fixtures/alarms/alertmanager-gpu-xid.json), for the shipped `gpu-xid-error` rule,
// which opens one event per GPU. Alert `seq` is on GPU `floor(seq / perGpu)`: the first alert of each
// GPU opens an event (an incident create), the others join it (a work note each). Every alert
// carries `bench#<seq>` in its summary so the ServiceNow write it caused can be found.

export interface GpuWorkload {
  /** Alerts per GPU (1 create + perGpu-1 notes). */
  perGpu: number;
  /** Makes host names unique per run. */
  run: string;
}

export const TOKENS = /bench#(\d+)/g;
const XIDS = ['79', '48', '94', '31', '63', '64', '74', '92'];

export function gpuOf(seq: number, w: GpuWorkload): { host: string; gpu: number; rack: string } {
  const g = Math.floor(seq / w.perGpu);
  const node = Math.floor(g / 8);
  return {
    host: `gpu-${w.run}-${node}`,
    gpu: g % 8,
    rack: `R${String((node % 12) + 1).padStart(2, '0')}`,
  };
}

/** The event key the shipped gpu-xid-error rule renders for alert `seq`. */
export function eventKeyOf(seq: number, w: GpuWorkload): string {
  const { host, gpu } = gpuOf(seq, w);
  return `DC1/gpu/${host}/gpu${gpu}`;
}

function alert(seq: number, w: GpuWorkload, at: Date): Record<string, unknown> {
  const { host, gpu, rack } = gpuOf(seq, w);
  const xid = XIDS[(seq % w.perGpu) % XIDS.length]!;
  return {
    status: 'firing',
    labels: {
      alertname: 'GpuXidError',
      severity: 'critical',
      site: 'DC1',
      rack,
      Hostname: host,
      gpu: String(gpu),
      xid,
      UUID: `GPU-${host}-${gpu}`,
      modelName: 'NVIDIA H200',
      instance: `${host}:9400`,
      job: 'dcgm-exporter',
    },
    annotations: { summary: `GPU ${gpu} on ${host} reported XID ${xid} (bench#${seq})`, value: xid },
    startsAt: at.toISOString(),
    endsAt: '0001-01-01T00:00:00Z',
    generatorURL: 'http://prometheus.dc1.example:9090/graph?g0.expr=DCGM_FI_DEV_XID_ERRORS',
    fingerprint: `${w.run}${seq.toString(16).padStart(15, '0')}`,
  };
}

/** One Alertmanager notification carrying alerts `first` … `first + count - 1`. */
export function notification(first: number, count: number, w: GpuWorkload, at = new Date()): string {
  return JSON.stringify({
    version: '4',
    groupKey: '{}/{team="gpu-ops"}:{alertname="GpuXidError"}',
    truncatedAlerts: 0,
    status: 'firing',
    receiver: 'closeloop',
    groupLabels: { alertname: 'GpuXidError' },
    commonLabels: { alertname: 'GpuXidError', severity: 'critical', site: 'DC1' },
    commonAnnotations: {},
    externalURL: 'http://alertmanager.dc1.example:9093',
    alerts: Array.from({ length: count }, (_, j) => alert(first + j, w, at)),
  });
}
