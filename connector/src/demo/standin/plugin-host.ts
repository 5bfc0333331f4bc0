// Runs the Closeloop plugin's REAL scripts inside the stand-in. The plugin's build output
// (plugin/dist/app, from `npm run build -w plugin`) is read as the instance would install it:
// - the sys_module records are written out under their module paths;
// - each active before sys_script on a stand-in table becomes a stand-in business rule with the
//   same name, sys_id, order and filter condition;
// - each active sys_ui_action on a stand-in table becomes a stand-in UI action (with its roles and
//   condition);
// - the generated scripts run unchanged in worker threads (plugin-worker.ts) with Glide fakes over
//   the stand-in's records. A worker blocks on each Glide call while the main thread serves it, so
//   RESTMessageV2.execute() stays synchronous for the script while the main thread keeps serving
//   HTTP (a connector in this same process stays reachable). Rules and UI actions get a worker
//   each, so a UI action's current.update() can run the guard rule.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { filterCondition, type BusinessRule, type RuleApi } from './business-rules.js';
import { tableDef } from './dictionary.js';
import { GLIDE_GLOBAL_KEY, type PluginLogEntry, type RunResult } from './plugin-protocol.js';
import { startScriptWorker, type ScriptWorker } from './script-worker.js';
import type { Standin, StandinLogger, UiActionInput, UiActionResult } from './server.js';
import { readAppRecords, type AppRecord } from './update-set-xml.js';

export const DEFAULT_APP_DIR = fileURLToPath(new URL('../../../../plugin/dist/app', import.meta.url));

export interface PluginHostOptions {
  /** The plugin's build output (default: plugin/dist/app of this repository). */
  appDir?: string;
  logger?: StandinLogger;
}

export interface PluginRunRecord {
  kind: 'rule' | 'action';
  /** Business rule name or UI action name. */
  name: string;
  sysId: string;
  incident: string;
  aborted: boolean;
  errorMessages: string[];
  infoMessages: string[];
  scriptError: string | null;
  ms: number;
}

export interface PluginHost {
  /** The business rules installed into the stand-in (name, sys_id, order as built). */
  rules: BusinessRule[];
  /** action_name of the UI actions registered with the stand-in. */
  uiActions: string[];
  /** gs.warn/error/info lines the scripts wrote (newest last, at most 1000). */
  logs(): PluginLogEntry[];
  /** One entry per script run (newest last, at most 1000). */
  runs(): PluginRunRecord[];
  /** Removes the rules and UI actions from the stand-in, stops the workers, deletes the written modules. */
  close(): Promise<void>;
}

const KEEP = 1000;

export async function startPluginHost(
  standin: Standin,
  options: PluginHostOptions = {},
): Promise<PluginHost> {
  const logger = options.logger;
  const records = readAppRecords(options.appDir ?? DEFAULT_APP_DIR);
  const ruleRecords = records.filter(isHostableRule);
  const actionRecords = records.filter(isHostableAction);
  if (ruleRecords.length === 0) {
    throw new Error('the built plugin has no active before business rule on a stand-in table');
  }
  seedMissingProperties(standin, records);

  const root = mkdtempSync(path.join(os.tmpdir(), 'closeloop-plugin-'));
  const workers: ScriptWorker[] = [];
  try {
    const modules = writeModules(root, records);
    const preloadOf = (list: AppRecord[]) => [
      ...new Set(list.flatMap((r) => requiredModules(r.fields.script ?? ''))),
    ];
    workers.push(
      await startScriptWorker({
        standin,
        moduleRoot: root,
        modules,
        preload: preloadOf(ruleRecords),
        logger,
      }),
    );
    if (actionRecords.length > 0) {
      workers.push(
        await startScriptWorker({
          standin,
          moduleRoot: root,
          modules,
          preload: preloadOf(actionRecords),
          logger,
        }),
      );
    }
  } catch (error) {
    await Promise.all(workers.map((w) => w.close()));
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
  const [ruleWorker, actionWorker] = workers as [ScriptWorker, ScriptWorker | undefined];

  const logs: PluginLogEntry[] = [];
  const runs: PluginRunRecord[] = [];
  const userSysId = (user: string) => standin.tables.list('sys_user', `user_name=${user}`)[0]?.sys_id ?? '';
  const record = (
    kind: PluginRunRecord['kind'],
    name: string,
    sysId: string,
    incident: string,
    result: RunResult,
    started: number,
  ) => {
    keep(logs, ...result.logs);
    for (const entry of result.logs) logger?.[entry.level]({ [kind]: name }, entry.message);
    if (result.scriptError) logger?.error({ [kind]: name, error: result.scriptError }, 'plugin script threw');
    keep(runs, {
      kind,
      name,
      sysId,
      incident,
      aborted: result.aborted,
      errorMessages: result.errorMessages,
      infoMessages: result.infoMessages,
      scriptError: result.scriptError,
      ms: Date.now() - started,
    });
  };

  const rules = ruleRecords.map((rule): BusinessRule => {
    const operations: BusinessRule['operations'] = [];
    if (rule.fields.action_update === 'true') operations.push('update');
    if (rule.fields.action_insert === 'true') operations.push('insert');
    const name = rule.fields.name ?? 'unnamed';
    return {
      name,
      ...(rule.fields.sys_id ? { sysId: rule.fields.sys_id } : {}),
      table: rule.fields.collection ?? '',
      when: 'before',
      operations,
      order: Number(rule.fields.order ?? '100') || 100,
      condition: filterCondition(rule.fields.filter_condition ?? ''),
      run: async (api) => {
        const started = Date.now();
        const result = await ruleWorker.run(
          {
            kind: 'rule',
            script: rule.fields.script ?? '',
            table: api.table,
            current: { ...api.current },
            previous: api.previous ? { ...api.previous } : null,
            user: api.user,
            userSysId: userSysId(api.user),
            roles: [...api.roles],
          },
          { user: api.user, lockedSysId: api.current.sys_id ?? '', rulesOnUpdate: false },
        );
        applyToWrite(api, result);
        record('rule', name, rule.fields.sys_id ?? '', api.current.sys_id ?? '', result, started);
      },
    };
  });
  const removers = rules.map((rule) => standin.businessRules.add(rule));

  const actionNames: string[] = [];
  if (actionWorker) {
    for (const action of actionRecords) {
      const name = action.fields.action_name || action.fields.name || '';
      const roles = records
        .filter((r) => r.table === 'sys_ui_action_role' && r.fields.sys_ui_action === action.fields.sys_id)
        .map((r) => r.attributes.sys_user_role?.name ?? '')
        .filter(Boolean);
      const run = async (input: UiActionInput): Promise<UiActionResult> => {
        const table = action.fields.table ?? '';
        const user = input.user ?? standin.defaultUser;
        const userRoles = [...(standin.rolesOf(user) ?? [])];
        const current = standin.tables.get(table, input.sysId);
        const refuse = (problem: string): UiActionResult => ({
          ok: false,
          problem,
          errorMessages: [],
          infoMessages: [],
          redirect: null,
          record: current ?? null,
        });
        if (!current) return refuse(`no ${table} record ${input.sysId}`);
        if (
          roles.length > 0 &&
          !userRoles.includes('admin') &&
          !roles.some((role) => userRoles.includes(role))
        ) {
          return refuse(`${user} lacks the role the UI action requires (${roles.join(', ')})`);
        }
        if (!conditionHolds(action.fields.condition ?? '', current)) {
          return refuse(`the UI action's condition is not met: ${action.fields.condition}`);
        }
        const started = Date.now();
        const result = await actionWorker.run(
          {
            kind: 'action',
            script: action.fields.script ?? '',
            table,
            current: { ...current },
            previous: null,
            user,
            userSysId: userSysId(user),
            roles: userRoles,
          },
          { user, lockedSysId: '', rulesOnUpdate: true },
        );
        record('action', name, action.fields.sys_id ?? '', input.sysId, result, started);
        return {
          ok: result.scriptError === null,
          problem: result.scriptError,
          errorMessages: result.errorMessages,
          infoMessages: result.infoMessages,
          redirect: result.redirect,
          record: standin.tables.get(table, input.sysId) ?? null,
        };
      };
      removers.push(standin.uiActions.register(name, run));
      actionNames.push(name);
    }
  }

  return {
    rules,
    uiActions: actionNames,
    logs: () => [...logs],
    runs: () => [...runs],
    close: async () => {
      removers.forEach((remove) => remove());
      await Promise.all(workers.map((w) => w.close()));
      rmSync(root, { recursive: true, force: true });
    },
  };
}

function isHostableRule(record: AppRecord): boolean {
  const f = record.fields;
  return (
    record.table === 'sys_script' &&
    f.active === 'true' &&
    f.when === 'before' &&
    (f.action_update === 'true' || f.action_insert === 'true') &&
    Boolean(tableDef(f.collection ?? '')?.queryable)
  );
}

function isHostableAction(record: AppRecord): boolean {
  const f = record.fields;
  return (
    record.table === 'sys_ui_action' && f.active === 'true' && Boolean(tableDef(f.table ?? '')?.queryable)
  );
}

function requiredModules(script: string): string[] {
  return [...script.matchAll(/require\(\s*'([^']+)'\s*\)/g)].map((m) => m[1] ?? '');
}

/** A UI action condition is a script expression over `current` (read here as plain column values). */
function conditionHolds(condition: string, row: Record<string, string>): boolean {
  if (!condition.trim()) return true;
  try {
    return Boolean(vm.runInNewContext(condition, { current: { ...row } }, { timeout: 1000 }));
  } catch {
    return false;
  }
}

/** Built properties the stand-in does not know yet get their shipped value (never overwrite). */
function seedMissingProperties(standin: Standin, records: AppRecord[]): void {
  for (const record of records) {
    const name = record.fields.name;
    if (record.table !== 'sys_properties' || !name) continue;
    if (standin.properties.get(name) === undefined) standin.properties.set(name, record.fields.value ?? '');
  }
}

/** Writes every built .ts sys_module under its path, plus ESM shims standing in for @servicenow/glide. */
function writeModules(root: string, records: AppRecord[]): Record<string, string> {
  const modules: Record<string, string> = {};
  writeFile(path.join(root, 'package.json'), JSON.stringify({ type: 'module', private: true }));
  for (const record of records) {
    const modulePath = record.fields.path ?? '';
    if (record.table !== 'sys_module' || !modulePath.endsWith('.ts')) continue;
    const file = path.join(root, ...modulePath.split('/'));
    if (!file.startsWith(root + path.sep))
      throw new Error(`sys_module path escapes the module root: ${modulePath}`);
    writeFile(file, record.fields.content ?? '');
    modules[modulePath] = file;
  }
  const glideDir = path.join(root, 'node_modules', '@servicenow', 'glide');
  const fakes = `globalThis[Symbol.for(${JSON.stringify(GLIDE_GLOBAL_KEY)})]`;
  writeFile(
    path.join(glideDir, 'package.json'),
    JSON.stringify({
      name: '@servicenow/glide',
      type: 'module',
      exports: { '.': './index.js', './sn_ws': './sn_ws.js' },
    }),
  );
  writeFile(
    path.join(glideDir, 'index.js'),
    `export const gs = ${fakes}.gs;\nexport const GlideRecord = ${fakes}.GlideRecord;\n`,
  );
  writeFile(path.join(glideDir, 'sn_ws.js'), `export const RESTMessageV2 = ${fakes}.RESTMessageV2;\n`);
  return modules;
}

function writeFile(file: string, content: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
}

/** Carries what the rule did back into the write: changed columns, messages, abort. */
function applyToWrite(api: RuleApi, result: RunResult): void {
  for (const [field, value] of Object.entries(result.current)) {
    if (field in api.current && api.current[field] !== value) api.current[field] = value;
  }
  result.errorMessages.forEach((message) => api.addErrorMessage(message));
  result.infoMessages.forEach((message) => api.addInfoMessage(message));
  if (result.aborted) api.setAbortAction(true);
}

function keep<T>(list: T[], ...items: T[]): void {
  list.push(...items);
  if (list.length > KEEP) list.splice(0, list.length - KEEP);
}
