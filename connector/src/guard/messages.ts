// Formatting for check results: numbers with units, clock times, ages, series names.

/** 29.4 → "29.4 °C"; at most two decimals; "%" without a space. */
export function formatValue(v: number, unit: string | undefined): string {
  const n =
    Math.abs(v) >= 1e6 ? String(Math.round(v)) : String(Number(v.toFixed(Math.abs(v) >= 100 ? 1 : 2)));
  if (!unit) return n;
  return unit === '%' ? `${n}%` : `${n} ${unit}`;
}

/** Bitmasks read better in hex: 72 → "0x48". */
export function formatBitmask(v: number): string {
  return Number.isInteger(v) && v >= 0 ? `0x${v.toString(16)}` : String(v);
}

/** "10:42" ("10:42:15" with `seconds`) in the given zone (host zone by default). */
export function formatClock(ms: number, timeZone?: string, seconds = false): string {
  return new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    ...(seconds ? { second: '2-digit' as const } : {}),
    hourCycle: 'h23',
    ...(timeZone ? { timeZone } : {}),
  }).format(new Date(ms));
}

/** A rounded age: "45 s", "5 min", "3 h", "2 d". */
export function formatAge(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 90) return `${s} s`;
  const min = Math.round(s / 60);
  if (min < 90) return `${min} min`;
  const h = Math.round(min / 60);
  if (h < 48) return `${h} h`;
  return `${Math.round(h / 24)} d`;
}

/** The labels that tell series apart, for messages: "Hostname=gpu-node-3 gpu=5" (no __name__). */
export function seriesName(
  labels: Record<string, string>,
  others: ReadonlyArray<Record<string, string>>,
): string {
  const keys = Object.keys(labels).filter((k) => k !== '__name__');
  // Only labels whose value differs between series say which one this is.
  const distinguishing = keys.filter((k) => others.some((o) => o[k] !== labels[k]));
  return (distinguishing.length ? distinguishing : keys).map((k) => `${k}=${labels[k]}`).join(' ');
}
