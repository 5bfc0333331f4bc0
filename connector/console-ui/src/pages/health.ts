// Health: does the connector accept alarms (ready), does what comes after work (not degraded) and why
// not — the same decision as /readyz — then each dependency's state, how fast alarms arrive per
// source, how deep the outbox is, how ServiceNow answers (lately: exact latencies and errors; since
// start) and whether each telemetry provider answered its last query.
import { view } from '../view.js';
import { api } from '../api.js';
import { config } from '../config.js';
import { durationMs, num, percent, relative } from '../format.js';
import { usePoll, useTitle } from '../hooks.js';
import { Badge, Empty, ErrorBox, LiveStatus, Section } from '../components/ui.js';
import type { Health } from '../types.js';

function Reach({ p }: { p: Health['providers'][number] }) {
  if (p.up === null) return view`<span class="badge tone-wait">not checked yet</span>`;
  const when = p.at ? view` <span class="muted small">${relative(p.at)}</span>` : null;
  return p.up
    ? view`<span class="badge tone-ok">answered</span>${when}`
    : view`<span class="badge tone-bad">unreachable</span>${when}`;
}

const STATUS = {
  ready: { tone: 'ok', title: 'Ready', text: 'accepting alarms; no dependency is failing' },
  degraded: { tone: 'warn', title: 'Degraded', text: 'accepting alarms, but:' },
  not_ready: { tone: 'bad', title: 'Not ready', text: 'alarms are refused (503) until:' },
} as const;

function Readiness({ d }: { d: Health }) {
  const s = STATUS[d.status];
  return view`<div class=${`callout callout-${s.tone}`} data-testid="readiness" data-status=${d.status}>
    <p><strong>${s.title}</strong> · ${s.text}</p>
    ${d.ready.reasons.length ? view`<ul aria-label="Why not ready">${d.ready.reasons.map((r) => view`<li>${r}</li>`)}</ul>` : null}
    ${
      d.degraded.length
        ? view`${d.status === 'not_ready' ? view`<p>Also degraded:</p>` : null}
            <ul aria-label="Why degraded">
              ${d.degraded.map((r) => view`<li>${r}</li>`)}
            </ul>`
        : null
    }
  </div>`;
}

function Dependencies({ d }: { d: Health }) {
  return view`<${Section} id="dependencies" title="Dependencies">
    <div class="table-wrap">
      <table class="data compact">
        <caption class="visually-hidden">
          State of each dependency
        </caption>
        <thead>
          <tr>
            <th scope="col">Dependency</th>
            <th scope="col">State</th>
            <th scope="col">Detail</th>
          </tr>
        </thead>
        <tbody>
          ${d.dependencies.map(
            (x) =>
              view`<tr data-dependency=${`${x.kind}:${x.name}`}>
                <th scope="row">${x.kind === 'provider' ? `provider ${x.name}` : x.name.replace(/_/g, ' ')}</th>
                <td><${Badge} value=${x.health} label=${x.health === 'missing' ? 'not ready' : x.health} /></td>
                <td class="wrap">
                  <div class="small">${x.detail}</div>
                  ${x.problems.map((p) => view`<div class="small">→ ${p}</div>`)}
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
  <//>`;
}

function Statuses({ list }: { list: { status: string; count: number }[] }) {
  return view`${list.map((s) => view`<span class="chip">${s.status === '0' ? 'no answer' : s.status}: ${s.count}</span> `)}`;
}

export function HealthPage() {
  useTitle('Health');
  const h = usePoll((signal) => api<Health>('/console/api/health', { signal }), [], config.pollIntervalMs);
  const d = h.data;
  return view`
    <div class="page-head">
      <h1 tabindex="-1">Health</h1>
      <${LiveStatus} updatedAt=${h.updatedAt} error=${h.error} />
    </div>
    ${h.error && !d ? view`<${ErrorBox} message=${h.error} />` : null}
    ${
      d
        ? view` <${Readiness} d=${d} />
            <${Dependencies} d=${d} />
            <div class="grid-2">
              <${Section} id="ingest" title="Ingest">
                <div class="table-wrap">
                  <table class="data compact">
                    <caption class="visually-hidden">
                      Alarms received per source
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col">Source</th>
                        <th scope="col">Per minute</th>
                        <th scope="col">Received</th>
                        <th scope="col">Rejected</th>
                        <th scope="col">Unmatched</th>
                      </tr>
                    </thead>
                    <tbody>
                      ${d.ingest.map(
                        (s) =>
                          view`<tr data-source=${s.source}>
                            <th scope="row">${s.source}</th>
                            <td>
                              ${s.perMinute === null ? view`<span class="muted">measuring…</span>` : num(s.perMinute)}
                            </td>
                            <td>${s.received}</td>
                            <td>${s.rejected}</td>
                            <td>${s.dropped}</td>
                          </tr>`,
                      )}
                    </tbody>
                  </table>
                </div>
              <//>
              <${Section} id="outbox" title="Outbox">
                <ul class="stats" aria-label="Deliveries by state">
                  ${['pending', 'inflight', 'dead', 'done'].map(
                    (s) =>
                      view`<li class=${`stat stat-${s}`}>
                        <span class="stat-n">${d.outbox[s] ?? 0}</span> <span class="stat-l">${s}</span>
                      </li>`,
                  )}
                </ul>
                ${(d.outbox['dead'] ?? 0) > 0 ? view`<p><a href="/console/deliveries">See the dead letters</a></p>` : null}
              <//>
            </div>
            <div class="grid-2">
              <${Section} id="servicenow" title="ServiceNow">
                <dl class="facts">
                  <div>
                    <dt>Instance</dt>
                    <dd class="mono small">${d.servicenow.instance ?? 'not configured'}</dd>
                  </div>
                  <div>
                    <dt>Last ${durationMs(d.servicenow.recent.windowMs)}</dt>
                    <dd data-testid="sn-recent">
                      ${d.servicenow.recent.requests} requests, ${percent(d.servicenow.recent.errorRate)} errors
                    </dd>
                  </div>
                  <div>
                    <dt>Since start</dt>
                    <dd>${d.servicenow.requests} requests, ${percent(d.servicenow.errorRate)} errors</dd>
                  </div>
                </dl>
                ${
                  d.servicenow.recent.byStatus.length
                    ? view`<p class="small">Last ${durationMs(d.servicenow.recent.windowMs)} by status: <${Statuses} list=${d.servicenow.recent.byStatus} /></p>`
                    : null
                }
                ${
                  d.servicenow.recent.operations.length
                    ? view`<div class="table-wrap">
                        <table class="data compact" data-testid="sn-latency">
                          <caption>
                            Latency by operation, last ${durationMs(d.servicenow.recent.windowMs)} (exact, answered requests)
                          </caption>
                          <thead>
                            <tr>
                              <th scope="col">Operation</th>
                              <th scope="col">Requests</th>
                              <th scope="col">p50</th>
                              <th scope="col">p95</th>
                              <th scope="col">Max</th>
                            </tr>
                          </thead>
                          <tbody>
                            ${d.servicenow.recent.operations.map(
                              (o) =>
                                view`<tr data-operation=${o.operation}>
                                  <th scope="row">${o.operation}</th>
                                  <td>${o.count}</td>
                                  <td>${o.p50Ms} ms</td>
                                  <td>${o.p95Ms} ms</td>
                                  <td>${o.maxMs} ms</td>
                                </tr>`,
                            )}
                          </tbody>
                        </table>
                      </div>`
                    : view`<${Empty}>No answer from ServiceNow in the last ${durationMs(d.servicenow.recent.windowMs)}.<//>`
                }
                ${
                  d.servicenow.byStatus.length
                    ? view`<p class="small">Since start by status: <${Statuses} list=${d.servicenow.byStatus} /></p>`
                    : null
                }
              <//>
              <${Section} id="providers" title="Telemetry providers">
                ${
                  d.providers.length
                    ? view`<div class="table-wrap">
                        <table class="data compact">
                          <caption class="visually-hidden">
                            Telemetry provider reachability
                          </caption>
                          <thead>
                            <tr>
                              <th scope="col">Provider</th>
                              <th scope="col">Kind</th>
                              <th scope="col">Last query</th>
                            </tr>
                          </thead>
                          <tbody>
                            ${d.providers.map(
                              (p) =>
                                view`<tr data-provider=${p.name}>
                                  <th scope="row">${p.name}</th>
                                  <td>${p.kind ?? '—'}</td>
                                  <td><${Reach} p=${p} /></td>
                                </tr>`,
                            )}
                          </tbody>
                        </table>
                      </div>`
                    : view`<${Empty}>No telemetry providers configured.<//>`
                }
              <//>
            </div>`
        : null
    }
  `;
}
