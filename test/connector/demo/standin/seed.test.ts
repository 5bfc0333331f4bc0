// The seed must cover what the shipped mappings look up, or the demo's incidents lose their
// assignment group and CI; and the plugin's properties as the plugin names them.
import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { CIS, GROUPS, PLUGIN_PROPERTIES } from '../../../../connector/src/demo/standin/index.js';
import { createRequire } from 'node:module';
import { z } from 'zod';

const MAPPINGS = fileURLToPath(new URL('../../../../mappings/', import.meta.url));

/** The plugin's property names, loaded at run time (plugin sources are outside the root tsc program). */
function pluginPropertyNames(): string[] {
  const names: unknown = createRequire(import.meta.url)('../../../../plugin/src/server/closure/names.ts');
  return Object.values(z.object({ PROPERTY: z.record(z.string(), z.string()) }).parse(names).PROPERTY);
}

function collect(value: unknown, key: string, out: unknown[]): unknown[] {
  if (Array.isArray(value)) value.forEach((item) => collect(item, key, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === key) out.push(v);
      collect(v, key, out);
    }
  }
  return out;
}

describe('stand-in seed', () => {
  const documents = readdirSync(MAPPINGS)
    .filter((file) => file.endsWith('.yaml'))
    .map((file) => parse(readFileSync(`${MAPPINGS}${file}`, 'utf8')) as unknown);

  it('has every assignment group the shipped mappings use', () => {
    const groups = documents
      .flatMap((doc) => collect(doc, 'assignment_group', []))
      .filter((g) => typeof g === 'string');
    expect(groups.length).to.be.greaterThan(0);
    for (const group of new Set(groups)) expect(GROUPS, String(group)).to.include(group);
  });

  it('has a CI named after every piece of equipment in the shipped topology', () => {
    const equipment = documents.flatMap((doc) => collect(doc, 'equipment', [])).flat() as { id?: string }[];
    const ids = equipment.map((e) => e.id).filter((id): id is string => typeof id === 'string');
    expect(ids).to.include.members(['CRAH-1', 'CDU-1', 'UPS-2']);
    const names = CIS.map((ci) => ci.name);
    for (const id of ids) expect(names, id).to.include(id);
    expect(names).to.include('gpu-r01-01');
  });

  it("seeds every property the plugin reads, under the plugin's own names", () => {
    expect(PLUGIN_PROPERTIES.map((p) => p.name)).to.have.members(pluginPropertyNames());
  });
});
