// One worker thread running built plugin scripts (plugin-worker.ts), seen from the main thread:
// start it, run one script at a time (the worker blocks while a script waits on Glide), serve its
// Glide calls through the shared-memory channel, stop it.
import { Worker } from 'node:worker_threads';
import { serveGlideCall, type CallerContext } from './glide-service.js';
import { WorkerMessageSchema, type RunRequest, type RunResult, type WorkerData } from './plugin-protocol.js';
import type { Standin, StandinLogger } from './server.js';
import { answer, createChannel } from './sync-rpc.js';

export interface ScriptWorker {
  /** Runs a script; queued behind any script still running. */
  run(request: Omit<RunRequest, 'type' | 'runId'>, caller: CallerContext): Promise<RunResult>;
  close(): Promise<void>;
}

export interface ScriptWorkerOptions {
  standin: Standin;
  moduleRoot: string;
  modules: Record<string, string>;
  preload: string[];
  scriptIncludes?: { name: string; script: string }[];
  logger?: StandinLogger;
}

export async function startScriptWorker(options: ScriptWorkerOptions): Promise<ScriptWorker> {
  const { buffer, channel } = createChannel();
  const workerData: WorkerData = {
    moduleRoot: options.moduleRoot,
    modules: options.modules,
    preload: options.preload,
    scriptIncludes: options.scriptIncludes ?? [],
    channel: buffer,
  };
  // A plain-JS entry: it registers tsx inside the thread (workers do not inherit loaders).
  const worker = new Worker(new URL('./plugin-worker-bootstrap.mjs', import.meta.url), {
    workerData,
    execArgv: [],
  });
  const pending = new Map<number, (result: RunResult) => void>();
  let caller: CallerContext = { user: 'system', lockedSysId: '', rulesOnUpdate: false };
  let nextRunId = 1;

  const ready = new Promise<void>((resolve, reject) => {
    worker.once('error', reject);
    worker.on('message', (raw: unknown) => {
      const message = WorkerMessageSchema.safeParse(raw);
      if (!message.success) {
        options.logger?.error({ issues: message.error.issues }, 'plugin worker sent an unreadable message');
        return;
      }
      const data = message.data;
      if (data.type === 'ready') resolve();
      else if (data.type === 'load-failed')
        reject(new Error(`the built plugin modules failed to load: ${data.error}`));
      else if (data.type === 'done') pending.get(data.runId)?.(data.result);
      else
        void serveGlideCall(options.standin, data.call, caller).then(
          (value) => answer(channel, value),
          (error: unknown) => answer(channel, { failed: String(error) }),
        );
    });
  });
  try {
    await ready;
  } catch (error) {
    await worker.terminate();
    throw error;
  }
  // A host someone forgot to close must not keep the process alive on its own.
  worker.unref();

  // A worker that dies mid-script must not leave the write waiting forever: refuse it instead.
  const failAll = (why: string) => {
    for (const settle of [...pending.values()]) {
      settle({
        current: {},
        aborted: true,
        errorMessages: [`The stand-in's plugin host failed: ${why}`],
        infoMessages: [],
        logs: [],
        scriptError: why,
        redirect: null,
      });
    }
  };
  worker.on('error', (error) => failAll(error.message));
  worker.on('exit', (code) => failAll(`worker exited with code ${code}`));

  let queue: Promise<unknown> = Promise.resolve();
  return {
    run(request, context) {
      const job = queue.then(
        () =>
          new Promise<RunResult>((resolve) => {
            const runId = nextRunId++;
            caller = context;
            pending.set(runId, (result) => {
              pending.delete(runId);
              resolve(result);
            });
            worker.postMessage({ ...request, type: 'run', runId } satisfies RunRequest);
          }),
      );
      queue = job.catch(() => undefined);
      return job;
    },
    close: async () => {
      await queue;
      await worker.terminate();
    },
  };
}
