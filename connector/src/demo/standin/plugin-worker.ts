// Worker thread that runs the plugin's built scripts as the instance does: the generated business
// rule script is executed unchanged with `current`, `previous` and a `require` that returns the
// built sys_modules, and every Glide call blocks on the main thread (sync-rpc.ts), which keeps
// serving HTTP meanwhile. Started by plugin-host.ts; never imported by anything else.
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
    RESTMessageV2: glide.RESTMessageV2,
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

  port.on('message', (raw: unknown) => {
    const run = RunRequestSchema.parse(raw);
    session = newSession(run.user, run.userSysId, run.roles);
    const current = new glide.GlideRecord(run.table, run.current);
    const previous = run.previous ? new glide.GlideRecord(run.table, run.previous) : null;
    const require = (specifier: string): unknown => {
      const module = loaded.get(specifier);
      if (!module) throw new Error(`script requires ${specifier}, which was not preloaded`);
      return module;
    };
    let redirect: string | null = null;
    const action = {
      setRedirectURL(target: unknown): void {
        redirect =
          target instanceof glide.GlideRecord
            ? `${target.getTableName()}.do?sys_id=${target.getUniqueValue() ?? ''}`
            : String(target);
      },
    };
    const globals =
      run.kind === 'rule'
        ? { require, current, previous, gs: glide.gs }
        : { require, current, action, gs: glide.gs };
    let scriptError: string | null = null;
    try {
      vm.runInNewContext(run.script, globals, {
        filename: run.kind === 'rule' ? 'sys_script.js' : 'sys_ui_action.js',
      });
    } catch (error) {
      scriptError = error instanceof Error ? (error.stack ?? error.message) : String(error);
    }
    const result: RunResult = {
      current: current.toRow(),
      aborted: current.isActionAborted(),
      errorMessages: session.errorMessages,
      infoMessages: session.infoMessages,
      logs: session.logs,
      scriptError,
      redirect,
    };
    post({ type: 'done', runId: run.runId, result });
  });
  post({ type: 'ready' });
}

void main();
