// Sizes in config are written as Express's body parsers take them (`64kb`, `1mb`, `1048576`; a kb is
// 1024 bytes) and shown to people in words that cannot be misread ("64 KiB (65,536 bytes)").
import { z } from 'zod';

const UNIT: Record<string, number> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };

/** Bytes of `64kb`, `1mb`, `1.5mb`, `512` or `512b`; undefined when it is not a size. */
export function parseByteSize(text: string | number): number | undefined {
  if (typeof text === 'number') return Number.isSafeInteger(text) && text >= 0 ? text : undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?\s*$/i.exec(text);
  if (!m) return undefined;
  const n = Math.floor(Number(m[1]) * UNIT[(m[2] ?? 'b').toLowerCase()]!);
  return Number.isSafeInteger(n) ? n : undefined;
}

/** "64 KiB (65,536 bytes)", "1 MiB (1,048,576 bytes)", "500 bytes". */
export function formatByteSize(bytes: number): string {
  const exact = `${bytes.toLocaleString('en-US')} bytes`;
  for (const [unit, size] of [
    ['GiB', 1024 ** 3],
    ['MiB', 1024 ** 2],
    ['KiB', 1024],
  ] as const) {
    if (bytes >= size) {
      const n = bytes / size;
      return `${Number.isInteger(n) ? n : n.toFixed(1)} ${unit} (${exact})`;
    }
  }
  return exact;
}

/** zod: `"1mb"` or `1048576` → 1048576. */
export const ByteSizeSchema = z
  .union([z.string(), z.number().int().nonnegative()])
  .transform((v, ctx) => {
    const n = parseByteSize(v);
    if (n === undefined) {
      ctx.addIssue({ code: 'custom', message: `"${String(v)}" is not a size (use e.g. 512kb, 1mb)` });
      return z.NEVER;
    }
    return n;
  })
  .meta({ description: 'A size: a number of bytes, or a string such as 512kb, 1mb, 2gb.' });
