// Deterministic history for the real-Prometheus tests: CRAH supply air and DCGM GPU metrics, 20 min of
// 15 s samples ending at `now`, with a spike, stale series, DCGM blank sentinels, a throttled GPU and
// an XID error.
import type { OmSeries } from './prometheus.js';

export const STEP = 15_000;
export const MIN = 60_000;

export function gpuHistory(now: number): OmSeries[] {
  const span = (
    from: number,
    to: number,
    v: (t: number) => number | string,
  ): Array<[number, number | string]> => {
    const out: Array<[number, number | string]> = [];
    for (let t = from; t <= to; t += STEP) out.push([t, v(t)]);
    return out;
  };
  const full = (v: (t: number) => number | string) => span(now - 20 * MIN, now, v);
  const air = (unit: string, samples: Array<[number, number | string]>): OmSeries => ({
    name: 'crah_supply_air_celsius',
    labels: { unit },
    samples,
  });
  const gpu = (
    name: string,
    host: string,
    g: number,
    samples: Array<[number, number | string]>,
  ): OmSeries => ({
    name,
    labels: { Hostname: host, gpu: String(g), UUID: `GPU-${host}-${g}` },
    samples,
  });
  return [
    air(
      'CRAH-1',
      full(() => 22),
    ),
    air(
      'CRAH-2',
      full((t) => (t === now - 8 * MIN ? 29.4 : 22)),
    ),
    air(
      'CRAH-3',
      span(now - 20 * MIN, now - 6 * MIN, () => 22),
    ),
    // Stopped 3 min ago: within Prometheus's 5 min lookback, so only raw samples show it is stale.
    air(
      'CRAH-4',
      span(now - 20 * MIN, now - 3 * MIN, () => 22),
    ),
    // An exporter that wrote NaN once and +Inf once inside the last 10 minutes, 22 °C otherwise; and one
    // whose scrapes were merely absent for a minute (no sample at all, not an invalid one).
    air(
      'CRAH-NAN',
      full((t) => (t === now - 6 * MIN ? 'NaN' : 22)),
    ),
    air(
      'CRAH-INF',
      full((t) => (t === now - 3 * MIN ? '+Inf' : 22)),
    ),
    air(
      'CRAH-HOLE',
      full(() => 22).filter(([t]) => t < now - 5 * MIN || t > now - 4 * MIN),
    ),
    ...Array.from({ length: 8 }, (_, g) =>
      gpu(
        'DCGM_FI_DEV_GPU_TEMP',
        'node-1',
        g,
        full(() => 60 + g),
      ),
    ),
    // DCGM blank (NOT_SUPPORTED) for every sample, and for every 4th sample.
    gpu(
      'DCGM_FI_DEV_GPU_TEMP',
      'node-2',
      0,
      full(() => '9223372036854775794'),
    ),
    gpu(
      'DCGM_FI_DEV_GPU_TEMP',
      'node-2',
      1,
      full((t) => ((t / STEP) % 4 === 0 ? '9223372036854775794' : 65)),
    ),
    gpu(
      'DCGM_FI_DEV_CLOCKS_EVENT_REASONS',
      'node-1',
      0,
      full(() => 0x1),
    ),
    gpu(
      'DCGM_FI_DEV_CLOCKS_EVENT_REASONS',
      'node-1',
      1,
      full((t) => (t === now - 2 * MIN ? 0x41 : 0x1)),
    ),
    gpu(
      'DCGM_FI_DEV_XID_ERRORS',
      'node-1',
      0,
      full(() => 0),
    ),
    gpu(
      'DCGM_FI_DEV_XID_ERRORS',
      'node-1',
      1,
      full((t) => (t >= now - 4 * MIN ? 79 : 0)),
    ),
  ];
}
