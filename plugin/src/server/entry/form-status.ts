// Business rule "Closeloop: telemetry status on the form" (display, task): when a guarded record
// opens, the form says what resolving it would meet ("resolving will be blocked: CRAH-1 supply air
// 29 °C > 27 °C"), from the last pushed verdict only (a form must not wait for the network). The
// onLoad client script "Closeloop: show telemetry status" shows what is put in g_scratchpad.
import type { GlideRecord } from '@servicenow/glide';
import { errorText, planFormStatus } from '../closure/guard.ts';
import { renderInline } from '../closure/messages.ts';
import { SCRATCHPAD_KEY } from '../closure/names.ts';
import { glideEnvironment } from '../glide/environment.ts';
import { readSnapshot, tableOf, viaFieldOf } from '../glide/record.ts';
import { logError, logWarning } from '../glide/session.ts';

// The generated business-rule script passes (current, previous) and then the module's own parameter
// names, so naming the third one g_scratchpad hands the display rule's g_scratchpad in.
export function showTelemetryStatus(
  current: GlideRecord,
  _previous: GlideRecord | null,
  g_scratchpad: Record<string, unknown> | null,
): void {
  if (!g_scratchpad) return;
  try {
    if (current.isNewRecord()) return;
    const status = planFormStatus(glideEnvironment(), readSnapshot(current, viaFieldOf(tableOf(current))));
    if (!status) return;
    for (const warning of status.warnings) logWarning(warning);
    g_scratchpad[SCRATCHPAD_KEY] = { level: status.message.level, text: renderInline(status.message) };
  } catch (error) {
    logError(`telemetry status failed: ${errorText(error)}`);
  }
}
