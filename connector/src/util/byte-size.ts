// Sizes in config are written as `512kb`, `1mb`, `2gb` (1024-based, as Express reads server.body_limit)
// or a plain number of bytes, and carried as bytes everywhere else.
import { z } from 'zod';

const UNIT: Record<string, number> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };

export function parseByteSize(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?\s*$/i.exec(text);
  if (!m) return undefined;
  return Math.floor(Number(m[1]) * (UNIT[(m[2] ?? 'b').toLowerCase()] ?? 1));
}

export function formatByteSize(bytes: number): string {
  for (const [unit, size] of [
    ['gb', 1024 ** 3],
    ['mb', 1024 ** 2],
    ['kb', 1024],
  ] as const)
    if (bytes >= size && bytes % size === 0) return `${bytes / size} ${unit.toUpperCase()}`;
  return `${bytes} bytes`;
}

/** zod: `"1mb"` or `1048576` → 1048576. */
export const ByteSizeSchema = z
  .union([z.string(), z.number().int().nonnegative()])
  .transform((v, ctx) => {
    const n = typeof v === 'number' ? v : parseByteSize(v);
    if (n === undefined) {
      ctx.addIssue({ code: 'custom', message: `"${String(v)}" is not a size (use e.g. 512kb, 1mb)` });
      return z.NEVER;
    }
    return n;
  })
  .meta({ description: 'A size: a number of bytes, or a string such as 512kb, 1mb, 2gb.' });
