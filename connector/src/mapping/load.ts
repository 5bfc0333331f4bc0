// Loads mappings/*.yaml: parse each file with positions, validate it item by item, merge the files
// (sources by name, topology sites by id, rules in file-name order) and check every cross-reference.
// Every problem found is returned with file:line:col and a path; nothing is thrown.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Mappings } from './compiled.js';
import { fieldMapProblems } from '../sources/mapped-record.js';
import { compileRules } from './compile-rules.js';
import { sortErrors, type MappingError } from './errors.js';
import { readFileParts, type FileParts } from './file-parts.js';
import { hint, mergeTopology } from './merge-topology.js';
import { suggestion } from './suggest.js';
import type { ProviderKind } from './query/language.js';
import type { SourceConfig } from './schema.js';
import { errorAt, parseYaml } from './yaml-source.js';

export interface LoadMappingsOptions {
  /** Telemetry provider names from closeloop.yaml; undefined skips the provider check. */
  providerNames?: readonly string[];
  /**
   * Provider name → kind from closeloop.yaml (implies the names). The kind decides the query language
   * every template value of a close check is escaped for; without it the language is read off the query.
   */
  providerKinds?: Readonly<Record<string, ProviderKind>>;
}

/** `warnings`: legal but risky constructs (a template outside a quoted PromQL label value, …). */
export type LoadMappingsResult =
  | { ok: true; mappings: Mappings; warnings: MappingError[] }
  | { ok: false; errors: MappingError[]; warnings: MappingError[] };

export interface MappingText {
  /** Shown in errors; usually the path the text was read from. */
  file: string;
  text: string;
}

const YAML_FILE = /\.ya?ml$/i;

/** Reads every *.yaml / *.yml file directly in `dir` (sorted by name) and loads them together. */
export function loadMappings(dir: string, options: LoadMappingsOptions = {}): LoadMappingsResult {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) return dirError(dir, 'is not a directory');
    names = readdirSync(dir)
      .filter((n) => YAML_FILE.test(n))
      .sort();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return dirError(
      dir,
      code === 'ENOENT' ? 'directory not found' : `cannot read directory (${code ?? 'error'})`,
    );
  }
  if (names.length === 0) return dirError(dir, 'no mapping files (*.yaml) in this directory');
  const texts: MappingText[] = [];
  const errors: MappingError[] = [];
  for (const n of names) {
    const file = join(dir, n);
    try {
      texts.push({ file, text: readFileSync(file, 'utf8') });
    } catch (e) {
      errors.push({
        file,
        line: 0,
        col: 0,
        path: '',
        message: `cannot read file (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
      });
    }
  }
  const result = loadMappingTexts(texts, options);
  if (errors.length)
    return {
      ok: false,
      errors: sortErrors([...errors, ...(result.ok ? [] : result.errors)]),
      warnings: result.warnings,
    };
  return result;
}

/** `fields.labels.point` → ['fields', 'labels', 'point'] (label names keep any dots they have). */
function splitFieldPath(where: string): string[] {
  const [fields, second, ...rest] = where.split('.');
  if (second === 'labels' && rest.length) return [fields!, second, rest.join('.')];
  return [fields!, ...(second ? [second] : []), ...rest];
}

function dirError(dir: string, message: string): LoadMappingsResult {
  return { ok: false, errors: [{ file: dir, line: 0, col: 0, path: '', message }], warnings: [] };
}

/** The same as loadMappings over texts already in memory (API preview of unsaved mappings, tests). */
export function loadMappingTexts(
  texts: readonly MappingText[],
  options: LoadMappingsOptions = {},
): LoadMappingsResult {
  const errors: MappingError[] = [];
  const files: FileParts[] = [];
  // Rule order is file-name order, whatever order the texts come in.
  const ordered = [...texts].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  for (const { file, text } of ordered) {
    const parsed = parseYaml(file, text);
    errors.push(...parsed.errors);
    if (parsed.errors.length) continue;
    const parts = readFileParts(parsed.source);
    errors.push(...parts.errors);
    files.push(parts);
  }

  // Sources: merged by name; a name defined twice is an error wherever the second one is.
  const sources: Record<string, SourceConfig> = {};
  const disabledSources: Record<string, SourceConfig> = {};
  const sourceNames = new Set<string>();
  const firstSource = new Map<string, string>();
  for (const f of files) {
    for (const s of f.sources) {
      const e = errorAt(f.source, ['sources', s.name], '', 'key');
      const prev = firstSource.get(s.name);
      if (prev) {
        errors.push({ ...e, message: `duplicate source "${s.name}" (first defined at ${prev})` });
        continue;
      }
      firstSource.set(s.name, `${e.file}:${e.line}:${e.col}`);
      sourceNames.add(s.name);
      // A switched-off source stays a known name (rules may still mention it) but takes no alarms.
      if (s.config) (s.config.enabled === false ? disabledSources : sources)[s.name] = s.config;
    }
  }

  // Vendor field maps (webhook, MQTT JSON): every path must parse, or no alarm could ever decode.
  for (const f of files) {
    for (const s of f.sources) {
      const c = s.config;
      if (!c || !(c.kind === 'webhook' || (c.kind === 'mqtt' && c.fields))) continue;
      const batchPath = c.kind === 'webhook' ? c.batch_path : undefined;
      for (const problem of fieldMapProblems({ batch_path: batchPath, fields: c.fields! })) {
        const [where = '', ...rest] = problem.split(': ');
        const segs = where === 'batch_path' ? ['batch_path'] : splitFieldPath(where);
        errors.push(errorAt(f.source, ['sources', s.name, ...segs], rest.join(': ') || problem));
      }
    }
  }

  const topology = mergeTopology(files);
  errors.push(...topology.errors);

  // Sources that translate device addresses into topology equipment ids must name real equipment.
  if (topology.complete) {
    const equipment = topology.index.equipment;
    for (const f of files) {
      for (const s of f.sources) {
        const c = s.config;
        const map = c?.kind === 'redfish' ? c.equipment : c?.kind === 'snmp' ? c.agents : undefined;
        const key = c?.kind === 'redfish' ? 'equipment' : 'agents';
        for (const [k, id] of Object.entries(map ?? {})) {
          if (!equipment.has(id))
            errors.push(
              errorAt(
                f.source,
                ['sources', s.name, key, k],
                `unknown equipment "${id}" in topology${suggestion(id, equipment)}`,
              ),
            );
        }
      }
    }
  }

  // Maintenance windows: ids unique across files, rules they name must exist (checked below with rules).
  const windowIds = new Map<string, string>();
  for (const f of files) {
    f.maintenance.forEach((w, i) => {
      const seen = windowIds.get(w.id);
      if (seen)
        errors.push(
          errorAt(
            f.source,
            ['maintenance', i, 'id'],
            `maintenance window "${w.id}" is already defined in ${seen}`,
          ),
        );
      else windowIds.set(w.id, f.source.file);
      if (w.match.source && !sourceNames.has(w.match.source))
        errors.push(
          errorAt(
            f.source,
            ['maintenance', i, 'match', 'source'],
            `unknown source "${w.match.source}"${hint(sourceNames)}`,
          ),
        );
    });
  }

  const kinds = options.providerKinds ? new Map(Object.entries(options.providerKinds)) : undefined;
  const names = kinds
    ? new Set(kinds.keys())
    : options.providerNames
      ? new Set(options.providerNames)
      : undefined;
  const compiled = compileRules(files, { sourceNames, providerNames: names, providerKinds: kinds, topology });
  errors.push(...compiled.errors);
  const ruleNames = new Set(compiled.rules.map((r) => r.name));
  for (const f of files) {
    f.maintenance.forEach((w, i) => {
      if (w.match.rule && !ruleNames.has(w.match.rule))
        errors.push(
          errorAt(
            f.source,
            ['maintenance', i, 'match', 'rule'],
            `unknown rule "${w.match.rule}"${hint(ruleNames)}`,
          ),
        );
    });
  }

  const warnings = sortErrors(compiled.warnings);
  if (errors.length) return { ok: false, errors: sortErrors(errors), warnings };
  return {
    ok: true,
    warnings,
    mappings: {
      files: ordered.map((t) => t.file),
      sources,
      disabledSources,
      topology: topology.topology,
      graph: topology.graph!,
      rules: compiled.rules,
      defaultRule: compiled.defaultRule,
      maintenance: files.flatMap((f) => f.maintenance),
    },
  };
}
