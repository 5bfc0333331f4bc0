// The baseline: a bridge as the common Alertmanager→ServiceNow webhooks behave. One incident per
// alarm group (an Alertmanager group key; for other sources the alarm itself), created when it fires;
// a work note on every repeat notification; resolved when the group resolves. No cross-source
// correlation, no hold-down, no flap or storm control, no note batching. It reads alarms with the
// connector's own decoders and only forwards alarms a mapping rule matches, so both bridges see the
// same alarms and differ only in what they make of them.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Alarm } from '../../connector/src/model/alarm.js';
import type { Engine } from '../../connector/src/service/engine-types.js';
import { decodeMessage, identityOf } from './decode-messages.js';
import type { StormMessage } from './generate.js';

export interface NaiveOptions {
  instanceUrl: string;
  username: string;
  password: string;
  concurrency: number;
}

export interface NaiveResult {
  messages: number;
  /** Messages that carried no alarm a rule matches (ignored, as Closeloop records and drops them). */
  ignored: number;
  operations: { create: number; comment: number; resolve: number };
  httpErrors: string[];
  wallMs: number;
}

const GroupKeySchema = z.object({ groupKey: z.string().min(1) });
const CreatedSchema = z.object({ result: z.object({ sys_id: z.string().min(1) }) });

/** ServiceNow's correlation_id holds 100 characters. */
const correlationId = (key: string): string =>
  key.length <= 100 ? key : `naive:${createHash('sha1').update(key).digest('hex')}`;

type Action =
  | { kind: 'create'; key: string; alarm: Alarm; fields: Record<string, string | number> }
  | { kind: 'comment'; key: string; text: string }
  | { kind: 'resolve'; key: string; text: string };

export async function runNaiveBridge(
  messages: StormMessage[],
  engine: Engine,
  o: NaiveOptions,
): Promise<NaiveResult> {
  const started = Date.now();
  const auth = `Basic ${Buffer.from(`${o.username}:${o.password}`).toString('base64')}`;
  const result: NaiveResult = {
    messages: messages.length,
    ignored: 0,
    operations: { create: 0, comment: 0, resolve: 0 },
    httpErrors: [],
    wallMs: 0,
  };
  /** Open incident per group: its sys_id once created. */
  const open = new Map<string, Promise<string | null>>();
  const chains = new Map<string, Promise<unknown>>();
  let inFlight = 0;
  const waiters: Array<() => void> = [];

  const call = async (method: 'POST' | 'PATCH', path: string, body: object): Promise<unknown> => {
    while (inFlight >= o.concurrency) await new Promise<void>((r) => waiters.push(r));
    inFlight++;
    try {
      const res = await fetch(`${o.instanceUrl}${path}`, {
        method,
        headers: { authorization: auth, 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
      });
      const text = await res.text();
      if (!res.ok) {
        if (result.httpErrors.length < 20)
          result.httpErrors.push(`${method} ${path}: ${res.status} ${text.slice(0, 200)}`);
        return null;
      }
      return JSON.parse(text) as unknown;
    } finally {
      inFlight--;
      waiters.shift()?.();
    }
  };

  const perform = (a: Action): void => {
    const prev = chains.get(a.key) ?? Promise.resolve();
    let next: Promise<unknown>;
    if (a.kind === 'create') {
      result.operations.create++;
      const created = prev.then(async () => {
        const body = await call('POST', '/api/now/table/incident', {
          ...a.fields,
          correlation_id: correlationId(a.key),
          correlation_display: 'naive-bridge',
        });
        const parsed = CreatedSchema.safeParse(body);
        return parsed.success ? parsed.data.result.sys_id : null;
      });
      open.set(a.key, created);
      next = created;
    } else {
      const sysId = open.get(a.key)!;
      if (a.kind === 'resolve') {
        result.operations.resolve++;
        open.delete(a.key);
      } else result.operations.comment++;
      next = prev.then(async () => {
        const id = await sysId;
        if (id === null) return;
        await call(
          'PATCH',
          `/api/now/table/incident/${id}`,
          a.kind === 'resolve'
            ? { state: '6', close_code: 'Solved (Permanently)', close_notes: a.text, work_notes: a.text }
            : { work_notes: a.text },
        );
      });
    }
    chains.set(a.key, next);
  };

  const fire = (key: string, alarm: Alarm, fields: Record<string, string | number>, text: string) =>
    perform(open.has(key) ? { kind: 'comment', key, text } : { kind: 'create', key, alarm, fields });

  for (const m of messages) {
    const decoded = decodeMessage(engine, m, new Date());
    const matched = decoded.alarms.flatMap((alarm) => {
      const p = engine.plan(alarm);
      return p.kind === 'planned'
        ? [{ alarm, fields: { ...p.plan.fields, impact: p.plan.impact, urgency: p.plan.urgency } }]
        : [];
    });
    if (matched.length === 0) {
      result.ignored++;
      continue;
    }
    if (m.source === 'alertmanager' && m.payload.transport === 'http') {
      // One incident per Alertmanager group; the notification's status says firing or resolved.
      const key = `am:${GroupKeySchema.parse(m.payload.body).groupKey}`;
      const firing = matched.some((x) => x.alarm.state === 'active');
      const text = `Alertmanager notification: ${matched.map((x) => `${x.alarm.id} ${x.alarm.state}`).join(', ')}`;
      if (firing) fire(key, matched[0]!.alarm, matched[0]!.fields, text);
      else if (open.has(key)) perform({ kind: 'resolve', key, text });
      continue;
    }
    for (const { alarm, fields } of matched) {
      const key = identityOf(alarm);
      const text = `${alarm.state}: ${alarm.text ?? alarm.type}`;
      if (alarm.state === 'active') fire(key, alarm, fields, text);
      else if (open.has(key)) perform({ kind: 'resolve', key, text });
    }
  }
  await Promise.all(chains.values());
  result.wallMs = Date.now() - started;
  return result;
}
