// One event: what it is, why closure is (or is not) blocked — a chart per close check — the alarms
// attached, its timeline and every ServiceNow write with its outcome.
import { view } from '../view.js';
import { useState } from 'preact/hooks';
import { api, keyPath } from '../api.js';
import { config, isAdmin } from '../config.js';
import { dateTime, relative } from '../format.js';
import { usePoll, useTitle } from '../hooks.js';
import {
  Badge,
  Empty,
  ErrorBox,
  IncidentLink,
  LastError,
  LiveStatus,
  Section,
  ServiceNowState,
} from '../components/ui.js';
import { CheckChart } from '../components/check-chart.js';
import type { AlarmRow, DeliveryRow, EventDetail, Telemetry } from '../types.js';

function equipment(a: AlarmRow): string {
  return a.asset['equipmentName'] ?? a.asset['equipmentId'] ?? a.asset['rack'] ?? '—';
}

/** The section's heading says what the verdict says: only a failing one is "Why blocked". */
function whyTitle(verdict: Telemetry['verdict'] | null, state: string): string {
  if (state === 'resolved' || state === 'discarded' || state === 'merged') return 'Close checks now';
  if (verdict === 'fail') return 'Why blocked';
  if (verdict === 'pass') return 'Why closure is allowed';
  if (verdict === 'unknown') return 'Why closure cannot be confirmed';
  return 'Close checks';
}

function WhyBlocked({ eventKey, hasChecks, state }: { eventKey: string; hasChecks: boolean; state: string }) {
  const t = usePoll(
    (signal) => api<Telemetry>(`/console/api/events/${keyPath(eventKey)}/telemetry`, { signal }),
    [eventKey],
    Math.max(config.pollIntervalMs, 15_000),
  );
  const d = t.data;
  const closed = state === 'resolved' || state === 'discarded' || state === 'merged';
  const verdictText = !d
    ? ''
    : closed
      ? `The event is ${state}; this is how its alarms and close checks read now.`
      : d.verdict === 'pass'
        ? d.checks.length
          ? 'Closure is allowed: every alarm is clear and the telemetry is in range for its whole window.'
          : 'Closure is allowed: every alarm is clear (no close check gates it).'
        : d.verdict === 'fail'
          ? 'Closure is blocked.'
          : 'Closure cannot be confirmed: some telemetry is missing or stale (unknown is never a pass).';
  return view`<${Section}
    id="why"
    title=${whyTitle(d?.verdict ?? null, state)}
    actions=${view`<${LiveStatus} updatedAt=${t.updatedAt} error=${t.error} />`}
  >
    ${t.error && !d ? view`<${ErrorBox} message=${t.error} />` : null}
    ${
      d
        ? view`<div
              class=${`callout callout-${d.verdict === 'pass' ? 'ok' : d.verdict === 'fail' ? 'bad' : 'wait'}`}
            >
              <p><${Badge} value=${d.verdict} /> ${verdictText}</p>
              <p>Alarms: ${d.alarms.message}</p>
              <p class="muted small">
                Evaluated <time datetime=${d.evaluated_at}>${dateTime(d.evaluated_at)}</time>.
              </p>
            </div>
            ${
              d.checks.length
                ? view`<div class="checks">${d.checks.map((c) => view`<${CheckChart} chart=${c} />`)}</div>`
                : view`<${Empty}
                    >${hasChecks ? 'No readable close checks.' : 'This event has no close checks: closure is not gated by telemetry.'}<//
                  >`
            }`
        : t.loading
          ? view`<p class="muted">Evaluating the close checks…</p>`
          : null
    }
  <//>`;
}

/** Why there is no incident yet, from the event's state and its create's delivery. */
function noIncident(e: EventDetail): string {
  if (e.state === 'pending') return 'held back (hold-down), not created yet';
  const create = e.deliveries.find((d) => d.op === 'create');
  if (!create) return 'not created';
  if (create.state === 'dead') return 'not created: the create failed (see the writes below)';
  if (create.state === 'cancelled') return 'not created: the create was cancelled';
  if (create.last_error) return 'not created yet: the create is being retried';
  return 'not created yet';
}

function Writes({ deliveries, onRetried }: { deliveries: DeliveryRow[]; onRetried: () => void }) {
  const [status, setStatus] = useState('');
  const retry = async (id: number) => {
    setStatus(`Retrying write ${id}…`);
    try {
      await api(`/console/api/deliveries/${id}/retry`, { method: 'POST' });
      setStatus(`Write ${id} queued again.`);
      onRetried();
    } catch (e) {
      setStatus(`Retry of write ${id} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  return view`<${Section} id="writes" title="ServiceNow writes">
    <p class="status-line" role="status">${status}</p>
    ${
      deliveries.length
        ? view`<div class="table-wrap" tabindex="0" role="region" aria-labelledby="writes-title">
            <table class="data">
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">Operation</th>
                  <th scope="col">Outcome</th>
                  <th scope="col">Attempts</th>
                  <th scope="col">Last answer or error</th>
                  <th scope="col">Queued</th>
                  <th scope="col">Last change</th>
                  ${isAdmin() ? view`<th scope="col"><span class="visually-hidden">Actions</span></th>` : null}
                </tr>
              </thead>
              <tbody>
                ${deliveries.map(
                  (d) =>
                    view`<tr>
                      <td>${d.id}</td>
                      <td class="wrap">${d.summary}</td>
                      <td>
                        <${Badge} value=${d.state} label=${d.state === 'done' ? 'delivered' : d.state} />
                      </td>
                      <td>${d.attempts}</td>
                      <td class="wrap">
                        ${d.error_origin ? view`<${LastError} d=${d} />` : d.state === 'done' ? 'delivered' : '—'}
                      </td>
                      <td><time datetime=${d.created_at}>${dateTime(d.created_at)}</time></td>
                      <td><time datetime=${d.updated_at}>${dateTime(d.updated_at)}</time></td>
                      ${
                        isAdmin()
                          ? view`<td>
                              ${d.state === 'dead' ? view`<button type="button" onClick=${() => void retry(d.id)}>Retry<span class="visually-hidden"> write ${d.id}</span></button>` : null}
                            </td>`
                          : null
                      }
                    </tr>`,
                )}
              </tbody>
            </table>
          </div>`
        : view`<${Empty}>Nothing written to ServiceNow yet.<//>`
    }
  <//>`;
}

export function EventPage({ eventKey }: { eventKey: string }) {
  const ev = usePoll(
    (signal) => api<EventDetail>(`/console/api/events/${keyPath(eventKey)}`, { signal }),
    [eventKey],
    config.pollIntervalMs,
  );
  const e = ev.data;
  useTitle(e ? e.title : 'Event');
  if (!e) {
    return view`<h1 tabindex="-1">Event</h1>
      <p class="mono">${eventKey}</p>
      ${ev.error ? view`<${ErrorBox} message=${ev.error} />` : view`<p class="muted">Loading…</p>`}
      <p><a href="/console/events">Back to the events</a></p>`;
  }
  return view`
    <nav aria-label="Breadcrumb" class="crumbs">
      <a href="/console/events">Events</a> <span aria-hidden="true">›</span>
      <span aria-current="page">${e.key}</span>
    </nav>
    <div class="page-head">
      <h1 tabindex="-1">${e.title}</h1>
      <${LiveStatus} updatedAt=${ev.updatedAt} error=${ev.error} />
    </div>
    <dl class="facts summary card">
      <div>
        <dt>Key</dt>
        <dd class="mono">${e.key}</dd>
      </div>
      <div>
        <dt>Incident</dt>
        <dd><${IncidentLink} incident=${e.incident} missing=${noIncident(e)} /></dd>
      </div>
      <div>
        <dt>Event state</dt>
        <dd><${Badge} value=${e.state} label=${e.state === 'pending' ? 'held' : e.state} /></dd>
      </div>
      <div>
        <dt>In ServiceNow</dt>
        <dd data-testid="sn-state">
          ${
            e.servicenow
              ? view`<${ServiceNowState} sn=${e.servicenow} />`
              : view`<span class="muted">${e.incident ? 'not known to the connector' : '—'}</span>`
          }
        </dd>
      </div>
      <div>
        <dt>Severity</dt>
        <dd><${Badge} value=${e.severity} /></dd>
      </div>
      <div>
        <dt>Recorded verdict</dt>
        <dd>
          ${
            e.verdict
              ? view`<${Badge} value=${e.verdict.verdict} />${e.verdict.evaluated_at ? view` <time class="muted small" datetime=${e.verdict.evaluated_at} title=${dateTime(e.verdict.evaluated_at)}>${relative(e.verdict.evaluated_at)}</time>` : null}`
              : view`<span class="muted">none yet</span>`
          }
        </dd>
      </div>
      <div>
        <dt>Rule</dt>
        <dd class="mono">${e.rule}</dd>
      </div>
      <div>
        <dt>Site</dt>
        <dd>${e.site ?? '—'}</dd>
      </div>
      <div>
        <dt>Opened</dt>
        <dd>
          <time datetime=${e.created_at} title=${dateTime(e.created_at)}>${relative(e.created_at)}</time>
        </dd>
      </div>
    </dl>
    <${WhyBlocked} eventKey=${e.key} hasChecks=${e.close_checks.length > 0} state=${e.state} />
    <${Section} id="alarms" title=${`Alarms (${e.alarms.length})`}>
      <div class="table-wrap" tabindex="0" role="region" aria-labelledby="alarms-title">
        <table class="data">
          <thead>
            <tr>
              <th scope="col">Source</th>
              <th scope="col">Alarm</th>
              <th scope="col">Equipment</th>
              <th scope="col">Severity</th>
              <th scope="col">State</th>
              <th scope="col">Last reading</th>
              <th scope="col">First seen</th>
              <th scope="col">Last change</th>
            </tr>
          </thead>
          <tbody>
            ${e.alarms.map(
              (a) =>
                view`<tr>
                  <td>${a.source}</td>
                  <td>
                    <div>${a.type}</div>
                    <div class="muted small wrap">${a.text}</div>
                  </td>
                  <td>${equipment(a)}</td>
                  <td><${Badge} value=${a.severity} /></td>
                  <td>
                    <${Badge}
                      value=${a.state}
                    />${a.changes > 1 ? view` <span class="muted small">${a.changes} changes</span>` : null}
                  </td>
                  <td>
                    ${a.value === null ? '—' : `${a.value}${a.unit ? ` ${a.unit}` : ''}`}${a.limit !== null ? view` <span class="muted small">(limit ${a.limit})</span>` : null}
                  </td>
                  <td><time datetime=${a.first_seen_at}>${dateTime(a.first_seen_at)}</time></td>
                  <td><time datetime=${a.last_change_at}>${dateTime(a.last_change_at)}</time></td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
    <//>
    <${Section} id="timeline" title="Timeline">
      <ol class="timeline">
        ${e.timeline.map(
          (t) =>
            view`<li class=${`tl tl-${t.tone}`}>
              <time datetime=${t.at}>${dateTime(t.at)}</time>
              <span class="tl-kind">${t.kind}</span>
              <span class="tl-text">${t.text}</span>
            </li>`,
        )}
      </ol>
    <//>
    <${Writes} deliveries=${e.deliveries} onRetried=${() => void ev.reload()} />
  `;
}
