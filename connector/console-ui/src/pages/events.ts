// Events: the live list of open and recent events, filtered by state, site and source (kept in the URL
// so a filtered view can be shared).
import { view } from '../view.js';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api } from '../api.js';
import { config } from '../config.js';
import { relative, dateTime } from '../format.js';
import { usePoll, useTitle } from '../hooks.js';
import { navigate, useLocation } from '../router.js';
import { Badge, Empty, ErrorBox, IncidentLink, LiveStatus, ServiceNowState } from '../components/ui.js';
import type { EventRow } from '../types.js';

const STATES = [
  { value: 'active', label: 'Active (open or held)' },
  { value: 'open', label: 'Open' },
  { value: 'pending', label: 'Held (hold-down)' },
  { value: 'resolved', label: 'Resolved' },
  { value: 'discarded', label: 'Discarded' },
  { value: 'all', label: 'All' },
];

interface Session {
  sources: { name: string; kind: string }[];
}

function AlarmSources({ list }: { list: EventRow['alarms_by_source'] }) {
  if (!list.length) return view`<span class="muted">none</span>`;
  return view`<ul class="plain">
    ${list.map((s) => view`<li><strong>${s.source}</strong> ${s.active} active / ${s.total}</li>`)}
  </ul>`;
}

export function EventsPage() {
  useTitle('Events');
  const loc = useLocation();
  const state = loc.query.get('state') ?? 'active';
  const site = loc.query.get('site') ?? '';
  const source = loc.query.get('source') ?? '';
  const [siteDraft, setSiteDraft] = useState(site);
  useEffect(() => setSiteDraft(site), [site]);
  const [sources, setSources] = useState<Session['sources']>([]);
  const seenSites = useRef(new Set<string>());

  useEffect(() => {
    api<Session>('/console/api/session')
      .then((s) => setSources(s.sources))
      .catch(() => setSources([]));
  }, []);

  const list = usePoll(
    (signal) => {
      const q = new URLSearchParams({ state });
      if (site) q.set('site', site);
      if (source) q.set('source', source);
      return api<{ events: EventRow[] }>(`/console/api/events?${q.toString()}`, { signal });
    },
    [state, site, source],
    config.pollIntervalMs,
  );
  for (const e of list.data?.events ?? []) if (e.site) seenSites.current.add(e.site);
  const sites = useMemo(() => [...seenSites.current].sort(), [list.data]);

  const setFilter = (name: string, value: string) => {
    const q = new URLSearchParams(loc.query);
    if (value && !(name === 'state' && value === 'active')) q.set(name, value);
    else q.delete(name);
    const s = q.toString();
    navigate(`/console/events${s ? `?${s}` : ''}`, { replace: true });
  };

  const events = list.data?.events ?? [];
  // ServiceNow's own state, once the API reports it (the column is left out until then).
  const withSn = events.some((e) => e.servicenow);
  return view`
    <div class="page-head">
      <h1 tabindex="-1">Events</h1>
      <${LiveStatus} updatedAt=${list.updatedAt} error=${list.error} />
    </div>
    <form
      class="filters card"
      role="search"
      aria-label="Filter events"
      onSubmit=${(e: Event) => {
        e.preventDefault();
        setFilter('site', siteDraft.trim());
      }}
    >
      <div class="field">
        <label for="f-state">State</label>
        <select
          id="f-state"
          value=${state}
          onChange=${(e: Event) => setFilter('state', (e.target as HTMLSelectElement).value)}
        >
          ${STATES.map((s) => view`<option value=${s.value}>${s.label}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="f-site">Site</label>
        <input
          id="f-site"
          list="f-site-list"
          value=${siteDraft}
          placeholder="any"
          onInput=${(e: Event) => setSiteDraft((e.target as HTMLInputElement).value)}
          onChange=${(e: Event) => setFilter('site', (e.target as HTMLInputElement).value.trim())}
        />
        <datalist id="f-site-list">${sites.map((s) => view`<option value=${s} />`)}</datalist>
      </div>
      <div class="field">
        <label for="f-source">Source</label>
        <select
          id="f-source"
          value=${source}
          onChange=${(e: Event) => setFilter('source', (e.target as HTMLSelectElement).value)}
        >
          <option value="">any</option>
          ${sources.map((s) => view`<option value=${s.name}>${s.name} (${s.kind})</option>`)}
        </select>
      </div>
    </form>
    ${list.error && !list.data ? view`<${ErrorBox} message=${list.error} />` : null}
    <div class="card table-card">
      <div class="table-wrap" tabindex="0" role="region" aria-labelledby="events-caption">
        <table class="data">
          <caption id="events-caption">
            ${events.length}${' '}
            event${events.length === 1 ? '' : 's'}${state !== 'all' ? ` · ${STATES.find((s) => s.value === state)?.label.toLowerCase() ?? state}` : ''}${site ? ` · site ${site}` : ''}${source ? ` · source ${source}` : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">Event</th>
              <th scope="col">Incident</th>
              <th scope="col">Severity</th>
              <th scope="col">Alarms by source</th>
              <th scope="col">Event state</th>
              ${withSn ? view`<th scope="col">In ServiceNow</th>` : null}
              <th scope="col">Verdict</th>
              <th scope="col">Updated</th>
            </tr>
          </thead>
          <tbody>
            ${events.map(
              (e) =>
                view`<tr>
                  <td>
                    <a href=${`/console/events/${encodeURIComponent(e.key)}`} class="event-link"
                      >${e.title}</a
                    >
                    <div class="muted mono small">${e.key}</div>
                  </td>
                  <td>
                    <${IncidentLink}
                      incident=${e.incident}
                      missing=${e.state === 'pending' ? 'held back, not created yet' : 'not created yet'}
                    />
                  </td>
                  <td><${Badge} value=${e.severity} /></td>
                  <td><${AlarmSources} list=${e.alarms_by_source} /></td>
                  <td><${Badge} value=${e.state} label=${e.state === 'pending' ? 'held' : e.state} /></td>
                  ${withSn ? view`<td>${e.servicenow ? view`<${ServiceNowState} sn=${e.servicenow} />` : view`<span class="muted">not known</span>`}</td>` : null}
                  <td>
                    ${e.verdict ? view`<${Badge} value=${e.verdict.verdict} />` : view`<span class="muted">${e.close_checks.length ? 'not yet' : 'no checks'}</span>`}
                  </td>
                  <td>
                    <time datetime=${e.updated_at} title=${dateTime(e.updated_at)}
                      >${relative(e.updated_at)}</time
                    >
                  </td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${!list.loading && events.length === 0 ? view`<${Empty}>No events match these filters.<//>` : null}
    </div>
  `;
}
