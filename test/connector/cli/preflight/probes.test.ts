// Source transport probes of the start check: an SNMP port that cannot be bound, an MQTT broker that
// does not answer; both found before the connector listens.
import dgram from 'node:dgram';
import { expect } from 'chai';
import { probeSourceTransport } from '../../../../connector/src/cli/preflight/probes.js';
import { SourceSchema } from '../../../../connector/src/mapping/schema.js';
import { startBroker, type BrokerHandle } from '../../../support/mosquitto.js';
import { freePort } from '../../../support/prometheus.js';

describe('cli/preflight: source transport probes', function () {
  this.timeout(20_000);

  it('SNMP: a free UDP port can be bound; one in use is named as such', async () => {
    const busy = dgram.createSocket('udp4');
    await new Promise<void>((resolve) => busy.bind(0, '127.0.0.1', () => resolve()));
    const port = busy.address().port;
    try {
      const snmp = (p: number) => SourceSchema.parse({ kind: 'snmp', port: p, bind: '127.0.0.1' });
      expect(await probeSourceTransport('ups', snmp(port), {}, 1000)).to.deep.equal({
        ok: false,
        problem: `udp 127.0.0.1:${port} is in use by another process`,
      });
      busy.close();
      await new Promise((r) => setTimeout(r, 50));
      expect(await probeSourceTransport('ups', snmp(port), {}, 1000)).to.deep.equal({
        ok: true,
        detail: `udp 127.0.0.1:${port} can be bound`,
      });
    } finally {
      try {
        busy.close();
      } catch {
        // closed above
      }
    }
  });

  describe('MQTT', () => {
    let broker: BrokerHandle;
    before(async () => (broker = await startBroker()));
    after(() => broker.stop());

    it('a broker that answers accepts the login; a closed port is reported with the reason', async () => {
      const mqttSource = (url: string) =>
        SourceSchema.parse({ kind: 'mqtt', url, topics: ['probe/+/alarm'], username_env: 'PROBE_MQTT_USER' });
      expect(
        await probeSourceTransport('gw', mqttSource(broker.url), { PROBE_MQTT_USER: 'probe-user' }, 3000),
      ).to.deep.equal({ ok: true, detail: 'broker accepts the login' });
      const closed = `mqtt://127.0.0.1:${await freePort()}`;
      const r = await probeSourceTransport('gw', mqttSource(closed), { PROBE_MQTT_USER: 'probe-user' }, 3000);
      expect(r.ok).to.equal(false);
      expect(r.ok ? '' : r.problem).to.match(new RegExp(`^broker ${closed}: .*ECONNREFUSED`));
    });
  });
});
