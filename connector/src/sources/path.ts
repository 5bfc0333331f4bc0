// A tiny JSONPath subset for vendor field maps: `$`, `.name`, `['any key']`, `["any key"]`, `[0]`.
// Parsed once into steps and walked over plain data; nothing is ever evaluated.

export type PathStep = { kind: 'key'; key: string } | { kind: 'index'; index: number };

export type ParsedPath = { ok: true; steps: PathStep[] } | { ok: false; message: string };

const IDENT = /^[A-Za-z_$@][A-Za-z0-9_$@:-]*/;

export function parsePath(path: string): ParsedPath {
  const text = path.trim();
  if (!text.startsWith('$')) return { ok: false, message: `path "${path}" must start with "$"` };
  const steps: PathStep[] = [];
  let i = 1;
  while (i < text.length) {
    const rest = text.slice(i);
    if (rest.startsWith('.')) {
      const m = IDENT.exec(rest.slice(1));
      if (!m) return { ok: false, message: `path "${path}": expected a name after "." at position ${i + 1}` };
      steps.push({ kind: 'key', key: m[0] });
      i += 1 + m[0].length;
      continue;
    }
    const idx = /^\[(\d+)\]/.exec(rest);
    if (idx) {
      steps.push({ kind: 'index', index: Number(idx[1]) });
      i += idx[0].length;
      continue;
    }
    const quoted = /^\[(['"])((?:\\.|(?!\1).)*)\1\]/.exec(rest);
    if (quoted) {
      steps.push({ kind: 'key', key: (quoted[2] ?? '').replace(/\\(.)/g, '$1') });
      i += quoted[0].length;
      continue;
    }
    return { ok: false, message: `path "${path}": unexpected "${rest[0] ?? ''}" at position ${i}` };
  }
  return { ok: true, steps };
}

/** Value at `steps` in `data`, or undefined when any step is missing. */
export function walkPath(data: unknown, steps: readonly PathStep[]): unknown {
  let cur: unknown = data;
  for (const step of steps) {
    if (step.kind === 'index') {
      if (!Array.isArray(cur)) return undefined;
      cur = cur[step.index];
    } else {
      if (cur === null || typeof cur !== 'object' || Array.isArray(cur)) return undefined;
      if (!Object.prototype.hasOwnProperty.call(cur, step.key)) return undefined;
      cur = (cur as Record<string, unknown>)[step.key];
    }
  }
  return cur;
}

/** Parse and walk in one go; throws on a malformed path (a configuration error, caught at load time). */
export function resolvePath(data: unknown, path: string): unknown {
  const parsed = parsePath(path);
  if (!parsed.ok) throw new Error(parsed.message);
  return walkPath(data, parsed.steps);
}

/** `$.alarms` → `alarms`, for error messages that read like the payload. */
export function displayPath(path: string): string {
  return path.trim().replace(/^\$\.?/, '');
}
