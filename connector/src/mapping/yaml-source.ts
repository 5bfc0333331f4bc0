// A parsed YAML document that still knows where every node came from, so an error found later on the
// plain JS value (by zod or by cross-file checks) can be reported at file:line:col.
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import type { MappingError, PathSegment } from './errors.js';
import { formatPath } from './errors.js';

export interface YamlSource {
  file: string;
  doc: Document;
  lines: LineCounter;
  /** The document as plain data (undefined for an empty file). */
  value: unknown;
}

export interface Position {
  line: number;
  col: number;
}

/** Parses YAML; syntax errors (including duplicate keys) come back as MappingErrors, never thrown. */
export function parseYaml(file: string, text: string): { source: YamlSource; errors: MappingError[] } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const errors: MappingError[] = doc.errors.map((e) => {
    const pos = lines.linePos(e.pos[0]);
    return { file, line: pos.line, col: pos.col, path: '', message: firstLine(e.message) };
  });
  let value: unknown;
  if (!errors.length) {
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (e) {
      // e.g. an alias bomb ("excessive alias count") or an alias to nothing: report, never throw.
      errors.push({ file, line: 1, col: 1, path: '', message: (e as Error).message });
    }
  }
  return { source: { file, doc, lines, value }, errors };
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

function childOf(node: unknown, seg: PathSegment): { key?: Node; value?: Node } | undefined {
  if (isMap(node)) {
    for (const item of node.items) {
      if (isPair(item) && isScalar(item.key) && String(item.key.value) === String(seg)) {
        return { key: item.key as Node, value: (item.value ?? undefined) as Node | undefined };
      }
    }
    return undefined;
  }
  if (isSeq(node) && typeof seg === 'number') {
    const v = node.items[seg];
    return v ? { value: v as Node } : undefined;
  }
  return undefined;
}

/**
 * Where `path` is in the document. `at: 'key'` points at the key of the last segment (for unknown or
 * misnamed keys); otherwise at its value. A path that does not exist (a missing required key) resolves
 * to the deepest node that does, which is the object the key is missing from.
 */
export function locate(
  source: YamlSource,
  path: readonly PathSegment[],
  at: 'key' | 'value' = 'value',
): Position {
  let node: unknown = source.doc.contents;
  let best: Node | undefined = (source.doc.contents ?? undefined) as Node | undefined;
  for (let i = 0; i < path.length; i++) {
    const child = childOf(node, path[i]!);
    if (!child) break;
    const last = i === path.length - 1;
    const target = last && at === 'key' && child.key ? child.key : (child.value ?? child.key);
    if (target) best = target;
    node = child.value;
  }
  const offset = best?.range?.[0] ?? 0;
  return source.lines.linePos(offset);
}

/** A MappingError at `path` in `source`. */
export function errorAt(
  source: YamlSource,
  path: readonly PathSegment[],
  message: string,
  at: 'key' | 'value' = 'value',
): MappingError {
  const pos = locate(source, path, at);
  return { file: source.file, line: pos.line, col: pos.col, path: formatPath(path), message };
}
