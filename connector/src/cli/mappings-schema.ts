// `closeloop mappings schema`: the JSON Schema of mapping files (for editors and CI), generated from
// the zod schema the loader uses.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command } from 'commander';
import { mappingJsonSchemaText } from '../mapping/json-schema.js';
import { CliError, type CliContext } from './context.js';

export function schemaCommand(ctx: CliContext): Command {
  return new Command('schema')
    .description('print the JSON Schema of mapping files')
    .option('-w, --write <file>', 'write it to a file (e.g. mappings/schema.json) instead of printing')
    .option('--check <file>', 'exit 1 if the file differs from the generated schema (for CI)')
    .action((opts: { write?: string; check?: string }) => {
      const text = mappingJsonSchemaText();
      if (opts.check) {
        let current: string;
        try {
          current = readFileSync(resolve(ctx.cwd, opts.check), 'utf8');
        } catch {
          throw new CliError(`${opts.check}: file not found`);
        }
        if (current !== text) {
          ctx.stderr(
            `${opts.check} is stale; regenerate it with: closeloop mappings schema --write ${opts.check}\n`,
          );
          ctx.exitCode = 1;
        } else ctx.stdout(`${opts.check} is up to date\n`);
        return;
      }
      if (opts.write) {
        writeFileSync(resolve(ctx.cwd, opts.write), text);
        ctx.stdout(`wrote ${opts.write}\n`);
        return;
      }
      ctx.stdout(text);
    });
}
