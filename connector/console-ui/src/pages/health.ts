// Health: is the connector ready, how fast alarms arrive per source, how deep the outbox is, how
// ServiceNow answers (latency, errors) and whether each telemetry provider was reachable.
import { view } from '../view.js';
import { api } from '../api.js';
import { config } from '../config.js';
import { num, percent } from '../format.js';
import { usePoll, useTitle } from '../hooks.js';
import { Empty, ErrorBox, LiveStatus, Section } from '../components/ui.js';
import type { Health } from '../types.js';

function Reach({ up }: { up: boolean | null }) {
  if (up === null) return view`<span class="badge tone-wait">not checked yet</span>`;
  return up
    ? view`<span class="badge tone-ok">reachable</span>`
    : view`<span class="badge tone-bad">unreachable</span>`;
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
        ? view` <div class=${`callout ${d.ready.ok ? 'callout-ok' : 'callout-bad'}`} data-testid="readiness">
              <strong>${d.ready.ok ? 'Ready' : 'Not ready'}</strong> · store ${d.store}
              ${
                d.ready.reasons.length
                  ? view`<ul>
                      ${d.ready.reasons.map((r) => view`<li>${r}</li>`)}
                    </ul>`
                  : null
              }
            </div>
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
                    <dt>Requests</dt>
                    <dd>${d.servicenow.requests}</dd>
                  </div>
                  <div>
                    <dt>Error rate</dt>
                    <dd>${percent(d.servicenow.errorRate)}</dd>
                  </div>
                  <div>
                    <dt>Recent error rate</dt>
                    <dd>${percent(d.servicenow.recentErrorRate)}</dd>
                  </div>
                </dl>
                ${
                  d.servicenow.operations.length
                    ? view`<div class="table-wrap">
                        <table class="data compact">
                          <caption>
                            Latency by operation
                          </caption>
                          <thead>
                            <tr>
                              <th scope="col">Operation</th>
                              <th scope="col">Requests</th>
                              <th scope="col">Mean</th>
                              <th scope="col">p95</th>
                            </tr>
                          </thead>
                          <tbody>
                            ${d.servicenow.operations.map(
                              (o) =>
                                view`<tr>
                                  <th scope="row">${o.operation}</th>
                                  <td>${o.count}</td>
                                  <td>${o.meanMs === null ? '—' : `${o.meanMs} ms`}</td>
                                  <td>${o.p95Ms === null ? '—' : `${o.p95Ms} ms`}</td>
                                </tr>`,
                            )}
                          </tbody>
                        </table>
                      </div>`
                    : view`<${Empty}>No requests to ServiceNow yet.<//>`
                }
                ${
                  d.servicenow.byStatus.length
                    ? view`<p class="small">
                        Responses by status:${' '}
                        ${d.servicenow.byStatus.map((s) => view`<span class="chip">${s.status === '0' ? 'no response' : s.status}: ${s.count}</span> `)}
                      </p>`
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
                              <th scope="col">Reachability</th>
                            </tr>
                          </thead>
                          <tbody>
                            ${d.providers.map(
                              (p) =>
                                view`<tr data-provider=${p.name}>
                                  <th scope="row">${p.name}</th>
                                  <td>${p.kind ?? '—'}</td>
                                  <td><${Reach} up=${p.up} /></td>
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
