// Alarm traffic and what came of it: a storm of alarms over many sites, posting it to replicas, waiting
// for delivery, and summaries of the store and of the ServiceNow stand-in that two runs can be compared by.
import axios from 'axios';
import type { Standin } from '../../../connector/src/demo/standin/index.js';
import type { Store } from '../../../connector/src/store/store.js';

export interface AlarmBody {
  id: string;
  state: 'active' | 'cleared';
  severity: 'major';
  type: string;
  raisedAt: string;
  asset: { site: string; equipmentId: string };
  text: string;
  labels: Record<string, string>;
}

/** `sites` × `perSite` alarms, site by site round-robin (every site's first alarm, then every second…). */
export function storm(sites: number, perSite: number, prefix = 'S'): AlarmBody[] {
  const out: AlarmBody[] = [];
  for (let n = 0; n < perSite; n++)
    for (let s = 0; s < sites; s++)
      out.push({
        id: `${prefix}${s}-${n}`,
        state: 'active',
        severity: 'major',
        type: 'supply_air_temp_high',
        raisedAt: '2026-11-25T10:00:00Z',
        asset: { site: `${prefix}${s}`, equipmentId: `CRAH-${n}` },
        text: `Supply air high at ${prefix}${s} (CRAH-${n})`,
        labels: {},
      });
  return out;
}

/** The event key the tiny engine gives an alarm of `site`. */
export const keyOf = (site: string): string => `${site}/cooling/ZONE-A1`;

export interface Posted {
  id: string;
  status: number;
}

export async function postAlarm(url: string, body: unknown): Promise<number> {
  try {
    const r = await axios.post(`${url}/v1/alarms/bms`, body, {
      validateStatus: () => true,
      timeout: 10_000,
      proxy: false,
    });
    return r.status;
  } catch {
    return 0; // connection refused/reset: nothing was acknowledged
  }
}

/** Posts one alarm per request, `concurrency` requests in flight. */
export async function postEach(url: string, alarms: AlarmBody[], concurrency = 8): Promise<Posted[]> {
  const out: Posted[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < alarms.length) {
        const a = alarms[next++]!;
        out.push({ id: a.id, status: await postAlarm(url, a) });
      }
    }),
  );
  return out;
}

export async function waitFor(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs = 15_000,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Resolves when the store has nothing pending or inflight (every operation delivered or dead). */
export async function delivered(store: Store, timeoutMs = 30_000): Promise<void> {
  await waitFor(
    'every delivery to finish',
    async () => {
      const c = await store.deliveryCounts();
      return c.pending === 0 && c.inflight === 0;
    },
    timeoutMs,
  );
}

/** Events as a comparable summary: key → state, its alarms, and how many of each operation. */
export async function storeSummary(store: Store): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const e of await store.listEvents({ limit: 10_000 })) {
    const d = (await store.getEvent(e.key))!;
    const ops: Record<string, number> = {};
    for (const x of d.deliveries) ops[`${x.op.op}:${x.state}`] = (ops[`${x.op.op}:${x.state}`] ?? 0) + 1;
    out[e.key] = {
      state: e.state,
      linked: e.incidentSysId !== null,
      alarms: d.alarms.map((a) => a.identity).sort(),
      ops,
    };
  }
  return out;
}

/** Incidents in the stand-in by correlation_id: how many, and how many work notes each has. */
export function incidentSummary(
  standin: Standin,
): Record<string, { incidents: number; workNotes: number[] }> {
  const out: Record<string, { incidents: number; workNotes: number[] }> = {};
  for (const row of standin.tables.list('incident', 'correlation_idISNOTEMPTY')) {
    const key = String(row['correlation_id'] ?? '');
    const entry = (out[key] ??= { incidents: 0, workNotes: [] });
    entry.incidents++;
    entry.workNotes.push(standin.tables.journal('incident', String(row['sys_id']), 'work_notes').length);
  }
  return out;
}
