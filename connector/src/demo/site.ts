// The demo site DC1 as telemetry: what the BMS, the DCGM exporters, the rack sensors and the CDU
// report, before and during the scenario. Readings before the demo starts are history (the CRAH
// fault began a little earlier); what happens during the demo is scheduled by the scenario through
// the event functions below, so readings depend only on when those events happened.
import { schedule, valueAt, type ScriptedSeries, type Timeline } from './timeline.js';

export const SITE = 'DC1';
export const CRAH = 'CRAH-1';
export const ZONE = 'ZONE-A1';
export const CDU = 'CDU-1';
/** GPUs that go into thermal slowdown: hosts in racks R01 and R02 (row A1, served by CRAH-1). */
export const HOT_GPUS = [
  { host: 'gpu-r01-01', rack: 'R01', gpu: '3', uuid: 'GPU-1c7e5a80-4d2b-4f3e-9a61-0b8d2e7f4a13' },
  { host: 'gpu-r02-01', rack: 'R02', gpu: '5', uuid: 'GPU-6a1f0c2e-93b4-4d8e-8d7a-2f1c9e0b5a11' },
] as const;

/** DCGM_FI_DEV_CLOCKS_EVENT_REASONS bit 5: SW thermal slowdown. */
export const SW_THERMAL_SLOWDOWN = 0x20;

const HISTORY_MS = 15 * 60_000;

export const METRIC = {
  supplyAir: 'bms_crah_supply_air_temperature_celsius',
  rackInlet: 'rack_inlet_temperature_celsius',
  gpuTemp: 'DCGM_FI_DEV_GPU_TEMP',
  clockReasons: 'DCGM_FI_DEV_CLOCKS_EVENT_REASONS',
  cduFlow: 'cdu_secondary_flow_litres_per_minute',
  cduSupply: 'cdu_secondary_supply_temperature_celsius',
} as const;

function series(
  labels: Record<string, string>,
  segments: ScriptedSeries['segments'],
  jitter = 0.1,
  decimals = 1,
): ScriptedSeries {
  return { labels, segments, jitter, decimals };
}

/**
 * DC1 at `startMs` (the demo's start): CRAH-1 has been failing for 40 s (supply air climbing towards
 * 29.6 °C), the GPUs it cools are heating up and throttling, the CDU loop is healthy.
 */
export function demoTimeline(startMs: number, scrapeMs = 1000): Timeline {
  const origin = startMs - HISTORY_MS;
  const faultAt = startMs - 40_000;
  const settle = (from: number, to: number, tauMs: number) => ({ kind: 'settle' as const, from, to, tauMs });
  const steady = (value: number) => ({ kind: 'steady' as const, value });
  const list: ScriptedSeries[] = [
    series({ __name__: METRIC.supplyAir, site: SITE, unit: CRAH }, [
      { fromMs: origin, shape: steady(20.6) },
      { fromMs: faultAt, shape: settle(20.6, 29.6, 15_000) },
    ]),
    ...['CRAH-2', 'CRAH-3', 'CRAH-4'].map((unit, i) =>
      series({ __name__: METRIC.supplyAir, site: SITE, unit }, [
        { fromMs: origin, shape: steady(20.2 + i * 0.4) },
      ]),
    ),
    ...['R01', 'R02', 'R03'].map((rack, i) =>
      series({ __name__: METRIC.rackInlet, site: SITE, cooling_zone: ZONE, rack }, [
        { fromMs: origin, shape: steady(23.1 + i * 0.3) },
        { fromMs: faultAt + 5_000, shape: settle(23.1 + i * 0.3, 30.4 - i * 0.5, 15_000) },
      ]),
    ),
    ...HOT_GPUS.flatMap((g, i) => [
      series(
        { __name__: METRIC.gpuTemp, Hostname: g.host, gpu: g.gpu, UUID: g.uuid, site: SITE, rack: g.rack },
        [
          { fromMs: origin, shape: steady(63 + i) },
          { fromMs: faultAt + 10_000, shape: settle(63 + i, 89 - i, 12_000) },
        ],
        0.4,
        0,
      ),
      series(
        {
          __name__: METRIC.clockReasons,
          Hostname: g.host,
          gpu: g.gpu,
          UUID: g.uuid,
          site: SITE,
          rack: g.rack,
        },
        [
          { fromMs: origin, shape: steady(0) },
          { fromMs: faultAt + 22_000, shape: steady(SW_THERMAL_SLOWDOWN) },
        ],
        0,
        0,
      ),
    ]),
    series(
      { __name__: METRIC.cduFlow, site: SITE, unit: CDU },
      [{ fromMs: origin, shape: steady(41.8) }],
      0.3,
    ),
    series({ __name__: METRIC.cduSupply, site: SITE, unit: CDU }, [{ fromMs: origin, shape: steady(31.2) }]),
  ];
  return { series: list, scrapeMs };
}

/** The technician has fixed CRAH-1 at `atMs`: supply air, rack inlets and GPUs settle back. */
export function crahRepaired(timeline: Timeline, atMs: number): void {
  schedule(timeline, { __name__: METRIC.supplyAir, unit: CRAH }, atMs, (v) => ({
    kind: 'settle',
    from: v,
    to: 20.9,
    tauMs: 2_500,
  }));
  schedule(timeline, { __name__: METRIC.rackInlet, cooling_zone: ZONE }, atMs, (v) => ({
    kind: 'settle',
    from: v,
    to: 23.4,
    tauMs: 2_500,
  }));
  for (const g of HOT_GPUS) {
    schedule(timeline, { __name__: METRIC.gpuTemp, Hostname: g.host, gpu: g.gpu }, atMs, (v) => ({
      kind: 'settle',
      from: v,
      to: 62,
      tauMs: 2_500,
    }));
    // The driver lifts the slowdown once the GPU has cooled below its threshold.
    schedule(timeline, { __name__: METRIC.clockReasons, Hostname: g.host, gpu: g.gpu }, atMs + 2_000, {
      kind: 'steady',
      value: 0,
    });
  }
}

/** CDU-1's secondary flow meter sticks at a low reading from `atMs` (the coolant still flows). */
export function cduFlowMeterStuck(timeline: Timeline, atMs: number, reading = 24.8): void {
  const hits = timeline.series.filter((s) => s.labels.__name__ === METRIC.cduFlow && s.labels.unit === CDU);
  for (const s of hits) s.jitter = 0;
  schedule(timeline, { __name__: METRIC.cduFlow, unit: CDU }, atMs, { kind: 'steady', value: reading });
}

/**
 * The reading of one series as the latest scrape at or before `atMs` has it (what the feed serves and
 * what a device's own alarm reports).
 */
export function reading(timeline: Timeline, labels: Record<string, string>, atMs: number): number {
  const s = timeline.series.find((x) => Object.entries(labels).every(([k, v]) => x.labels[k] === v));
  const v = s ? valueAt(s, Math.floor(atMs / timeline.scrapeMs) * timeline.scrapeMs) : null;
  if (v === null) throw new Error(`no scripted series ${JSON.stringify(labels)}`);
  return v;
}

/** What the site feed serves right now for the CRAH-1 story, as one line of readings. */
export function coolingReadings(timeline: Timeline, atMs: number): string {
  const t = Math.floor(atMs / timeline.scrapeMs) * timeline.scrapeMs;
  const of = (labels: Record<string, string>) =>
    timeline.series
      .filter((s) => Object.entries(labels).every(([k, v]) => s.labels[k] === v))
      .map((s) => valueAt(s, t));
  const num = (v: number | null | undefined, unit: string) =>
    v === null || v === undefined ? 'no data' : `${v} ${unit}`;
  const inlets = of({ __name__: METRIC.rackInlet, cooling_zone: ZONE }).filter(
    (v): v is number => v !== null,
  );
  const gpuTemps = HOT_GPUS.map((g) => of({ __name__: METRIC.gpuTemp, Hostname: g.host, gpu: g.gpu })[0]);
  const reasons = HOT_GPUS.map((g) => of({ __name__: METRIC.clockReasons, Hostname: g.host, gpu: g.gpu })[0]);
  return [
    `${CRAH} supply air ${num(of({ __name__: METRIC.supplyAir, unit: CRAH })[0], '°C')}`,
    `hottest rack inlet ${num(inlets.length ? Math.max(...inlets) : null, '°C')}`,
    `GPU temperatures ${gpuTemps.map((v) => num(v, '°C')).join(' / ')}`,
    `clock event reasons ${reasons.map((v) => (v === null || v === undefined ? 'no data' : `0x${v.toString(16)}`)).join(' / ')}`,
  ].join(' · ');
}
