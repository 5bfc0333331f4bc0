// No input on any transport takes `closeloop serve` down, not even one the broker hands it again on
// every start: retained MQTT messages that are nested 5,000 deep (JSON) or 40 templates deep
// (Sparkplug B, 2^40 steps for sparkplug-payload's own decoder) are refused and kept, and the
// process keeps answering, before and after a restart.
import { expect } from 'chai';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import mqtt, { type MqttClient } from 'mqtt';
import type * as TahuProto from 'sparkplug-payload/lib/sparkplugPayloadProto.js';
import { forgetSession, startBroker, type BrokerHandle } from '../support/mosquitto.js';
import {
  E2E_MAPPINGS,
  spawnConnector,
  writeConnectorConfig,
  type ConnectorProcess,
} from './helpers/connector-process.js';

const tahu = (
  createRequire(import.meta.url)('sparkplug-payload/lib/sparkplugPayloadProto.js') as typeof TahuProto
).org.eclipse.tahu.protobuf;

function nestedTemplates(depth: number): Uint8Array {
  let metric: Record<string, unknown> = { name: 'Alarms/Leaf', datatype: 11, booleanValue: true };
  for (let i = 0; i < depth; i++)
    metric = { name: `Alarms/T${i}`, datatype: 19, templateValue: { metrics: [metric] } };
  return tahu.Payload.encode({ timestamp: 1, metrics: [metric] }).finish();
}

describe('e2e: hostile input does not crash or freeze closeloop serve', function () {
  this.timeout(120_000);
  const run = randomBytes(4).toString('hex');
  const API_KEY = `e2e-hostile-${run}`;
  const jsonTopic = `closeloop-test/${run}/rack/alarm`;
  const spGroup = `CLH${run}`;
  const spTopic = `spBv1.0/${spGroup}/NDATA/gw-1`;
  const clientIds = [`closeloop-test-hostile-json-${run}`, `closeloop-test-hostile-sp-${run}`];
  let broker: BrokerHandle | null = null;
  let publisher: MqttClient | null = null;
  let dir: string;
  let files: ReturnType<typeof writeConnectorConfig>;
  let proc: ConnectorProcess | null = null;

  before(async function () {
    try {
      broker = await startBroker();
    } catch (err) {
      console.log(`      skipped: ${err instanceof Error ? err.message : String(err)}`);
      this.skip();
    }
    publisher = await mqtt.connectAsync(broker.url, { clientId: `closeloop-test-pub-${run}` });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'closeloop-hostile-'));
    const mappingsDir = path.join(dir, 'mappings');
    fs.mkdirSync(mappingsDir);
    fs.copyFileSync(path.join(E2E_MAPPINGS, '00-site.yaml'), path.join(mappingsDir, '00-site.yaml'));
    fs.writeFileSync(
      path.join(mappingsDir, '01-mqtt.yaml'),
      JSON.stringify({
        sources: {
          racks: {
            kind: 'mqtt',
            url: broker.url,
            client_id: clientIds[0],
            topics: [jsonTopic],
            fields: { id: '$.id', state: '$.state', severity: '$.severity', type: '$.type' },
          },
          plant: {
            kind: 'mqtt',
            url: broker.url,
            client_id: clientIds[1],
            topics: [`spBv1.0/${spGroup}/#`],
            format: 'sparkplugb',
          },
        },
      }),
    );
    files = writeConnectorConfig({
      dir,
      dataDir: path.join(dir, 'data'),
      standinUrl: 'http://127.0.0.1:9',
      apiKey: API_KEY,
      password: 'unused',
      sourceToken: 'unused',
      mappingsDir,
    });
    const deep = `{"id":"deep","state":"active","severity":"major","type":"leak","x":${'['.repeat(5000)}${']'.repeat(5000)}}`;
    await publisher.publishAsync(jsonTopic, deep, { qos: 1, retain: true });
    await publisher.publishAsync(spTopic, Buffer.from(nestedTemplates(40)), { qos: 1, retain: true });
  });
  after(async () => {
    await proc?.stop('SIGKILL');
    await publisher?.publishAsync(jsonTopic, '', { qos: 1, retain: true }).catch(() => undefined);
    await publisher?.publishAsync(spTopic, '', { qos: 1, retain: true }).catch(() => undefined);
    await publisher?.endAsync();
    if (broker) for (const id of clientIds) await forgetSession(broker.url, id);
    await broker?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const rejected = async (url: string) => {
    const r = await fetch(`${url}/v1/rejected?limit=50`, { headers: { 'x-api-key': API_KEY } });
    return ((await r.json()) as { rejected: { source: string; reason: string }[] }).rejected;
  };
  /** Waits until both MQTT sources have `n` rejected rows each. */
  async function waitForRejected(url: string, n: number): Promise<{ source: string; reason: string }[]> {
    const deadline = Date.now() + 30_000;
    const count = (rows: { source: string }[], source: string) =>
      rows.filter((r) => r.source === source).length;
    for (;;) {
      const rows = await rejected(url).catch(() => []);
      if (count(rows, 'racks') >= n && count(rows, 'plant') >= n) return rows;
      if (proc?.child.exitCode !== null) throw new Error(`closeloop serve exited:\n${proc?.output()}`);
      if (Date.now() > deadline) throw new Error(`only ${rows.length} rejected rows:\n${proc?.output()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  it('refuses and keeps both retained messages, keeps answering, and does so again after a restart', async () => {
    for (const round of [1, 2]) {
      proc = await spawnConnector(files);
      const rows = await waitForRejected(proc.url, round);
      expect(rows.filter((r) => r.source === 'racks').length).to.equal(round);
      expect(rows.filter((r) => r.source === 'plant').length).to.equal(round);
      expect(rows.find((r) => r.source === 'racks')!.reason).to.match(
        /JSON nested deeper than 64 levels at byte \d+ \(limits.nesting_depth\)/,
      );
      expect(rows.find((r) => r.source === 'plant')!.reason).to.match(
        /Sparkplug B payload nested deeper than 64 levels/,
      );
      const t0 = Date.now();
      expect((await fetch(`${proc.url}/healthz`)).status).to.equal(200);
      expect(Date.now() - t0).to.be.below(2000);
      // HTTP too: 100,000 levels is a 400, not a 503 and not a crash.
      const deep = await fetch(`${proc.url}/v1/alarms/site`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer unused' },
        body: '['.repeat(100_000) + ']'.repeat(100_000),
      });
      expect(deep.status).to.equal(400);
      expect(proc.child.exitCode).to.equal(null);
      await proc.stop('SIGTERM');
      proc = null;
    }
  });
});
