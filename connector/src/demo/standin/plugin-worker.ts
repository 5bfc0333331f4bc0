// Worker thread that runs the plugin's built scripts as the instance does: business rules, UI
// action server scripts and conditions, ACL scripts, display rules and GlideAjax calls are executed
// unchanged with the globals the platform gives them (`current`, `previous`, `action`, `answer`,
// `g_scratchpad`, the app's script includes as x_closeloop.<Name>) and a `require` that returns the
// built sys_modules. Every Glide call blocks on the main thread (sync-rpc.ts), which keeps serving
// HTTP meanwhile. Started by plugin-host.ts; never imported by anything else.
import { parentPort, workerData } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { createGlide, newSession, type Session } from './glide-fakes.js';
import {
  GLIDE_GLOBAL_KEY,
  RunRequestSchema,
  WorkerDataSchema,
  type GlideCall,
  type RunResult,
  type WorkerMessage,
} from './plugin-protocol.js';
import { callSync, openChannel } from './sync-rpc.js';

const DEFAULT_CALL_TIMEOUT_MS = 30_000;

async function main(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('plugin-worker must run in a worker thread');
  const post = (message: WorkerMessage) => port.postMessage(message);
  const data = WorkerDataSchema.parse(workerData);
  const channel = openChannel(data.channel);

  let session: Session = newSession();
  const rpc = (call: GlideCall, timeoutMs = DEFAULT_CALL_TIMEOUT_MS): unknown =>
    callSync(channel, () => post({ type: 'call', call }), timeoutMs);
  const glide = createGlide(rpc, () => session);
  // The shim modules written as node_modules/@servicenow/glide read the fakes from here.
  (globalThis as Record<symbol, unknown>)[Symbol.for(GLIDE_GLOBAL_KEY)] = {
    gs: glide.gs,
    GlideRecord: glide.GlideRecord,
    GlideRecordSecure: glide.GlideRecordSecure,
    RESTMessageV2: glide.RESTMessageV2,
    ConnectionInfoProvider: glide.ConnectionInfoProvider,
  };

  const loaded = new Map<string, unknown>();
  try {
    for (const modulePath of data.preload) {
      const file = data.modules[modulePath];
      if (!file) throw new Error(`a built script requires ${modulePath}, which is not a built sys_module`);
      loaded.set(modulePath, await import(pathToFileURL(file).href));
    }
  } catch (error) {
    post({
      type: 'load-failed',
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
    return;
  }

  const require = (specifier: string): unknown => {
    const module = loaded.get(specifier);
    if (!module) throw new Error(`script requires ${specifier}, which was not preloaded`);
    return module;
  };
  // The app's script includes, as the platform publishes them: x_closeloop.<Name>.
  const scope: Record<string, unknown> = {};
  try {
    for (const include of data.scriptIncludes) {
      const context = scriptIncludeContext({ require, gs: glide.gs, GlideRecord: glide.GlideRecord });
      vm.runInNewContext(include.script, context, { filename: `sys_script_include ${include.name}.js` });
      scope[include.name] = context[include.name];
    }
  } catch (error) {
    post({
      type: 'load-failed',
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
    return;
  }

  port.on('message', (raw: unknown) => {
    const run = RunRequestSchema.parse(raw);
    session = newSession(run.user, run.userSysId, run.roles, run.interactive);
    const current = new glide.GlideRecord(run.table, run.current);
    const previous = run.previous ? new glide.GlideRecord(run.table, run.previous) : null;
    let redirect: string | null = null;
    const action = {
      setRedirectURL(target: unknown): void {
        redirect =
          target instanceof glide.GlideRecord
            ? `${target.getTableName()}.do?sys_id=${target.getUniqueValue() ?? ''}`
            : String(target);
      },
    };
    const base = { require, gs: glide.gs, GlideRecord: glide.GlideRecord, x_closeloop: scope };
    const scratchpad: Record<string, unknown> = {};
    const globals: Record<string, unknown> =
      run.kind === 'rule'
        ? { ...base, current, previous }
        : run.kind === 'display'
          ? { ...base, current, previous: null, g_scratchpad: scratchpad }
          : run.kind === 'acl'
            ? { ...base, current, answer: undefined }
            : { ...base, current, action };
    let scriptError: string | null = null;
    let value: unknown = undefined;
    try {
      if (run.kind === 'ajax') value = callProcessor(scope, run.ajax);
      else {
        const result: unknown = vm.runInNewContext(run.script, globals, { filename: `${run.kind}.js` });
        if (run.kind === 'condition') value = Boolean(result);
        if (run.kind === 'acl') value = globals.answer === true;
        if (run.kind === 'display') value = scratchpad;
      }
    } catch (error) {
      scriptError = error instanceof Error ? (error.stack ?? error.message) : String(error);
      // A condition or ACL script that throws does not grant anything.
      if (run.kind === 'condition' || run.kind === 'acl') value = false;
    }
    const result: RunResult = {
      current: current.toRow(),
      aborted: current.isActionAborted(),
      errorMessages: session.errorMessages,
      infoMessages: session.infoMessages,
      logs: session.logs,
      scriptError,
      redirect,
      value,
    };
    post({ type: 'done', runId: run.runId, result });
  });
  post({ type: 'ready' });
}

/**
 * What a script include's script sees: Class.create, Object.extendsObject and
 * global.AbstractAjaxProcessor (whose getParameter reads the GlideAjax call's sysparm_* values).
 */
function scriptIncludeContext(globals: Record<string, unknown>): Record<string, unknown> {
  const context: Record<string, unknown> = { ...globals };
  vm.createContext(context);
  vm.runInContext(
    `var Class = { create: function () { return function () { if (this.initialize) this.initialize.apply(this, arguments); }; } };
     Object.extendsObject = function (base, properties) {
       var object = Object.create(base.prototype || base);
       for (var key in properties) object[key] = properties[key];
       return object;
     };
     var global = { AbstractAjaxProcessor: Class.create() };
     global.AbstractAjaxProcessor.prototype = {
       initialize: function (request) { this.request = request; },
       getParameter: function (name) { return this.request ? this.request.getParameter(name) : null; }
     };`,
    context,
  );
  return context;
}

/** A GlideAjax call: the processor's method, with the call's parameters behind getParameter. */
function callProcessor(
  scope: Record<string, unknown>,
  ajax: { processor: string; method: string; params: Record<string, string> } | undefined,
): string {
  if (!ajax) throw new Error('an ajax run needs the processor, method and parameters');
  const name = ajax.processor.startsWith('x_closeloop.')
    ? ajax.processor.slice('x_closeloop.'.length)
    : ajax.processor;
  const Processor = scope[name] as (new (request: unknown) => Record<string, unknown>) | undefined;
  if (typeof Processor !== 'function') throw new Error(`no script include ${ajax.processor}`);
  const instance = new Processor({ getParameter: (param: string) => ajax.params[param] ?? null });
  const method = instance[ajax.method];
  // Like the platform: only the processor's own methods answer, not its helpers or the base's.
  if (typeof method !== 'function' || ajax.method.startsWith('_') || ajax.method === 'initialize') {
    throw new Error(`${ajax.processor} has no callable method ${ajax.method}`);
  }
  const answer: unknown = (method as () => unknown).call(instance);
  return answer === null || answer === undefined ? '' : String(answer);
}

void main();
