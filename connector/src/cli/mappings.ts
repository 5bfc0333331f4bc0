// `closeloop mappings …`: validate, preview and schema for mappings/*.yaml.
import { Command } from 'commander';
import type { CommandBuilder } from './context.js';
import { previewCommand } from './mappings-preview.js';
import { schemaCommand } from './mappings-schema.js';
import { validateCommand } from './mappings-validate.js';

export const mappingsCommand: CommandBuilder = (ctx) =>
  new Command('mappings')
    .description('work with the mapping files (sources, topology, rules, close checks)')
    .addCommand(validateCommand(ctx))
    .addCommand(previewCommand(ctx))
    .addCommand(schemaCommand(ctx));
