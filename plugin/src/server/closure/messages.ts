// Every text the guard shows or records. Messages are data (GuardMessage) rendered twice: as
// HTML for gs.addErrorMessage/addInfoMessage (all connector-supplied text escaped) and as plain
// text for the audit row.
import type { CheckResult, GuardMessage, GuardSettings, VerdictChoice } from './types.ts';
import { ROLE } from './names.ts';

/** Cap on listed checks so a runaway response cannot flood the form. */
const MAX_ITEMS = 20;

export const OVERRIDE_HINT = `Users with the ${ROLE.closureOverride} role can use "Resolve despite telemetry" with a written justification.`;

/** <connector>/console/events/<correlation_id>, or null when either part is missing. */
export function eventLink(settings: GuardSettings, correlationId: string): string | null {
  if (!settings.connectorUrl || !correlationId) return null;
  return `${settings.connectorUrl}/console/events/${encodeURIComponent(correlationId)}`;
}

export function failingChecks(checks: CheckResult[]): CheckResult[] {
  return checks.filter((check) => check.status === 'fail');
}

/** Checks that did not pass: failing ones first, then unknown or unrecognised statuses. */
export function unconfirmedChecks(checks: CheckResult[]): CheckResult[] {
  return [...failingChecks(checks), ...checks.filter((c) => c.status !== 'fail' && c.status !== 'pass')];
}

export function checkItems(checks: CheckResult[], withStatus = false): string[] {
  const items = checks
    .slice(0, MAX_ITEMS)
    .map((check) => (withStatus ? `${check.status.toUpperCase()}: ${check.message}` : check.message));
  if (checks.length > MAX_ITEMS) items.push(`…and ${checks.length - MAX_ITEMS} more`);
  return items;
}

/** One sentence on where the verdict came from, and why better sources were not used. */
export function sourceNote(choice: VerdictChoice): string {
  const why = choice.problems.length ? ` (${choice.problems.join('; ')})` : '';
  switch (choice.source) {
    case 'live':
      return `Verdict from the connector, evaluated ${choice.verdict?.evaluatedAt ?? ''}.`;
    case 'pushed':
      return `Verdict last pushed by the connector, evaluated ${choice.verdict?.evaluatedAt ?? ''}; no live answer${why}.`;
    case 'stub':
      return 'Verdict from the ATF stub property x_closeloop.connector.stub_response; the connector was not called.';
    case 'none':
      return `No verdict could be obtained${why}.`;
  }
}

export function renderText(message: GuardMessage): string {
  const lines = [message.title, ...message.items.map((item) => `- ${item}`)];
  if (message.link) lines.push(`${message.link.label}: ${message.link.url}`);
  return [...lines, ...message.footer].join('\n');
}

export function renderHtml(message: GuardMessage): string {
  let html = `<p><strong>${escapeHtml(message.title)}</strong></p>`;
  if (message.items.length) {
    html += `<ul>${message.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
  }
  if (message.link) {
    html +=
      `<p><a href="${escapeHtml(message.link.url)}" target="_blank" rel="noopener noreferrer">` +
      `${escapeHtml(message.link.label)}</a></p>`;
  }
  for (const line of message.footer) html += `<p>${escapeHtml(line)}</p>`;
  return html;
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
