// Manages this connector's event subscription (EventDestination) on a BMC or CDU Redfish service:
// create (idempotent per Destination), list, delete. Basic auth over HTTP(S); `ca` pins a private CA.
import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import http from 'node:http';
import https from 'node:https';
import { z } from 'zod';

export type BmcConnection = {
  /** Service root, e.g. https://10.0.0.5 (the /redfish/v1 paths are added here). */
  bmcUrl: string;
  username: string;
  password: string;
  /** PEM CA certificate(s) trusted for an HTTPS BMC with a private CA. */
  ca?: string | Buffer;
  timeoutMs?: number;
};

export type SubscribeOptions = BmcConnection & {
  /** Where the BMC posts events: this connector's `POST /v1/alarms/<source>` URL. */
  destination: string;
  /** Registries to receive; the default covers sensors, cooling/environment and resource health. */
  registryPrefixes?: string[];
  context?: string;
  /** Headers the BMC sends with every event, e.g. the source's bearer token. */
  httpHeaders?: Record<string, string>;
};

export type Subscription = {
  id: string;
  uri: string;
  destination: string;
  protocol?: string;
  context?: string;
  registryPrefixes?: string[];
  eventFormatType?: string;
};

export const DEFAULT_REGISTRY_PREFIXES = ['SensorEvent', 'Environmental', 'ResourceEvent'];
export const SUBSCRIPTIONS_PATH = '/redfish/v1/EventService/Subscriptions';

const LinkSchema = z.object({ '@odata.id': z.string().min(1) });
const CollectionSchema = z.object({ Members: z.array(LinkSchema) });
const DestinationSchema = z.object({
  '@odata.id': z.string().min(1).optional(),
  Id: z.string().min(1),
  Destination: z.string(),
  Protocol: z.string().optional(),
  Context: z.string().nullable().optional(),
  RegistryPrefixes: z.array(z.string()).optional(),
  EventFormatType: z.string().optional(),
});
const RedfishErrorSchema = z.object({
  error: z.object({
    message: z.string().optional(),
    '@Message.ExtendedInfo': z.array(z.object({ Message: z.string().optional() })).optional(),
  }),
});

/** Subscribes `destination`; when a subscription for it already exists, returns that one instead. */
export async function subscribe(
  opts: SubscribeOptions,
): Promise<{ id: string; uri: string; created: boolean }> {
  const client = clientFor(opts);
  const existing = (await listWith(client)).find((s) => s.destination === opts.destination);
  if (existing) return { id: existing.id, uri: existing.uri, created: false };

  const body = {
    Destination: opts.destination,
    Protocol: 'Redfish',
    SubscriptionType: 'RedfishEvent',
    EventFormatType: 'Event',
    RegistryPrefixes: opts.registryPrefixes ?? DEFAULT_REGISTRY_PREFIXES,
    ...(opts.context !== undefined ? { Context: opts.context } : {}),
    ...(opts.httpHeaders ? { HttpHeaders: [opts.httpHeaders] } : {}),
  };
  const res = await request(client, 'POST', SUBSCRIPTIONS_PATH, body);
  if (res.status !== 201 && res.status !== 200) throw failure('POST', SUBSCRIPTIONS_PATH, res);
  const location = typeof res.headers.location === 'string' ? res.headers.location : undefined;
  const parsed = DestinationSchema.safeParse(res.data);
  const uri = location ? pathOf(location) : parsed.success ? parsed.data['@odata.id'] : undefined;
  if (!uri)
    throw new Error(`POST ${SUBSCRIPTIONS_PATH}: HTTP ${res.status} without a Location header or @odata.id`);
  const id = parsed.success ? parsed.data.Id : (uri.split('/').filter(Boolean).pop() ?? uri);
  return { id, uri, created: true };
}

export async function listSubscriptions(conn: BmcConnection): Promise<Subscription[]> {
  return listWith(clientFor(conn));
}

/** Deletes by subscription id (`3`) or URI; a subscription that is already gone is not an error. */
export async function deleteSubscription(
  conn: BmcConnection,
  idOrUri: string,
): Promise<{ deleted: boolean }> {
  const uri = idOrUri.startsWith('/') ? idOrUri : `${SUBSCRIPTIONS_PATH}/${encodeURIComponent(idOrUri)}`;
  const res = await request(clientFor(conn), 'DELETE', uri);
  if (res.status === 404) return { deleted: false };
  if (res.status >= 200 && res.status < 300) return { deleted: true };
  throw failure('DELETE', uri, res);
}

async function listWith(client: AxiosInstance): Promise<Subscription[]> {
  const res = await request(client, 'GET', SUBSCRIPTIONS_PATH);
  if (res.status !== 200) throw failure('GET', SUBSCRIPTIONS_PATH, res);
  const coll = CollectionSchema.safeParse(res.data);
  if (!coll.success) throw new Error(`GET ${SUBSCRIPTIONS_PATH}: not an EventDestination collection`);
  const out: Subscription[] = [];
  for (const member of coll.data.Members) {
    const uri = member['@odata.id'];
    const one = await request(client, 'GET', uri);
    if (one.status === 404) continue; // deleted meanwhile
    if (one.status !== 200) throw failure('GET', uri, one);
    const d = DestinationSchema.safeParse(one.data);
    if (!d.success)
      throw new Error(`GET ${uri}: not an EventDestination (${d.error.issues[0]?.message ?? 'invalid'})`);
    out.push({
      id: d.data.Id,
      uri,
      destination: d.data.Destination,
      ...(d.data.Protocol ? { protocol: d.data.Protocol } : {}),
      ...(d.data.Context ? { context: d.data.Context } : {}),
      ...(d.data.RegistryPrefixes ? { registryPrefixes: d.data.RegistryPrefixes } : {}),
      ...(d.data.EventFormatType ? { eventFormatType: d.data.EventFormatType } : {}),
    });
  }
  return out;
}

function clientFor(conn: BmcConnection): AxiosInstance {
  const base = new URL(conn.bmcUrl);
  if (base.protocol !== 'https:' && base.protocol !== 'http:') {
    throw new Error(`bmcUrl must be http(s), got ${base.protocol}`);
  }
  return axios.create({
    baseURL: base.origin,
    auth: { username: conn.username, password: conn.password },
    timeout: conn.timeoutMs ?? 10_000,
    headers: { Accept: 'application/json', 'OData-Version': '4.0' },
    validateStatus: () => true,
    maxRedirects: 0,
    httpAgent: new http.Agent({ keepAlive: false }),
    httpsAgent: new https.Agent({ keepAlive: false, ...(conn.ca ? { ca: conn.ca } : {}) }),
  });
}

async function request(
  client: AxiosInstance,
  method: 'GET' | 'POST' | 'DELETE',
  url: string,
  data?: unknown,
): Promise<AxiosResponse<unknown>> {
  try {
    return await client.request<unknown>({ method, url, ...(data !== undefined ? { data } : {}) });
  } catch (err) {
    // Axios errors carry the request config (with the password); keep only the reason.
    const reason = err instanceof Error ? ((err as { code?: string }).code ?? err.message) : String(err);
    throw new Error(`${method} ${url}: ${reason}`);
  }
}

function failure(method: string, url: string, res: AxiosResponse<unknown>): Error {
  const parsed = RedfishErrorSchema.safeParse(res.data);
  const detail = parsed.success
    ? [parsed.data.error.message, ...(parsed.data.error['@Message.ExtendedInfo'] ?? []).map((m) => m.Message)]
        .filter(Boolean)
        .join(' ')
    : '';
  return new Error(`${method} ${url}: HTTP ${res.status}${detail ? `: ${detail}` : ''}`);
}

function pathOf(location: string): string {
  return location.startsWith('/') ? location : new URL(location).pathname;
}
