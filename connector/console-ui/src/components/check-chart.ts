// "Why blocked": one close check's telemetry over its stabilisation window (uPlot). The expected range
// is a shaded band, out-of-range samples are red dots, dashed lines mark where the window starts and when
// it will be satisfied if values stay in range. The same data is in a table for screen readers.
import { view } from '../view.js';
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import { clock, dateTime, relative } from '../format.js';
import { Badge } from './ui.js';
import type { CheckChartData } from '../types.js';

const COLORS = {
  line: '#1d4ed8',
  out: '#dc2626',
  band: 'rgba(22, 163, 74, 0.13)',
  bandEdge: 'rgba(22, 163, 74, 0.55)',
  window: '#64748b',
  satisfied: '#15803d',
};

const hm = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const hourMinute = (ms: number): string => hm.format(new Date(ms));

function fmtValue(v: number, unit: string | null): string {
  const n = Number.isInteger(v) ? String(v) : v.toFixed(Math.abs(v) >= 100 ? 1 : 2).replace(/\.?0+$/, '');
  return unit ? `${n} ${unit}` : n;
}

const isBitmask = (c: CheckChartData): boolean => 'bits_clear' in c.condition;

/** A reading as the check's message writes it: with its unit, or in hex for bit masks. */
function valueText(c: CheckChartData, v: number): string {
  if (isBitmask(c)) return Number.isInteger(v) && v >= 0 ? `0x${v.toString(16)}` : '';
  return fmtValue(v, c.unit);
}

/** Whole-number ticks from 0 up to `max` (at most about six). */
function integerSplits(max: number): number[] {
  const step = Math.max(1, Math.ceil(Math.floor(max) / 5));
  const out: number[] = [];
  for (let v = 0; v <= max; v += step) out.push(v);
  return out;
}

/** Y range covering the data and the band's finite ends, with some air (bit masks: from 0). */
function yRange(c: CheckChartData): [number, number] {
  const vals = c.points.flatMap((p) => (p.v === null ? [] : [p.v]));
  if (isBitmask(c)) return [0, Math.max(1, ...vals) * 1.15];
  if (c.band?.min !== null && c.band?.min !== undefined) vals.push(c.band.min);
  if (c.band?.max !== null && c.band?.max !== undefined) vals.push(c.band.max);
  if (!vals.length) return [0, 1];
  const lo = Math.min(...vals);
  const hi = Math.max(...vals);
  const pad = (hi - lo || Math.abs(hi) || 1) * 0.15;
  return [lo - pad, hi + pad];
}

function vline(u: uPlot, tSec: number, color: string, label: string, dash: number[]): void {
  const x = u.valToPos(tSec, 'x', true);
  const { top, height, left, width } = u.bbox;
  if (x < left - 1 || x > left + width + 1) return;
  const ctx = u.ctx;
  const px = devicePixelRatio || 1;
  ctx.save();
  ctx.strokeStyle = color;
  ctx.lineWidth = 1.5 * px;
  ctx.setLineDash(dash.map((d) => d * px));
  ctx.beginPath();
  ctx.moveTo(x, top);
  ctx.lineTo(x, top + height);
  ctx.stroke();
  ctx.setLineDash([]);
  // uPlot leaves the axis text alignment set; labels here always start at their x.
  ctx.textAlign = 'left';
  ctx.textBaseline = 'top';
  ctx.font = `${11 * px}px system-ui, sans-serif`;
  const w = ctx.measureText(label).width;
  const tx = x + 4 * px + w > left + width ? x - 4 * px - w : x + 4 * px;
  ctx.fillStyle = 'rgba(255, 255, 255, 0.85)';
  ctx.fillRect(tx - 2 * px, top + 3 * px, w + 4 * px, 14 * px);
  ctx.fillStyle = color;
  ctx.fillText(label, tx, top + 4 * px);
  ctx.restore();
}

function chartOptions(c: CheckChartData, width: number): uPlot.Options {
  const [ylo, yhi] = yRange(c);
  const start = Date.parse(c.windowStart) / 1000;
  const end = Date.parse(c.windowEnd) / 1000;
  const satisfied = c.satisfiedAt ? Date.parse(c.satisfiedAt) / 1000 : null;
  const first = c.points.length ? c.points[0]!.t / 1000 : start;
  const xmin = Math.min(first, start);
  const xmax = Math.max(end, satisfied !== null ? satisfied + (end - start) * 0.03 : end);
  return {
    width,
    height: 240,
    legend: { show: true, live: true },
    cursor: { drag: { x: false, y: false } },
    scales: {
      x: { time: true, range: () => [xmin, xmax] },
      y: { range: () => [ylo, yhi] },
    },
    axes: [
      {
        stroke: '#475569',
        grid: { stroke: '#e2e8f0' },
        space: 70,
        // 24-hour clock like the rest of the console; seconds only when ticks are closer than a minute.
        values: (_u, splits) => {
          const fine = splits.length > 1 && Math.abs(splits[1]! - splits[0]!) < 60;
          return splits.map((s) => (fine ? clock(s * 1000) : hourMinute(s * 1000)));
        },
      },
      {
        stroke: '#475569',
        grid: { stroke: '#e2e8f0' },
        // Wide enough for the longest label ("30 L/min"), so units are never clipped.
        size: (_u, values) => 18 + 7 * Math.max(4, ...(values ?? []).map((v) => v.length)),
        values: (_u, vals) => vals.map((v) => valueText(c, v)),
        // Bit masks are integers: ticks on whole values only.
        ...(isBitmask(c) ? { splits: () => integerSplits(yhi) } : {}),
      },
    ],
    series: [
      // The legend's time in the console's 24-hour clock (uPlot's default is a 12-hour date).
      { value: (_u, v) => (v === null ? '—' : clock(v * 1000)) },
      {
        label: c.label,
        stroke: COLORS.line,
        width: 2,
        spanGaps: false,
        points: { show: true, size: 5, fill: COLORS.line },
        value: (_u, v) => (v === null ? '—' : valueText(c, v)),
      },
      {
        label: 'Out of range',
        stroke: COLORS.out,
        fill: COLORS.out,
        width: 0,
        paths: () => null,
        points: { show: true, size: 11, stroke: COLORS.out, fill: COLORS.out, width: 2 },
        // No value here means the sample at that time is in range (or there is no sample).
        value: (u, v, _si, idx) =>
          v !== null ? valueText(c, v) : idx !== null && u.data[1]?.[idx] != null ? 'in range' : '—',
      },
    ],
    hooks: {
      // Off the plot, the legend shows the newest sample instead of dashes.
      setCursor: [
        (u) => {
          if (u.cursor.idx === null || u.cursor.idx === undefined) restLegend(u);
        },
      ],
      drawClear: [
        (u) => {
          if (!c.band) return;
          const { left, top, width: w, height } = u.bbox;
          const yTop = c.band.max === null ? top : Math.max(top, u.valToPos(c.band.max, 'y', true));
          const yBot =
            c.band.min === null ? top + height : Math.min(top + height, u.valToPos(c.band.min, 'y', true));
          const ctx = u.ctx;
          ctx.save();
          ctx.fillStyle = COLORS.band;
          ctx.fillRect(left, yTop, w, Math.max(1, yBot - yTop));
          ctx.strokeStyle = COLORS.bandEdge;
          ctx.lineWidth = devicePixelRatio || 1;
          ctx.beginPath();
          if (c.band.max !== null) {
            ctx.moveTo(left, yTop);
            ctx.lineTo(left + w, yTop);
          }
          if (c.band.min !== null) {
            ctx.moveTo(left, yBot);
            ctx.lineTo(left + w, yBot);
          }
          ctx.stroke();
          ctx.restore();
        },
      ],
      draw: [
        (u) => {
          vline(u, start, COLORS.window, `window starts ${clock(start * 1000)}`, [4, 4]);
          vline(u, end, COLORS.window, 'now', [2, 3]);
          if (satisfied !== null)
            vline(u, satisfied, COLORS.satisfied, `passes ${clock(satisfied * 1000)}`, [6, 3]);
        },
      ],
    },
  };
}

/** The newest sample with a value, shown in the legend while the pointer is not over the plot. */
function restLegend(u: uPlot): void {
  const ys = u.data[1] ?? [];
  for (let i = ys.length - 1; i >= 0; i--) {
    if (ys[i] !== null && ys[i] !== undefined) return void u.setLegend({ idx: i });
  }
}

function chartData(c: CheckChartData): uPlot.AlignedData {
  return [
    c.points.map((p) => p.t / 1000),
    c.points.map((p) => p.v),
    c.points.map((p) => (p.out ? p.v : null)),
  ];
}

function Plot({ chart }: { chart: CheckChartData }) {
  const box = useRef<HTMLDivElement>(null);
  // Where the pointer was over the plot, so a refresh of the data (every poll) keeps the hovered
  // sample in the legend instead of blanking it.
  const pointer = useRef<{ left: number; top: number } | null>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const u = new uPlot(chartOptions(chart, Math.max(280, el.clientWidth)), chartData(chart), el);
    const over = u.root.querySelector('.u-over');
    const leave = () => (pointer.current = null);
    const move = () => {
      const { left, top } = u.cursor;
      if (left !== undefined && top !== undefined && left >= 0) pointer.current = { left, top };
    };
    over?.addEventListener('mousemove', move);
    over?.addEventListener('mouseleave', leave);
    if (pointer.current) u.setCursor(pointer.current);
    else restLegend(u);
    const ro = new ResizeObserver(() => {
      const w = Math.max(280, el.clientWidth);
      if (Math.abs(w - u.width) > 2) u.setSize({ width: w, height: 240 });
    });
    ro.observe(el);
    return () => {
      ro.disconnect();
      over?.removeEventListener('mousemove', move);
      over?.removeEventListener('mouseleave', leave);
      u.destroy();
    };
  }, [chart]);
  return view`<div class="plot" ref=${box} aria-hidden="true"></div>`;
}

function summary(c: CheckChartData): string {
  const n = c.points.filter((p) => p.v !== null).length;
  return `${c.label}: ${n} sample${n === 1 ? '' : 's'}, ${c.outOfRange} out of range, expected ${c.expected} for ${c.window}`;
}

/** Why an unknown check cannot pass yet, as its reason says (guard/types.ts UnknownReason). */
const UNKNOWN_WHY: Record<string, string> = {
  no_provider: 'its provider is not configured',
  provider_error: 'the provider did not answer',
  timeout: 'the provider did not answer in time',
  no_data: 'there is no data',
  stale: 'the newest sample is too old',
  not_covered: 'the data does not cover the whole window yet',
  gap: 'the data has a gap in the window',
  too_few: 'there are too few samples in the window',
  unsafe_query: 'the query was refused (an alarm value could not be placed in it safely)',
  invalid: 'the source sent invalid readings in the window',
};

export function SatisfiedAt({ chart }: { chart: CheckChartData }) {
  if (chart.status === 'pass') return view`<p class="satisfied ok">In range for the whole window.</p>`;
  if (!chart.satisfiedAt)
    return view`<p class="satisfied">No pass time can be given yet: ${chart.status === 'fail' ? 'the newest value is still out of range' : (UNKNOWN_WHY[chart.reason ?? ''] ?? 'the telemetry does not say')}.</p>`;
  const at = chart.satisfiedAt;
  return view`<p class="satisfied">Window satisfied at <strong><time datetime=${at}>${clock(at)}</time></strong> (${relative(at)}) if values stay in range.</p>`;
}

export function CheckChart({ chart }: { chart: CheckChartData }) {
  const id = `check-${chart.name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  return view`<article
    class="check"
    aria-labelledby=${`${id}-title`}
    data-check=${chart.name}
    data-out-of-range=${chart.outOfRange}
  >
    <header class="check-head">
      <h3 id=${`${id}-title`}>${chart.label}</h3>
      <${Badge} value=${chart.status} />
    </header>
    <p class="check-message">${chart.message}</p>
    <dl class="facts">
      <div>
        <dt>Expected</dt>
        <dd>${chart.expected}</dd>
      </div>
      <div>
        <dt>Window</dt>
        <dd>${chart.window}</dd>
      </div>
      <div>
        <dt>Now</dt>
        <dd>${chart.observed}</dd>
      </div>
      <div>
        <dt>Provider</dt>
        <dd>${chart.provider}</dd>
      </div>
    </dl>
    <${SatisfiedAt} chart=${chart} />
    ${
      chart.points.length
        ? view`<figure class="chart" role="img" aria-label=${summary(chart)}>
            <${Plot} chart=${chart} />
            <figcaption class="legend-note">
              <span class="key key-band" aria-hidden="true"></span> expected ${chart.expected}${' '}
              <span class="key key-out" aria-hidden="true"></span> out of range (${chart.outOfRange})
            </figcaption>
          </figure>`
        : view`<p class="muted">No samples to chart.</p>`
    }
    <details class="samples">
      <summary>Samples (${chart.points.length}) and query</summary>
      <p class="mono small">${chart.query}</p>
      <div class="table-wrap">
        <table class="data compact">
          <caption class="visually-hidden">
            Samples of ${chart.label}
          </caption>
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Value</th>
              <th scope="col">In range</th>
            </tr>
          </thead>
          <tbody>
            ${chart.points.map(
              (p) =>
                view`<tr class=${p.out ? 'row-bad' : ''}>
                  <td>
                    <time datetime=${new Date(p.t).toISOString()} title=${dateTime(p.t)}>${clock(p.t)}</time>
                  </td>
                  <td>${p.v === null ? 'no value' : valueText(chart, p.v)}</td>
                  <td>${p.v === null ? '—' : p.out ? 'no' : 'yes'}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
    </details>
  </article>`;
}
