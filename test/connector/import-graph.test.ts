// The connector's layering, checked over its import graph (every import and re-export, type-only
// ones included, read with the TypeScript parser): model/ is a leaf, the lifecycle and the outbox
// never reach for the store, the stores reach the lifecycle for its port types only, and none of
// lifecycle, store, outbox, model is part of an import circle, between folders or between files.
import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../connector/src');

/** The layers whose imports are held to these rules. */
const GUARDED = ['lifecycle', 'store', 'outbox', 'model'];

interface Import {
  from: string;
  to: string;
  typeOnly: boolean;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return sourceFiles(p);
    return d.name.endsWith('.ts') ? [p] : [];
  });
}

/** Relative imports of one file, resolved to files under SRC (".js" specifiers name ".ts" files). */
function importsOf(file: string): Import[] {
  const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, false);
  const out: Import[] = [];
  const add = (spec: ts.Expression | undefined, typeOnly: boolean) => {
    if (!spec || !ts.isStringLiteral(spec) || !spec.text.startsWith('.')) return;
    const to = path.resolve(path.dirname(file), spec.text.replace(/\.js$/, '.ts'));
    out.push({ from: path.relative(SRC, file), to: path.relative(SRC, to), typeOnly });
  };
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st)) {
      const c = st.importClause;
      const named = c?.namedBindings && ts.isNamedImports(c.namedBindings) ? c.namedBindings : undefined;
      const everyNameTyped = !!named && !c?.name && named.elements.every((e) => e.isTypeOnly);
      add(st.moduleSpecifier, !!c?.isTypeOnly || everyNameTyped);
    } else if (ts.isExportDeclaration(st)) {
      const named = st.exportClause && ts.isNamedExports(st.exportClause) ? st.exportClause : undefined;
      add(st.moduleSpecifier, st.isTypeOnly || (!!named && named.elements.every((e) => e.isTypeOnly)));
    }
  }
  return out;
}

const folderOf = (rel: string) => rel.split(path.sep)[0]!;

/** Strongly connected components with more than one member (Tarjan). */
function circles(edges: Map<string, Set<string>>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1) found.push(scc.sort());
    }
  };
  for (const v of edges.keys()) if (!idx.has(v)) visit(v);
  return found;
}

function graph(imports: Import[], node: (rel: string) => string): Map<string, Set<string>> {
  const edges = new Map<string, Set<string>>();
  for (const i of imports) {
    const a = node(i.from);
    const b = node(i.to);
    if (!edges.has(a)) edges.set(a, new Set());
    if (!edges.has(b)) edges.set(b, new Set());
    if (a !== b) edges.get(a)!.add(b);
  }
  return edges;
}

describe('connector import graph', () => {
  const imports = sourceFiles(SRC).flatMap(importsOf);
  const between = (from: string, to: string) =>
    imports.filter((i) => folderOf(i.from) === from && folderOf(i.to) === to);

  it('reads the imports of every source file (type-only ones included)', () => {
    // The check below is only as good as this reading: the stores implement the lifecycle's ports.
    expect(between('store', 'lifecycle').length).to.be.greaterThan(0);
    expect(between('store', 'lifecycle').every((i) => i.typeOnly)).to.equal(true);
    expect(imports.some((i) => i.from === path.join('lifecycle', 'apply.ts') && !i.typeOnly)).to.equal(true);
  });

  it('finds a circle when there is one', () => {
    const edges = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a'])],
      ['d', new Set(['a'])],
    ]);
    expect(circles(edges)).to.deep.equal([['a', 'b', 'c']]);
  });

  it(`no folder circle passes through ${GUARDED.join(', ')}`, () => {
    const found = circles(graph(imports, folderOf)).filter((c) => c.some((f) => GUARDED.includes(f)));
    const why = found.map((c) =>
      c
        .flatMap((f) =>
          imports.filter((i) => folderOf(i.from) === f && c.includes(folderOf(i.to)) && folderOf(i.to) !== f),
        )
        .map((i) => `${i.from} → ${i.to}`)
        .join('\n'),
    );
    expect(found, why.join('\n\n')).to.deep.equal([]);
  });

  it(`no file circle inside ${GUARDED.join(', ')}`, () => {
    const inside = imports.filter(
      (i) => GUARDED.includes(folderOf(i.from)) && GUARDED.includes(folderOf(i.to)),
    );
    expect(circles(graph(inside, (f) => f))).to.deep.equal([]);
  });

  it('model/ is a leaf: it imports only model/', () => {
    const out = imports.filter((i) => folderOf(i.from) === 'model' && folderOf(i.to) !== 'model');
    expect(out.map((i) => `${i.from} → ${i.to}`)).to.deep.equal([]);
  });

  it('the lifecycle never imports the store, the outbox or anything above it', () => {
    const above = [
      'store',
      'outbox',
      'itsm',
      'guard',
      'service',
      'http',
      'console',
      'cli',
      'demo',
      'sources',
    ];
    const out = imports.filter((i) => folderOf(i.from) === 'lifecycle' && above.includes(folderOf(i.to)));
    expect(out.map((i) => `${i.from} → ${i.to}`)).to.deep.equal([]);
  });

  it('the outbox never imports the lifecycle; the store never imports the outbox', () => {
    const out = [...between('outbox', 'lifecycle'), ...between('store', 'outbox')];
    expect(out.map((i) => `${i.from} → ${i.to}`)).to.deep.equal([]);
  });

  it('a store is SQL and row mapping: from the lifecycle it takes port types only, never a decision', () => {
    const values = between('store', 'lifecycle').filter((i) => !i.typeOnly);
    expect(values.map((i) => `${i.from} → ${i.to}`)).to.deep.equal([]);
    const above = ['guard', 'service', 'http', 'console', 'cli', 'itsm', 'mapping', 'sources', 'demo'];
    const out = imports.filter((i) => folderOf(i.from) === 'store' && above.includes(folderOf(i.to)));
    expect(out.map((i) => `${i.from} → ${i.to}`)).to.deep.equal([]);
  });
});
