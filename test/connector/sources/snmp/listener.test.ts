// The trap listener against Debian's real snmptrap: v1, v2c and v3 authPriv on a loopback UDP port.
import { expect } from 'chai';
import dgram from 'node:dgram';
import type { DecodeResult } from '../../../../connector/src/sources/types.js';
import {
  snmpCredentials,
  startSnmpListener,
  type SnmpListener,
} from '../../../../connector/src/sources/snmp/listener.js';
import type { ReceivedInput, SourceLogger } from '../../../../connector/src/sources/listener-types.js';
import { freeUdpPort, sendTrapV1, sendTrapV2, snmptrapUnavailable } from '../../../support/snmptrap.js';
import { source } from '../fixtures.js';

const ENV = {
  SNMP_COMMUNITIES: 'dc1-traps, second ',
  SNMP_AUTH: 'auth-pass-9f2c',
  SNMP_PRIV: 'priv-pass-41aa',
  SNMP_AUTH_MD5: 'md5-auth-pass',
};
const ENGINE = '0x80001f8880aabbccdd0011';

function config(port: number) {
  return source({
    kind: 'snmp',
    port,
    bind: '127.0.0.1',
    communities_env: 'SNMP_COMMUNITIES',
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
    agents: { '10.20.0.11': 'UPS-1', '127.0.0.1': 'UPS-LAB' },
  });
}

type Received = { result: DecodeResult; input: ReceivedInput };
type LogLine = { level: string; obj: Record<string, unknown>; msg: string };

function recordingLogger(lines: LogLine[]): SourceLogger {
  const at = (level: string) => (obj: Record<string, unknown>, msg: string) =>
    lines.push({ level, obj, msg });
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
  } as unknown as SourceLogger;
}

describe('sources/snmp listener (real snmptrap)', function () {
  this.timeout(20_000);
  let listener: SnmpListener | null = null;
  let received: Received[] = [];
  let logs: LogLine[] = [];
  let port = 0;

  before(async function () {
    const why = await snmptrapUnavailable();
    if (why) {
      console.log(`      skipped: ${why}`);
      this.skip();
    }
  });
  beforeEach(async () => {
    received = [];
    logs = [];
    port = await freeUdpPort();
    listener = await startSnmpListener(
      'snmp',
      config(port),
      async (result, input) => {
        received.push({ result, input });
      },
      recordingLogger(logs),
      { env: ENV, now: () => new Date('2025-06-12T09:31:07.000Z') },
    );
  });
  afterEach(async () => {
    await listener?.close();
    listener = null;
  });

  async function waitFor(n: number, what: () => number = () => received.length): Promise<void> {
    const deadline = Date.now() + 5000;
    while (what() < n && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(what(), 'messages received').to.be.at.least(n);
  }

  it('listens on the configured port', () => {
    expect(listener?.port).to.equal(port);
    expect(logs.find((l) => l.msg === 'SNMP trap listener started')?.obj).to.deep.include({
      port,
      communities: 2,
      users: 2,
    });
  });

  it('v1: upsTrapOnBattery from agent 10.20.0.11 → the UPS-1 on-battery alarm', async () => {
    await sendTrapV1(
      port,
      'dc1-traps',
      { enterprise: '1.3.6.1.2.1.33.2', agent: '10.20.0.11', generic: 6, specific: 1 },
      [
        ['1.3.6.1.2.1.33.1.2.3.0', 'i', '42'],
        ['1.3.6.1.2.1.33.1.2.2.0', 'i', '12'],
      ],
    );
    await waitFor(1);
    const [{ result, input } = { result: null, input: null }] = received;
    const raw: unknown = input ? JSON.parse(Buffer.from(input.body).toString()) : null;
    expect(result?.errors).to.deep.equal([]);
    expect(result?.alarms).to.have.length(1);
    expect(result?.alarms[0]).to.deep.include({
      id: '10.20.0.11:upsTrapOnBattery',
      state: 'active',
      severity: 'major',
      type: 'upsTrapOnBattery',
      asset: { equipmentId: 'UPS-1' },
      value: 42,
      unit: 'min',
      text: 'UPS-1 on battery: upsEstimatedMinutesRemaining 42, upsSecondsOnBattery 12',
      raisedAt: '2025-06-12T09:31:07.000Z',
    });
    expect(raw).to.deep.include({
      version: 'v1',
      agentAddress: '10.20.0.11',
      senderAddress: '127.0.0.1',
      trapOid: '1.3.6.1.2.1.33.2.0.1',
    });
    expect(result?.alarms[0]?.raw).to.deep.equal(raw);
    expect(input?.origin).to.equal('trap from 10.20.0.11');
  });

  it('v2c: APC on battery then power restored arrive in order as raise and clear', async () => {
    await sendTrapV2(port, { version: '2c', community: 'second' }, '1.3.6.1.4.1.318.0.5', [
      ['1.3.6.1.4.1.318.2.3.3.0', 's', 'UPS: On battery power in response to an input power problem.'],
    ]);
    await sendTrapV2(port, { version: '2c', community: 'dc1-traps' }, '1.3.6.1.4.1.318.0.9', [
      ['1.3.6.1.4.1.318.2.3.3.0', 's', 'UPS: Returned from battery backup power.'],
    ]);
    await waitFor(2);
    const alarms = received.flatMap((r) => r.result.alarms);
    expect(alarms.map((a) => [a.id, a.state, a.labels.snmp_version, a.asset.equipmentId])).to.deep.equal([
      ['127.0.0.1:apcUpsOnBattery', 'active', 'v2c', 'UPS-LAB'],
      ['127.0.0.1:apcUpsOnBattery', 'cleared', 'v2c', 'UPS-LAB'],
    ]);
    expect(alarms[0]?.text).to.equal(
      'UPS-LAB on battery: UPS: On battery power in response to an input power problem.',
    );
  });

  it('v2c: Liebert condition added with its descr OID varbind', async () => {
    await sendTrapV2(port, { version: '2c', community: 'dc1-traps' }, '1.3.6.1.4.1.476.1.42.3.3.0.1', [
      ['1.3.6.1.4.1.476.1.42.3.2.3.1.1.4', 'u', '4'],
      ['1.3.6.1.4.1.476.1.42.3.2.3.1.2.4', 'o', '1.3.6.1.4.1.476.1.42.3.2.1.14'],
    ]);
    await waitFor(1);
    expect(received[0]?.result.alarms.map((a) => [a.type, a.state, a.severity])).to.deep.equal([
      ['lgpConditionWaterUnderFloor', 'active', 'critical'],
    ]);
  });

  it('v3 authPriv (SHA-256/AES): UPS-MIB alarm entry added with upsAlarmDescr', async () => {
    await sendTrapV2(
      port,
      {
        version: '3',
        user: 'closeloop',
        authProtocol: 'SHA-256',
        authKey: ENV.SNMP_AUTH,
        privProtocol: 'AES',
        privKey: ENV.SNMP_PRIV,
        engineId: ENGINE,
      },
      '1.3.6.1.2.1.33.2.3',
      [
        ['1.3.6.1.2.1.33.1.6.2.1.1.3', 'i', '3'],
        ['1.3.6.1.2.1.33.1.6.2.1.2.3', 'o', '1.3.6.1.2.1.33.1.6.3.3'],
      ],
    );
    await waitFor(1);
    const [a] = received[0]?.result.alarms ?? [];
    expect(a).to.deep.include({ id: '127.0.0.1:upsAlarmLowBattery', state: 'active', severity: 'critical' });
    expect(a?.labels).to.include({ snmp_version: 'v3', snmp_user: 'closeloop', upsAlarmId: '3' });
  });

  it('v3 authNoPriv (MD5) for a user without privacy', async () => {
    await sendTrapV2(
      port,
      { version: '3', user: 'legacy', authProtocol: 'MD5', authKey: ENV.SNMP_AUTH_MD5, engineId: ENGINE },
      '1.3.6.1.6.3.1.1.5.1',
    );
    await waitFor(1);
    expect(received[0]?.result.alarms.map((a) => a.type)).to.deep.equal(['coldStart']);
  });

  it('refuses a wrong community, a wrong v3 key and an unknown v3 user, and logs no secret', async () => {
    await sendTrapV2(port, { version: '2c', community: 'guess-me' }, '1.3.6.1.4.1.318.0.5');
    await sendTrapV2(
      port,
      {
        version: '3',
        user: 'closeloop',
        authProtocol: 'SHA-256',
        authKey: 'wrong-auth-key',
        privProtocol: 'AES',
        privKey: ENV.SNMP_PRIV,
        engineId: ENGINE,
      },
      '1.3.6.1.4.1.318.0.5',
    );
    await sendTrapV2(
      port,
      { version: '3', user: 'mallory', authProtocol: 'SHA', authKey: 'whatever-123', engineId: ENGINE },
      '1.3.6.1.4.1.318.0.5',
    );
    // A good trap after the bad ones proves the listener is alive and the bad ones were dropped.
    await sendTrapV2(port, { version: '2c', community: 'dc1-traps' }, '1.3.6.1.4.1.318.0.9');
    await waitFor(1);
    await waitFor(3, () => logs.filter((l) => l.level === 'warn').length);
    expect(received.map((r) => r.result.alarms[0]?.labels.trap)).to.deep.equal(['powerRestored']);
    const text = JSON.stringify(logs);
    expect(text).to.not.include('guess-me');
    expect(text).to.not.include('wrong-auth-key');
    expect(text).to.not.include(ENV.SNMP_AUTH);
    expect(logs.filter((l) => l.level === 'warn').map((l) => l.msg)).to.have.members([
      'SNMP message refused',
      'SNMP message refused',
      'SNMP message refused',
    ]);
  });

  it('close() stops listening and frees the port', async () => {
    await listener?.close();
    listener = null;
    const s = dgram.createSocket('udp4');
    await new Promise<void>((resolve, reject) => {
      s.once('error', reject);
      s.bind(port, '127.0.0.1', () => resolve());
    });
    await new Promise<void>((r) => s.close(() => r()));
  });

  it('fails to start, naming the address, when the port is taken', async () => {
    const err = await startSnmpListener('snmp', config(port), async () => undefined, undefined, {
      env: ENV,
    }).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(err?.message).to.equal(
      `SNMP source snmp: cannot listen on udp 127.0.0.1:${port}: bind EADDRINUSE 127.0.0.1:${port}`,
    );
  });
});

describe('sources/snmp credentials', () => {
  it('reads communities and keys from the environment', () => {
    const c = snmpCredentials(config(1162), ENV);
    expect(c.communities).to.deep.equal(['dc1-traps', 'second']);
    expect(c.users.map((u) => [u.name, u.level, u.authKey, u.privKey])).to.deep.equal([
      ['closeloop', 3, ENV.SNMP_AUTH, ENV.SNMP_PRIV],
      ['legacy', 2, ENV.SNMP_AUTH_MD5, undefined],
    ]);
  });
  it('names the missing variable, never a value', () => {
    expect(() => snmpCredentials(config(1162), { ...ENV, SNMP_PRIV: '' })).to.throw(
      'environment variable SNMP_PRIV (priv key of SNMPv3 user closeloop) is not set',
    );
    expect(() => snmpCredentials(config(1162), { SNMP_AUTH: 'x' })).to.throw(
      'environment variable SNMP_COMMUNITIES (SNMP communities) is not set',
    );
  });
});
