// The start summary as a person reads it: one line per dependency, grouped, then "ready" or the
// complete numbered list of what is missing.
import type { DependencyKind, DependencyState } from '../../model/dependency.js';

const GROUPS: [DependencyKind, string][] = [
  ['source', 'Sources'],
  ['provider', 'Telemetry providers'],
  ['store', 'Store'],
  ['servicenow', 'ServiceNow'],
  ['config', 'Closure checks'],
];

const MARK = { ok: 'ok      ', disabled: 'off     ', degraded: 'degraded', missing: 'MISSING ' } as const;

/**
 * One line per dependency. What is missing is numbered here and spelled out once in the verdict's
 * list (same numbers); what is degraded is explained under its line.
 */
export function formatStates(states: readonly DependencyState[]): string {
  const width = Math.max(8, ...states.map((s) => s.name.length));
  const lines: string[] = [];
  let n = 0;
  for (const [kind, title] of GROUPS) {
    const group = states.filter((s) => s.kind === kind);
    if (!group.length) continue;
    lines.push(`  ${title}`);
    for (const s of group) {
      const refs =
        s.health === 'missing' && s.problems.length
          ? `  (missing: ${s.problems.map(() => `#${++n}`).join(', ')})`
          : '';
      lines.push(`    ${MARK[s.health]}  ${s.name.padEnd(width)}  ${s.detail}${refs}`);
      if (s.health === 'degraded')
        for (const p of s.problems) lines.push(`    ${' '.repeat(8)}  ${' '.repeat(width)}  → ${p}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The verdict line(s): what keeps the connector from starting, or that it may start (with warnings). */
export function formatVerdict(states: readonly DependencyState[]): string {
  // Same order as formatStates numbers them.
  const missing = GROUPS.flatMap(([kind]) =>
    states.filter((s) => s.kind === kind && s.health === 'missing').flatMap((s) => s.problems),
  );
  const degraded = states.filter((s) => s.health === 'degraded');
  if (missing.length) {
    const n = missing.length;
    return `\nnot starting: ${n} thing${n === 1 ? '' : 's'} missing:\n${missing.map((m, i) => `  #${i + 1} ${m}`).join('\n')}\n`;
  }
  return degraded.length
    ? `\nready to start, degraded: ${degraded.map((s) => s.name).join(', ')} (see above)\n`
    : '\nready\n';
}
