// Mapping playground: try an alarm against the loaded mappings with the same engine as
// `closeloop mappings preview`; see the validation state of the files on disk and reload them.
import { view } from '../view.js';
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../api.js';
import { isAdmin } from '../config.js';
import { dateTime, durationMs, json } from '../format.js';
import { usePoll, useTitle } from '../hooks.js';
import { Badge, Empty, ErrorBox, Section } from '../components/ui.js';
import type {
  MappingErrorView,
  MappingsInfo,
  Placement,
  PreviewAlarm,
  PreviewResult,
  RenderedCheck,
  Sample,
} from '../types.js';

function condition(c: Record<string, unknown>, unit?: string): string {
  const u = unit ? ` ${unit}` : '';
  const range = c['range'];
  if (Array.isArray(range)) return `${String(range[0])}–${String(range[1])}${u}`;
  if ('max' in c) return `≤ ${String(c['max'])}${u}`;
  if ('min' in c) return `≥ ${String(c['min'])}${u}`;
  if ('equals' in c) return `= ${String(c['equals'])}${u}`;
  const bits = c['bits_clear'];
  if (Array.isArray(bits)) return `bits ${bits.join(', ')} clear`;
  return 'no increase';
}

function ErrorList({ errors, label }: { errors: MappingErrorView[]; label: string }) {
  return view`<ul class="errors" aria-label=${label}>
    ${errors.map(
      (e) =>
        view`<li><code class="pos">${e.line > 0 ? `${e.file}:${e.line}:${e.col}` : e.file}</code> ${e.path ? view`<code>${e.path}</code>: ` : null}<span>${e.message}</span></li>`,
    )}
  </ul>`;
}

function Checks({ checks }: { checks: RenderedCheck[] }) {
  return view`<div class="table-wrap">
    <table class="data compact checks-table">
      <caption class="visually-hidden">
        Close checks
      </caption>
      <thead>
        <tr>
          <th scope="col">Check</th>
          <th scope="col">Provider</th>
          <th scope="col">Query</th>
          <th scope="col">Expect</th>
          <th scope="col">Window</th>
        </tr>
      </thead>
      <tbody>
        ${checks.map(
          (c) =>
            view`<tr data-check=${c.name}>
              <td>
                <div>${c.name}</div>
                <div class="muted small">${c.label}</div>
              </td>
              <td>${c.provider}</td>
              <td class="mono small wrap">${c.query}</td>
              <td>${condition(c.expect, c.unit)}</td>
              <td>
                ${durationMs(c.stabilize)}${' '}
                <span class="muted small">(≤ ${durationMs(c.max_age)} old, ≥ ${c.min_samples} samples)</span>
              </td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

const KIND_WORD: Record<string, string> = {
  room: 'room',
  row: 'row',
  rack: 'rack',
  cooling_zone: 'cooling zone',
  power_path: 'power path',
};

/** `rack:DC1/R01` → `rack R01`. */
function nodeText(id: string): string {
  const local = id.slice(id.indexOf('/') + 1);
  const word = KIND_WORD[id.slice(0, id.indexOf(':'))];
  return word ? `${word} ${local}` : local;
}

function PlacementView({ p }: { p: Placement }) {
  if (!p.node)
    return view`<p class="muted" data-testid="placement">Not placed in the topology graph: the alarm names no equipment, rack, row or room of it.</p>`;
  return view`<div data-testid="placement">
    <p>
      Placed on <strong data-node=${p.node.id}>${p.node.label}</strong>${p.located.length ? ` in ${p.located.map(nodeText).join(', ')}` : ''}${p.fedBy.length ? view` · fed by ${p.fedBy.map(nodeText).join(', ')}` : null}
    </p>
    ${
      p.upstream.text.length
        ? view`<p class="small muted">Upstream paths${p.upstream.truncated ? ' (first shown)' : ''}</p>
            <ul class="plain paths" aria-label="Upstream paths">
              ${p.upstream.text.map((t) => view`<li class="mono small wrap">${t}</li>`)}
            </ul>`
        : view`<p class="small muted">Nothing feeds it in the topology.</p>`
    }
    ${
      p.groups.length
        ? view`<ul class="plain" aria-label="Redundancy groups">
            ${p.groups.map((g) => view`<li class="small" data-group=${g.local}>Redundancy: ${g.text}</li>`)}
          </ul>`
        : null
    }
    ${
      p.downstream.text.length
        ? view`<p class="small muted">Feeds (${p.downstream.total} nodes downstream)</p>
            <ul class="plain" aria-label="What it feeds">
              ${p.downstream.text.map((t) => view`<li class="mono small wrap">${t}</li>`)}
            </ul>`
        : null
    }
  </div>`;
}

function AlarmResult({ a, n, total }: { a: PreviewAlarm; n: number; total: number }) {
  return view`<article class="preview-alarm" aria-labelledby=${`pa-${n}`}>
    <h3 id=${`pa-${n}`}>
      Alarm ${n}/${total}: <span class="mono">${a.alarm.id}</span> <${Badge} value=${a.alarm.state} />
      <${Badge} value=${a.alarm.severity} />
    </h3>
    <p class="muted small">type ${a.alarm.type} · ${a.alarm.text}</p>
    <div class=${`callout ${a.rule ? 'callout-ok' : 'callout-wait'}`} data-testid="matched-rule">
      ${a.rule ? view`Matched rule <strong class="mono" data-rule=${a.rule}>${a.rule}</strong>` : view`<strong>No rule matched</strong>`}
      <div class="small">${a.reason}</div>
    </div>
    <h4>Where it lies in the topology</h4>
    <${PlacementView} p=${a.placement} />
    <h4>Rules, in order</h4>
    <div class="table-wrap">
      <table class="data compact trace">
        <caption class="visually-hidden">
          Why each rule did or did not match
        </caption>
        <thead>
          <tr>
            <th scope="col">Rule</th>
            <th scope="col">Matched</th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          ${a.trace.map(
            (t) =>
              view`<tr class=${t.matched ? 'row-ok' : ''} data-rule=${t.rule}>
                <td class="mono">${t.rule}</td>
                <td>${t.matched ? '✓ yes' : '✗ no'}</td>
                <td class="wrap">${t.reason}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
    ${
      a.errors.length
        ? view`<div class="callout callout-bad" role="alert">
            <strong>Template errors</strong>
            <ul>
              ${a.errors.map((e) => view`<li><code>${e.path}</code>: ${e.message}</li>`)}
            </ul>
          </div>`
        : null
    }
    ${
      a.incident
        ? view`<h4>Incident</h4>
            <div class="table-wrap">
              <table class="data compact incident-fields">
                <caption class="visually-hidden">
                  Rendered incident fields
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Field</th>
                    <th scope="col">Value</th>
                  </tr>
                </thead>
                <tbody>
                  ${Object.entries(a.incident.fields).map(
                    ([k, v]) =>
                      view`<tr data-field=${k}>
                        <th scope="row" class="mono">${k}</th>
                        <td class="pre-wrap">${String(v)}</td>
                      </tr>`,
                  )}
                  ${Object.entries(a.incident.references).map(
                    ([k, r]) =>
                      view`<tr data-field=${k}>
                        <th scope="row" class="mono">${k}</th>
                        <td>lookup ${r.table}.${r.field} = <code>${r.value}</code></td>
                      </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
        : null
    }
    ${a.correlationKey ? view`<p>Correlation key: <code data-testid="correlation-key">${a.correlationKey}</code></p>` : null}
    ${
      a.closeChecks.length
        ? view`<h4>Close checks</h4>
            <${Checks} checks=${a.closeChecks} />`
        : a.incident
          ? view`<p class="muted">No close checks: closure is not gated by telemetry.</p>`
          : null
    }
    ${
      a.behaviour
        ? view`<p class="small">
            Auto-resolve ${a.behaviour.autoResolve ? 'on' : 'off'} · reopen window ${durationMs(a.behaviour.reopenWindowMs)} · hold-down ${a.behaviour.holdDownMs ? durationMs(a.behaviour.holdDownMs) : 'none'}
          </p>`
        : null
    }
  </article>`;
}

function Result({ result, text }: { result: PreviewResult; text: string | null }) {
  return view`<div class="preview-result" data-ok=${String(result.ok)}>
    <p>
      Source <strong>${result.source}</strong>${result.sourceKind ? ` (${result.sourceKind})` : ''}: ${result.alarms.length} alarm${result.alarms.length === 1 ? '' : 's'} decoded
    </p>
    ${result.errors.map((e) => view`<${ErrorBox} message=${e} />`)}
    ${result.decodeErrors.map((e) => view`<${ErrorBox} message=${`Decode error${e.index === null ? '' : ` in item ${e.index}`}: ${e.message}`} />`)}
    ${result.notes.map((n) => view`<p class="callout callout-wait">Note: ${n}</p>`)}
    ${result.alarms.map((a, i) => view`<${AlarmResult} a=${a} n=${i + 1} total=${result.alarms.length} />`)}
    ${
      text
        ? view`<details class="cli-text">
            <summary>As <code>closeloop mappings preview</code> prints it</summary>
            <pre class="code">${text}</pre>
          </details>`
        : null
    }
  </div>`;
}

function MappingsStatus({ info, reload }: { info: MappingsInfo; reload: () => Promise<void> }) {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string; errors: MappingErrorView[] } | null>(
    null,
  );
  const doReload = async () => {
    setBusy(true);
    setOutcome(null);
    try {
      const r = await api<{ ok: true; rules: number | null; files: number | null }>(
        '/console/api/mappings/reload',
        { method: 'POST' },
      );
      setOutcome({
        ok: true,
        message: `Reloaded: ${r.rules ?? '?'} rules from ${r.files ?? '?'} files are now active.`,
        errors: [],
      });
    } catch (e) {
      const body = e instanceof ApiError ? (e.body as { errors?: MappingErrorView[] } | null) : null;
      setOutcome({
        ok: false,
        message: `Reload refused: ${e instanceof Error ? e.message : String(e)}`,
        errors: body?.errors ?? [],
      });
    }
    setBusy(false);
    await reload();
  };
  const diskErrors = info.disk?.errors ?? [];
  return view`<${Section}
    id="loaded"
    title="Loaded mappings"
    actions=${
      info.reload_available && isAdmin()
        ? view`<button type="button" class="primary" disabled=${busy} onClick=${() => void doReload()}>
            ${busy ? 'Reloading…' : 'Reload from disk'}
          </button>`
        : null
    }
  >
    <p>
      ${info.rules.length} rules from ${info.files.length}${' '}
      files${info.default_rule ? `; default rule ${info.default_rule}` : ''}.
    </p>
    <div role="status" class="status-line">
      ${
        outcome
          ? view`<div
              class=${`callout ${outcome.ok ? 'callout-ok' : 'callout-bad'}`}
              data-testid="reload-outcome"
            >
              <p>${outcome.message}</p>
              ${outcome.errors.length ? view`<${ErrorList} errors=${outcome.errors} label="Errors that refused the reload" />` : null}
            </div>`
          : null
      }
    </div>
    ${
      info.disk
        ? diskErrors.length
          ? view`<div class="callout callout-bad" data-testid="disk-errors">
              <p>
                <strong
                  >The files on disk have ${diskErrors.length}${' '}
                  error${diskErrors.length === 1 ? '' : 's'}</strong
                >; a reload would be refused and the active set stays as it is.
              </p>
              <${ErrorList} errors=${diskErrors} label="Validation errors of the mapping files" />
            </div>`
          : view`<p class="callout callout-ok">
              The files on disk are valid (checked ${dateTime(info.disk.checkedAt)}).
            </p>`
        : null
    }
    <details>
      <summary>Rules (${info.rules.length})</summary>
      <ol class="rules">
        ${info.rules.map((r) => view`<li><span class="mono">${r.name}</span> <span class="muted small">${r.file}${r.close_checks ? ` · ${r.close_checks} close check${r.close_checks === 1 ? '' : 's'}` : ''}</span></li>`)}
      </ol>
    </details>
  <//>`;
}

export function PlaygroundPage() {
  useTitle('Mapping playground');
  const info = usePoll((signal) => api<MappingsInfo>('/console/api/mappings', { signal }), [], null);
  const [samples, setSamples] = useState<Sample[]>([]);
  const [source, setSource] = useState('');
  const [format, setFormat] = useState<'wire' | 'normalised'>('wire');
  const [text, setText] = useState('');
  const [sampleId, setSampleId] = useState('');
  const [result, setResult] = useState<{ result: PreviewResult; text: string | null } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api<{ samples: Sample[] }>('/console/api/mappings/samples')
      .then((r) => setSamples(r.samples))
      .catch(() => setSamples([]));
  }, []);
  useEffect(() => {
    const first = info.data?.sources[0];
    if (!source && first) setSource(first.name);
  }, [info.data]);

  const pick = (id: string) => {
    setSampleId(id);
    const s = samples.find((x) => x.id === id);
    if (!s) return;
    setSource(s.source);
    setFormat(s.format);
    setText(json(s.payload));
  };

  const preview = async (e: Event) => {
    e.preventDefault();
    setError(null);
    let payload: unknown;
    try {
      payload = JSON.parse(text);
    } catch (err) {
      setResult(null);
      setError(`The alarm is not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
      return;
    }
    setBusy(true);
    try {
      setResult(
        await api<{ result: PreviewResult; text: string | null }>('/console/api/mappings/preview', {
          method: 'POST',
          body: { source, payload, normalised: format === 'normalised' },
        }),
      );
    } catch (err) {
      setResult(null);
      setError(err instanceof Error ? err.message : String(err));
    }
    setBusy(false);
  };

  const sources = info.data?.sources ?? [];
  return view`
    <div class="page-head"><h1 tabindex="-1">Mapping playground</h1></div>
    ${info.error ? view`<${ErrorBox} message=${info.error} />` : null}
    ${info.data ? view`<${MappingsStatus} info=${info.data} reload=${info.reload} />` : null}
    <div class="playground">
      <${Section} id="try" title="Try an alarm">
        <form class="stack" onSubmit=${(e: Event) => void preview(e)}>
          <div class="field">
            <label for="pg-sample">Start from a sample</label>
            <select
              id="pg-sample"
              value=${sampleId}
              onChange=${(e: Event) => pick((e.target as HTMLSelectElement).value)}
            >
              <option value="">— choose —</option>
              ${samples.map((s) => view`<option value=${s.id}>${s.label}</option>`)}
            </select>
          </div>
          <div class="field">
            <label for="pg-source">Source</label>
            <select
              id="pg-source"
              value=${source}
              required
              onChange=${(e: Event) => setSource((e.target as HTMLSelectElement).value)}
            >
              ${sources.map((s) => view`<option value=${s.name}>${s.name} (${s.kind})</option>`)}
            </select>
          </div>
          <fieldset class="field inline">
            <legend>The JSON is</legend>
            <label
              ><input
                type="radio"
                name="pg-format"
                value="wire"
                checked=${format === 'wire'}
                onChange=${() => setFormat('wire')}
              />${' '}as the source sends it</label
            >
            <label
              ><input
                type="radio"
                name="pg-format"
                value="normalised"
                checked=${format === 'normalised'}
                disabled=${!info.data?.normalised_preview}
                onChange=${() => setFormat('normalised')}
              />${' '}a normalised alarm</label
            >
          </fieldset>
          <div class="field">
            <label for="pg-alarm">Alarm JSON</label>
            <textarea
              id="pg-alarm"
              rows="16"
              spellcheck="false"
              class="mono"
              required
              value=${text}
              onInput=${(e: Event) => setText((e.target as HTMLTextAreaElement).value)}
            ></textarea>
          </div>
          <div>
            <button type="submit" class="primary" disabled=${busy || !source}>
              ${busy ? 'Previewing…' : 'Preview'}
            </button>
          </div>
        </form>
      <//>
      <${Section} id="result" title="Result">
        <div aria-live="polite">
          ${error ? view`<${ErrorBox} message=${error} />` : null}
          ${result ? view`<${Result} result=${result.result} text=${result.text} />` : !error ? view`<${Empty}>Paste or pick an alarm and press Preview.<//>` : null}
        </div>
      <//>
    </div>
  `;
}
