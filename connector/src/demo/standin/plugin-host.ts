// Runs the Closeloop plugin's REAL scripts inside the stand-in. The plugin's build output
// (plugin/dist/app, from `npm run build -w plugin`) is read as the instance would install it:
// - the sys_module records are written out under their module paths;
// - each active before/after sys_script on a stand-in table (task included: its rules run for
//   incident, change_request, wm_order, wm_task) becomes a stand-in business rule with the same
//   name, sys_id, order and filter condition; display rules run when a form is opened;
// - each active sys_ui_action becomes a stand-in UI action with its roles and condition (evaluated
//   by the plugin's own script include); a client action runs its real client script
//   (client-sandbox.ts) — GlideAjax answered by the app's client-callable script include, dialogs
//   from its UI pages or g_modal — and, when the form is submitted, its server part;
// - the app's field ACLs (deny-unless, with a script) and record ACLs (roles) guard Table API
//   writes;
// - first-install records of the app's own tables (the guarded tables) are loaded once.
// The scripts run in worker threads (plugin-worker.ts) with Glide fakes over the stand-in's
// records. A worker blocks on each Glide call while the main thread serves it, so
// RESTMessageV2.execute() stays synchronous for the script while the main thread keeps serving HTTP
// (a connector in this same process stays reachable). Rules and form work get a worker each, so a
// UI action's current.update() can run the guard rules.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { filterCondition, type BusinessRule, type RuleApi } from './business-rules.js';
import { TABLES, tableChain, tableDef } from './dictionary.js';
import { GLIDE_GLOBAL_KEY, type PluginLogEntry, type RunRequest, type RunResult } from './plugin-protocol.js';
import { startScriptWorker, type ScriptWorker } from './script-worker.js';
import type { CallerContext } from './glide-service.js';
import type { FormView, Standin, StandinLogger, UiActionInput, UiActionResult } from './server.js';
import type { Row } from './store.js';
import { readAppRecords, type AppRecord } from './update-set-xml.js';
import { runClientScript, type UiPageSource } from './client-sandbox.js';
import type { AccessControl } from './writes.js';

export const DEFAULT_APP_DIR = fileURLToPath(new URL('../../../../plugin/dist/app', import.meta.url));

export interface PluginHostOptions {
  /** The plugin's build output (default: plugin/dist/app of this repository). */
  appDir?: string;
  logger?: StandinLogger;
}

export interface PluginRunRecord {
  kind: 'rule' | 'action' | 'acl' | 'ajax' | 'display' | 'condition';
  /** Business rule name, UI action name, ACL name or processor.method. */
  name: string;
  sysId: string;
  /** The record the script ran for. */
  record: string;
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
  /** Removes the rules, UI actions, forms and ACLs from the stand-in, stops the workers, deletes the written modules. */
  close(): Promise<void>;
}

const KEEP = 1000;
const APP_PREFIX = 'x_closeloop_';

type RunInput = Omit<
  RunRequest,
  'type' | 'runId' | 'user' | 'userSysId' | 'roles' | 'interactive' | 'previous'
> & {
  previous?: Row | null;
};

export async function startPluginHost(
  standin: Standin,
  options: PluginHostOptions = {},
): Promise<PluginHost> {
  const logger = options.logger;
  const records = readAppRecords(options.appDir ?? DEFAULT_APP_DIR).filter((r) => r.action !== 'DELETE');
  const ruleRecords = records.filter((r) => isHostableRule(r, ['before', 'after']));
  const displayRecords = records.filter((r) => isHostableRule(r, ['before_display', 'display']));
  const actionRecords = records.filter(isHostableAction);
  const aclRecords = records.filter((r) => r.table === 'sys_security_acl' && r.fields.active === 'true');
  const scriptIncludes = records
    .filter((r) => r.table === 'sys_script_include' && r.fields.active !== 'false')
    .map((r) => ({ name: r.fields.name ?? '', script: r.fields.script ?? '' }));
  const clientScripts = records.filter(
    (r) => r.table === 'sys_script_client' && r.fields.active === 'true' && r.fields.type === 'onLoad',
  );
  const uiPages = new Map<string, UiPageSource>(
    records
      .filter((r) => r.table === 'sys_ui_page')
      .map((r) => [
        (r.fields.endpoint ?? '').replace(/\.do$/, ''),
        { html: r.fields.html ?? '', clientScript: r.fields.client_script ?? '' },
      ]),
  );
  if (ruleRecords.length === 0) {
    throw new Error('the built plugin has no active business rule on a stand-in table');
  }
  seedMissingProperties(standin, records);
  const install = () => loadFirstInstallRows(standin, records);
  install();

  const root = mkdtempSync(path.join(os.tmpdir(), 'closeloop-plugin-'));
  const workers: ScriptWorker[] = [];
  const includeModules = scriptIncludes.flatMap((s) => requiredModules(s.script));
  try {
    const modules = writeModules(root, records);
    const preloadOf = (list: AppRecord[], fields: string[]) => [
      ...new Set([
        ...list.flatMap((r) => fields.flatMap((f) => requiredModules(r.fields[f] ?? ''))),
        ...includeModules,
      ]),
    ];
    const start = (preload: string[]) =>
      startScriptWorker({ standin, moduleRoot: root, modules, preload, scriptIncludes, logger });
    workers.push(await start(preloadOf([...ruleRecords, ...displayRecords, ...aclRecords], ['script'])));
    workers.push(await start(preloadOf(actionRecords, ['script'])));
  } catch (error) {
    await Promise.all(workers.map((w) => w.close()));
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
  const [ruleWorker, formWorker] = workers as [ScriptWorker, ScriptWorker];

  const logs: PluginLogEntry[] = [];
  const runs: PluginRunRecord[] = [];
  /** GlideSession client data, per session (a REST request, or a user's form session). */
  const clientData = new Map<string, Map<string, string>>();
  const userSysId = (user: string) => standin.tables.list('sys_user', `user_name=${user}`)[0]?.sys_id ?? '';
  const rolesOf = (user: string) => [...(standin.rolesOf(user) ?? [])];

  const record = (
    kind: PluginRunRecord['kind'],
    name: string,
    sysId: string,
    target: string,
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
      record: target,
      aborted: result.aborted,
      errorMessages: result.errorMessages,
      infoMessages: result.infoMessages,
      scriptError: result.scriptError,
      ms: Date.now() - started,
    });
  };

  /** Runs a script as `user` in a worker, recording the run. */
  const runScript = async (
    worker: ScriptWorker,
    kind: PluginRunRecord['kind'],
    name: string,
    sysId: string,
    input: RunInput,
    context: {
      user: string;
      session: string;
      interactive: boolean;
      lockedSysId?: string;
      rulesOnUpdate?: boolean;
    },
  ): Promise<RunResult> => {
    const started = Date.now();
    const caller: CallerContext = {
      user: context.user,
      lockedSysId: context.lockedSysId ?? '',
      rulesOnUpdate: context.rulesOnUpdate ?? false,
      session: context.session,
      interactive: context.interactive,
      clientData,
      mayAccess: (table, id, operation) => recordAccess(table, id, operation, context.user),
    };
    const result = await worker.run(
      {
        ...input,
        previous: input.previous ?? null,
        user: context.user,
        userSysId: userSysId(context.user),
        roles: rolesOf(context.user),
        interactive: context.interactive,
      },
      caller,
    );
    record(kind, name, sysId, input.current.sys_id ?? '', result, started);
    return result;
  };

  // ---- business rules -------------------------------------------------------------------------
  const rules = ruleRecords.map((rule): BusinessRule => {
    const operations: BusinessRule['operations'] = [];
    if (rule.fields.action_update === 'true') operations.push('update');
    if (rule.fields.action_insert === 'true') operations.push('insert');
    const name = rule.fields.name ?? 'unnamed';
    return {
      name,
      ...(rule.fields.sys_id ? { sysId: rule.fields.sys_id } : {}),
      table: rule.fields.collection ?? '',
      when: rule.fields.when === 'after' ? 'after' : 'before',
      operations,
      order: Number(rule.fields.order ?? '100') || 100,
      condition: filterCondition(rule.fields.filter_condition ?? ''),
      run: async (api) => {
        const result = await runScript(
          ruleWorker,
          'rule',
          name,
          rule.fields.sys_id ?? '',
          {
            kind: 'rule',
            script: rule.fields.script ?? '',
            table: api.table,
            current: { ...api.current },
            previous: api.previous ? { ...api.previous } : null,
          },
          {
            user: api.user,
            session: api.session,
            interactive: api.interactive,
            lockedSysId: api.current.sys_id ?? '',
          },
        );
        applyToWrite(api, result);
      },
    };
  });
  const removers = rules.map((rule) => standin.businessRules.add(rule));
  removers.push(standin.onReset(install));

  // ---- ACLs on Table API writes ------------------------------------------------------------------
  const aclRoles = (acl: AppRecord) =>
    records
      .filter((r) => r.table === 'sys_security_acl_role' && r.fields.sys_security_acl === acl.fields.sys_id)
      .map((r) => r.attributes.sys_user_role?.name ?? '')
      .filter(Boolean);
  const hasAny = (user: string, roles: string[]) => {
    const mine = rolesOf(user);
    return mine.includes('admin') || roles.some((role) => mine.includes(role));
  };
  /** Record ACLs with roles on the app's tables (allow-if): none means no restriction here. */
  const mayOperate = (table: string, operation: string, user: string): boolean => {
    const acls = aclRecords.filter(
      (a) =>
        a.fields.type === 'record' &&
        a.fields.name === table &&
        a.fields.operation === operation &&
        (a.fields.decision_type ?? 'allow') === 'allow',
    );
    if (acls.length === 0) return true;
    return acls.some((acl) => {
      const roles = aclRoles(acl);
      return roles.length === 0 || hasAny(user, roles);
    });
  };
  const recordAccess = (table: string, _sysId: string, operation: 'read' | 'write', user: string) =>
    !table.startsWith(APP_PREFIX) || mayOperate(table, operation, user);
  const access: AccessControl = {
    mayOperate: (table, operation, user) => mayOperate(table, operation, user),
    mayWriteField: async (table, field, stored, user) => {
      const names = tableChain(table).map((t) => `${t}.${field}`);
      const acls = aclRecords.filter(
        (a) =>
          a.fields.type === 'record' &&
          a.fields.operation === 'write' &&
          a.fields.decision_type === 'deny' &&
          names.includes(a.fields.name ?? ''),
      );
      for (const acl of acls) {
        if (acl.fields.admin_overrides === 'true' && rolesOf(user).includes('admin')) continue;
        const roles = aclRoles(acl);
        if (roles.length > 0 && !hasAny(user, roles)) return false;
        if (!acl.fields.script) continue;
        const result = await runScript(
          ruleWorker,
          'acl',
          acl.fields.name ?? '',
          acl.fields.sys_id ?? '',
          { kind: 'acl', script: acl.fields.script, table, current: { ...stored } },
          { user, session: `acl-${acl.fields.sys_id ?? ''}`, interactive: false },
        );
        if (result.value !== true) return false;
      }
      return true;
    },
  };
  standin.access.set(access);

  // ---- UI actions (client + server) ---------------------------------------------------------------
  const actionNames: string[] = [];
  for (const action of actionRecords) {
    const name = action.fields.action_name || action.fields.name || '';
    const roles = records
      .filter((r) => r.table === 'sys_ui_action_role' && r.fields.sys_ui_action === action.fields.sys_id)
      .map((r) => r.attributes.sys_user_role?.name ?? '')
      .filter(Boolean);
    const run = async (input: UiActionInput): Promise<UiActionResult> => {
      const user = input.user ?? standin.defaultUser;
      const found = findRecord(standin, action.fields.table ?? '', input.sysId);
      const refuse = (problem: string): UiActionResult => ({
        ok: false,
        problem,
        errorMessages: [],
        infoMessages: [],
        redirect: null,
        record: found?.row ?? null,
        submitted: false,
        dialogOpen: null,
      });
      if (!found) return refuse(`no ${action.fields.table} record ${input.sysId}`);
      if (roles.length > 0 && !hasAny(user, roles)) {
        return refuse(`${user} lacks the role the UI action requires (${roles.join(', ')})`);
      }
      const session = `ui:${user}`;
      const ctx = { user, session, interactive: true, rulesOnUpdate: true };
      const condition = action.fields.condition ?? '';
      if (condition.trim()) {
        const verdict = await runScript(
          formWorker,
          'condition',
          name,
          action.fields.sys_id ?? '',
          { kind: 'condition', script: condition, table: found.table, current: { ...found.row } },
          ctx,
        );
        if (verdict.value !== true) return refuse(`the UI action's condition is not met: ${condition}`);
      }
      const form: Row = { ...found.row, ...(input.form ?? {}) };
      const serverPart = async (): Promise<RunResult> =>
        runScript(
          formWorker,
          'action',
          name,
          action.fields.sys_id ?? '',
          { kind: 'action', script: action.fields.script ?? '', table: found.table, current: form },
          ctx,
        );

      let messages = { errorMessages: [] as string[], infoMessages: [] as string[] };
      let redirect: string | null = null;
      let problem: string | null = null;
      let submitted = false;
      let dialogOpen: string | null = null;
      if (action.fields.client === 'true') {
        const workspace = input.ui === 'workspace';
        const client = await runClientScript({
          script: workspace ? (action.fields.client_script_v2 ?? '') : (action.fields.script ?? ''),
          entry: workspace ? 'onClick(g_form)' : action.fields.onclick || 'undefined',
          table: found.table,
          sysId: input.sysId,
          form,
          dialog: input.dialog,
          uiPages,
          ajax: async (processor, params) => {
            const result = await runScript(
              formWorker,
              'ajax',
              `${processor}.${params.sysparm_name ?? ''}`,
              '',
              {
                kind: 'ajax',
                script: '',
                table: found.table,
                current: { sys_id: input.sysId },
                ajax: { processor, method: params.sysparm_name ?? '', params },
              },
              ctx,
            );
            if (result.scriptError) throw new Error(`GlideAjax ${processor} failed: ${result.scriptError}`);
            return typeof result.value === 'string' ? result.value : '';
          },
        });
        messages = { errorMessages: client.errorMessages, infoMessages: client.infoMessages };
        problem = client.scriptError;
        dialogOpen = client.dialogOpen;
        if (client.submitted === name) {
          const server = await serverPart();
          submitted = true;
          messages.errorMessages.push(...server.errorMessages);
          messages.infoMessages.push(...server.infoMessages);
          redirect = server.redirect;
          problem ??= server.scriptError;
        }
      } else {
        const server = await serverPart();
        submitted = true;
        messages = { errorMessages: server.errorMessages, infoMessages: server.infoMessages };
        redirect = server.redirect;
        problem = server.scriptError;
      }
      return {
        ok: problem === null,
        problem,
        ...messages,
        redirect,
        record: standin.tables.get(found.table, input.sysId) ?? null,
        submitted,
        dialogOpen,
      };
    };
    removers.push(standin.uiActions.register(name, run));
    actionNames.push(name);
  }

  // ---- opening a form: display rules, then onLoad client scripts ------------------------------------
  removers.push(
    standin.forms.register(async (table, sysId, user): Promise<FormView> => {
      const found = findRecord(standin, table, sysId);
      const view: FormView = {
        record: found?.row ?? null,
        errorMessages: [],
        infoMessages: [],
        scratchpad: {},
      };
      if (!found) return view;
      const chain = tableChain(found.table);
      const ctx = { user, session: `ui:${user}`, interactive: true };
      for (const rule of displayRecords.filter((r) => chain.includes(r.fields.collection ?? ''))) {
        const result = await runScript(
          ruleWorker,
          'display',
          rule.fields.name ?? '',
          rule.fields.sys_id ?? '',
          {
            kind: 'display',
            script: rule.fields.script ?? '',
            table: found.table,
            current: { ...found.row },
          },
          ctx,
        );
        view.errorMessages.push(...result.errorMessages);
        view.infoMessages.push(...result.infoMessages);
        if (result.value && typeof result.value === 'object') Object.assign(view.scratchpad, result.value);
      }
      for (const script of clientScripts) {
        const on = script.fields.table ?? '';
        if (on !== found.table && !(script.fields.applies_extended === 'true' && chain.includes(on)))
          continue;
        const client = await runClientScript({
          script: script.fields.script ?? '',
          entry: 'onLoad()',
          table: found.table,
          sysId,
          form: { ...found.row },
          uiPages,
          scratchpad: view.scratchpad,
          ajax: () => Promise.reject(new Error('no GlideAjax from onLoad scripts in the stand-in')),
        });
        view.errorMessages.push(...client.errorMessages);
        view.infoMessages.push(...client.infoMessages);
      }
      return view;
    }),
  );

  return {
    rules,
    uiActions: actionNames,
    logs: () => [...logs],
    runs: () => [...runs],
    close: async () => {
      removers.forEach((remove) => remove());
      standin.access.set(null);
      await Promise.all(workers.map((w) => w.close()));
      rmSync(root, { recursive: true, force: true });
    },
  };
}

function isHostableRule(record: AppRecord, when: string[]): boolean {
  const f = record.fields;
  const triggers =
    f.action_update === 'true' || f.action_insert === 'true' || when.some((w) => w.includes('display'));
  return (
    record.table === 'sys_script' &&
    f.active === 'true' &&
    when.includes(f.when ?? '') &&
    triggers &&
    Boolean(tableDef(f.collection ?? ''))
  );
}

function isHostableAction(record: AppRecord): boolean {
  const f = record.fields;
  return record.table === 'sys_ui_action' && f.active === 'true' && Boolean(tableDef(f.table ?? ''));
}

/** A record of a table, or for a parent table (task) of whichever table extending it holds it. */
function findRecord(standin: Standin, table: string, sysId: string): { table: string; row: Row } | null {
  const candidates = tableDef(table)?.queryable
    ? [table]
    : TABLES.filter((t) => t.queryable && tableChain(t.name).includes(table)).map((t) => t.name);
  for (const name of candidates) {
    const row = standin.tables.get(name, sysId);
    if (row) return { table: name, row };
  }
  return null;
}

function requiredModules(script: string): string[] {
  return [...script.matchAll(/require\(\s*'([^']+)'\s*\)/g)].map((m) => m[1] ?? '');
}

/** Built properties the stand-in does not know yet get their shipped value (never overwrite). */
function seedMissingProperties(standin: Standin, records: AppRecord[]): void {
  for (const record of records) {
    const name = record.fields.name;
    if (record.table !== 'sys_properties' || !name) continue;
    if (standin.properties.get(name) === undefined) standin.properties.set(name, record.fields.value ?? '');
  }
}

/** First-install rows of the app's own tables (the guarded tables), loaded when the table is empty. */
function loadFirstInstallRows(standin: Standin, records: AppRecord[]): void {
  const rows = records.filter((r) => r.table.startsWith(APP_PREFIX) && tableDef(r.table)?.queryable);
  for (const table of new Set(rows.map((r) => r.table))) {
    if (standin.tables.list(table).length > 0) continue;
    standin.tables.load(
      table,
      rows
        .filter((r) => r.table === table)
        .map((row) =>
          Object.fromEntries(
            Object.entries(row.fields).filter(([field]) => !field.startsWith('sys_') || field === 'sys_id'),
          ),
        ),
    );
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
      exports: { '.': './index.js', './sn_ws': './sn_ws.js', './sn_cc': './sn_cc.js' },
    }),
  );
  writeFile(
    path.join(glideDir, 'index.js'),
    `export const gs = ${fakes}.gs;\nexport const GlideRecord = ${fakes}.GlideRecord;\nexport const GlideRecordSecure = ${fakes}.GlideRecordSecure;\n`,
  );
  writeFile(path.join(glideDir, 'sn_ws.js'), `export const RESTMessageV2 = ${fakes}.RESTMessageV2;\n`);
  writeFile(
    path.join(glideDir, 'sn_cc.js'),
    `export const ConnectionInfoProvider = ${fakes}.ConnectionInfoProvider;\n`,
  );
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
