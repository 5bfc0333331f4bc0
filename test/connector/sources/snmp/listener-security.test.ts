// What the SNMP listener refuses, and what it says about it, against Debian's real snmptrap: a failed v3
// authentication logs no digest, replayed and stale v3 traps are refused, v3 digests are checked also
// when any community is accepted, and junk datagrams are counted, not logged one line each.
import { expect } from 'chai';
import dgram from 'node:dgram';
import type { DecodeResult } from '../../../../connector/src/sources/types.js';
import {
  startSnmpListener,
  type SnmpListener,
  type SnmpRefusal,
} from '../../../../connector/src/sources/snmp/listener.js';
import type { SourceLogger } from '../../../../connector/src/sources/listener-types.js';
import { freeUdpPort, sendTrapV2, snmptrapUnavailable, type TrapAuth } from '../../../support/snmptrap.js';
import { source } from '../fixtures.js';

const ENV = { SNMP_AUTH: 'auth-pass-9f2c', SNMP_PRIV: 'priv-pass-41aa', SNMP_AUTH_MD5: 'md5-auth-pass' };
const ENGINE = '0x80001f8880aabbccdd0022';
const COLD_START = '1.3.6.1.6.3.1.1.5.1';
const LEGACY: TrapAuth = {
  version: '3',
  user: 'legacy',
  authProtocol: 'MD5',
  authKey: ENV.SNMP_AUTH_MD5,
  engineId: ENGINE,
};

type LogLine = { level: string; obj: Record<string, unknown>; msg: string };

function config(port: number, communities: string[]) {
  return source({
    kind: 'snmp',
    port,
    bind: '127.0.0.1',
    communities,
    users: [
      {
        name: 'closeloop',
        auth_protocol: 'sha256',
        auth_key_env: 'SNMP_AUTH',
        priv_protocol: 'aes',
        priv_key_env: 'SNMP_PRIV',
      },
      { name: 'legacy', auth_protocol: 'md5', auth_key_env: 'SNMP_AUTH_MD5' },
    ],
  });
}

/** The datagram snmptrap sends for this trap, captured on a socket of our own. */
async function captureTrap(auth: TrapAuth, trapOid = COLD_START): Promise<Buffer> {
  const s = dgram.createSocket('udp4');
  await new Promise<void>((r) => s.bind(0, '127.0.0.1', () => r()));
  const got = new Promise<Buffer>((r) => s.once('message', (m) => r(m)));
  await sendTrapV2(s.address().port, auth, trapOid);
  const msg = await got;
  s.close();
  return msg;
}

async function sendRaw(port: number, msg: Buffer): Promise<void> {
  const s = dgram.createSocket('udp4');
  await new Promise<void>((resolve, reject) =>
    s.send(msg, port, '127.0.0.1', (e) => (e ? reject(e) : resolve())),
  );
  s.close();
}

describe('sources/snmp listener: refusals (real snmptrap)', function () {
  this.timeout(30_000);
  let listener: SnmpListener | null = null;
  let received: DecodeResult[] = [];
  let logs: LogLine[] = [];
  let refused: SnmpRefusal[] = [];
  let port = 0;

  before(async function () {
    const why = await snmptrapUnavailable();
    if (why) {
      console.log(`      skipped: ${why}`);
      this.skip();
    }
  });
  const start = async (communities: string[] = ['dc1-traps']) => {
    received = [];
    logs = [];
    refused = [];
    port = await freeUdpPort();
    const at = (level: string) => (obj: Record<string, unknown>, msg: string) =>
      logs.push({ level, obj, msg });
    listener = await startSnmpListener(
      'snmp',
      config(port, communities),
      async (result) => {
        received.push(result);
      },
      {
        debug: at('debug'),
        info: at('info'),
        warn: at('warn'),
        error: at('error'),
      } as unknown as SourceLogger,
      { env: ENV, onRefused: (r) => refused.push(r) },
    );
  };
  afterEach(async () => {
    await listener?.close();
    listener = null;
  });

  async function waitFor(what: () => boolean, label: string): Promise<void> {
    const deadline = Date.now() + 8000;
    while (!what() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(what(), label).to.equal(true);
  }

  it('a failed SNMPv3 authentication logs why, and neither the digest received nor the one calculated', async () => {
    await start();
    await sendTrapV2(port, { ...LEGACY, authKey: 'wrong-auth-key' }, COLD_START);
    await waitFor(() => refused.length === 1, 'refusal');
    expect(refused).to.deep.equal(['auth_failed']);
    const text = JSON.stringify(logs);
    expect(text).to.not.match(/[0-9a-f]{16,}/i);
    expect(text).to.not.include('digest');
    expect(logs.find((l) => l.level === 'warn')?.obj).to.include({ reason: 'auth_failed' });
  });

  it('refuses a replayed v3 trap: the same datagram is accepted once', async () => {
    await start();
    const trap = await captureTrap({ ...LEGACY, bootsTime: [7, 1000] });
    await sendRaw(port, trap);
    await waitFor(() => received.length === 1, 'first delivery');
    await sendRaw(port, trap);
    await sendRaw(port, trap);
    await waitFor(() => refused.length === 2, 'replays refused');
    expect(refused).to.deep.equal(['replay', 'replay']);
    // A new trap of the same engine still passes.
    await sendTrapV2(port, { ...LEGACY, bootsTime: [7, 1001] }, COLD_START);
    await waitFor(() => received.length === 2, 'fresh trap');
  });

  it('refuses v3 traps older than the engine has already shown (engine boots and time window)', async () => {
    await start();
    const old = await captureTrap({ ...LEGACY, bootsTime: [7, 1000] });
    const earlierBoot = await captureTrap({ ...LEGACY, bootsTime: [6, 90_000] });
    await sendTrapV2(port, { ...LEGACY, bootsTime: [7, 2000] }, COLD_START);
    await waitFor(() => received.length === 1, 'current trap');
    await sendRaw(port, old);
    await sendRaw(port, earlierBoot);
    await waitFor(() => refused.length === 2, 'stale traps refused');
    expect(refused).to.deep.equal(['outside_time_window', 'outside_time_window']);
    // Within 150 s of the latest it is still on time (network reordering).
    await sendTrapV2(port, { ...LEGACY, bootsTime: [7, 1900] }, COLD_START);
    await waitFor(() => received.length === 2, 'reordered trap within the window');
    // After a reboot (boots + 1) the engine's time starts again.
    await sendTrapV2(port, { ...LEGACY, bootsTime: [8, 5] }, COLD_START);
    await waitFor(() => received.length === 3, 'after reboot');
  });

  it('checks v3 digests also when any community is accepted (no communities configured)', async () => {
    await start([]);
    await sendTrapV2(port, { ...LEGACY, authKey: 'wrong-auth-key' }, COLD_START);
    await sendTrapV2(port, { version: '2c', community: 'anything-goes' }, COLD_START);
    await waitFor(() => received.length === 1 && refused.length === 1, 'v2c accepted, forged v3 refused');
    expect(refused).to.deep.equal(['auth_failed']);
    await sendTrapV2(port, LEGACY, COLD_START);
    await waitFor(() => received.length === 2, 'good v3');
  });

  it('counts junk datagrams and logs a few lines, then one count, not one line each', async () => {
    await start();
    const junk = Buffer.from('not snmp at all');
    // In batches, so the kernel's receive buffer never overflows (that would drop datagrams, not us).
    for (let batch = 1; batch <= 6; batch++) {
      for (let i = 0; i < 50; i++) await sendRaw(port, junk);
      await waitFor(() => refused.length === batch * 50, `batch ${batch}`);
    }
    await sendTrapV2(port, { version: '2c', community: 'dc1-traps' }, COLD_START);
    await waitFor(() => received.length === 1 && refused.length === 300, 'all junk counted');
    expect(new Set(refused)).to.deep.equal(new Set(['malformed']));
    const before = logs.filter((l) => l.level === 'warn').length;
    expect(before).to.be.at.most(5);
    await listener!.close(); // reports what it held back
    listener = null;
    const summary = logs.find((l) => /more not logged/.test(l.msg));
    expect(summary?.obj).to.include({ reason: 'malformed', count: 295 });
  });
});
