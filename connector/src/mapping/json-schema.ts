// The JSON Schema of a mapping file, generated from the zod schema so editors and the loader can never
// disagree. Written to mappings/schema.json by `closeloop mappings schema --write`.
import { z } from 'zod';
import { MappingFileSchema } from './schema.js';

export function mappingJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(MappingFileSchema, { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return {
    ...generated,
    $id: 'https://closeloop.dev/schemas/mappings.json',
    title: 'Closeloop mapping file (mappings/*.yaml)',
    description:
      'Sources, topology, rules and close checks that turn OT alarms into ServiceNow incidents. ' +
      'Reference: docs/mappings.md. Generated from connector/src/mapping/schema.ts; do not edit.',
  };
}

/** The exact text of mappings/schema.json (stable key order, trailing newline). */
export function mappingJsonSchemaText(): string {
  return `${JSON.stringify(mappingJsonSchema(), null, 2)}\n`;
}
