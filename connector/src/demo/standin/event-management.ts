// `POST /api/global/em/jsonv2`: Event Management's bulk event endpoint, the alternative target to
// incidents. Events are stored in em_event (readable over the Table API) as the endpoint received
// them; no alert or incident is derived from them here.
import express, { type Router } from 'express';
import { z } from 'zod';
import type { InputValue } from './writes.js';
import { errorBody } from './table-api.js';

const text = z.union([z.string(), z.number()]).transform(String);

export const EmEventSchema = z.looseObject({
  source: text.optional(),
  event_class: text.optional(),
  node: text.optional(),
  resource: text.optional(),
  metric_name: text.optional(),
  type: text.optional(),
  message_key: text.optional(),
  severity: text.optional(),
  description: text.optional(),
  additional_info: z.union([z.string(), z.record(z.string(), z.unknown())]).optional(),
  time_of_event: text.optional(),
});
export const EmBatchSchema = z.object({ records: z.array(EmEventSchema).min(1) });

export function eventManagementRouter(
  insert: (values: Record<string, InputValue>, user: string | undefined) => Promise<void>,
): Router {
  const router = express.Router();
  router.post('/jsonv2', express.text({ type: () => true, limit: '10mb' }), async (req, res) => {
    let json: unknown;
    try {
      json = JSON.parse(typeof req.body === 'string' ? req.body : '');
    } catch {
      return void res
        .status(400)
        .json(errorBody('Exception while reading request', 'The payload is not valid JSON.'));
    }
    const batch = EmBatchSchema.safeParse(json);
    if (!batch.success) {
      return void res
        .status(400)
        .json(
          errorBody(
            'Invalid event payload',
            batch.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
          ),
        );
    }
    const user = z.object({ user: z.string() }).safeParse(res.locals.principal);
    for (const event of batch.data.records) {
      const { additional_info: info, ...rest } = event;
      const values: Record<string, InputValue> = {};
      for (const [key, value] of Object.entries(rest)) if (typeof value === 'string') values[key] = value;
      if (info !== undefined) values.additional_info = typeof info === 'string' ? info : JSON.stringify(info);
      await insert({ ...values, state: 'Ready' }, user.success ? user.data.user : undefined);
    }
    res.json({ result: { 'Default Bulk Endpoint': `${batch.data.records.length} events were inserted` } });
  });
  return router;
}
