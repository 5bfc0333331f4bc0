// A Redfish HTTP client: GET resources as JSON with basic or session auth and configurable TLS trust.
// Sessions (SessionService) are created on first use, renewed once on 401, deleted on close.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import axios, { type AxiosResponse } from 'axios';
import { z } from 'zod';
import type { z as zt } from 'zod';
import type { RedfishProviderSchema } from '../../config/schema.js';
import { transportError } from '../http-errors.js';
import { TelemetryError } from '../types.js';

export type RedfishProviderConfig = zt.output<typeof RedfishProviderSchema>;

export interface RedfishClient {
  get(uri: string, signal: AbortSignal): Promise<unknown>;
  close(): Promise<void>;
}

const RedfishErrorSchema = z.object({
  error: z.object({
    code: z.string().optional(),
    message: z.string().optional(),
    '@Message.ExtendedInfo': z.array(z.object({ Message: z.string().optional() })).optional(),
  }),
});

function errorText(data: unknown): string {
  const parsed = RedfishErrorSchema.safeParse(data);
  if (!parsed.success) return typeof data === 'string' ? data.slice(0, 200) : '';
  const info = parsed.data.error['@Message.ExtendedInfo']?.map((i) => i.Message).filter(Boolean) ?? [];
  return info.length ? info.join('; ') : (parsed.data.error.message ?? parsed.data.error.code ?? '');
}

export function createRedfishClient(name: string, cfg: RedfishProviderConfig): RedfishClient {
  const httpsAgent = new https.Agent({
    keepAlive: true,
    rejectUnauthorized: !cfg.insecure_skip_verify,
    ...(cfg.ca_file ? { ca: readFileSync(cfg.ca_file) } : {}),
  });
  const httpAgent = new http.Agent({ keepAlive: true });
  const api = axios.create({
    baseURL: cfg.url.replace(/\/+$/, ''),
    timeout: cfg.timeout,
    httpAgent,
    httpsAgent,
    headers: { Accept: 'application/json', 'OData-Version': '4.0' },
    validateStatus: () => true,
    ...(cfg.auth === 'basic' && cfg.username !== undefined
      ? { auth: { username: cfg.username, password: cfg.password ?? '' } }
      : {}),
  });

  let session: Promise<{ token: string; location: string | undefined }> | null = null;

  function fail(status: number, data: unknown, what: string): TelemetryError {
    const kind =
      status === 401 || status === 403
        ? 'rejected'
        : status === 404
          ? 'bad_query'
          : status >= 500
            ? 'unreachable'
            : 'rejected';
    const text = errorText(data);
    return new TelemetryError(name, kind, `${name}: ${what}: HTTP ${status}${text ? ` ${text}` : ''}`);
  }

  async function login(signal: AbortSignal): Promise<{ token: string; location: string | undefined }> {
    let res: AxiosResponse<unknown>;
    try {
      res = await api.post(
        '/redfish/v1/SessionService/Sessions',
        { UserName: cfg.username ?? '', Password: cfg.password ?? '' },
        { signal },
      );
    } catch (err) {
      throw transportError(name, err, signal);
    }
    const token = res.headers['x-auth-token'];
    if (res.status >= 300 || typeof token !== 'string' || token === '')
      throw fail(res.status, res.data, 'session login failed');
    const location = res.headers['location'];
    return { token, location: typeof location === 'string' ? location : undefined };
  }

  async function sessionToken(signal: AbortSignal): Promise<string> {
    // One login at a time: concurrent reads share it; a failed login is forgotten so the next read retries.
    session ??= login(signal).catch((err: unknown) => {
      session = null;
      throw err;
    });
    return (await session).token;
  }

  async function getOnce(uri: string, signal: AbortSignal): Promise<AxiosResponse<unknown>> {
    const headers: Record<string, string> = {};
    if (cfg.auth === 'session') headers['X-Auth-Token'] = await sessionToken(signal);
    try {
      return await api.get(uri, { signal, headers });
    } catch (err) {
      throw transportError(name, err, signal);
    }
  }

  return {
    async get(uri, signal) {
      let res = await getOnce(uri, signal);
      if (res.status === 401 && cfg.auth === 'session') {
        // The BMC dropped our session (timeout, reboot): log in again once.
        session = null;
        res = await getOnce(uri, signal);
      }
      if (res.status !== 200) throw fail(res.status, res.data, `GET ${uri}`);
      if (res.data === null || typeof res.data !== 'object') {
        throw new TelemetryError(name, 'bad_response', `${name}: GET ${uri} did not return a JSON object`);
      }
      return res.data;
    },
    async close() {
      const current = session;
      session = null;
      if (current) {
        try {
          const { token, location } = await current;
          if (location)
            await api.delete(location, { headers: { 'X-Auth-Token': token }, timeout: cfg.timeout });
        } catch {
          // Logging out is courtesy: the BMC expires the session anyway.
        }
      }
      httpAgent.destroy();
      httpsAgent.destroy();
    },
  };
}
