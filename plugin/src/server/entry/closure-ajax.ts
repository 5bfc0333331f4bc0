// What the forms' client scripts ask the server through GlideAjax (script include
// x_closeloop.ClosureGuardAjax): the telemetry verdict for "Check telemetry" (nothing is submitted,
// so unsaved edits stay on the form), and an override request for "Resolve despite telemetry".
// Callers are untrusted: roles are checked here, and the record is read with GlideRecordSecure so
// nobody learns anything about a record they cannot read.
import { errorText, guardedTableOf, planTelemetryCheck } from '../closure/guard.ts';
import { planOverrideRequest } from '../closure/override.ts';
import { readGuardSettings } from '../closure/settings.ts';
import { resolveSubject } from '../closure/subject.ts';
import { renderInline, renderText } from '../closure/messages.ts';
import { formatGlideDateTime } from '../closure/timestamps.ts';
import { CHECK_TELEMETRY_ROLES, ROLE } from '../closure/names.ts';
import type { GuardMessage } from '../closure/types.ts';
import { glideEnvironment } from '../glide/environment.ts';
import { readSnapshot, viaFieldOf } from '../glide/record.ts';
import { insertOverrideRequest } from '../glide/override-store.ts';
import { readableRecord, userCanWrite } from '../glide/secure-record.ts';
import { currentUserId, logError, logWarning, userHasRole } from '../glide/session.ts';

interface Answer {
  ok: boolean;
  level: 'error' | 'info';
  /** One line, for g_form.addInfoMessage / addErrorMessage. */
  text: string;
  /** The same with line breaks, for a dialog. */
  lines: string;
  targetState?: string;
}

export function checkTelemetryForForm(table: string, sysId: string): string {
  try {
    if (!CHECK_TELEMETRY_ROLES.some((role) => userHasRole(role))) {
      return answer(false, refusal('Closeloop: "Check telemetry" needs a fulfiller role.'));
    }
    const record = readableRecord(table, sysId);
    if (!record) return answer(false, refusal('Closeloop: the record cannot be read.'));
    const plan = planTelemetryCheck(glideEnvironment(), readSnapshot(record, viaFieldOf(table)));
    for (const warning of plan.warnings) logWarning(warning);
    return answer(true, plan.message);
  } catch (error) {
    logError(`check telemetry failed: ${errorText(error)}`);
    return answer(false, refusal('Closeloop: the telemetry check failed unexpectedly.', errorText(error)));
  }
}

export function requestOverrideForForm(table: string, sysId: string, justification: string): string {
  try {
    const record = readableRecord(table, sysId);
    if (!record || !userCanWrite(record)) {
      return answer(false, refusal('Closeloop: you cannot change this record.'));
    }
    const env = glideEnvironment();
    const config = guardedTableOf(env, table);
    const snapshot = readSnapshot(record, viaFieldOf(table));
    const warnings: string[] = [];
    const { settings } = readGuardSettings((name) => env.readProperty(name));
    const guarded =
      config.kind === 'found' && resolveSubject(env, settings, config.table, { current: snapshot, previous: null }, warnings) !== null;
    for (const warning of warnings) logWarning(warning);
    const plan = planOverrideRequest({
      hasRole: userHasRole(ROLE.closureOverride),
      justification: String(justification ?? ''),
      state: snapshot.state,
      table: config.kind === 'found' ? config.table : null,
      guarded,
    });
    if (!plan.ok) return answer(false, plan.message);
    const id = insertOverrideRequest(table, snapshot.sysId, currentUserId(), plan.justification, formatGlideDateTime(Date.now()));
    if (!id) return answer(false, refusal('Closeloop: the override request could not be saved.'));
    return JSON.stringify({
      ...JSON.parse(
        answer(true, {
          level: 'info',
          title: 'Closeloop: override requested. Complete the resolution fields and save.',
          items: [],
          link: null,
          footer: [],
        }),
      ),
      targetState: plan.targetState,
    });
  } catch (error) {
    logError(`override request failed: ${errorText(error)}`);
    return answer(false, refusal('Closeloop: the override request failed unexpectedly.', errorText(error)));
  }
}

function refusal(title: string, item?: string): GuardMessage {
  return { level: 'error', title, items: item ? [item] : [], link: null, footer: [] };
}

function answer(ok: boolean, message: GuardMessage): string {
  const body: Answer = { ok, level: message.level, text: renderInline(message), lines: renderText(message) };
  return JSON.stringify(body);
}
