// `npx tsx bench/storm/run.ts [--seed 7] [--skip-naive] [--out file.json]`
// Runs the storm against Closeloop and the naive bridge, each with its own fresh stand-in, and prints
// the figures (docs/storm-benchmark.md explains them).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { runCloseloop } from './closeloop-run.js';
import { generateStorm } from './generate.js';
import { REPO } from './mappings.js';
import { runNaive } from './naive-run.js';
import {
  buildReport,
  closeloopFigures,
  formatReport,
  naiveFigures,
  type CloseloopFigures,
} from './report.js';

const ArgsSchema = z.object({
  seed: z.coerce.number().int().default(7),
  'skip-naive': z.boolean().default(false),
  'keep-dir': z.boolean().default(false),
  out: z.string().optional(),
});

function commit(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO }).toString().trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'connector/src'], { cwd: REPO })
      .toString()
      .trim();
    return dirty ? `${head} + uncommitted changes in connector/src` : head;
  } catch {
    return 'unknown';
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string' },
      'skip-naive': { type: 'boolean' },
      'keep-dir': { type: 'boolean' },
      out: { type: 'string' },
    },
  });
  const args = ArgsSchema.parse(values);
  const log = (l: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${l}\n`);
  const environment = {
    date: new Date().toISOString(),
    nproc: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    node: process.version,
    commit: commit(),
  };
  const storm = generateStorm({ seed: args.seed });
  const realEvents = storm.faults.length;
  const naive = args['skip-naive'] ? null : naiveFigures(await runNaive(storm, log), realEvents);
  log('Closeloop run');
  const run = await runCloseloop({ storm: { seed: args.seed }, keepDir: args['keep-dir'], log });
  if (run.dir) log(`kept ${run.dir}`);
  const closeloop: CloseloopFigures[] = [closeloopFigures(run, realEvents)];
  const report = buildReport(environment, storm, closeloop, naive);
  if (args.out) fs.writeFileSync(args.out, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`${formatReport(report)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
