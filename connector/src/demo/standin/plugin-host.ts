// Runs the Closeloop plugin's REAL business rule inside the stand-in. The plugin's build output
// (plugin/dist/app, from `npm run build -w plugin`) is read as the instance would install it: the
// sys_module records are written out under their module paths, each active before sys_script on a
// stand-in table becomes a stand-in business rule with the same name, sys_id, order and filter
// condition, and its generated script runs unchanged in a worker thread (plugin-worker.ts) with
// Glide fakes backed by the stand-in's records. The worker blocks on each Glide call while the main
// thread serves it, so RESTMessageV2.execute() stays synchronous for the script and the connector
// (even one running in this same process) keeps being reachable.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { filterCondition, type BusinessRule, type RuleApi } from './business-rules.js';
import { tableDef } from './dictionary.js';
import {
  GLIDE_GLOBAL_KEY,
  WorkerMessageSchema,
  type GlideCall,
  type HttpAnswer,
  type PluginLogEntry,
  type RunRequest,
  type RunResult,
  type WorkerData,
} from './plugin-protocol.js';
import type { Standin, StandinLogger } from './server.js';
import { answer, createChannel } from './sync-rpc.js';
import { readAppRecords, type AppRecord } from './update-set-xml.js';

export const DEFAULT_APP_DIR = fileURLToPath(new URL('../../../../plugin/dist/app', import.meta.url));

export interface PluginHostOptions {
  /** The plugin's build output (default: plugin/dist/app of this repository). */
  appDir?: string;
  logger?: StandinLogger;
}

export interface PluginRunRecord {
  rule: string;
  sysId: string;
  aborted: boolean;
  errorMessages: string[];
  infoMessages: string[];
  scriptError: string | null;
  ms: number;
}

export interface PluginHost {
  /** The business rules installed into the stand-in (name, sys_id, order as built). */
  rules: BusinessRule[];
  /** gs.warn/error/info lines the scripts wrote (newest last, at most 1000). */
  logs(): PluginLogEntry[];
  /** One entry per script run (newest last, at most 1000). */
  runs(): PluginRunRecord[];
  /** Removes the rules from the stand-in, stops the worker, deletes the written modules. */
  close(): Promise<void>;
}

const KEEP = 1000;

export async function startPluginHost(
  standin: Standin,
  options: PluginHostOptions = {},
): Promise<PluginHost> {
  const logger = options.logger;
  const records = readAppRecords(options.appDir ?? DEFAULT_APP_DIR);
  const scripts = records.filter(isHostableRule);
  if (scripts.length === 0)
    throw new Error('the built plugin has no active before business rule on a stand-in table');
  seedMissingProperties(standin, records);

  const root = mkdtempSync(path.join(os.tmpdir(), 'closeloop-plugin-'));
  const modules = writeModules(root, records);
  const preload = [...new Set(scripts.flatMap((s) => requiredModules(s.fields.script ?? '')))];
  const { buffer, channel } = createChannel();
  const workerData: WorkerData = { moduleRoot: root, modules, preload, channel: buffer };
  const worker = spawnWorker(workerData);

  const logs: PluginLogEntry[] = [];
  const runs: PluginRunRecord[] = [];
  const pending = new Map<number, (result: RunResult) => void>();
  let nextRunId = 1;
  let caller: { user: string; currentSysId: string } = { user: 'system', currentSysId: '' };

  const ready = new Promise<void>((resolve, reject) => {
    worker.once('error', reject);
    worker.on('message', (raw: unknown) => {
      const message = WorkerMessageSchema.safeParse(raw);
      if (!message.success) {
        logger?.error({ issues: message.error.issues }, 'plugin worker sent an unreadable message');
        return;
      }
      const data = message.data;
      if (data.type === 'ready') resolve();
      else if (data.type === 'load-failed')
        reject(new Error(`the built plugin modules failed to load: ${data.error}`));
      else if (data.type === 'done') pending.get(data.runId)?.(data.result);
      else
        void serveCall(standin, data.call, caller).then(
          (value) => answer(channel, value),
          (error: unknown) => answer(channel, { error: String(error) }),
        );
    });
  });
  try {
    await ready;
  } catch (error) {
    await worker.terminate();
    rmSync(root, { recursive: true, force: true });
    throw error;
  }

  // One script at a time: the worker is a single Rhino-like thread.
  let queue: Promise<unknown> = Promise.resolve();
  const runInWorker = (rule: AppRecord, api: RuleApi): Promise<void> => {
    const job = queue.then(async () => {
      const started = Date.now();
      const runId = nextRunId++;
      const [user] = standin.tables.list('sys_user', `user_name=${api.user}`);
      caller = { user: api.user, currentSysId: api.current.sys_id ?? '' };
      const request: RunRequest = {
        type: 'run',
        runId,
        script: rule.fields.script ?? '',
        table: api.table,
        current: { ...api.current },
        previous: api.previous ? { ...api.previous } : null,
        user: api.user,
        userSysId: user?.sys_id ?? '',
        roles: [...api.roles],
      };
      const result = await new Promise<RunResult>((resolve) => {
        pending.set(runId, resolve);
        worker.postMessage(request);
      });
      pending.delete(runId);
      apply(api, result);
      keep(logs, ...result.logs);
      for (const entry of result.logs) logger?.[entry.level]({ rule: rule.fields.name }, entry.message);
      if (result.scriptError)
        logger?.error({ rule: rule.fields.name, error: result.scriptError }, 'business rule script threw');
      keep(runs, {
        rule: rule.fields.name ?? '',
        sysId: rule.fields.sys_id ?? '',
        aborted: result.aborted,
        errorMessages: result.errorMessages,
        infoMessages: result.infoMessages,
        scriptError: result.scriptError,
        ms: Date.now() - started,
      });
    });
    queue = job.catch(() => undefined);
    return job;
  };

  const rules = scripts.map((record): BusinessRule => {
    const operations: BusinessRule['operations'] = [];
    if (record.fields.action_update === 'true') operations.push('update');
    if (record.fields.action_insert === 'true') operations.push('insert');
    return {
      name: record.fields.name ?? 'unnamed',
      ...(record.fields.sys_id ? { sysId: record.fields.sys_id } : {}),
      table: record.fields.collection ?? '',
      when: 'before',
      operations,
      order: Number(record.fields.order ?? '100') || 100,
      condition: filterCondition(record.fields.filter_condition ?? ''),
      run: (api) => runInWorker(record, api),
    };
  });
  const removers = rules.map((rule) => standin.businessRules.add(rule));

  return {
    rules,
    logs: () => [...logs],
    runs: () => [...runs],
    close: async () => {
      removers.forEach((remove) => remove());
      await queue;
      await worker.terminate();
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

function spawnWorker(workerData: WorkerData): Worker {
  return new Worker(new URL('./plugin-worker-bootstrap.mjs', import.meta.url), { workerData, execArgv: [] });
}

function apply(api: RuleApi, result: RunResult): void {
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

/** Serves one Glide call from the worker against the stand-in (and the network for RESTMessageV2). */
async function serveCall(
  standin: Standin,
  call: GlideCall,
  caller: { user: string; currentSysId: string },
): Promise<unknown> {
  switch (call.op) {
    case 'property':
      return standin.properties.get(call.name) ?? null;
    case 'query': {
      if (!tableDef(call.table)?.queryable) return [];
      const rows = standin.tables.list(call.table, call.encodedQuery);
      return call.limit === null ? rows : rows.slice(0, Math.max(0, call.limit));
    }
    case 'insert': {
      try {
        const row = await standin.tables.insert(call.table, call.values, { user: caller.user });
        return row.sys_id ?? null;
      } catch {
        return null;
      }
    }
    case 'update': {
      // Updating the record whose before rule is running would wait on that very update.
      if (call.sysId === caller.currentSysId) return null;
      const outcome = await standin.tables.update(call.table, call.sysId, call.values, {
        user: caller.user,
        runRules: false,
      });
      return outcome.ok ? call.sysId : null;
    }
    case 'delete':
      return standin.tables.remove(call.table, call.sysId);
    case 'http':
      return outbound(call);
  }
}

async function outbound(call: Extract<GlideCall, { op: 'http' }>): Promise<HttpAnswer> {
  try {
    const response = await fetch(call.url, {
      method: call.method,
      headers: call.headers,
      ...(call.method === 'GET' || call.method === 'HEAD' ? {} : { body: call.body }),
      signal: AbortSignal.timeout(call.timeoutMs),
    });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => (headers[name.toLowerCase()] = value));
    return { status: response.status, body: await response.text(), headers, error: '' };
  } catch (error) {
    return { status: 0, body: '', headers: {}, error: javaStyleError(error) };
  }
}

/** The messages an instance's outbound HTTP gives for the same failures. */
function javaStyleError(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : null;
  const code = cause && 'code' in cause ? String(cause.code) : '';
  if (name === 'TimeoutError' || name === 'AbortError')
    return 'java.net.SocketTimeoutException: Read timed out';
  if (code === 'ECONNREFUSED') return 'java.net.ConnectException: Connection refused (Connection refused)';
  if (code === 'ENOTFOUND') return `java.net.UnknownHostException: ${cause?.message ?? ''}`;
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'java.net.SocketException: Connection reset';
  return `java.io.IOException: ${cause?.message ?? (error instanceof Error ? error.message : String(error))}`;
}
