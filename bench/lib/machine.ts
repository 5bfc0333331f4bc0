// What the figures were measured on, printed at the top of every benchmark.
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
  };
}

export function formatMachine(m: Machine): string {
  return `${m.date} · nproc ${m.nproc} (${m.cpu}) · ${m.memoryGiB} GiB · node ${m.node} · ${m.platform} · load ${m.load}`;
}

/** The 1-minute load average now (printed again after each phase). */
export function loadNow(): number {
  return Math.round(os.loadavg()[0]! * 100) / 100;
}
