// Matchers compiled from the mapping language (exact value, list, glob, regex, exists) and tested
// against the string view of an alarm. Every test says why it failed, for previews and drop reasons.
import type { Matcher } from './schema.js';
import type { CompiledMatcher } from './compiled.js';
import { compileGlob, compileRegex } from './glob.js';

export type CompileResult = { ok: true; matcher: CompiledMatcher } | { ok: false; error: string };

export function compileMatcher(m: Matcher): CompileResult {
  if (Array.isArray(m)) return { ok: true, matcher: { kind: 'exact', values: m.map(String) } };
  if (typeof m !== 'object') return { ok: true, matcher: { kind: 'exact', values: [String(m)] } };
  if ('glob' in m) {
    const r = compileGlob(m.glob);
    return r.ok ? { ok: true, matcher: { kind: 'glob', pattern: m.glob, regex: r.regex } } : r;
  }
  if ('regex' in m) {
    const r = compileRegex(m.regex);
    return r.ok ? { ok: true, matcher: { kind: 'regex', pattern: m.regex, regex: r.regex } } : r;
  }
  return { ok: true, matcher: { kind: 'exists', exists: m.exists } };
}

export function describeMatcher(m: CompiledMatcher): string {
  switch (m.kind) {
    case 'exact':
      return m.values.length === 1
        ? JSON.stringify(m.values[0])
        : `one of [${m.values.map((v) => JSON.stringify(v)).join(', ')}]`;
    case 'glob':
      return `glob ${JSON.stringify(m.pattern)}`;
    case 'regex':
      return `regex /${m.pattern}/`;
    case 'exists':
      return m.exists ? 'present' : 'absent';
  }
}

/** Null when it matches; otherwise the reason it does not. */
export function testMatcher(variable: string, m: CompiledMatcher, value: string | undefined): string | null {
  if (m.kind === 'exists') {
    const has = value !== undefined;
    if (has === m.exists) return null;
    return m.exists
      ? `${variable} is not set`
      : `${variable} is set (${JSON.stringify(value)}) but must be absent`;
  }
  if (value === undefined) return `${variable} is not set (wanted ${describeMatcher(m)})`;
  const ok = m.kind === 'exact' ? m.values.includes(value) : m.regex.test(value);
  return ok ? null : `${variable} ${JSON.stringify(value)} is not ${describeMatcher(m)}`;
}
