// Steps (a)–(c) of the demo: CRAH-1 fails, the BMS and Alertmanager alarm about it from two sides and
// Closeloop makes ONE incident of it; the technician repairs the unit and tries to resolve while the
// readings settle (refused, with the readings); once telemetry has been in range for the window the
// watcher pushes "pass" and the same resolution goes through.
import { alertmanagerGpuThermal, bmsCrahSupplyAir } from './alarm-payloads.js';
import { DEMO_USERS } from './environment.js';
import { clock, indent, type AuditView, type ScenarioContext } from './scenario-context.js';
import { coolingReadings, CRAH, crahRepaired, HOT_GPUS, METRIC, reading, SITE, ZONE } from './site.js';
import { expectThat, waitFor } from './wait.js';

export const COOLING_KEY = `${SITE}/cooling/${ZONE}`;
export const CLOSE_CODE = 'Solved (Permanently)';

export interface CoolingResult {
  number: string;
  sysId: string;
  /** Incidents in ServiceNow with the event's correlation_id (must be 1). */
  incidentsWithKey: number;
  /** Alarms the connector attached to the event, as GET /v1/events/:key lists them. */
  alarms: { source: string; id: string; state: string }[];
  blocked: { status: number; message: string; stateAfter: string };
  pushedVerdict: { verdict: string; evaluatedAt: string; workNote: string };
  resolved: { status: number; state: string };
  audits: AuditView[];
}

/** The longest stabilisation window among an event's close checks, as text. */
export function stabilizeText(closeChecks: unknown): string {
  const checks = Array.isArray(closeChecks) ? (closeChecks as unknown[]) : [];
  const ms = Math.max(
    0,
    ...checks.map((c) =>
      typeof c === 'object' && c !== null && 'stabilize' in c ? Number(c.stabilize) || 0 : 0,
    ),
  );
  return ms % 60_000 === 0 && ms > 0 ? `${ms / 60_000} min` : `${Math.round(ms / 1000)} s`;
}

export async function coolingStory(ctx: ScenarioContext): Promise<CoolingResult> {
  const { connector, sn, narrator, timeline, env, timeoutMs, signal } = ctx;
  const { technician } = DEMO_USERS;
  const supplyAirOf = (at: number) => reading(timeline, { __name__: METRIC.supplyAir, unit: CRAH }, at);

  // (a) Two systems, one problem.
  narrator.step('(a) Alarms from two systems about one cooling problem');
  const raisedAt = Date.now();
  const supplyAir = supplyAirOf(raisedAt);
  await connector.postAlarms(
    'bms',
    env.sourceTokens.bms,
    bmsCrahSupplyAir({ active: true, value: supplyAir, at: new Date(raisedAt) }),
  );
  narrator.say(
    `BMS          → POST /v1/alarms/bms           ${CRAH} supply air ${supplyAir} °C, high limit 27 °C`,
  );
  const gpuAlerts = HOT_GPUS.map((gpu) => ({
    gpu,
    temperature: reading(timeline, { __name__: METRIC.gpuTemp, Hostname: gpu.host, gpu: gpu.gpu }, raisedAt),
    startsAt: new Date(raisedAt - 8_000),
  }));
  const posted = await connector.postAlarms(
    'alertmanager',
    env.sourceTokens.alertmanager,
    alertmanagerGpuThermal({ firing: true, gpus: gpuAlerts }),
  );
  narrator.say(
    `Alertmanager → POST /v1/alarms/alertmanager  thermal slowdown of ${gpuAlerts
      .map((a) => `GPU ${a.gpu.gpu} on ${a.gpu.host} (rack ${a.gpu.rack}, ${a.temperature} °C)`)
      .join(' and ')}`,
  );
  const keys = new Set(posted.accepted.map((a) => a.event_key));
  expectThat(
    keys.size === 1 && keys.has(COOLING_KEY),
    `(a) the GPU alerts should join ${COOLING_KEY}, they got ${[...keys].join(', ')}`,
  );
  narrator.say(
    `Racks ${HOT_GPUS.map((g) => g.rack).join(' and ')} are in cooling zone ${ZONE}, which ${CRAH} serves: all three alarms get the correlation key ${COOLING_KEY}.`,
  );
  const event = await ctx.delivered(COOLING_KEY, 'the incident and its work notes to reach ServiceNow');
  const first = await ctx.incidentOf(COOLING_KEY);
  const incidentsWithKey = (await sn.adminRows('incident', `correlation_id=${COOLING_KEY}`)).length;
  expectThat(
    incidentsWithKey === 1,
    `(a) expected one incident for ${COOLING_KEY}, ServiceNow has ${incidentsWithKey}`,
  );
  const notes = first.workNotes.map((n) => n.text).join('\n');
  for (const g of HOT_GPUS)
    expectThat(
      notes.includes(g.host),
      `(a) the work notes of ${first.number} do not mention ${g.host}:\n${notes}`,
    );
  narrator.ok(
    `ONE incident in ServiceNow with both signals: ${first.number}, ${event.alarms.length} alarms attached`,
  );
  narrator.incident(first, { description: true });
  let shownNotes = first.workNotes.length;

  // (b) Fixed, but not settled.
  narrator.step(
    `(b) The technician fixes ${CRAH} and tries to resolve while temperatures are still settling`,
  );
  const repairedAt = Date.now();
  crahRepaired(timeline, repairedAt);
  narrator.say(
    `${clock(repairedAt)} ${technician.name} replaces the failed EC fan in ${CRAH}; supply air starts to fall.`,
  );
  // The BMS returns its alarm to normal once supply air is back under the limit (with a deadband).
  const normal = await waitFor(
    async () => {
      const at = Date.now();
      const value = supplyAirOf(at);
      return value < 26.5 ? { at, value } : null;
    },
    { what: `${CRAH} supply air to fall below 26.5 °C`, timeoutMs, intervalMs: 50, signal },
  );
  await connector.postAlarms(
    'bms',
    env.sourceTokens.bms,
    bmsCrahSupplyAir({ active: false, value: normal.value, at: new Date(normal.at) }),
  );
  narrator.say(
    `${clock(normal.at)} BMS: ${CRAH} supply air ${normal.value} °C, the alarm returns to normal.`,
  );
  // Alertmanager resolves the GPU alerts once DCGM stops reporting a thermal clock event.
  const coolAt = await waitFor(
    async () => {
      const at = Date.now();
      const reasons = HOT_GPUS.map((g) =>
        reading(timeline, { __name__: METRIC.clockReasons, Hostname: g.host, gpu: g.gpu }, at),
      );
      return reasons.every((r) => r === 0) ? at : null;
    },
    { what: 'the GPUs to leave thermal slowdown', timeoutMs, intervalMs: 50, signal },
  );
  await connector.postAlarms(
    'alertmanager',
    env.sourceTokens.alertmanager,
    alertmanagerGpuThermal({
      firing: false,
      gpus: gpuAlerts.map((a) => ({ ...a, endsAt: new Date(coolAt) })),
    }),
  );
  narrator.say(`${clock(coolAt)} Alertmanager: both GPU alerts resolved (no thermal clock event any more).`);
  // No waiting for the clear notes to reach ServiceNow: the guard asks the connector, which already
  // has every alarm clear, and the readings are only settling for the next few seconds.
  narrator.say(
    `${clock(Date.now())} Every alarm is clear. Readings: ${coolingReadings(timeline, Date.now())}`,
  );
  narrator.say(
    `${technician.name} sets the state to Resolved with a resolution code and notes (PATCH /api/now/table/incident/${first.sysId}):`,
  );
  const attempt = await sn.update(first.sysId, technician, {
    state: 6,
    close_code: CLOSE_CODE,
    close_notes: `Replaced failed EC fan on ${CRAH}.`,
  });
  expectThat(
    !attempt.ok,
    '(b) the resolution should be refused while readings settle, but ServiceNow accepted it',
  );
  const afterBlock = await ctx.incidentOf(COOLING_KEY);
  expectThat(
    afterBlock.state.value !== '6',
    `(b) ${afterBlock.number} is Resolved although the API refused the update`,
  );
  narrator.ok(
    `Refused: HTTP ${attempt.status}; ${afterBlock.number} stays ${afterBlock.state.label}. The message ServiceNow shows:`,
  );
  narrator.say(indent(attempt.message, '  │ '));

  // (c) Stable for the window: the watcher says so, and the guard agrees.
  narrator.step(
    `(c) Telemetry stays in range for the stabilisation window (${stabilizeText(event.close_checks)} in this demo, 10 min in mappings/)`,
  );
  narrator.say(
    'The watcher re-evaluates open events every second (30 s by default); meanwhile the site reads:',
  );
  let lastProgress = 0;
  const pass = await waitFor(
    async () => {
      const [row] = await sn.adminRows('x_closeloop_verdict', `correlation_id=${COOLING_KEY}`);
      return row?.verdict === 'pass' ? row : null;
    },
    {
      what: `the watcher to push a pass verdict for ${COOLING_KEY}`,
      timeoutMs: timeoutMs * 2,
      intervalMs: 200,
      signal,
      onPoll: (waited) => {
        if (waited - lastProgress < 3_000) return;
        lastProgress = waited;
        narrator.say(`${clock(Date.now())} ${coolingReadings(timeline, Date.now())}`);
      },
    },
  );
  narrator.ok(
    `The watcher pushed verdict "pass": x_closeloop_verdict row for ${COOLING_KEY} and a work note`,
  );
  await ctx.delivered(COOLING_KEY, 'the verdict work note to reach ServiceNow');
  const afterPass = await ctx.incidentOf(COOLING_KEY);
  const passNote = afterPass.workNotes[afterPass.workNotes.length - 1]?.text ?? '';
  narrator.incident(afterPass, { since: shownNotes });
  shownNotes = afterPass.workNotes.length;
  narrator.say(`${technician.name} resolves again, with the same request:`);
  const retry = await sn.update(first.sysId, technician, {
    state: 6,
    close_code: CLOSE_CODE,
    close_notes: `Replaced failed EC fan on ${CRAH}.`,
  });
  expectThat(
    retry.ok,
    `(c) the resolution should be allowed now; ServiceNow answered: ${retry.ok ? '' : retry.message}`,
  );
  const resolved = await ctx.incidentOf(COOLING_KEY);
  expectThat(
    resolved.state.value === '6',
    `(c) ${resolved.number} should be Resolved, it is ${resolved.state.label}`,
  );
  narrator.ok(`Allowed: HTTP ${retry.status}; ${resolved.number} is ${resolved.state.label}.`);
  narrator.incident(resolved, { noNotes: true });

  return {
    number: first.number,
    sysId: first.sysId,
    incidentsWithKey,
    alarms: event.alarms.map((a) => ({ source: a.source, id: a.id, state: a.state })),
    blocked: { status: attempt.status, message: attempt.message, stateAfter: afterBlock.state.value },
    pushedVerdict: { verdict: pass.verdict ?? '', evaluatedAt: pass.evaluated_at ?? '', workNote: passNote },
    resolved: { status: retry.status, state: resolved.state.value },
    audits: await ctx.audits(first.sysId),
  };
}
