// Out-of-order and replayed alarm updates over HTTP, through the shipped BMS mapping and the real
// decoder: the 202 body says `stale`, the metric counts it, a log line says what was ignored and why,
// and the alarm and its event stay as the newer update left them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import axios from 'axios';
import { expect } from 'chai';
import pino from 'pino';
import { loadConfig } from '../../../connector/src/config/load.js';
import { formatMappingError } from '../../../connector/src/mapping/errors.js';
import { loadMappings } from '../../../connector/src/mapping/load.js';
import { providerKindsOf } from '../../../connector/src/mapping/query/language.js';
import { createEngine } from '../../../connector/src/service/engine.js';
import { startTestConnector, type TestConnector } from '../../support/connector.js';

const ROOT = new URL('../../../', import.meta.url).pathname;
const TOKEN = 'bms-token-stale';

describe('stale alarm updates over HTTP (shipped BMS mapping)', () => {
  let c: TestConnector;
  const lines: Array<Record<string, unknown>> = [];
  before(async () => {
    const config = loadConfig({ env: {}, cwd: ROOT });
    if (!config.ok) throw new Error(config.errors.join('\n'));
    const m = loadMappings(join(ROOT, 'mappings'), {
      providerKinds: providerKindsOf(config.config.telemetry.providers),
    });
    if (!m.ok) throw new Error(m.errors.map(formatMappingError).join('\n'));
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        for (const l of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(l) as never);
        done();
      },
    });
    c = await startTestConnector({
      engine: createEngine(m.mappings),
      env: { CLOSELOOP_BMS_TOKEN: TOKEN },
      logger: pino({ level: 'info' }, sink),
    });
  });
  after(() => c?.stop());

  const body = JSON.parse(
    readFileSync(join(ROOT, 'test/fixtures/alarms/bms-crah-supply-air-high.json'), 'utf8'),
  );
  const post = (over: Record<string, unknown>) =>
    axios.post(
      `${c.url}/v1/alarms/bms`,
      { ...body, ...over },
      {
        headers: { authorization: `Bearer ${TOKEN}` },
        validateStatus: () => true,
      },
    );

  it('a clear stamped before the raise does not discard the held incident; it is answered, counted, logged', async () => {
    const raise = await post({ state: 'ACTIVE', timestamp: '2025-06-12T14:02:11Z' });
    expect(raise.status).to.equal(202);
    expect(raise.data.accepted[0]).to.include({ outcome: 'held', event_key: 'DC1/cooling/ZONE-A1' });

    // The clear of an earlier occurrence, delivered late.
    const late = await post({ state: 'RETURN_TO_NORMAL', timestamp: '2025-06-12T14:01:00Z' });
    expect(late.status).to.equal(202);
    expect(late.data.accepted).to.deep.equal([
      { index: 0, id: 'DC1-CRAH-1-SAT-HI', outcome: 'stale', event_key: 'DC1/cooling/ZONE-A1' },
    ]);

    const event = (await c.store.getEvent('DC1/cooling/ZONE-A1'))!;
    expect(event.event.state).to.equal('pending');
    expect(event.alarms.map((a) => a.state)).to.deep.equal(['active']);

    const metrics = (await axios.get(`${c.url}/metrics`)).data as string;
    expect(metrics).to.match(/^closeloop_alarm_updates_stale_total\{source="bms"\} 1$/m);
    const logged = lines.find((l) => String(l.msg).startsWith('stale alarm update ignored'));
    expect(logged).to.deep.include({
      level: 30,
      source: 'bms',
      alarm: 'DC1-CRAH-1-SAT-HI',
      state: 'cleared',
      raised_at: '2025-06-12T14:01:00.000Z',
      newer_at: '2025-06-12T14:02:11.000Z',
    });

    // The real clear, stamped after the raise, still works.
    const clear = await post({ state: 'RETURN_TO_NORMAL', timestamp: '2025-06-12T14:03:00Z' });
    expect(clear.data.accepted[0]).to.include({ outcome: 'discarded' });
  });
});
