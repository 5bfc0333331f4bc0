// A loopback Redfish EventService built from DMTF's examples: the EventService resource and existing
// subscription come from the public-cooling-unit mockup; a created subscription is the DSP2046
// EventDestination example with the POSTed properties. Basic auth; optional TLS.
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { readJson, REDFISH_FIXTURES } from '../fixtures.js';

const MOCKUP = join(REDFISH_FIXTURES, 'mockups/public-cooling-unit');
const EXAMPLES = join(REDFISH_FIXTURES, 'mockups/DSP2046-examples');
const SUBS = '/redfish/v1/EventService/Subscriptions';

export type EventServiceMock = {
  url: string;
  /** Subscriptions by URI, as the service holds them. */
  subscriptions: Map<string, Record<string, unknown>>;
  /** "METHOD path" of every request, and the POST bodies received. */
  requests: string[];
  posted: unknown[];
  /** Make the next POST fail with this status and a Redfish error body. */
  failNextPost(status: number, message: string): void;
  stop(): Promise<void>;
};

function redfishError(message: string): Record<string, unknown> {
  return {
    error: {
      code: 'Base.1.8.GeneralError',
      message: 'A general error has occurred. See ExtendedInfo for more information.',
      '@Message.ExtendedInfo': [{ MessageId: 'Base.1.8.PropertyValueFormatError', Message: message }],
    },
  };
}

export async function startEventServiceMock(opts: {
  username: string;
  password: string;
  tls?: { key: string; cert: string };
}): Promise<EventServiceMock> {
  const subscriptions = new Map<string, Record<string, unknown>>();
  const existing = readJson(join(MOCKUP, 'EventService/Subscriptions/1/index.json')) as Record<
    string,
    unknown
  >;
  subscriptions.set(`${SUBS}/1`, existing);
  const template = readJson(join(EXAMPLES, 'EventDestination-v1-example.json')) as Record<string, unknown>;
  const requests: string[] = [];
  const posted: unknown[] = [];
  let nextId = 2;
  let failure: { status: number; message: string } | null = null;
  const expected = `Basic ${Buffer.from(`${opts.username}:${opts.password}`).toString('base64')}`;

  const handler = (req: http.IncomingMessage, res: http.ServerResponse) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString('utf8')));
    req.on('end', () => {
      const path = (req.url ?? '/').split('?')[0]?.replace(/\/+$/, '') ?? '/';
      requests.push(`${req.method} ${path}`);
      const send = (status: number, body?: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(body === undefined ? '' : JSON.stringify(body));
      };
      if (req.headers.authorization !== expected) return send(401, redfishError('Authentication required.'));
      if (req.method === 'GET' && path === '/redfish/v1/EventService') {
        return send(200, readJson(join(MOCKUP, 'EventService/index.json')));
      }
      if (req.method === 'GET' && path === SUBS) {
        const coll = readJson(join(MOCKUP, 'EventService/Subscriptions/index.json')) as Record<
          string,
          unknown
        >;
        const members = [...subscriptions.keys()].map((uri) => ({ '@odata.id': uri }));
        return send(200, { ...coll, Members: members, 'Members@odata.count': members.length });
      }
      if (req.method === 'POST' && path === SUBS) {
        const body = JSON.parse(text || '{}') as Record<string, unknown>;
        posted.push(body);
        if (failure) {
          const f = failure;
          failure = null;
          return send(f.status, redfishError(f.message));
        }
        if (typeof body.Destination !== 'string' || !/^https?:\/\//.test(body.Destination)) {
          return send(400, redfishError('The value for the property Destination is not a URI.'));
        }
        const id = String(nextId++);
        const uri = `${SUBS}/${id}`;
        const created = {
          ...template,
          Id: id,
          Name: `EventSubscription ${id}`,
          Destination: body.Destination,
          Protocol: body.Protocol,
          EventFormatType: body.EventFormatType,
          RegistryPrefixes: body.RegistryPrefixes ?? [],
          Context: body.Context ?? null,
          '@odata.id': uri,
        };
        subscriptions.set(uri, created);
        return send(201, created, { location: uri });
      }
      if (subscriptions.has(path)) {
        if (req.method === 'GET') return send(200, subscriptions.get(path));
        if (req.method === 'DELETE') {
          subscriptions.delete(path);
          return send(204);
        }
      }
      return send(404, redfishError(`The resource at the URI ${path} was not found.`));
    });
  };
  const server = opts.tls ? https.createServer(opts.tls, handler) : http.createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${opts.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    subscriptions,
    requests,
    posted,
    failNextPost: (status, message) => {
      failure = { status, message };
    },
    stop: () => new Promise((r) => server.close(() => r())),
  };
}
