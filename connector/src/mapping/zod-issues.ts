// zod issues → MappingErrors with messages an admin can act on. Unions are the hard part: zod reports
// every branch; we show the branch the input clearly meant, or one line listing the accepted forms.
import type { z } from 'zod';
import type { MappingError, PathSegment } from './errors.js';
import { errorAt, type YamlSource } from './yaml-source.js';

type Issue = z.core.$ZodIssue;

function received(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}

function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let v: unknown = root;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}

function typeName(expected: string): string {
  const names: Record<string, string> = {
    string: 'a string',
    number: 'a number',
    int: 'an integer',
    boolean: 'true or false',
    array: 'a list',
    object: 'a mapping',
    record: 'a mapping',
    tuple: 'a list',
    literal: 'a fixed value',
  };
  return names[expected] ?? expected;
}

/** True when the branch failed only below its top level, i.e. the input has that branch's shape. */
function branchGotFar(branch: readonly Issue[]): boolean {
  return branch.length > 0 && branch.every((i) => i.path.length > 0);
}

function describeTopLevel(branch: readonly Issue[]): string | undefined {
  const top = branch.find((i) => i.path.length === 0);
  if (!top) return undefined;
  if (top.code === 'invalid_type') return typeName(top.expected);
  if (top.code === 'invalid_value') return `one of ${top.values.map((v) => JSON.stringify(v)).join(', ')}`;
  if (top.code === 'unrecognized_keys') return undefined;
  return undefined;
}

function flatten(
  issue: Issue,
  root: unknown,
  base: readonly PathSegment[],
): { path: PathSegment[]; message: string; at: 'key' | 'value' }[] {
  const path = [...base, ...(issue.path as PathSegment[])];
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((k) => ({
        path: [...path, k],
        message: `unknown key "${k}"`,
        at: 'key' as const,
      }));
    case 'invalid_key': {
      const inner = issue.issues[0];
      return [
        {
          path,
          message: `invalid name "${String(path[path.length - 1])}": ${inner?.message ?? issue.message}`,
          at: 'key',
        },
      ];
    }
    case 'invalid_type': {
      const got = valueAt(root, path);
      if (got === undefined) return [{ path, message: 'is required', at: 'value' }];
      return [{ path, message: `expected ${typeName(issue.expected)}, got ${received(got)}`, at: 'value' }];
    }
    case 'invalid_value':
      return [
        {
          path,
          message: `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${received(valueAt(root, path))}`,
          at: 'value',
        },
      ];
    case 'invalid_union': {
      const extra = issue as { note?: string; options?: unknown[] };
      if (extra.note === 'No matching discriminator') {
        const options = extra.options ?? [];
        const got = valueAt(root, path);
        const what = got === undefined ? 'is required' : `${received(got)} is not one of`;
        return [
          {
            path,
            message: `${what} ${options.map(String).join(', ')}`.replace(
              'is required ',
              'is required: one of ',
            ),
            at: 'value',
          },
        ];
      }
      const far = issue.errors.filter(branchGotFar);
      if (far.length === 1) return far[0]!.flatMap((i) => flatten(i, root, path));
      if (issue.message && issue.message !== 'Invalid input') {
        return [
          { path, message: `expected ${issue.message}, got ${received(valueAt(root, path))}`, at: 'value' },
        ];
      }
      const forms = [...new Set(issue.errors.map(describeTopLevel).filter((d): d is string => !!d))];
      const got = received(valueAt(root, path));
      return [
        {
          path,
          message: forms.length ? `expected ${forms.join(' or ')}, got ${got}` : `invalid value (${got})`,
          at: 'value',
        },
      ];
    }
    case 'too_small':
    case 'too_big':
    case 'invalid_format':
    case 'not_multiple_of':
    case 'custom':
    default:
      return [{ path, message: issue.message, at: 'value' }];
  }
}

export interface IssueDescription {
  path: PathSegment[];
  message: string;
  /** Whether the position is the key (unknown/misnamed keys) or the value. */
  at: 'key' | 'value';
}

/** Every issue of a failed parse of the value at `base` within `root`, with a readable message. */
export function describeIssues(
  root: unknown,
  base: readonly PathSegment[],
  issues: readonly Issue[],
): IssueDescription[] {
  return issues.flatMap((issue) => flatten(issue, root, base));
}

/** Every issue of a failed parse of the value at `base` in `source`, positioned in the YAML. */
export function issuesToErrors(
  source: YamlSource,
  base: readonly PathSegment[],
  issues: readonly Issue[],
): MappingError[] {
  return describeIssues(source.value, base, issues).map((f) => errorAt(source, f.path, f.message, f.at));
}
