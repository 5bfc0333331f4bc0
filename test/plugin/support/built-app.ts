// Runs the *built* app in Node: the sys_module records of dist/app are written out under their
// module paths, and a business rule's or UI action's generated script is executed with a
// require() that resolves those paths, exactly as the instance does. This is the wiring a local
// ServiceNow stand-in needs (see docs/plugin.md, "Running the guard outside ServiceNow").
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import type { BuiltRecord } from './xml-records.js';
import { installGlideFakes, requirePluginFile } from './glide-require-hook.js';

export interface BuiltApp {
  /** sys_module path → file written under the temporary root. */
  modules: Map<string, string>;
  /** Runs a generated script (sys_script or sys_ui_action `script`) with the given globals. */
  runScript(script: string, globals: Record<string, unknown>): void;
  dispose(): void;
}

export function materialiseBuiltModules(records: BuiltRecord[]): BuiltApp {
  installGlideFakes();
  const root = mkdtempSync(path.join(os.tmpdir(), 'closeloop-built-app-'));
  const modules = new Map<string, string>();
  for (const record of records) {
    if (record.table !== 'sys_module') continue;
    const modulePath = record.fields.path ?? '';
    if (!modulePath.endsWith('.ts')) continue;
    const file = path.join(root, modulePath);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, record.fields.content ?? '');
    modules.set(modulePath, file);
  }
  return {
    modules,
    runScript(script, globals) {
      const require = (specifier: string): unknown => {
        const file = modules.get(specifier);
        if (!file) throw new Error(`built script requires ${specifier}, which is not a built sys_module`);
        return requirePluginFile(file);
      };
      vm.runInNewContext(script, { require, ...globals }, { filename: 'generated-script.js' });
    },
    dispose() {
      rmSync(root, { recursive: true, force: true });
    },
  };
}
