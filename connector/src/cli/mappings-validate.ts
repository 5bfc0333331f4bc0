// `closeloop mappings validate [dir]`: exit 0 when every file is valid, 1 with every error listed.
import { Command } from 'commander';
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
      ctx.stdout(
        `${m.dir}: OK — ${mappings.files.length} files, ${Object.keys(mappings.sources).length} sources, ` +
          `${mappings.rules.length} rules, ${sites.length} site${sites.length === 1 ? '' : 's'} ` +
          `(${racks} racks, ${count((s) => s.cooling_zones.length)} cooling zones, ` +
          `${count((s) => s.power_paths.length)} power paths)` +
          `${mappings.defaultRule ? `, default rule ${mappings.defaultRule.name}` : ''}` +
          `${m.result.warnings.length ? `; ${m.result.warnings.length} warning${m.result.warnings.length === 1 ? '' : 's'}` : ''}\n`,
      );
      ctx.exitCode = m.configFailed ? 1 : 0;
    });
}
