// What the figures were measured on, printed at the top of every benchmark.
import { execFileSync } from 'node:child_process';
import os from 'node:os';

export interface Machine {
  date: string;
  nproc: number;
  cpu: string;
  memoryGiB: number;
  node: string;
  platform: string;
  /** 1-minute load average when measured: other work on the machine shows here. */
  load: number;
  /** The commit measured, with a mark when connector/src had uncommitted changes (a shared tree). */
  commit: string;
}

export function machine(): Machine {
  return {
    date: new Date().toISOString(),
    nproc: os.availableParallelism(),
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    load: Math.round(os.loadavg()[0]! * 100) / 100,
    commit: commit(),
  };
}

function commit(): string {
  try {
    const git = (...a: string[]) => execFileSync('git', a, { encoding: 'utf8' }).trim();
    const dirty = git('status', '--porcelain', '--', 'connector/src') !== '';
    return `${git('rev-parse', '--short', 'HEAD')}${dirty ? ' + uncommitted changes in connector/src' : ''}`;
  } catch {
    return 'unknown';
  }
}

export function formatMachine(m: Machine): string {
  return `${m.date} · nproc ${m.nproc} (${m.cpu}) · ${m.memoryGiB} GiB · node ${m.node} · ${m.platform} · load ${m.load} · commit ${m.commit}`;
}

/** The 1-minute load average now (printed again after each phase). */
export function loadNow(): number {
  return Math.round(os.loadavg()[0]! * 100) / 100;
}
