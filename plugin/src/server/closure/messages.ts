// Every text the guard shows or records. Messages are data (GuardMessage) rendered as plain text:
// the same message reaches the classic form (which renders HTML), Service Operations Workspace and
// the mobile app (which show text, tags and all) and Table API callers (error.message). So no markup
// at all, and a "<" from connector-supplied text that could open a tag is shown as "‹" ("< 30 L/min"
// stays as it is), so no context can read it as markup.
import type { CheckResult, GuardMessage, VerdictChoice } from './types.ts';
import { ROLE } from './names.ts';

/** Cap on listed checks so a runaway response cannot flood the form. */
const MAX_ITEMS = 20;

export const OVERRIDE_HINT = `Users with the ${ROLE.closureOverride} role can use "Resolve despite telemetry" with a written justification.`;

/** <connector>/console/events/<correlation_id>, or null when either part is missing. */
export function eventLink(connectorUrl: string, correlationId: string): string | null {
  if (!connectorUrl || !correlationId) return null;
  return `${connectorUrl}/console/events/${encodeURIComponent(correlationId)}`;
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
    case 'none':
      return `No verdict could be obtained${why}.`;
  }
}

/** Several lines: the audit row's "Message shown" and anything a person reads in full. */
export function renderText(message: GuardMessage): string {
  const lines = [message.title, ...message.items.map((item) => `- ${item}`)];
  if (message.link) lines.push(`${message.link.label}: ${message.link.url}`);
  return safeText([...lines, ...message.footer].join('\n'));
}

/**
 * One line, for gs.addErrorMessage / addInfoMessage (the classic form collapses line breaks) and
 * so for the Table API's error.message.
 */
export function renderInline(message: GuardMessage): string {
  const parts = [message.title];
  if (message.items.length) parts.push(message.items.map((item) => `• ${item}`).join(' '));
  if (message.link) parts.push(`${message.link.label}: ${message.link.url}`);
  return safeText([...parts, ...message.footer].join(' '));
}

/** Plain text that no renderer takes for markup: "<" before a letter, "/", "!" or "?" opens a tag. */
export function safeText(text: string): string {
  return String(text).replace(/<(?=[A-Za-z/!?])/g, '‹');
}
