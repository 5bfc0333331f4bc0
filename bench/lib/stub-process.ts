// Starts the Table API stub (table-stub-main.ts) as its own process and reads its counts.
import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { z } from 'zod';
import { REPO } from './bench-mappings.js';

export interface StubProcess {
  url: string;
  counts(): Promise<Record<string, number>>;
  stop(): Promise<void>;
}

export async function startStubProcess(): Promise<StubProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(REPO, 'bench/lib/table-stub-main.ts')],
    {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const line = await new Promise<string>((resolve, reject) => {
    const rl = readline.createInterface({ input: child.stdout });
    child.once('exit', (code) => reject(new Error(`table stub exited with ${code}`)));
    rl.once('line', resolve);
  });
  const { url } = z.object({ url: z.string().url() }).parse(JSON.parse(line));
  return {
    url,
    counts: async () =>
      z.record(z.string(), z.number()).parse(await (await fetch(`${url}/__stub/counts`)).json()),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
