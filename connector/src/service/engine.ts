// Binds loaded mappings to the Engine interface the HTTP layer and listeners use.
import type { Mappings } from '../mapping/compiled.js';
import { planAlarm } from '../mapping/plan-alarm.js';
import { previewAlarm } from '../mapping/preview.js';
import { decodePayload, decodePayloadInChunks } from '../sources/decode.js';
import { bodyError } from '../sources/types.js';
import type { Engine } from './engine-types.js';
import { scopeId, scopesOf } from '../correlation/scopes.js';

export function createEngine(mappings: Mappings): Engine {
  return {
    sources: mappings.sources,
    maintenance: mappings.maintenance.map((w) => ({
      id: `mappings:${w.id}`,
      startsAt: new Date(w.starts_at).toISOString(),
      endsAt: new Date(w.ends_at).toISOString(),
      match: w.match,
      comment: w.comment,
      createdBy: 'mappings',
      createdAt: new Date(w.starts_at).toISOString(),
    })),
    decode(sourceName, body, opts) {
      const source = mappings.sources[sourceName];
      if (!source) return bodyError(`unknown source "${sourceName}"`, body);
      return decodePayload(sourceName, source, body, opts);
    },
    async decodeInChunks(sourceName, body, opts) {
      const source = mappings.sources[sourceName];
      if (!source) return bodyError(`unknown source "${sourceName}"`, body);
      return decodePayloadInChunks(sourceName, source, body, opts);
    },
    plan(alarm) {
      const p = planAlarm(mappings, alarm);
      if (p.kind === 'unmatched') return { kind: 'unmatched', reason: p.reason };
      if (p.kind === 'error') return { kind: 'error', message: p.message };
      const plan = p.plan;
      const topo = p.match.topology;
      const scope = plan.correlationScope ? scopeId(plan.correlationScope, topo) : undefined;
      return {
        kind: 'planned',
        plan: {
          rule: plan.rule,
          correlationKey: plan.correlationKey,
          correlationWindowMs: plan.correlationWindowMs,
          fields: plan.incident.fields,
          references: plan.incident.references,
          impact: plan.impact,
          urgency: plan.urgency,
          closeChecks: plan.closeChecks,
          behaviour: plan.behaviour,
          role: plan.correlationRole,
          scopes: scopesOf(topo),
          ...(scope ? { scope } : {}),
        },
      };
    },
    preview: (sourceName, body, now) => previewAlarm(mappings, sourceName, body, now),
  };
}
