// Step (d) of the demo: CDU-1's secondary flow meter sticks at a low reading, the CDU's Redfish
// service raises a flow alarm and a second incident opens. The coolant really flows, so the
// readings will not come back: the technician is refused, the override button is not theirs, and
// the shift lead resolves with a written justification that the audit keeps.
import { redfishCduFlowLow } from './alarm-payloads.js';
import { DEMO_USERS } from './environment.js';
import { clock, indent, type AuditView, type ScenarioContext } from './scenario-context.js';
import { CDU, cduFlowMeterStuck, METRIC, reading, SITE } from './site.js';
import { expectThat } from './wait.js';

export const CDU_KEY = `${SITE}/cooling/ZONE-B-LIQ`;
export const OVERRIDE_ACTION = 'x_closeloop_resolve_override';
export const OVERRIDE_JUSTIFICATION =
  'Flow meter FT-201 on CDU-1 is stuck at 24.8 L/min. A clamp-on ultrasonic meter reads 41 L/min and every ' +
  'rack inlet in zone B-LIQ is normal. Meter replacement is tracked in CHG0040021.';
const CLOSE_NOTES = 'Coolant flow verified with a clamp-on meter (41 L/min); flow meter FT-201 faulty.';

export interface OverrideResult {
  number: string;
  sysId: string;
  blocked: { status: number; message: string };
  /** Why the technician could not press "Resolve despite telemetry". */
  refusedWithoutRole: string;
  override: { ok: boolean; messages: string[]; state: string };
  audits: AuditView[];
}

export async function overrideStory(ctx: ScenarioContext): Promise<OverrideResult> {
  const { connector, sn, narrator, timeline, env } = ctx;
  const { technician, lead } = DEMO_USERS;

  narrator.step('(d) A second incident, resolved by override with a written justification');
  // The meter stuck a few seconds ago; the CDU's Redfish service reports the low reading now.
  const stuckAt = Date.now() - 5_000;
  cduFlowMeterStuck(timeline, stuckAt);
  const flow = reading(timeline, { __name__: METRIC.cduFlow, unit: CDU }, Date.now());
  await connector.postAlarms(
    'redfish',
    env.sourceTokens.redfish,
    redfishCduFlowLow({ value: flow, at: new Date(), eventId: '5021' }),
  );
  narrator.say(
    `${CDU} Redfish → POST /v1/alarms/redfish  secondary flow ${flow} L/min since ${clock(stuckAt)}, threshold 30 L/min`,
  );
  await ctx.delivered(CDU_KEY, `the ${CDU} incident to reach ServiceNow`);
  const cdu = await ctx.incidentOf(CDU_KEY);
  narrator.ok(`Second incident ${cdu.number} (correlation key ${CDU_KEY})`);
  narrator.incident(cdu, { noNotes: true });

  narrator.say(
    `On site the coolant flows normally: the flow meter is stuck. ${technician.name} tries to resolve:`,
  );
  const attempt = await sn.update(cdu.sysId, technician, {
    state: 6,
    close_code: 'Solved (Work Around)',
    close_notes: CLOSE_NOTES,
  });
  expectThat(
    !attempt.ok,
    '(d) the resolution should be refused (the flow reading is low), but ServiceNow accepted it',
  );
  narrator.ok(`Refused: HTTP ${attempt.status}. The message ServiceNow shows:`);
  narrator.say(indent(attempt.message, '  │ '));

  const refused = await sn.pressUiAction(OVERRIDE_ACTION, cdu.sysId, technician);
  expectThat(
    !refused.ok,
    `(d) ${technician.username} should not be able to press "Resolve despite telemetry"`,
  );
  narrator.say(
    `${technician.name} (role itil) cannot press "Resolve despite telemetry": ${refused.problem ?? ''}`,
  );
  narrator.say(
    `${lead.name} (role x_closeloop.closure_override) fills in the resolution fields, presses it and types the justification into its dialog:`,
  );
  narrator.say(indent(OVERRIDE_JUSTIFICATION, '  “ '));
  const override = await sn.pressUiAction(OVERRIDE_ACTION, cdu.sysId, lead, {
    form: { close_code: 'Solved (Work Around)', close_notes: CLOSE_NOTES },
    dialog: {
      fields: { x_closeloop_justification: OVERRIDE_JUSTIFICATION },
      button: 'x_closeloop_override_ok',
    },
  });
  const after = await ctx.incidentOf(CDU_KEY);
  expectThat(
    override.ok && after.state.value === '6',
    `(d) the override should resolve ${cdu.number}; it is ${after.state.label}: ${[override.problem, ...override.errorMessages].filter(Boolean).join(' ')}`,
  );
  narrator.ok(`Resolved by override: ${after.number} is ${after.state.label}. The message ServiceNow shows:`);
  const messages = [...override.infoMessages, ...override.errorMessages];
  for (const m of messages) narrator.say(indent(m, '  │ '));
  const audits = await ctx.audits(cdu.sysId);
  expectThat(
    audits.some((a) => a.outcome === 'overridden' && a.justification === OVERRIDE_JUSTIFICATION),
    `(d) no "overridden" audit row with the justification for ${cdu.number}`,
  );
  return {
    number: cdu.number,
    sysId: cdu.sysId,
    blocked: { status: attempt.status, message: attempt.message },
    refusedWithoutRole: refused.problem ?? '',
    override: { ok: override.ok, messages, state: after.state.value },
    audits,
  };
}
