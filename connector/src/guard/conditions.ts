// Close-check conditions as pure functions over values: whether a value (or a step between two values,
// for counters) violates the condition, by how much, and how to say it.
import type { Condition } from '../model/close-check.js';

/** How values print: with their unit ("27 °C") and bare ("18", for the low end of "18–27 °C"). */
export interface ValueFormat {
  value(v: number): string;
  bare(v: number): string;
}

/**
 * How far `v` is outside the condition (> 0 = violated, larger = worse), given the previous valid
 * value of the same series for `no_increase`.
 */
export function badness(cond: Condition, v: number, prev: number | undefined): number {
  if ('range' in cond) return Math.max(cond.range[0] - v, v - cond.range[1], 0);
  if ('max' in cond) return Math.max(v - cond.max, 0);
  if ('min' in cond) return Math.max(cond.min - v, 0);
  if ('equals' in cond) return Math.abs(v - cond.equals);
  if ('bits_clear' in cond) return setBits(cond.bits_clear, v).length;
  // no_increase: a rise between consecutive samples; a fall is a counter reset, not a new error.
  return prev === undefined ? 0 : Math.max(v - prev, 0);
}

/** Distance to the nearest limit for an in-range value (smaller = closer to failing). */
export function margin(cond: Condition, v: number): number {
  if ('range' in cond) return Math.min(v - cond.range[0], cond.range[1] - v);
  if ('max' in cond) return cond.max - v;
  if ('min' in cond) return v - cond.min;
  if ('equals' in cond) return -Math.abs(v - cond.equals);
  return 0;
}

function isBitmask(v: number): boolean {
  return Number.isInteger(v) && v >= 0;
}

/** The positions among `bits` that are set in `v` (every position when `v` is not a bitmask at all). */
export function setBits(bits: readonly number[], v: number): number[] {
  if (!isBitmask(v)) return [...bits];
  const value = BigInt(v);
  return bits.filter((b) => (value >> BigInt(b)) & 1n);
}

export function isBitCondition(cond: Condition): boolean {
  return 'bits_clear' in cond;
}

/** "18–27 °C", "≤ 85 °C", "≥ 31 L/min", "= 0", "bits 3, 5 clear", "no increase". */
export function describeCondition(cond: Condition, fmt: ValueFormat): string {
  if ('range' in cond) {
    return `${fmt.bare(cond.range[0])}–${fmt.value(cond.range[1])}`;
  }
  if ('max' in cond) return `≤ ${fmt.value(cond.max)}`;
  if ('min' in cond) return `≥ ${fmt.value(cond.min)}`;
  if ('equals' in cond) return `= ${fmt.value(cond.equals)}`;
  if ('bits_clear' in cond)
    return `${cond.bits_clear.length > 1 ? 'bits' : 'bit'} ${cond.bits_clear.join(', ')} clear`;
  return 'no increase';
}

/** What must hold for the window, after "needs 10 min": "in 18–27 °C", "≤ 85 °C", "with bit 6 clear". */
export function requirement(cond: Condition, fmt: ValueFormat): string {
  if ('range' in cond) return `in ${describeCondition(cond, fmt)}`;
  if ('bits_clear' in cond) return `with ${describeCondition(cond, fmt)}`;
  if ('no_increase' in cond) return 'without increase';
  return describeCondition(cond, fmt);
}

/** The violation in words: "29.4 °C > 27 °C", "12 °C < 18 °C", "0x48 has bit 6 set", "rose from 3 to 5". */
export function describeViolation(
  cond: Condition,
  v: number,
  prev: number | undefined,
  fmt: ValueFormat,
): string {
  if ('range' in cond)
    return v > cond.range[1]
      ? `${fmt.value(v)} > ${fmt.value(cond.range[1])}`
      : `${fmt.value(v)} < ${fmt.value(cond.range[0])}`;
  if ('max' in cond) return `${fmt.value(v)} > ${fmt.value(cond.max)}`;
  if ('min' in cond) return `${fmt.value(v)} < ${fmt.value(cond.min)}`;
  if ('equals' in cond) return `${fmt.value(v)} ≠ ${fmt.value(cond.equals)}`;
  if ('bits_clear' in cond) {
    if (!isBitmask(v)) return `${fmt.value(v)} is not a bitmask`;
    const bits = setBits(cond.bits_clear, v);
    return `${fmt.value(v)} has ${bits.length > 1 ? 'bits' : 'bit'} ${bits.join(', ')} set`;
  }
  return `rose from ${fmt.value(prev ?? v)} to ${fmt.value(v)}`;
}
