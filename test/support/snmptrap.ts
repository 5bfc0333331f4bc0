// Sends SNMP traps with Debian's real `snmptrap` (package snmp) to a loopback listener.
import { execFile } from 'node:child_process';
import dgram from 'node:dgram';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Why snmptrap cannot be used here, or null when it is installed. */
export async function snmptrapUnavailable(): Promise<string | null> {
  try {
    await run('snmptrap', ['--version']);
    return null;
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    return code === 'ENOENT' ? 'snmptrap is not installed (Debian package "snmp")' : null;
  }
}

/** A UDP port free on 127.0.0.1 right now. */
export async function freeUdpPort(): Promise<number> {
  const s = dgram.createSocket('udp4');
  await new Promise<void>((resolve, reject) => {
    s.once('error', reject);
    s.bind(0, '127.0.0.1', () => resolve());
  });
  const { port } = s.address();
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

/** One varbind as snmptrap takes it: OID, type letter (i u s o a t c …), value. */
export type TrapVarbind = [oid: string, type: string, value: string];

export type TrapAuth =
  | { version: '1' | '2c'; community: string }
  | {
      version: '3';
      user: string;
      authProtocol: 'MD5' | 'SHA' | 'SHA-256' | 'SHA-512';
      authKey: string;
      privProtocol?: 'DES' | 'AES';
      privKey?: string;
      /** The sender's (authoritative) engine id, e.g. 0x80001f8880aabbccdd. */
      engineId: string;
      /** The sender's engineBoots and engineTime (`snmptrap -Z boots,time`); default: snmptrap's own. */
      bootsTime?: [boots: number, time: number];
    };

function authArgs(auth: TrapAuth): string[] {
  if (auth.version !== '3') return ['-v', auth.version, '-c', auth.community];
  const priv = auth.privProtocol && auth.privKey ? ['-x', auth.privProtocol, '-X', auth.privKey] : [];
  return [
    '-v',
    '3',
    '-l',
    priv.length ? 'authPriv' : 'authNoPriv',
    '-u',
    auth.user,
    '-a',
    auth.authProtocol,
    '-A',
    auth.authKey,
    ...priv,
    '-e',
    auth.engineId,
    ...(auth.bootsTime ? ['-Z', auth.bootsTime.join(',')] : []),
  ];
}

const flat = (vbs: TrapVarbind[]) => vbs.flatMap((v) => [...v]);

/** SNMPv2c/v3 notification (`snmptrap -v 2c|3 … '' trapOid varbinds…`). */
export async function sendTrapV2(
  port: number,
  auth: TrapAuth,
  trapOid: string,
  varbinds: TrapVarbind[] = [],
): Promise<void> {
  await run('snmptrap', [
    '-t',
    '1',
    '-r',
    '0',
    ...authArgs(auth),
    `127.0.0.1:${port}`,
    '',
    trapOid,
    ...flat(varbinds),
  ]);
}

/** SNMPv1 trap (`snmptrap -v 1 … enterprise agent generic specific uptime varbinds…`). */
export async function sendTrapV1(
  port: number,
  community: string,
  trap: { enterprise: string; agent: string; generic: number; specific: number },
  varbinds: TrapVarbind[] = [],
): Promise<void> {
  await run('snmptrap', [
    '-v',
    '1',
    '-c',
    community,
    `127.0.0.1:${port}`,
    trap.enterprise,
    trap.agent,
    String(trap.generic),
    String(trap.specific),
    '',
    ...flat(varbinds),
  ]);
}
