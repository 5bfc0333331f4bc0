// Closeloop on the storm: the stand-in as the instance, the real runtime (startRuntime, as
// `closeloop serve` runs it) with the shipped closeloop.yaml and the bench mappings, the storm played
// paced in real time, then wait until nothing more would be written, and count.
import crypto from 'node:crypto';
import dgram from 'node:dgram';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { loadConfig } from '../../connector/src/config/load.js';
import { createLogger } from '../../connector/src/observability/logger.js';
import { startRuntime } from '../../connector/src/service/runtime.js';
import { generateStorm, type Storm, type StormOptions } from './generate.js';
import { buildSite } from './site.js';
import { REPO, SOURCE_TOKEN_ENVS, writeBenchMappings } from './mappings.js';
import { explain, type Explanation } from './measure.js';
import { playStorm, type PlayResult } from './play.js';
import { waitSettled, type Settled } from './settle.js';
import { trapSender } from './snmp-send.js';
import { createSqliteStore } from '../../connector/src/store/sqlite/store.js';
import {
  countIncidents,
  countWrites,
  requestCounters,
  startStandinProcess,
  tableRows,
  type IncidentCounts,
  type WriteCounts,
} from './standin.js';

export interface CloseloopRunOptions {
  storm: Omit<StormOptions, 'epochMs'>;
  /** Keep the run's directory (SQLite store, mappings, log) instead of deleting it. */
  keepDir?: boolean;
  settleTimeoutMs?: number;
  /** Send each message at its offset (default) or as fast as the connector accepts. */
  paced?: boolean;
  log?: (line: string) => void;
}

export interface CloseloopRun {
  storm: Storm;
  play: PlayResult;
  settle: Settled;
  /** From the end of the storm's playback until settled. */
  writes: WriteCounts;
  incidents: IncidentCounts;
  explanation: Explanation;
  /** Alarms the connector counted as received, per source (from /metrics). */
  received: Record<string, number>;
  runMs: number;
  dir: string | null;
}

async function freeTcpPort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

async function freeUdpPort(): Promise<number> {
  const s = dgram.createSocket('udp4');
  await new Promise<void>((r) => s.bind(0, '127.0.0.1', () => r()));
  const port = s.address().port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

const secret = () => crypto.randomBytes(12).toString('hex');

async function receivedPerSource(url: string): Promise<Record<string, number>> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const out: Record<string, number> = {};
  for (const m of text.matchAll(/^closeloop_alarms_received_total\{source="([^"]+)"\} (\d+)/gm))
    out[m[1]!] = Number(m[2]);
  return out;
}

export async function runCloseloop(o: CloseloopRunOptions): Promise<CloseloopRun> {
  const log = o.log ?? (() => undefined);
  const started = Date.now();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'closeloop-storm-'));
  const snLogin = { user: 'closeloop', password: secret() };
  const standin = await startStandinProcess(snLogin.user, snLogin.password);
  log(`stand-in at ${standin.url}`);
  const snmpPort = await freeUdpPort();
  const deadPort = await freeTcpPort();
  const community = secret();
  const tokens = Object.fromEntries(Object.keys(SOURCE_TOKEN_ENVS).map((s) => [s, secret()]));
  const mappingsDir = path.join(dir, 'mappings');
  writeBenchMappings(mappingsDir, buildSite(), {
    snmpPort,
    mqttTopic: `closeloop-bench/${secret()}/+/alarm`,
  });
  const env: Record<string, string> = {
    CLOSELOOP_PORT: '0',
    CLOSELOOP_HOST: '127.0.0.1',
    CLOSELOOP_DATA_DIR: dir,
    CLOSELOOP_MAPPINGS_DIR: mappingsDir,
    SERVICENOW_INSTANCE_URL: standin.url,
    SERVICENOW_USERNAME: snLogin.user,
    SERVICENOW_PASSWORD: snLogin.password,
    CLOSELOOP_API_KEY: secret(),
    // Telemetry is not part of the storm: close checks read from closed loopback ports (verdict unknown).
    PROMETHEUS_URL: `http://127.0.0.1:${deadPort}`,
    CDU1_REDFISH_URL: `https://127.0.0.1:${deadPort}`,
    CLOSELOOP_SNMP_COMMUNITIES: community,
    CLOSELOOP_SNMP_AUTH_KEY: secret(),
    CLOSELOOP_SNMP_PRIV_KEY: secret(),
    ...Object.fromEntries(Object.entries(SOURCE_TOKEN_ENVS).map(([s, name]) => [name, tokens[s]!])),
  };
  const loaded = loadConfig({ path: path.join(REPO, 'closeloop.yaml'), env, cwd: REPO });
  if (!loaded.ok) throw new Error(`closeloop.yaml: ${loaded.errors.join('; ')}`);
  const logger = createLogger({
    level: 'warn',
    secrets: loaded.secrets,
    destination: pino.destination({ dest: path.join(dir, 'closeloop.log'), sync: false }),
  });
  const store = createSqliteStore(path.join(dir, 'closeloop.db'));
  const rt = await startRuntime({
    config: loaded.config,
    env,
    secrets: loaded.secrets,
    logger,
    // The store the runtime would open for this data_dir.
    store,
  });
  const traps = trapSender(snmpPort, community);
  try {
    // Timestamps in the payloads follow the wall clock of this run.
    const storm = generateStorm({ ...o.storm, epochMs: Date.now() });
    log(
      `connector at ${rt.connector.url}; playing ${storm.messages.length} messages over ${storm.durationMs / 1000} s`,
    );
    const play = await playStorm(storm.messages, {
      connectorUrl: rt.connector.url,
      tokens,
      traps,
      paced: o.paced ?? true,
      concurrency: 32,
    });
    log(
      `played in ${play.wallMs} ms (lag p99 ${play.lagMs.p99} ms); statuses ${JSON.stringify(play.byStatus)}`,
    );
    const writesNow = async () => countWrites(await requestCounters(standin.url)).total;
    let lastLog = 0;
    const settle = await waitSettled(rt.store, {
      timeoutMs: o.settleTimeoutMs ?? 15 * 60_000,
      quietMs: 5000,
      writes: writesNow,
      onWait: (reasons) => {
        if (Date.now() - lastLog < 15_000) return;
        lastLog = Date.now();
        log(`waiting: ${reasons.join('; ') || 'writes still changing'}`);
      },
    });
    log(`${settle.settled ? 'settled' : 'NOT settled'} after ${settle.waitedMs} ms`);
    const writes = countWrites(await requestCounters(standin.url));
    const incidents = countIncidents(await tableRows(standin.url, 'incident'));
    const explanation = await explain(rt.store, rt.engine(), storm);
    const received = await receivedPerSource(rt.connector.url);
    return {
      storm,
      play,
      settle,
      writes,
      incidents,
      explanation,
      received,
      runMs: Date.now() - started,
      dir: o.keepDir ? dir : null,
    };
  } finally {
    traps.close();
    await rt.close();
    await store.close();
    await standin.stop();
    if (!o.keepDir) fs.rmSync(dir, { recursive: true, force: true });
  }
}
