// The storm: a fixed site (site.ts), a seeded scenario of real-world faults on it, and the messages
// those faults make the site's devices send within the storm window. State changes come first (the
// base messages); repeats of current states fill the message budget, spread over the sources.
// Pure and deterministic: the same options give the same storm (timestamps shift with epochMs only).
import { createRng, type Rng } from './prng.js';
import type { BmsAlarm, GpuAlert, TrapSpec, JsonValue } from './payloads.js';
import {
  buildSite,
  rackSensorId,
  serverId,
  SERVERS_PER_RACK,
  GPUS_PER_SERVER,
  type Equipment,
  type Site,
} from './site.js';
import {
  alertmanagerStream,
  bmsStream,
  flapping,
  onsetWithFlaps,
  redfishStream,
  upsStream,
  type AlertTimeline,
  type MessageKind,
  type Payload,
  type Stream,
  type StormSource,
} from './streams.js';

export type { StormSource, MessageKind, Payload };

export interface StormOptions {
  seed: number;
  /** Total messages (default 10,000). */
  messages?: number;
  /** Storm window in ms (default 60,000). */
  durationMs?: number;
  /** Wall-clock time of t = 0 in the payloads' timestamps (default 2025-06-12T14:00:00Z). */
  epochMs?: number;
}

export interface StormMessage {
  seq: number;
  /** Offset from the storm's start, ms. */
  atMs: number;
  source: StormSource;
  device: string;
  /** Which stream (device + alarm) sent it: messages of one stream must arrive in order. */
  stream: string;
  /** The real-world fault it stems from (ground truth). */
  fault: string;
  kind: MessageKind;
  payload: Payload;
}

export type FaultKind = 'cascade' | 'independent' | 'hot_spot';
export interface Fault {
  id: string;
  kind: FaultKind;
  title: string;
  startMs: number;
  devices: string[];
}

export interface Storm {
  seed: number;
  epochMs: number;
  durationMs: number;
  site: Site;
  messages: StormMessage[];
  /** Ground truth: the distinct real-world faults; `faults.length` is the number of real events. */
  faults: Fault[];
  /** Devices that sent at least one message. */
  devices: string[];
  /** Streams that changed state more than 4 times (the connector's default flap threshold). */
  flappingStreams: string[];
}

export const DEFAULT_EPOCH_MS = Date.parse('2025-06-12T14:00:00Z');

/** Share of the repeat budget per source (the rest of the mix is the state changes themselves). */
const REPEAT_SHARE: Record<StormSource, number> = {
  bms: 0.36,
  bmc: 0.27,
  redfish: 0.03,
  alertmanager: 0.32,
  snmp: 0.02,
};

interface Scenario {
  faults: Fault[];
  streams: Stream[];
}

function equipment(site: Site, id: string): Equipment {
  const e = site.equipment.find((x) => x.id === id);
  if (!e) throw new Error(`no equipment ${id}`);
  return e;
}

function gpuThermal(host: string, rack: string, gpu: number, temp: number): GpuAlert {
  return {
    alertname: 'GpuThermalSlowdown',
    severity: 'warning',
    host,
    rack,
    gpu,
    extraLabels: {},
    summary: `GPU ${gpu} on ${host} is in thermal slowdown`,
    value: String(temp),
  };
}

function buildScenario(site: Site, rng: Rng, epochMs: number, end: number): Scenario {
  const faults: Fault[] = [];
  const streams: Stream[] = [];
  const add = (s: Stream | null) => {
    if (s) streams.push(s);
  };
  const rackRow = (rack: string) => site.racks.find((r) => r.id === rack)!;

  const rackSensorAlarm = (rack: string): BmsAlarm => {
    const r = rackRow(rack);
    return {
      device: equipment(site, rackSensorId(rack)),
      room: r.room,
      row: r.row,
      code: 'INLET-HI',
      alarmType: 'rack_inlet_temp_high',
      priority: 'HIGH',
      unit: '°C',
      limit: 27,
    };
  };
  const rackInletText = (rack: string) => (active: boolean, v: number | null) =>
    active
      ? `${rack} rack inlet temperature ${v} °C above high limit 27 °C`
      : `${rack} rack inlet temperature back in range (${v} °C)`;

  // ---------------- F1: chiller CH-1 trips; hall A loses chilled water ----------------
  const f1 = 'F01-chiller-CH-1';
  const t0 = 2000;
  const f1Devices: string[] = ['CH-1'];
  const hallARows = site.rows.filter((r) => r.room === 'HALL-A');
  add(
    bmsStream(
      {
        alarm: {
          device: equipment(site, 'CH-1'),
          room: 'HALL-A',
          code: 'TRIP',
          alarmType: 'chiller_trip',
          priority: 'CRITICAL',
        },
        fault: f1,
        timeline: [t0],
        reading: null,
        normal: null,
        text: () => 'CH-1 tripped: compressors 1 and 2 stopped on low evaporator pressure',
      },
      rng,
      epochMs,
      end,
    ),
  );
  const chw = t0 + rng.int(2500, 4000);
  add(
    bmsStream(
      {
        alarm: {
          device: equipment(site, 'CH-1'),
          room: 'HALL-A',
          code: 'CHWS-HI',
          alarmType: 'chw_supply_temp_high',
          priority: 'HIGH',
          unit: '°C',
          limit: 12,
        },
        fault: f1,
        timeline: [chw],
        reading: (t) => 12.5 + Math.min(8, (t - chw) / 5000),
        normal: 7,
        text: (_a, v) => `CH-1 chilled water supply ${v} °C above high limit 12 °C`,
      },
      rng,
      epochMs,
      end,
    ),
  );
  for (const row of hallARows) {
    const c = t0 + rng.int(5000, 13000);
    f1Devices.push(row.crah);
    add(
      bmsStream(
        {
          alarm: {
            device: equipment(site, row.crah),
            room: row.room,
            row: row.id,
            code: 'SAT-HI',
            alarmType: 'supply_air_temp_high',
            priority: 'HIGH',
            unit: '°C',
            limit: 27,
          },
          fault: f1,
          timeline: [c],
          reading: (t) => 27.4 + Math.min(9, (t - c) / 4000),
          normal: 22,
          text: (_a, v) => `${row.crah} supply air temperature ${v} °C above high limit 27 °C`,
        },
        rng,
        epochMs,
        end,
      ),
    );
    for (const rack of row.racks) {
      const r = c + rng.int(4000, 14000);
      f1Devices.push(rackSensorId(rack));
      // Inlet temperatures cross the limit unsteadily at first: a few flaps, then they stay high.
      add(
        bmsStream(
          {
            alarm: rackSensorAlarm(rack),
            fault: f1,
            timeline: onsetWithFlaps(rng, r, rng.int(0, 3), 700, 2500),
            reading: (t) => 27.3 + Math.min(7, (t - r) / 5000),
            normal: 26.6,
            text: rackInletText(rack),
          },
          rng,
          epochMs,
          end,
        ),
      );
      for (let s = 1; s <= SERVERS_PER_RACK; s++) {
        const host = serverId(rack, s);
        f1Devices.push(host);
        const b = r + rng.int(0, 4000);
        add(
          redfishStream(
            {
              source: 'bmc',
              device: host,
              fault: f1,
              context: `${host}-bmc`,
              origin: `/redfish/v1/Chassis/${host}/Sensors/InletTemp`,
              timeline: onsetWithFlaps(rng, b, rng.chance(0.3) ? 1 : 0, 1500, 4000),
              raise: { messageId: 'SensorEvent.1.1.ReadingAboveUpperCautionThreshold', severity: 'Warning' },
              clearMessageId: 'SensorEvent.1.1.SensorReadingNormalRange',
              message: (active, v) =>
                active
                  ? {
                      text: `Sensor 'Inlet Temp' reading of ${v} (Cel) is above the 32 upper caution threshold.`,
                      args: ['Inlet Temp', String(v), 'Cel', '32'],
                    }
                  : {
                      text: `Sensor 'Inlet Temp' reading of ${v} (Cel) is within normal operating range.`,
                      args: ['Inlet Temp', String(v), 'Cel'],
                    },
              reading: (t, active) => (active ? 32.2 + Math.min(6, (t - b) / 5000) : 31.5),
            },
            rng,
            epochMs,
            end,
          ),
        );
        const alerts: AlertTimeline[] = [];
        const n = rng.int(2, GPUS_PER_SERVER);
        for (const gpu of rng.shuffle([0, 1, 2, 3, 4, 5, 6, 7]).slice(0, n).sort()) {
          const g = r + rng.int(6000, 25000);
          if (g >= end) continue;
          alerts.push({
            alert: gpuThermal(host, rack, gpu, rng.int(86, 92)),
            timeline: onsetWithFlaps(rng, g, rng.chance(0.25) ? 1 : 0, 2000, 6000),
          });
        }
        add(alertmanagerStream('GpuThermalSlowdown', host, rack, f1, alerts, epochMs, end));
      }
    }
  }
  faults.push({
    id: f1,
    kind: 'cascade',
    title: 'Chiller CH-1 trips: hall A CRAHs lose chilled water, rack inlets and GPUs overheat in its zones',
    startMs: t0,
    devices: f1Devices,
  });

  // ---------------- F2: CDU-1 secondary flow low; liquid-cooled GPUs throttle ----------------
  const f2 = 'F02-cdu-CDU-1-flow';
  const tc = 20000;
  const f2Devices = [site.cdu.id];
  add(
    redfishStream(
      {
        source: 'redfish',
        device: site.cdu.id,
        fault: f2,
        context: 'closeloop-DC1',
        origin: '/redfish/v1/Chassis/CDU/Sensors/SecondaryFlow',
        timeline: [tc],
        raise: { messageId: 'Environmental.1.4.FlowRateBelowLowerCriticalThreshold', severity: 'Critical' },
        clearMessageId: 'Environmental.1.4.FlowRateNormal',
        message: (active, v) =>
          active
            ? {
                text: `Flow rate 'Secondary Flow' reading of ${v} L/min is below the 30 lower critical threshold.`,
                args: ['Secondary Flow', String(v), '30'],
              }
            : {
                text: `Flow rate 'Secondary Flow' reading of ${v} L/min is within normal operating range.`,
                args: ['Secondary Flow', String(v)],
              },
        reading: (t, active) => (active ? Math.max(9, 26 - (t - tc) / 2500) : 42),
      },
      rng,
      epochMs,
      end,
    ),
  );
  for (const rack of site.cdu.racks) {
    for (let s = 1; s <= SERVERS_PER_RACK; s++) {
      const host = serverId(rack, s);
      f2Devices.push(host);
      const alerts: AlertTimeline[] = [];
      for (const gpu of rng.shuffle([0, 1, 2, 3, 4, 5, 6, 7]).slice(0, rng.int(3, 8)).sort()) {
        alerts.push({
          alert: gpuThermal(host, rack, gpu, rng.int(87, 93)),
          timeline: onsetWithFlaps(rng, tc + rng.int(5000, 30000), rng.chance(0.2) ? 1 : 0, 2000, 5000),
        });
      }
      add(alertmanagerStream('GpuThermalSlowdown', host, rack, f2, alerts, epochMs, end));
    }
  }
  faults.push({
    id: f2,
    kind: 'cascade',
    title: 'CDU-1 secondary coolant flow low: GPUs in its liquid-cooled racks throttle',
    startMs: tc,
    devices: f2Devices,
  });

  // ---------------- hot spots: one rack per air-cooled hall B row hovers at its inlet limit ----------------
  const airRowsB = site.rows.filter(
    (r) => r.room === 'HALL-B' && !r.racks.some((x) => site.cdu.racks.includes(x)),
  );
  const hotRacks = new Set<string>();
  airRowsB.forEach((row, i) => {
    const rack = rng.pick(row.racks);
    hotRacks.add(rack);
    const id = `F${String(3 + i).padStart(2, '0')}-hot-spot-${rack}`;
    const start = rng.int(1000, 20000);
    const devices = [rackSensorId(rack)];
    add(
      bmsStream(
        {
          alarm: rackSensorAlarm(rack),
          fault: id,
          timeline: flapping(rng, start, end, 1500, 5000),
          reading: () => 27.2 + rng.real(0, 0.8),
          normal: 26.8,
          text: rackInletText(rack),
        },
        rng,
        epochMs,
        end,
      ),
    );
    for (const s of rng.shuffle([1, 2, 3, 4]).slice(0, 2).sort()) {
      const host = serverId(rack, s);
      devices.push(host);
      const alerts: AlertTimeline[] = [0, 1].slice(0, rng.int(1, 2)).map((k) => ({
        alert: gpuThermal(host, rack, rng.int(0, 3) * 2 + k, rng.int(85, 88)),
        timeline: flapping(rng, start + rng.int(2000, 10000), end, 3000, 8000),
      }));
      add(alertmanagerStream('GpuThermalSlowdown', host, rack, id, alerts, epochMs, end));
    }
    faults.push({
      id,
      kind: 'hot_spot',
      title: `Hot spot at rack ${rack} (row ${row.id}): inlet and GPU temperatures hover at their limits`,
      startMs: start,
      devices,
    });
  });

  // ---------------- independent GPU XID errors ----------------
  const xidCandidates = airRowsB
    .flatMap((r) => r.racks)
    .filter((r) => !hotRacks.has(r))
    .flatMap((rack) => [1, 2, 3, 4].map((s) => ({ rack, host: serverId(rack, s) })));
  const xids = rng.shuffle(xidCandidates).slice(0, 9);
  xids.forEach(({ rack, host }, i) => {
    const id = `F${String(3 + airRowsB.length + i).padStart(2, '0')}-xid-${host}`;
    const start = rng.int(3000, 55000);
    const gpu = rng.int(0, 7);
    const xid = rng.pick(['79', '48', '94', '63']);
    add(
      alertmanagerStream(
        'GpuXidError',
        host,
        rack,
        id,
        [
          {
            alert: {
              alertname: 'GpuXidError',
              severity: 'critical',
              host,
              rack,
              gpu,
              extraLabels: { xid },
              summary: `GPU ${gpu} on ${host} reported XID ${xid}`,
              value: xid,
            },
            timeline: [start],
          },
        ],
        epochMs,
        end,
      ),
    );
    faults.push({
      id,
      kind: 'independent',
      title: `XID ${xid} on GPU ${gpu} of ${host}`,
      startMs: start,
      devices: [host],
    });
  });

  // ---------------- CRAH fan failure in hall B (unrelated to the chiller) ----------------
  let next = 3 + airRowsB.length + xids.length;
  const lastRow = site.rows[site.rows.length - 1]!;
  const fanId = `F${String(next++).padStart(2, '0')}-fan-${lastRow.crah}`;
  const fanAt = rng.int(25000, 40000);
  add(
    bmsStream(
      {
        alarm: {
          device: equipment(site, lastRow.crah),
          room: lastRow.room,
          row: lastRow.id,
          code: 'FAN2-FAIL',
          alarmType: 'fan_failure',
          priority: 'CRITICAL',
        },
        fault: fanId,
        timeline: [fanAt],
        reading: null,
        normal: null,
        text: () => `${lastRow.crah} fan 2 failed (running on N+1 redundancy)`,
      },
      rng,
      epochMs,
      end,
    ),
  );
  faults.push({
    id: fanId,
    kind: 'independent',
    title: `${lastRow.crah} fan 2 failure`,
    startMs: fanAt,
    devices: [lastRow.crah],
  });

  // ---------------- UPS-3 transferring to battery and back (unstable input) ----------------
  const ups = site.ups[2]!;
  const upsId = `F${String(next++).padStart(2, '0')}-ups-${ups.id}`;
  const upsStart = rng.int(8000, 15000);
  const tl: number[] = [];
  for (let t = upsStart, on = true; t < end; t += on ? rng.int(3000, 7000) : rng.int(2000, 5000), on = !on)
    tl.push(t);
  add(upsStream(ups.id, ups.agent, upsId, tl, end));
  faults.push({
    id: upsId,
    kind: 'independent',
    title: `${ups.id} input unstable: repeated transfers to battery (power path ${ups.path})`,
    startMs: upsStart,
    devices: [ups.id],
  });
  return { faults, streams };
}

/** Spread `budget` repeats over streams of one source, weighted by how long each is active. */
function allocateRepeats(
  streams: Stream[],
  budget: number,
  rng: Rng,
): Array<{ stream: Stream; atMs: number }> {
  const weighted = streams
    .map((s) => ({ s, w: s.intervals.reduce((n, [a, b]) => n + (b - a), 0) }))
    .filter((x) => x.w > 0);
  const cumulative: number[] = [];
  let total = 0;
  for (const x of weighted) cumulative.push((total += x.w));
  const out: Array<{ stream: Stream; atMs: number }> = [];
  if (total === 0 || budget <= 0) return out;
  for (let i = 0; i < budget; i++) {
    const r = rng.real(0, total);
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    const pick = weighted[lo]!;
    // A uniform moment within the stream's active time.
    let at = rng.real(0, pick.w);
    let atMs = pick.s.intervals[0]![0];
    for (const [a, b] of pick.s.intervals) {
      if (at < b - a) {
        atMs = Math.floor(a + at);
        break;
      }
      at -= b - a;
    }
    out.push({ stream: pick.s, atMs });
  }
  return out;
}

export function generateStorm(options: StormOptions): Storm {
  const total = options.messages ?? 10_000;
  const durationMs = options.durationMs ?? 60_000;
  const epochMs = options.epochMs ?? DEFAULT_EPOCH_MS;
  const rng = createRng(options.seed);
  const site = buildSite();
  const { faults, streams } = buildScenario(site, rng, epochMs, durationMs);

  const baseCount = streams.reduce((n, s) => n + s.base.length, 0);
  if (baseCount > total)
    throw new Error(`the scenario's ${baseCount} state changes exceed ${total} messages`);
  const budget = total - baseCount;
  const sources = Object.keys(REPEAT_SHARE) as StormSource[];
  const drafts: Array<{ stream: Stream; draft: ReturnType<Stream['repeat']>; order: number }> = [];
  let order = 0;
  for (const s of streams) for (const d of s.base) drafts.push({ stream: s, draft: d, order: order++ });
  let assigned = 0;
  sources.forEach((source, i) => {
    const n = i === sources.length - 1 ? budget - assigned : Math.round(budget * REPEAT_SHARE[source]);
    assigned += n;
    const picks = allocateRepeats(
      streams.filter((s) => s.source === source),
      n,
      rng,
    );
    for (const p of picks) drafts.push({ stream: p.stream, draft: p.stream.repeat(p.atMs), order: order++ });
  });
  // Time order; ties keep generation order (base messages of a stream come before its repeats).
  drafts.sort((a, b) => a.draft.atMs - b.draft.atMs || a.order - b.order);
  const messages: StormMessage[] = drafts.map((d, i) => ({
    seq: i + 1,
    atMs: d.draft.atMs,
    source: d.stream.source,
    device: d.stream.device,
    stream: d.stream.key,
    fault: d.stream.fault,
    kind: d.draft.kind,
    payload: d.draft.payload,
  }));
  if (messages.length !== total) throw new Error(`generated ${messages.length} messages, wanted ${total}`);
  return {
    seed: options.seed,
    epochMs,
    durationMs,
    site,
    messages,
    faults,
    devices: [...new Set(messages.map((m) => m.device))].sort(),
    flappingStreams: streams.filter((s) => s.stateChanges > 4).map((s) => s.key),
  };
}

/** Counts for reports and tests. */
export function stormSummary(storm: Storm): {
  messages: number;
  devices: number;
  realEvents: number;
  bySource: Record<string, number>;
  byKind: Record<string, number>;
  flappingStreams: number;
} {
  const count = (key: (m: StormMessage) => string) =>
    storm.messages.reduce<Record<string, number>>((acc, m) => {
      acc[key(m)] = (acc[key(m)] ?? 0) + 1;
      return acc;
    }, {});
  return {
    messages: storm.messages.length,
    devices: storm.devices.length,
    realEvents: storm.faults.length,
    bySource: count((m) => m.source),
    byKind: count((m) => m.kind),
    flappingStreams: storm.flappingStreams.length,
  };
}

export type { TrapSpec, JsonValue };
