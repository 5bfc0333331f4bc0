// Deliveries: dead letters with their last error and whose it is (retry one or all), writes still pending, and the raw
// payloads of alarm requests the connector refused.
import { view } from '../view.js';
import { useState } from 'preact/hooks';
import { api } from '../api.js';
import { config, isAdmin } from '../config.js';
import { dateTime, json, relative } from '../format.js';
import { usePoll, useTitle } from '../hooks.js';
import { Badge, Empty, ErrorBox, LastError, LiveStatus, Section } from '../components/ui.js';
import type { DeliveryRow, RejectedRow } from '../types.js';

interface Lists {
  dead: DeliveryRow[];
  pending: DeliveryRow[];
  counts: Record<string, number>;
  rejected: RejectedRow[];
}

async function load(signal: AbortSignal): Promise<Lists> {
  const [dead, pending, inflight, rejected] = await Promise.all([
    api<{ deliveries: DeliveryRow[]; counts: Record<string, number> }>('/console/api/deliveries?state=dead', {
      signal,
    }),
    api<{ deliveries: DeliveryRow[] }>('/console/api/deliveries?state=pending', { signal }),
    api<{ deliveries: DeliveryRow[] }>('/console/api/deliveries?state=inflight', { signal }),
    api<{ rejected: RejectedRow[] }>('/console/api/rejected?limit=50', { signal }),
  ]);
  return {
    dead: dead.deliveries,
    pending: [...inflight.deliveries, ...pending.deliveries],
    counts: dead.counts,
    rejected: rejected.rejected,
  };
}

function EventLink({ k }: { k: string }) {
  return view`<a href=${`/console/events/${encodeURIComponent(k)}`} class="mono small">${k}</a>`;
}

function DeliveryTable({
  rows,
  caption,
  retry,
}: {
  rows: DeliveryRow[];
  caption: string;
  retry?: (id: number) => void;
}) {
  return view`<div class="table-wrap" tabindex="0" role="region" aria-label=${caption}>
    <table class="data">
      <caption class="visually-hidden">
        ${caption}
      </caption>
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">Event</th>
          <th scope="col">Operation</th>
          <th scope="col">State</th>
          <th scope="col">Attempts</th>
          <th scope="col">Last error</th>
          <th scope="col">${retry ? 'Failed' : 'Next attempt'}</th>
          <th scope="col">Payload</th>
          ${retry && isAdmin() ? view`<th scope="col"><span class="visually-hidden">Actions</span></th>` : null}
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (d) =>
            view`<tr data-delivery=${d.id}>
              <td>${d.id}</td>
              <td>
                <${EventLink}
                  k=${d.event_key}
                />${d.incident?.number ? view`<div class="small">${d.incident.number}</div>` : null}
              </td>
              <td class="wrap">${d.summary}</td>
              <td><${Badge} value=${d.state} /></td>
              <td>${d.attempts}</td>
              <td class="wrap">${d.error_origin ? view`<${LastError} d=${d} />` : '—'}</td>
              <td>
                ${
                  retry
                    ? view`<time datetime=${d.updated_at} title=${dateTime(d.updated_at)}
                        >${relative(d.updated_at)}</time
                      >`
                    : view`<time datetime=${d.next_attempt_at} title=${dateTime(d.next_attempt_at)}
                        >${relative(d.next_attempt_at)}</time
                      >`
                }
              </td>
              <td>
                <details>
                  <summary>Show</summary>
                  <pre class="code">${json(d.payload)}</pre>
                </details>
              </td>
              ${
                retry && isAdmin()
                  ? view`<td>
                      <button type="button" onClick=${() => retry(d.id)}>
                        Retry<span class="visually-hidden"> delivery ${d.id}</span>
                      </button>
                    </td>`
                  : null
              }
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

function prettyBody(r: RejectedRow): string {
  if (!r.body) return '(body not kept)';
  if (r.body_encoding === 'base64') return `(${r.body_bytes} bytes, not UTF-8; base64)\n${r.body}`;
  try {
    return json(JSON.parse(r.body));
  } catch {
    return r.body;
  }
}

export function DeliveriesPage() {
  useTitle('Deliveries');
  const data = usePoll(load, [], config.pollIntervalMs);
  const [status, setStatus] = useState('');
  const d = data.data;

  const retryOne = async (id: number) => {
    setStatus(`Retrying delivery ${id}…`);
    try {
      await api(`/console/api/deliveries/${id}/retry`, { method: 'POST' });
      setStatus(`Delivery ${id} queued again.`);
    } catch (e) {
      setStatus(`Retry of delivery ${id} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
    await data.reload();
  };
  const retryAll = async () => {
    setStatus('Retrying every dead letter…');
    try {
      const r = await api<{ retried: number[] }>('/console/api/deliveries/retry-dead', { method: 'POST' });
      setStatus(`${r.retried.length} dead letter${r.retried.length === 1 ? '' : 's'} queued again.`);
    } catch (e) {
      setStatus(`Retry failed: ${e instanceof Error ? e.message : String(e)}`);
    }
    await data.reload();
  };

  return view`
    <div class="page-head">
      <h1 tabindex="-1">Deliveries</h1>
      <${LiveStatus} updatedAt=${data.updatedAt} error=${data.error} />
    </div>
    ${data.error && !d ? view`<${ErrorBox} message=${data.error} />` : null}
    ${
      d
        ? view`<ul class="stats" aria-label="Outbox">
            ${['dead', 'pending', 'inflight', 'done'].map(
              (s) =>
                view`<li class=${`stat stat-${s}`}>
                  <span class="stat-n">${d.counts[s] ?? 0}</span> <span class="stat-l">${s}</span>
                </li>`,
            )}
          </ul>`
        : null
    }
    <p class="status-line" role="status">${status}</p>
    <${Section}
      id="dead"
      title="Dead letters"
      actions=${
        isAdmin() && d?.dead.length
          ? view`<button type="button" class="primary" onClick=${() => void retryAll()}>
              Retry all (${d.dead.length})
            </button>`
          : null
      }
    >
      ${
        d?.dead.length
          ? view`<${DeliveryTable}
              rows=${d.dead}
              caption="Dead letters"
              retry=${(id: number) => void retryOne(id)}
            />`
          : view`<${Empty}>No dead letters: everything was delivered or is still being tried.<//>`
      }
    <//>
    <${Section} id="pending" title="Pending">
      ${
        d?.pending.length
          ? view`<${DeliveryTable} rows=${d.pending} caption="Pending deliveries" />`
          : view`<${Empty}>Nothing waiting for delivery.<//>`
      }
    <//>
    <${Section} id="rejected" title="Rejected alarm payloads">
      ${
        d?.rejected.length
          ? view`<ul class="rejected">
              ${d.rejected.map(
                (r) =>
                  view`<li class="rejected-item">
                    <div>
                      <strong>${r.source}</strong> ·${' '}
                      <time datetime=${r.received_at}>${dateTime(r.received_at)}</time
                      >${r.content_type ? view` · <span class="mono small">${r.content_type}</span>` : null}
                    </div>
                    <p class="wrap">${r.reason}</p>
                    <details>
                      <summary>Raw payload</summary>
                      <pre class="code">${prettyBody(r)}</pre>
                    </details>
                  </li>`,
              )}
            </ul>`
          : view`<${Empty}>No rejected payloads.<//>`
      }
    <//>
  `;
}
