// `npx tsx bench/lib/cpu-profile.ts FILE.cpuprofile [--top 25]`: where a V8 CPU profile (node
// --cpu-prof, e.g. `bench/ingest.ts --cpu-prof DIR`) spent its time, as self time per function and
// per area (our code by folder, each package, node internals, garbage collection, idle).
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';

const ProfileSchema = z.object({
  nodes: z.array(
    z.object({
      id: z.number(),
      callFrame: z.object({ functionName: z.string(), url: z.string(), lineNumber: z.number() }),
    }),
  ),
  samples: z.array(z.number()),
  timeDeltas: z.array(z.number()),
});

/** Which area a script URL belongs to: `connector/src/<folder>`, a package name, or node internals. */
export function areaOf(url: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  const own = /\/connector\/src\/([^/]+)/.exec(url);
  if (own) return `connector/src/${own[1]}`;
  if (url.startsWith('node:') || url === '') return 'node/V8 internals';
  return url.replace(/^file:\/\//, '');
}

export function summariseProfile(file: string, top: number): string {
  const p = ProfileSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  const byId = new Map(p.nodes.map((n) => [n.id, n.callFrame]));
  const fnTime = new Map<string, number>();
  const areaTime = new Map<string, number>();
  let total = 0;
  p.samples.forEach((id, i) => {
    const dt = p.timeDeltas[i] ?? 0;
    const f = byId.get(id);
    if (!f) return;
    total += dt;
    const special = ['(idle)', '(garbage collector)', '(program)'].includes(f.functionName);
    const area = special ? f.functionName : areaOf(f.url);
    const fn = special
      ? f.functionName
      : `${f.functionName || '(anonymous)'} ${areaOf(f.url)}:${f.lineNumber + 1}`;
    areaTime.set(area, (areaTime.get(area) ?? 0) + dt);
    fnTime.set(fn, (fnTime.get(fn) ?? 0) + dt);
  });
  const pct = (v: number) => `${((v / total) * 100).toFixed(1).padStart(5)} %`;
  const lines = [`${file}: ${(total / 1e6).toFixed(1)} s sampled`, '', 'self time by area:'];
  for (const [a, t] of [...areaTime].sort((x, y) => y[1] - x[1]).slice(0, top))
    lines.push(`  ${pct(t)}  ${a}`);
  lines.push('', 'self time by function:');
  for (const [f, t] of [...fnTime].sort((x, y) => y[1] - x[1]).slice(0, top)) lines.push(`  ${pct(t)}  ${f}`);
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values, positionals } = parseArgs({ options: { top: { type: 'string' } }, allowPositionals: true });
  const top = z.coerce.number().int().min(1).default(25).parse(values.top);
  for (const file of positionals) console.log(`${summariseProfile(file, top)}\n`);
}
