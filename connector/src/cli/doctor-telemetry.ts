// `closeloop doctor`, the telemetry half: each provider reachable, then one sample query per thing the
// close checks read from it, through the provider's own code: every Prometheus metric they name has
// series, every fixed Redfish property reads, every MQTT topic they watch is subscribed (and has had a
// value). A provider that does not answer is one failure; its sample queries are skipped as one line.
import type { Config, ProviderConfig } from '../config/schema.js';
import type { Mappings } from '../mapping/compiled.js';
import type { DoctorCheck } from '../itsm/servicenow/doctor.js';
import { createMqttProvider } from '../telemetry/mqtt/provider.js';
import { topicMatches } from '../telemetry/mqtt/topic.js';
import { createPrometheusProvider } from '../telemetry/prometheus/provider.js';
import { createRedfishProvider } from '../telemetry/redfish/provider.js';
import type { TelemetryProvider } from '../telemetry/types.js';
import { probeProvider, within } from './preflight/probes.js';

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));
const TEMPLATE = /\{\{[^}]*\}\}/g;
/** A PromQL metric name directly followed by its label matchers: `name{`. */
const METRIC = /([a-zA-Z_:][a-zA-Z0-9_:]*)\s*\{/g;

/** Close-check queries per provider name, over every rule (templates as written). */
export function closeCheckQueries(m: Mappings): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const rule of [...m.rules, ...(m.defaultRule ? [m.defaultRule] : [])])
    for (const c of rule.spec.close_checks ?? [])
      out.set(c.provider, [...(out.get(c.provider) ?? []), c.query]);
  return out;
}

/** What the sample queries of one provider will be: the checks, and what cannot be sampled. */
export function samplePlan(
  cfg: ProviderConfig,
  queries: string[],
): { samples: string[]; unsampled: string[] } {
  const unique = [...new Set(queries)];
  if (cfg.kind === 'prometheus') {
    const metrics = new Set<string>();
    for (const q of unique) for (const m of q.replace(TEMPLATE, 'x').matchAll(METRIC)) metrics.add(m[1]!);
    return { samples: [...metrics], unsampled: [] };
  }
  if (cfg.kind === 'redfish')
    return {
      samples: unique.filter((q) => !q.includes('{{')),
      unsampled: unique.filter((q) => q.includes('{{')),
    };
  return { samples: [...new Set(unique.map((q) => q.replace(TEMPLATE, '+')))], unsampled: [] };
}

async function sample(
  p: TelemetryProvider,
  cfg: ProviderConfig,
  item: string,
  timeoutMs: number,
): Promise<DoctorCheck> {
  const group = `telemetry ${p.name}`;
  const now = Date.now();
  try {
    if (cfg.kind === 'prometheus') {
      const series = await within(timeoutMs, (s) =>
        p.queryRange(`count(${item})`, { startMs: now - 300_000, endMs: now }, s),
      );
      const last = series[0]?.samples.at(-1)?.v ?? 0;
      return last > 0
        ? { group, name: item, status: 'pass', detail: `${last} series in the last 5 minutes` }
        : {
            group,
            name: item,
            status: 'warn',
            detail:
              'no series in the last 5 minutes: its close checks will answer unknown (is the exporter scraped?)',
          };
    }
    if (cfg.kind === 'redfish') {
      await within(timeoutMs, (s) => p.sample!(item, s));
      const series = await within(timeoutMs, (s) =>
        p.queryRange(item, { startMs: now - 60_000, endMs: Date.now() }, s),
      );
      const v = series[0]?.samples.at(-1)?.v;
      return v === undefined || v === null
        ? { group, name: item, status: 'warn', detail: 'read, but no value' }
        : { group, name: item, status: 'pass', detail: `reads ${v}` };
    }
    // MQTT: the topic must be within a subscription; values arrive when published (retained ones at once).
    const concrete = item.replace(/(^|\/)\+(?=\/|$)/g, '$1x').replace(/#$/, 'x');
    if (cfg.kind === 'mqtt' && !cfg.topics.some((t) => topicMatches(t, concrete)))
      return {
        group,
        name: item,
        status: 'fail',
        detail: `not within the provider's topics (${cfg.topics.join(', ')}): its close checks can never see a value`,
      };
    const series = await within(timeoutMs, (s) => p.queryRange(item, { startMs: 0, endMs: Date.now() }, s));
    return series.length
      ? {
          group,
          name: item,
          status: 'pass',
          detail: `${series.length} topic${series.length === 1 ? '' : 's'} with values`,
        }
      : {
          group,
          name: item,
          status: 'warn',
          detail: 'subscribed; no message yet (values arrive as they are published)',
        };
  } catch (e) {
    return { group, name: item, status: 'fail', detail: messageOf(e) };
  }
}

function providerFor(name: string, cfg: ProviderConfig): TelemetryProvider {
  if (cfg.kind === 'prometheus') return createPrometheusProvider(name, cfg);
  if (cfg.kind === 'redfish') return createRedfishProvider(name, cfg);
  return createMqttProvider(name, cfg);
}

export async function telemetryChecks(config: Config, m: Mappings, timeoutMs = 5000): Promise<DoctorCheck[]> {
  const queries = closeCheckQueries(m);
  const perProvider = await Promise.all(
    Object.entries(config.telemetry.providers).map(async ([name, cfg]): Promise<DoctorCheck[]> => {
      const group = `telemetry ${name}`;
      const plan = samplePlan(cfg, queries.get(name) ?? []);
      const reach = await probeProvider(name, cfg, timeoutMs);
      if (!reach.ok) {
        const n = plan.samples.length;
        return [
          { group, name: 'reachable', status: 'fail', detail: `${cfg.url}: ${reach.problem}` },
          ...(n
            ? [
                {
                  group,
                  name: 'skipped',
                  status: 'skip' as const,
                  detail: `provider not reachable: ${n} check${n === 1 ? '' : 's'} skipped`,
                  skipped: n,
                },
              ]
            : []),
        ];
      }
      const out: DoctorCheck[] = [
        { group, name: 'reachable', status: 'pass', detail: `${cfg.url}: ${reach.detail}` },
      ];
      if (!queries.has(name)) {
        out.push({
          group,
          name: 'close checks',
          status: 'warn',
          detail: 'no close check uses this provider',
        });
        return out;
      }
      const p = providerFor(name, cfg);
      try {
        if (cfg.kind === 'mqtt') {
          // Retained values arrive right after subscribing.
          await within(timeoutMs, (s) => (p as ReturnType<typeof createMqttProvider>).ready(s));
          await new Promise((r) => setTimeout(r, 500));
        }
        for (const item of plan.samples) out.push(await sample(p, cfg, item, timeoutMs));
      } catch (e) {
        out.push({ group, name: 'sample queries', status: 'fail', detail: messageOf(e) });
      } finally {
        await p.close();
      }
      if (plan.unsampled.length)
        out.push({
          group,
          name: 'templated queries',
          status: 'skip',
          detail: `${plan.unsampled.length} quer${plan.unsampled.length === 1 ? 'y names' : 'ies name'} the alarm ({{…}}); read when an alarm arrives`,
          skipped: plan.unsampled.length,
        });
      return out;
    }),
  );
  return perProvider.flat();
}
