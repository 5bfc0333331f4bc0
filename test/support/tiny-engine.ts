// A small Engine for HTTP-layer tests: alarms are posted already normalised (minus source fields), and
// every alarm plans onto one key per `asset.site`. The real mapping engine is tested on its own.
import { z } from 'zod';
import { AlarmSchema, type Alarm } from '../../connector/src/model/alarm.js';
import type { SourceConfig } from '../../connector/src/mapping/schema.js';
import type { DecodedBatch, Engine } from '../../connector/src/service/engine-types.js';
import { plan } from './alarms.js';

const Posted = AlarmSchema.omit({ source: true, sourceKind: true, receivedAt: true, raw: true });

export function tinyEngine(sources: Record<string, SourceConfig>): Engine {
  return {
    sources,
    maintenance: [],
    decode(sourceName, body, { receivedAt, maxItems }): DecodedBatch {
      const list = z.object({ alarms: z.array(z.unknown()) }).safeParse(body);
      const items = list.success ? list.data.alarms : [body];
      if (maxItems !== undefined && items.length > maxItems)
        return {
          alarms: [],
          positions: [],
          errors: [
            {
              index: null,
              message: `the batch holds ${items.length} alarms, more than the limit of ${maxItems}`,
              raw: null,
              code: 'too_many_items',
            },
          ],
        };
      const alarms: Alarm[] = [];
      const positions: number[] = [];
      const errors: DecodedBatch['errors'] = [];
      items.forEach((raw, index) => {
        const p = Posted.safeParse(raw);
        if (!p.success)
          errors.push({
            index,
            message: p.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
            raw,
          });
        else {
          positions.push(index);
          alarms.push({
            ...p.data,
            source: sourceName,
            sourceKind: 'webhook',
            receivedAt: receivedAt.toISOString(),
            raw,
          });
        }
      });
      return { alarms, positions, errors };
    },
    async decodeInChunks(sourceName, body, opts) {
      return this.decode(sourceName, body, opts);
    },
    plan(alarm) {
      if (alarm.type === 'unmapped') return { kind: 'unmatched', reason: 'no rule matches type "unmapped"' };
      return {
        kind: 'planned',
        plan: plan({
          correlationKey: `${alarm.asset.site ?? 'X'}/cooling/ZONE-A1`,
          fields: { short_description: alarm.text },
        }),
      };
    },
    preview(sourceName, body, now) {
      return { source: sourceName, decoded: this.decode(sourceName, body, { receivedAt: now }) };
    },
  };
}
