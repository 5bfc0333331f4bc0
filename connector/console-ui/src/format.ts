// Times and numbers as people read them.

// 24-hour clock, as the connector's own check messages ("at 10:42") use.
const timeFmt = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});
const dateTimeFmt = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

export function clock(iso: string | number): string {
  return timeFmt.format(new Date(iso));
}

export function dateTime(iso: string | number | null | undefined): string {
  if (iso === null || iso === undefined || iso === '') return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? String(iso) : dateTimeFmt.format(d);
}

/** "3 min ago", "in 7 min". */
export function relative(iso: string | number, nowMs = Date.now()): string {
  const diff = new Date(iso).getTime() - nowMs;
  const s = Math.round(Math.abs(diff) / 1000);
  const text =
    s < 60
      ? `${s} s`
      : s < 5400
        ? `${Math.round(s / 60)} min`
        : s < 172800
          ? `${Math.round(s / 3600)} h`
          : `${Math.round(s / 86400)} d`;
  return diff >= 0 ? `in ${text}` : `${text} ago`;
}

export function percent(x: number | null): string {
  if (x === null) return '—';
  return `${(x * 100).toFixed(x < 0.1 ? 1 : 0)}%`;
}

export function num(x: number | null, digits = 1): string {
  if (x === null) return '—';
  return Number.isInteger(x) ? String(x) : x.toFixed(digits);
}

export function durationMs(ms: number): string {
  if (ms % 86_400_000 === 0 && ms > 0) return `${ms / 86_400_000} d`;
  if (ms % 3_600_000 === 0 && ms > 0) return `${ms / 3_600_000} h`;
  if (ms % 60_000 === 0 && ms > 0) return `${ms / 60_000} min`;
  if (ms % 1000 === 0) return `${ms / 1000} s`;
  return `${ms} ms`;
}

export function json(v: unknown): string {
  return JSON.stringify(v, null, 2);
}
