// Small shared pieces: badges that say their meaning in text (colour only repeats it), incident links,
// the "live" indicator, error and status messages.
import { view } from '../view.js';
import type { ComponentChildren } from 'preact';
import { config } from '../config.js';
import { clock } from '../format.js';

const TONES: Record<string, string> = {
  pass: 'ok',
  cleared: 'ok',
  done: 'ok',
  resolved: 'ok',
  ready: 'ok',
  ok: 'ok',
  degraded: 'warn',
  missing: 'bad',
  disabled: 'info',
  fail: 'bad',
  dead: 'bad',
  active: 'bad',
  critical: 'bad',
  major: 'warn',
  open: 'warn',
  unknown: 'wait',
  pending: 'wait',
  inflight: 'wait',
  minor: 'info',
  warning: 'info',
  info: 'info',
};

export function Badge({ value, label }: { value: string; label?: string }) {
  return view`<span class=${`badge tone-${TONES[value] ?? 'info'}`}
    >${label ?? value.replace(/_/g, ' ')}</span
  >`;
}

export function incidentHref(sysId: string): string | null {
  if (!config.instanceUrl) return null;
  const target = `${config.incidentTable}.do?sys_id=${sysId}`;
  return `${config.instanceUrl}/nav_to.do?uri=${encodeURIComponent(target)}`;
}

export function IncidentLink({
  incident,
  missing = 'not created yet',
}: {
  incident: { sys_id: string; number: string | null } | null;
  /** What to say when there is no incident (held back, its create failed, …). */
  missing?: string;
}) {
  if (!incident) return view`<span class="muted">${missing}</span>`;
  const text = incident.number ?? incident.sys_id;
  const href = incidentHref(incident.sys_id);
  return href
    ? view`<a href=${href} target="_blank" rel="noopener noreferrer" class="incident-link"
        >${text}<span class="visually-hidden"> (opens ServiceNow in a new tab)</span></a
      >`
    : view`<span>${text}</span>`;
}

export function LiveStatus({ updatedAt, error }: { updatedAt: number | null; error: string | null }) {
  if (error) return view`<p class="live live-error" role="status">Update failed: ${error}</p>`;
  return view`<p class="live">
    <span class="live-dot" aria-hidden="true"></span
    >${updatedAt ? `Live · updated ${clock(updatedAt)}` : 'Loading…'}
  </p>`;
}

export function ErrorBox({ message }: { message: string }) {
  return view`<div class="callout callout-bad" role="alert">${message}</div>`;
}

export function Section({
  id,
  title,
  children,
  actions,
}: {
  id: string;
  title: string;
  children: ComponentChildren;
  actions?: ComponentChildren;
}) {
  return view`<section class="card" aria-labelledby=${`${id}-title`}>
    <div class="card-head">
      <h2 id=${`${id}-title`}>${title}</h2>
      ${actions ?? null}
    </div>
    ${children}
  </section>`;
}

/** ServiceNow's own state of the record and the last thing a person did there, when the API gives it. */
export function ServiceNowState({
  sn,
}: {
  sn: {
    state: string;
    synced_at: string | null;
    actions?: { action: string; by: string | null; at: string }[];
  };
}) {
  const last = sn.actions?.[sn.actions.length - 1];
  return view`<span class="sn-state" data-sn-state=${sn.state}
    ><strong>${sn.state}</strong>${last ? ` · ${last.action.replace(/_/g, ' ')}${last.by ? ` by ${last.by}` : ''} ${clock(last.at)}` : ''}</span
  >`;
}

const ORIGIN = {
  servicenow: 'ServiceNow answered',
  no_answer: 'No answer from ServiceNow',
  timeout: 'No answer from ServiceNow in time',
  connector: 'Not sent by the connector',
} as const;

/**
 * A write's last error, saying whose it is: only an answer with a status is ServiceNow's; a refused
 * connection or a timeout is no answer, and some writes the connector itself holds back.
 */
export function LastError({
  d,
}: {
  d: { last_error: string | null; last_status: number | null; error_origin: keyof typeof ORIGIN | null };
}) {
  if (!d.error_origin) return null;
  const status = d.last_status ? ` HTTP ${d.last_status}` : '';
  return view`<span class="last-error" data-origin=${d.error_origin}
    ><strong>${ORIGIN[d.error_origin]}${status}</strong>${d.last_error ? `: ${d.last_error}` : ''}</span
  >`;
}

export function Empty({ children }: { children: ComponentChildren }) {
  return view`<p class="empty">${children}</p>`;
}
