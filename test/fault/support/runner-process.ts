// Starts replica-runner.ts as a child process and waits for it to serve.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { ReplicaConfig } from './replica.js';

const RUNNER = fileURLToPath(new URL('../replica-runner.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const Ready = z.object({ url: z.string(), pid: z.number() });

export interface ReplicaProcess {
  url: string;
  pid: number;
  child: ChildProcess;
  output(): string;
  /** Sends the signal and waits until the process is gone. */
  kill(signal: NodeJS.Signals): Promise<void>;
}

export async function spawnReplica(config: ReplicaConfig, timeoutMs = 30_000): Promise<ReplicaProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', RUNNER, JSON.stringify(config)], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = await new Promise<z.infer<typeof Ready>>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`replica did not start in ${timeoutMs} ms:\n${out}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('READY '));
      if (!line) return;
      clearTimeout(timer);
      resolve(Ready.parse(JSON.parse(line.slice('READY '.length))));
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`replica exited with ${code} before it served:\n${out}`));
    });
  });
  return {
    ...ready,
    child,
    output: () => out,
    kill: async (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
