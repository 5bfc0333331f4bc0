// Redfish provider against a loopback server serving the DMTF public-cooling-unit mockup, with the
// readings changed by the tests.
import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { RedfishProviderSchema } from '../../../../connector/src/config/schema.js';
import { evaluateChecks } from '../../../../connector/src/guard/evaluate-checks.js';
import { createRedfishProvider } from '../../../../connector/src/telemetry/redfish/provider.js';
import { TelemetryError, type TelemetryProvider } from '../../../../connector/src/telemetry/types.js';
import { startRedfishMock, type RedfishMock } from '../../../support/redfish-mock.js';
import { check } from '../../guard/checks.js';

const SUPPLY = '/redfish/v1/ThermalEquipment/CDUs/1/SecondaryCoolantConnectors/1#SupplyTemperatureCelsius';
const CONNECTOR = '/redfish/v1/ThermalEquipment/CDUs/1/SecondaryCoolantConnectors/1';
const FLOW_SENSOR = '/redfish/v1/Chassis/CDU/Sensors/SecondaryFlow';
const LEAK = '/redfish/v1/ThermalEquipment/CDUs/1/LeakDetection/LeakDetectors/Moisture';
const all = { startMs: 0, endMs: Number.MAX_SAFE_INTEGER };
const signal = () => AbortSignal.timeout(5000);

function provider(url: string, over: Record<string, unknown> = {}, now?: () => number): TelemetryProvider {
  const cfg = RedfishProviderSchema.parse({ kind: 'redfish', url, auth: 'none', ...over });
  return createRedfishProvider('cdu-1', cfg, now ? { now } : {});
}

describe('telemetry/redfish provider (DMTF CDU mockup)', function () {
  this.timeout(15_000);
  let mock: RedfishMock;
  const open: TelemetryProvider[] = [];
  const make = (...args: Parameters<typeof provider>) => {
    const p = provider(...args);
    open.push(p);
    return p;
  };

  afterEach(async () => {
    for (const p of open.splice(0)) await p.close();
    await mock?.stop();
  });

  it('has no history until sampled, then answers from what it read', async () => {
    mock = await startRedfishMock();
    const p = make(mock.url);
    expect(await p.queryRange(SUPPLY, all, signal())).to.deep.equal([]);
    await p.sample!(SUPPLY, signal());
    mock.set(CONNECTOR, 'SupplyTemperatureCelsius.Reading', 34.5);
    await p.sample!(SUPPLY, signal());
    const [s] = await p.queryRange(SUPPLY, all, signal());
    expect(s!.labels).to.deep.equal({ uri: CONNECTOR, property: 'SupplyTemperatureCelsius' });
    expect(s!.samples.map((x) => x.v)).to.deep.equal([30, 34.5]); // 30 is the mockup's own value
  });

  it('reads Sensor resources, excerpts by path, and leak detector states', async () => {
    mock = await startRedfishMock();
    const p = make(mock.url);
    await p.sample!(FLOW_SENSOR, signal());
    await p.sample!(`${CONNECTOR}#FlowLitersPerMinute`, signal());
    await p.sample!(`${CONNECTOR}#/FlowLitersPerMinute/Reading`, signal());
    await p.sample!(`${LEAK}#DetectorState`, signal());
    mock.set(LEAK, 'DetectorState', 'Critical');
    await p.sample!(`${LEAK}#DetectorState`, signal());
    const v = async (q: string) => (await p.queryRange(q, all, signal()))[0]!.samples.map((s) => s.v);
    expect(await v(FLOW_SENSOR)).to.deep.equal([79.6]);
    expect(await v(`${CONNECTOR}#FlowLitersPerMinute`)).to.deep.equal([42]);
    // The same property written JSON-pointer style is the same series.
    expect(await v(`${CONNECTOR}#FlowLitersPerMinute.Reading`)).to.deep.equal([42]);
    expect(await v(`${LEAK}#DetectorState`)).to.deep.equal([0, 2]);
  });

  it('reports a missing resource or property as a bad query', async () => {
    mock = await startRedfishMock();
    const p = make(mock.url);
    const e1 = await p.sample!('/redfish/v1/Chassis/CDU/Sensors/Nope', signal()).catch((e: unknown) => e);
    expect(e1).to.be.instanceOf(TelemetryError).with.property('kind', 'bad_query');
    expect((e1 as Error).message).to.equal(
      'cdu-1: GET /redfish/v1/Chassis/CDU/Sensors/Nope: HTTP 404 /redfish/v1/Chassis/CDU/Sensors/Nope not found',
    );
    const e2 = await p.sample!(`${CONNECTOR}#NoSuchThing`, signal()).catch((e: unknown) => e);
    expect((e2 as Error).message).to.equal(`cdu-1: ${CONNECTOR} has no NoSuchThing`);
    const e3 = await p.queryRange('/other', all, signal()).catch((e: unknown) => e);
    expect(e3).to.be.instanceOf(TelemetryError).with.property('kind', 'bad_query');
  });

  it('reads one resource once for several properties sampled together', async () => {
    mock = await startRedfishMock();
    const p = make(mock.url);
    await Promise.all([
      p.sample!(SUPPLY, signal()),
      p.sample!(`${CONNECTOR}#FlowLitersPerMinute`, signal()),
      p.sample!(`${CONNECTOR}#ReturnTemperatureCelsius`, signal()),
    ]);
    expect(mock.requests.filter((r) => r === `GET ${CONNECTOR}`)).to.have.length(1);
    const [ret] = await p.queryRange(`${CONNECTOR}#ReturnTemperatureCelsius`, all, signal());
    expect(ret!.samples.map((s) => s.v)).to.deep.equal([48]);
  });

  it('keeps a bounded history per query', async () => {
    mock = await startRedfishMock();
    let t = 1_000_000;
    const p = make(mock.url, { history: 3 }, () => (t += 1000));
    for (let i = 0; i < 5; i++) await p.sample!(FLOW_SENSOR, signal());
    expect((await p.queryRange(FLOW_SENSOR, all, signal()))[0]!.samples.map((s) => s.t)).to.deep.equal([
      1_003_000, 1_004_000, 1_005_000,
    ]);
  });

  it('basic auth: sends credentials; wrong ones are rejected with the BMC message', async () => {
    mock = await startRedfishMock({ auth: 'basic', username: 'ops', password: 'pw' });
    await make(mock.url, { auth: 'basic', username: 'ops', password: 'pw' }).sample!(FLOW_SENSOR, signal());
    const err = await make(mock.url, { auth: 'basic', username: 'ops', password: 'wrong' }).sample!(
      FLOW_SENSOR,
      signal(),
    ).catch((e: unknown) => e);
    expect(err).to.be.instanceOf(TelemetryError).with.property('kind', 'rejected');
    expect((err as Error).message).to.contain('HTTP 401 Authentication required');
    expect((err as Error).message).to.not.contain('wrong');
  });

  it('session auth: logs in once, reuses the token, logs in again when the session expires, logs out on close', async () => {
    mock = await startRedfishMock({ auth: 'session', username: 'ops', password: 'pw' });
    const p = provider(mock.url, { auth: 'session', username: 'ops', password: 'pw' });
    await Promise.all([p.sample!(FLOW_SENSOR, signal()), p.sample!(SUPPLY, signal())]);
    await p.sample!(FLOW_SENSOR, signal());
    const logins = () => mock.requests.filter((r) => r === 'POST /redfish/v1/SessionService/Sessions').length;
    expect(logins()).to.equal(1);
    mock.expireSessions();
    await p.sample!(FLOW_SENSOR, signal());
    expect(logins()).to.equal(2);
    expect(mock.sessions.size).to.equal(1);
    await p.close();
    expect(mock.sessions.size).to.equal(0);
    expect(mock.requests.at(-1)).to.match(/^DELETE \/redfish\/v1\/SessionService\/Sessions\//);
  });

  it('session auth with wrong credentials fails with the BMC message', async () => {
    mock = await startRedfishMock({ auth: 'session', username: 'ops', password: 'pw' });
    const err = await make(mock.url, { auth: 'session', username: 'ops', password: 'nope' }).sample!(
      FLOW_SENSOR,
      signal(),
    ).catch((e: unknown) => e);
    expect((err as Error).message).to.equal('cdu-1: session login failed: HTTP 401 Invalid credentials');
  });

  describe('TLS', () => {
    let dir: string;
    let key: string;
    let cert: string;
    let certFile: string;
    before(async function () {
      dir = await mkdtemp(path.join(os.tmpdir(), 'closeloop-tls-'));
      certFile = path.join(dir, 'bmc.pem');
      const keyFile = path.join(dir, 'bmc.key');
      try {
        await promisify(execFile)('openssl', [
          'req',
          '-x509',
          '-newkey',
          'ec',
          '-pkeyopt',
          'ec_paramgen_curve:prime256v1',
          '-nodes',
          '-days',
          '1',
          '-subj',
          '/CN=cdu-1',
          '-addext',
          'subjectAltName=IP:127.0.0.1',
          '-keyout',
          keyFile,
          '-out',
          certFile,
        ]);
      } catch (err) {
        console.warn(
          `      SKIPPED: TLS tests need the openssl command to make a certificate: ${String(err)}`,
        );
        this.skip();
      }
      key = await readFile(keyFile, 'utf8');
      cert = await readFile(certFile, 'utf8');
    });
    after(async () => {
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    it('trusts the configured CA, refuses an unknown certificate, and skips verification only when told', async () => {
      mock = await startRedfishMock({ tls: { key, cert } });
      await make(mock.url, { ca_file: certFile }).sample!(FLOW_SENSOR, signal());
      const err = await make(mock.url).sample!(FLOW_SENSOR, signal()).catch((e: unknown) => e);
      expect(err).to.be.instanceOf(TelemetryError).with.property('kind', 'unreachable');
      expect((err as Error).message).to.match(/self.signed/i);
      await make(mock.url, { insecure_skip_verify: true }).sample!(FLOW_SENSOR, signal());
    });
  });

  it('sampled history is judged like any other: unknown until the window is covered, then pass, then fail', async () => {
    mock = await startRedfishMock();
    let now = Date.UTC(2025, 0, 15, 10, 0);
    const p = make(mock.url, {}, () => now);
    const providers = new Map([['cdu-1', p]]);
    const supply = check({
      name: 'cdu-supply',
      provider: 'cdu-1',
      query: SUPPLY,
      label: 'CDU-1 secondary supply',
      expect: { range: [20, 32] },
      stabilize: '5m',
    });
    const judge = async () =>
      (await evaluateChecks([supply], providers, { budgetMs: 2000, nowMs: now, timeZone: 'UTC' }))[0]!;
    await p.sample!(SUPPLY, signal());
    expect((await judge()).reason).to.equal('not_covered');
    // The watcher samples every 30 s; after 5 min the window is covered.
    for (let i = 0; i < 10; i++) {
      now += 30_000;
      await p.sample!(SUPPLY, signal());
    }
    expect((await judge()).status).to.equal('pass');
    mock.set(CONNECTOR, 'SupplyTemperatureCelsius.Reading', 36);
    now += 30_000;
    await p.sample!(SUPPLY, signal());
    const r = await judge();
    expect(r.status).to.equal('fail');
    expect(r.message).to.equal('CDU-1 secondary supply 36 °C > 32 °C at 10:05, needs 5 min in 20–32 °C');
  });

  it('a BMC answering Reading: null or "NaN" inside the window makes the check unknown, naming the time', async () => {
    mock = await startRedfishMock();
    let now = Date.UTC(2025, 0, 15, 10, 0);
    const p = make(mock.url, {}, () => now);
    const flow = check({
      name: 'flow',
      provider: 'cdu-1',
      query: FLOW_SENSOR,
      label: 'CDU-1 secondary flow',
      unit: 'L/min',
      expect: { min: 30 },
      stabilize: '5m',
    });
    const judge = async () =>
      (
        await evaluateChecks([flow], new Map([['cdu-1', p]]), { budgetMs: 2000, nowMs: now, timeZone: 'UTC' })
      )[0]!;
    for (let i = 0; i <= 12; i++) {
      // Two readings in the middle of the window: the sensor reports no value, then text.
      if (i === 6) mock.set(FLOW_SENSOR, 'Reading', null);
      if (i === 7) mock.set(FLOW_SENSOR, 'Reading', 'NaN');
      if (i === 8) mock.reset();
      await p.sample!(FLOW_SENSOR, signal());
      if (i < 12) now += 30_000;
    }
    const r = await judge();
    expect(r).to.include({ status: 'unknown', reason: 'invalid' });
    expect(r.invalid).to.deep.equal({ value: 'NaN', at: '2025-01-15T10:03:30.000Z', count: 2 });
    expect(r.message).to.equal(
      'CDU-1 secondary flow: invalid reading (NaN) at 10:03:30 (the last of 2) inside the 5 min window: the sensor or exporter failed; OK at 10:09 if readings stay valid and in range',
    );
  });

  it('a BMC that never answers makes the check unknown within the budget', async () => {
    mock = await startRedfishMock();
    mock.stall('/redfish/v1/ThermalEquipment/CDUs/1/SecondaryCoolantConnectors/1');
    const p = make(mock.url, { timeout: 30 });
    const t0 = Date.now();
    const [r] = await evaluateChecks([check({ provider: 'cdu-1', query: SUPPLY })], new Map([['cdu-1', p]]), {
      budgetMs: 300,
      sampleFirst: true,
    });
    expect(r).to.include({ status: 'unknown', reason: 'timeout' });
    expect(Date.now() - t0).to.be.below(900);
  });
});
