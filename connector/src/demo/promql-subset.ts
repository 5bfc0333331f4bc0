// The few PromQL forms the demo's site feed answers, parsed into data: a selector
// (`metric{label="v",other=~"re"}`), optionally with a range (`[30s]`, `[12000ms]`), optionally inside
// one aggregation without grouping (`max(...)`, `min`, `avg`, `sum`, `count`). That is what the
// connector's Prometheus provider sends for the demo's close checks; anything else is refused with
// Prometheus's own `bad_data` error so nobody mistakes the feed for a real Prometheus.
import { parseDuration } from '../util/duration.js';

export type MatchOp = '=' | '!=' | '=~' | '!~';

export interface LabelMatcher {
  name: string;
  op: MatchOp;
  value: string;
}

export type Aggregation = 'max' | 'min' | 'avg' | 'sum' | 'count';

export interface ParsedQuery {
  matchers: LabelMatcher[];
  /** Range of a range-vector selector in ms (`sel[30s]`), else null. */
  rangeMs: number | null;
  aggregation: Aggregation | null;
  /** `count_over_time(sel[range])`: how many samples each series has in the range. */
  countOverTime?: boolean;
}

export class PromQlSubsetError extends Error {
  override readonly name = 'PromQlSubsetError';
}

const NAME = /^[A-Za-z_:][A-Za-z0-9_:]*/;
const LABEL = /^[A-Za-z_][A-Za-z0-9_]*/;
const AGGREGATIONS = new Set<string>(['max', 'min', 'avg', 'sum', 'count']);

export function parseQuery(text: string): ParsedQuery {
  // The provider asks `count_over_time(sel[range])` for the series a selector matched in a longer range.
  const over = /^count_over_time\s*\(([\s\S]*)\)$/.exec(text.trim());
  if (over) {
    const inner = parseQuery(over[1] ?? '');
    if (inner.rangeMs === null || inner.aggregation || inner.countOverTime)
      throw new PromQlSubsetError('count_over_time() needs a range selector');
    return { ...inner, countOverTime: true };
  }
  let rest = text.trim();
  let aggregation: Aggregation | null = null;
  const agg = /^([a-z]+)\s*\(([\s\S]*)\)$/.exec(rest);
  if (agg && AGGREGATIONS.has(agg[1] ?? '')) {
    aggregation = agg[1] as Aggregation;
    rest = (agg[2] ?? '').trim();
  }
  const matchers: LabelMatcher[] = [];
  const name = NAME.exec(rest);
  if (name) {
    matchers.push({ name: '__name__', op: '=', value: name[0] });
    rest = rest.slice(name[0].length).trimStart();
  }
  if (rest.startsWith('{')) {
    rest = rest.slice(1);
    for (;;) {
      rest = rest.trimStart();
      if (rest.startsWith('}')) {
        rest = rest.slice(1);
        break;
      }
      const label = LABEL.exec(rest);
      if (!label) throw new PromQlSubsetError(`unexpected "${rest.slice(0, 20)}" in label matchers`);
      rest = rest.slice(label[0].length).trimStart();
      const op = /^(=~|!~|!=|=)/.exec(rest)?.[0] as MatchOp | undefined;
      if (!op) throw new PromQlSubsetError(`expected a match operator after ${label[0]}`);
      rest = rest.slice(op.length).trimStart();
      const quoted = /^"((?:[^"\\]|\\.)*)"/.exec(rest);
      if (!quoted) throw new PromQlSubsetError(`expected a quoted value for label ${label[0]}`);
      matchers.push({ name: label[0], op, value: JSON.parse(`"${quoted[1] ?? ''}"`) as string });
      rest = rest.slice(quoted[0].length).trimStart();
      if (rest.startsWith(',')) rest = rest.slice(1);
      else if (!rest.startsWith('}')) throw new PromQlSubsetError('expected "," or "}" in label matchers');
    }
  }
  if (matchers.length === 0) throw new PromQlSubsetError(`not a selector: ${text}`);
  rest = rest.trimStart();
  let rangeMs: number | null = null;
  const range = /^\[([^\]]+)\]/.exec(rest);
  if (range) {
    const ms = parseDuration(range[1] ?? '');
    if (ms === undefined || ms <= 0) throw new PromQlSubsetError(`bad range [${range[1]}]`);
    rangeMs = ms;
    rest = rest.slice(range[0].length).trimStart();
  }
  if (rest !== '') throw new PromQlSubsetError(`the demo feed does not understand "${rest}" in ${text}`);
  if (aggregation && rangeMs !== null)
    throw new PromQlSubsetError(`${aggregation}() needs an instant vector, got a range selector`);
  return { matchers, rangeMs, aggregation };
}

export function matchesLabels(matchers: readonly LabelMatcher[], labels: Record<string, string>): boolean {
  return matchers.every((m) => {
    const value = labels[m.name] ?? '';
    switch (m.op) {
      case '=':
        return value === m.value;
      case '!=':
        return value !== m.value;
      case '=~':
        return new RegExp(`^(?:${m.value})$`).test(value);
      case '!~':
        return !new RegExp(`^(?:${m.value})$`).test(value);
    }
  });
}

/** The aggregation of the values present at one instant (null when none). */
export function aggregate(kind: Aggregation, values: readonly number[]): number | null {
  if (values.length === 0) return null;
  switch (kind) {
    case 'max':
      return Math.max(...values);
    case 'min':
      return Math.min(...values);
    case 'sum':
      return values.reduce((a, b) => a + b, 0);
    case 'avg':
      return values.reduce((a, b) => a + b, 0) / values.length;
    case 'count':
      return values.length;
  }
}
