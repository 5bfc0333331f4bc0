// SNMP trap/inform receiver (v1, v2c, v3 with USM users) for one `kind: snmp` source. Each trap is
// normalised (pdu.ts), decoded (decode.ts) and handed to onAlarms in arrival order.
//
// What net-snmp does not do is done here, on each datagram before net-snmp sees it (usm-header.ts):
// authenticated v3 notifications are checked against replays (usm-replay.ts); v3 digests are always
// verified, also when "any community" switches net-snmp's authorization off for v1/v2c. Refusals are
// counted (onRefused → a metric) and logged without anything net-snmp put in its message (the offered
// community, the digest it calculated), at most a few lines per reason per minute.
import dgram from 'node:dgram';
import snmp, { type ReceiverUser } from 'net-snmp';
import { createLogLimiter } from '../../observability/log-limiter.js';
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
import { readSnmpHeader, type SnmpHeader } from './usm-header.js';
import { createUsmReplayGuard } from './usm-replay.js';

export type SnmpRefusal =
  | 'bad_community'
  | 'unknown_user'
  | 'auth_failed'
  | 'decrypt_failed'
  | 'not_authenticated'
  | 'not_encrypted'
  | 'replay'
  | 'outside_time_window'
  | 'malformed'
  | 'unsupported_pdu';

const REFUSAL_TEXT: Record<SnmpRefusal, string> = {
  bad_community: 'community not configured here',
  unknown_user: 'SNMPv3 user not configured here',
  auth_failed: 'SNMPv3 authentication failed (wrong auth key or protocol)',
  decrypt_failed: 'SNMPv3 message could not be decrypted (wrong priv key or protocol)',
  not_authenticated: 'SNMPv3 user requires authentication, the message has none',
  not_encrypted: 'SNMPv3 user requires privacy, the message is not encrypted',
  replay: 'SNMPv3 message already received (replay)',
  outside_time_window: 'SNMPv3 message outside the time window (engine boots/time older than already seen)',
  malformed: 'not a valid SNMP message',
  unsupported_pdu: 'not a trap or inform',
};

/** Why net-snmp refused a datagram, from the error's class and the fixed start of its message only. */
export function refusalReason(error: Error & { code?: unknown }): SnmpRefusal {
  const m = error.message ?? '';
  if (error.name === 'ResponseInvalidError') {
    if (error.code === snmp.ResponseInvalidCode.EAuthFailure) return 'auth_failed';
    if (error.code === snmp.ResponseInvalidCode.ECouldNotDecrypt) return 'decrypt_failed';
    return 'malformed';
  }
  if (error.name === 'RequestFailedError') {
    if (m.startsWith('Local community not found')) return 'bad_community';
    if (m.startsWith('Local user not found')) return 'unknown_user';
    if (m.includes('requires authentication')) return 'not_authenticated';
    if (m.includes('requires privacy')) return 'not_encrypted';
  }
  if (error.name === 'RequestInvalidError') return 'unsupported_pdu';
  return 'malformed';
}

export type SnmpListener = { port: number; close(): Promise<void> };
export type SnmpListenerOptions = {
  env?: NodeJS.ProcessEnv;
  now?: () => Date;
  /** Called once per refused datagram (for a metric); logs about refusals are rate-limited. */
  onRefused?: (reason: SnmpRefusal) => void;
  /** Refusal log lines per reason per minute (default 5; the rest are summarised as a count). */
  refusalLogsPerMinute?: number;
};

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
  const replays = createUsmReplayGuard();
  const limiter = createLogLimiter({
    perWindow: opts.refusalLogsPerMinute ?? 5,
    windowMs: 60_000,
    onSuppressed: (reason, count) =>
      logger.warn(
        { ...log, reason, count },
        `SNMP messages refused: ${count} more not logged in the last minute`,
      ),
  });
  const refuse = (reason: SnmpRefusal, from: string | undefined, extra: Record<string, unknown> = {}) => {
    opts.onRefused?.(reason);
    if (limiter.admit(reason))
      logger.warn({ ...log, from, reason, detail: REFUSAL_TEXT[reason], ...extra }, 'SNMP message refused');
  };
  // The header of the datagram being processed: net-snmp handles a datagram synchronously, so its
  // callback for that datagram runs before the next 'message' event.
  let current: SnmpHeader | null = null;
  const anyCommunity = communities.length === 0;
  let receiver: ReturnType<typeof snmp.createReceiver> | null = null;
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
      // Registered before net-snmp's own listener, so it runs first for every datagram.
      s.on('message', (buf: Buffer) => {
        current = readSnmpHeader(buf);
        // "Any community" is net-snmp's disableAuthorization, which also skips v3 digests: it may only
        // be on while a v1/v2c datagram is processed.
        const v1or2 = current?.version === 1 || current?.version === 2;
        if (receiver) receiver.getAuthorizer().disableAuthorization = anyCommunity && v1or2;
      });
      return s;
    },
  };
  receiver = snmp.createReceiver(
    {
      port: config.port,
      address: config.bind,
      transport: config.bind.includes(':') ? 'udp6' : 'udp4',
      // An empty community list means "any community" (documented in the mapping schema); see above.
      disableAuthorization: false,
      includeAuthentication: true,
      dgramModule,
    },
    perMessage((error, notification) => {
      const header = current;
      current = null;
      if (error) {
        if (!started) return; // a bind error; `bound` rejects with it
        // Never net-snmp's message: it carries the offered community or the digest it calculated.
        return refuse(refusalReason(error), error.rinfo?.address);
      }
      // Authenticated v3: once only, and not older than what this engine already sent.
      if (header?.version === 3 && header.flags & 1 && header.authParams) {
        const r = replays.check(header, now().getTime());
        if (!r.ok) return refuse(r.reason, notification?.rinfo.address, { user: header.user });
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
        return refuse('unknown_user', trap.senderAddress, { user: trap.user ?? '' });
      }
      const result = decode(sourceName, config, trap, { receivedAt: received });
      queue.push(() => onAlarms(result, asInput(trap, trap.agentAddress, received)));
    }),
  );
  for (const c of communities) receiver.getAuthorizer().addCommunity(c);
  for (const u of users) receiver.getAuthorizer().addUser(u);
  const r = receiver;

  try {
    await bound;
    started = true;
  } catch (err) {
    limiter.close();
    try {
      r.close();
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
      closed ??= new Promise<void>((resolve) => r.close(() => resolve())).then(() => {
        limiter.close();
        return queue.drain();
      });
      return closed;
    },
  };
}
