// SNMP trap/inform receiver (v1, v2c, v3 with USM users) for one `kind: snmp` source. Each trap is
// normalised (pdu.ts), decoded (decode.ts) and handed to onAlarms in arrival order.
import dgram from 'node:dgram';
import snmp, { type ReceiverUser } from 'net-snmp';
import {
  silentLogger,
  serialQueue,
  type OnAlarms,
  type ReceivedInput,
  type SourceLogger,
} from '../listener-types.js';
import { bodyError } from '../types.js';
import { decode, type SnmpSourceConfig } from './decode.js';
import { trapFromNotification } from './pdu.js';

export type SnmpListener = { port: number; close(): Promise<void> };
export type SnmpListenerOptions = { env?: NodeJS.ProcessEnv; now?: () => Date };

/** Communities and USM users from config + environment; throws naming any missing variable. */
export function snmpCredentials(
  config: SnmpSourceConfig,
  env: NodeJS.ProcessEnv,
): { communities: string[]; users: ReceiverUser[] } {
  const need = (name: string, what: string): string => {
    const v = env[name];
    if (v === undefined || v === '') throw new Error(`environment variable ${name} (${what}) is not set`);
    return v;
  };
  const communities = [...config.communities];
  if (config.communities_env) {
    communities.push(...need(config.communities_env, 'SNMP communities').split(','));
  }
  const users = config.users.map((u): ReceiverUser => {
    const authKey = need(u.auth_key_env, `auth key of SNMPv3 user ${u.name}`);
    if (u.priv_protocol && !u.priv_key_env)
      throw new Error(`SNMPv3 user ${u.name}: priv_protocol needs priv_key_env`);
    const base = { name: u.name, authProtocol: snmp.AuthProtocols[u.auth_protocol], authKey };
    return u.priv_protocol && u.priv_key_env
      ? {
          ...base,
          level: snmp.SecurityLevel.authPriv,
          privProtocol: snmp.PrivProtocols[u.priv_protocol],
          privKey: need(u.priv_key_env, `priv key of SNMPv3 user ${u.name}`),
        }
      : { ...base, level: snmp.SecurityLevel.authNoPriv };
  });
  return { communities: communities.map((c) => c.trim()).filter(Boolean), users };
}

/** The trap as kept when refused: its JSON (net-snmp does not hand over the datagram itself). */
function asInput(trap: unknown, from: string, receivedAt: Date): ReceivedInput {
  return {
    body: Buffer.from(JSON.stringify(trap)),
    contentType: 'application/json',
    origin: `trap from ${from}`,
    receivedAt,
  };
}

export async function startSnmpListener(
  sourceName: string,
  config: SnmpSourceConfig,
  onAlarms: OnAlarms,
  logger: SourceLogger = silentLogger,
  opts: SnmpListenerOptions = {},
): Promise<SnmpListener> {
  const { communities, users } = snmpCredentials(config, opts.env ?? process.env);
  const userNames = new Set(users.map((u) => u.name));
  const now = opts.now ?? (() => new Date());
  const queue = serialQueue((err) => logger.error({ err, source: sourceName }, 'SNMP alarm delivery failed'));
  const log = { source: sourceName };
  // Whatever one datagram holds, it must not take the process down: caught per message.
  const perMessage =
    <A extends unknown[]>(handle: (...args: A) => void) =>
    (...args: A): void => {
      try {
        handle(...args);
      } catch (err) {
        logger.error({ ...log, err }, 'SNMP message could not be handled; dropped');
      }
    };

  let socket: dgram.Socket | null = null;
  let started = false;
  let onBound: () => void = () => undefined;
  let onBindError: (err: Error) => void = () => undefined;
  const bound = new Promise<void>((resolve, reject) => {
    onBound = resolve;
    onBindError = reject;
  });
  // Lets us await the bind (and see its error) on the socket net-snmp creates.
  const dgramModule = {
    createSocket(type: 'udp4' | 'udp6') {
      const s = dgram.createSocket(type);
      socket = s;
      s.once('listening', () => onBound());
      s.once('error', (err) => onBindError(err));
      return s;
    },
  };
  const receiver = snmp.createReceiver(
    {
      port: config.port,
      address: config.bind,
      transport: config.bind.includes(':') ? 'udp6' : 'udp4',
      // An empty community list means "any community" (documented in the mapping schema).
      disableAuthorization: communities.length === 0,
      includeAuthentication: true,
      dgramModule,
    },
    perMessage((error, notification) => {
      if (error) {
        if (!started) return; // a bind error; `bound` rejects with it
        // net-snmp names the offered community in its message; it is someone's secret, keep it out.
        const reason = error.message.replace(/with community .*/s, 'with a community not configured here');
        logger.warn({ ...log, from: error.rinfo?.address, reason }, 'SNMP message refused');
        return;
      }
      const received = now();
      const parsed = trapFromNotification(notification);
      if (!parsed.ok) {
        const raw = { from: notification?.rinfo.address ?? null, error: parsed.message };
        const result = bodyError(parsed.message, raw, 'malformed');
        queue.push(() => onAlarms(result, asInput(raw, raw.from ?? 'unknown', received)));
        return;
      }
      const trap = parsed.trap;
      if (trap.version === 'v3' && !userNames.has(trap.user ?? '')) {
        logger.warn(
          { ...log, from: trap.senderAddress, user: trap.user ?? '' },
          'SNMPv3 trap from an unconfigured user refused',
        );
        return;
      }
      const result = decode(sourceName, config, trap, { receivedAt: received });
      queue.push(() => onAlarms(result, asInput(trap, trap.agentAddress, received)));
    }),
  );
  for (const c of communities) receiver.getAuthorizer().addCommunity(c);
  for (const u of users) receiver.getAuthorizer().addUser(u);

  try {
    await bound;
    started = true;
  } catch (err) {
    try {
      receiver.close();
    } catch {
      // the socket never bound
    }
    throw new Error(
      `SNMP source ${sourceName}: cannot listen on udp ${config.bind}:${config.port}: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  const addr = (socket as dgram.Socket | null)?.address();
  const port = addr && typeof addr === 'object' ? addr.port : config.port;
  logger.info(
    { ...log, port, bind: config.bind, communities: communities.length, users: users.length },
    'SNMP trap listener started',
  );
  let closed: Promise<void> | null = null;
  return {
    port,
    close: () => {
      closed ??= new Promise<void>((resolve) => receiver.close(() => resolve())).then(() => queue.drain());
      return closed;
    },
  };
}
