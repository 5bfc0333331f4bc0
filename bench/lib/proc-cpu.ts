// CPU time of a process from /proc (Linux), to say how much of a benchmark's cost each process bears:
// CPU ms per request of the connector vs Prometheus, next to the latency figures.
import fs from 'node:fs';

const CLK_TCK = 100; // USER_HZ on Linux

/** User + system CPU seconds used so far by `pid` (NaN when it cannot be read). */
export function cpuSeconds(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
  } catch {
    return Number.NaN;
  }
}

/** The pid whose command line contains `needle` (e.g. Prometheus's listen address), or null. */
export function findPid(needle: string): number | null {
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmd = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (cmd.includes(needle)) return Number(entry);
    } catch {
      // gone meanwhile
    }
  }
  return null;
}
