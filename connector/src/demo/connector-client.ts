// The connector's public HTTP API as the demo's site systems and its narrator use it: alarm posts
// with a source's bearer token, and the event read API with the API key. Answers parsed with zod.
import axios, { type AxiosInstance } from 'axios';
import { z } from 'zod';

const AcceptedSchema = z.object({
  accepted: z.array(z.object({ id: z.string(), outcome: z.string(), event_key: z.string().nullable() })),
  rejected: z.array(z.object({ index: z.number().nullable(), message: z.string() })).default([]),
});
const DeliverySchema = z.looseObject({
  id: z.number(),
  op: z.string(),
  state: z.string(),
  attempts: z.number(),
  last_error: z.string().nullable(),
});
const EventSchema = z.looseObject({
  key: z.string(),
  state: z.string(),
  rule: z.string(),
  title: z.string(),
  incident: z.object({ sys_id: z.string(), number: z.string().nullable() }).nullable(),
  verdict: z.object({ verdict: z.string(), evaluated_at: z.string().nullable() }).nullable(),
});
const EventDetailSchema = EventSchema.extend({
  alarms: z.array(z.looseObject({ id: z.string(), source: z.string(), state: z.string(), type: z.string() })),
  deliveries: z.array(DeliverySchema),
});
const EventListSchema = z.object({ events: z.array(EventSchema) });
const CheckSchema = z.looseObject({ name: z.string(), status: z.string(), message: z.string() });
const VerdictSchema = z.looseObject({ verdict: z.string(), checks: z.array(CheckSchema) });

export type PostedAlarms = z.infer<typeof AcceptedSchema>;
export type EventDetailView = z.infer<typeof EventDetailSchema>;
export type EventListItem = z.infer<typeof EventSchema>;
export type ClosureVerdict = z.infer<typeof VerdictSchema>;

export interface ConnectorClient {
  /** POST /v1/alarms/:source; throws unless the connector answers 202. */
  postAlarms(source: string, token: string, payload: object): Promise<PostedAlarms>;
  event(key: string): Promise<EventDetailView | null>;
  events(): Promise<EventListItem[]>;
  /** POST /v1/closure-checks, what the plugin asks. */
  closureCheck(correlationId: string): Promise<ClosureVerdict>;
}

export function connectorClient(baseUrl: string, apiKey: string): ConnectorClient {
  const http: AxiosInstance = axios.create({
    baseURL: baseUrl,
    validateStatus: () => true,
    proxy: false,
    timeout: 15_000,
  });
  const keyed = { headers: { 'X-API-Key': apiKey } };
  return {
    postAlarms: async (source, token, payload) => {
      const res = await http.post(`/v1/alarms/${source}`, payload, {
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      });
      if (res.status !== 202)
        throw new Error(`POST /v1/alarms/${source} answered HTTP ${res.status}: ${JSON.stringify(res.data)}`);
      return AcceptedSchema.parse(res.data);
    },
    event: async (key) => {
      const res = await http.get(`/v1/events/${encodeURIComponent(key)}`, keyed);
      if (res.status === 404) return null;
      if (res.status !== 200) throw new Error(`GET /v1/events/${key} answered HTTP ${res.status}`);
      return EventDetailSchema.parse(res.data);
    },
    events: async () => {
      const res = await http.get('/v1/events', keyed);
      if (res.status !== 200) throw new Error(`GET /v1/events answered HTTP ${res.status}`);
      return EventListSchema.parse(res.data).events;
    },
    closureCheck: async (correlationId) => {
      const res = await http.post(
        '/v1/closure-checks',
        { record: { table: 'incident', correlation_id: correlationId } },
        keyed,
      );
      if (res.status !== 200) throw new Error(`POST /v1/closure-checks answered HTTP ${res.status}`);
      return VerdictSchema.parse(res.data);
    },
  };
}
