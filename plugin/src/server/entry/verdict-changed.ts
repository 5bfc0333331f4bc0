// Business rule "Closeloop: announce verdict changes" (after insert/update on x_closeloop_verdict,
// verdict changes): queues x_closeloop.verdict_changed so Flow Designer and notifications can react
// when the connector's verdict for an event turns (parm1 the new verdict, parm2 the previous one).
import type { GlideRecord } from '@servicenow/glide';
import { errorText } from '../closure/guard.ts';
import { EVENT, VERDICT_TABLE } from '../closure/names.ts';
import { queueEvent } from '../glide/events.ts';
import { logError } from '../glide/session.ts';

export function announceVerdictChange(current: GlideRecord, previous: GlideRecord | null): void {
  try {
    const verdict = String(current.getValue('verdict') ?? '');
    const before = previous ? String(previous.getValue('verdict') ?? '') : '';
    if (verdict === before) return;
    queueEvent(EVENT.verdictChanged, VERDICT_TABLE, String(current.getUniqueValue() ?? ''), verdict, before);
  } catch (error) {
    logError(`could not announce a verdict change: ${errorText(error)}`);
  }
}
