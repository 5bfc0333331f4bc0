// `closeloop mappings validate [dir]`: exit 0 when every file is valid, 1 with every error listed.
import { Command } from 'commander';
import { sourceCredentials } from '../config/env-vars.js';
import type { CliContext } from './context.js';
import { loadCliMappings, printMappingErrors, printMappingWarnings } from './mappings-load.js';

export function validateCommand(ctx: CliContext): Command {
  return new Command('validate')
    .description('check mapping files; prints every error as file:line:col path: message')
    .argument('[dir]', 'mappings directory (default: mappings_dir from closeloop.yaml, else ./mappings)')
    .action((dir: string | undefined, _opts: unknown, cmd: Command) => {
      const m = loadCliMappings(ctx, cmd, dir);
      if (!m.result.ok) {
        printMappingErrors(ctx, m);
        ctx.exitCode = 1;
        return;
      }
      printMappingWarnings(ctx, m);
      const { mappings } = m.result;
      const sites = mappings.topology.sites;
      const count = (f: (s: (typeof sites)[number]) => number) => sites.reduce((n, s) => n + f(s), 0);
      const racks = count((s) =>
        s.rooms.reduce((n, r) => n + r.rows.reduce((k, w) => k + w.racks.length, 0), 0),
      );
      const disabled = Object.keys(mappings.disabledSources).length;
      ctx.stdout(
        `${m.dir}: OK — ${mappings.files.length} file${mappings.files.length === 1 ? '' : 's'}, ${Object.keys(mappings.sources).length} sources` +
          `${disabled ? ` (+${disabled} switched off)` : ''}, ` +
          `${mappings.rules.length} rules, ${sites.length} site${sites.length === 1 ? '' : 's'} ` +
          `(${racks} racks, ${count((s) => s.cooling_zones.length)} cooling zones, ` +
          `${count((s) => s.power_paths.length)} power paths, ` +
          `${mappings.graph.groups.size} redundancy group${mappings.graph.groups.size === 1 ? '' : 's'})` +
          `${mappings.defaultRule ? `, default rule ${mappings.defaultRule.name}` : ''}` +
          `${m.result.warnings.length ? `; ${m.result.warnings.length} warning${m.result.warnings.length === 1 ? '' : 's'}` : ''}\n`,
      );
      // The files are valid; whether the environment holds what they name matters where the connector
      // runs (serve refuses to start without it), so here it is a note, not an error.
      const needed = Object.values(mappings.sources).flatMap((s) =>
        sourceCredentials(s).map((c) => c.variable),
      );
      const unset = [...new Set(needed)].filter((v) => !ctx.env[v]);
      if (unset.length)
        ctx.stderr(
          `note: the enabled sources read ${new Set(needed).size} environment variables; not set here: ${unset.join(', ')} ` +
            '(`closeloop serve` does not start without them: set them where the connector runs, or switch a source off with `enabled: false`)\n',
        );
      ctx.exitCode = m.configFailed ? 1 : 0;
    });
}
