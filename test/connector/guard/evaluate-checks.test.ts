// evaluateChecks end to end: real Prometheus history judged by close checks, and the time budget.
import { expect } from 'chai';
import net from 'node:net';
import { PrometheusProviderSchema } from '../../../connector/src/config/schema.js';
import { evaluateChecks } from '../../../connector/src/guard/evaluate-checks.js';
import { createPrometheusProvider } from '../../../connector/src/telemetry/prometheus/provider.js';
import type { TelemetryProvider } from '../../../connector/src/telemetry/types.js';
import { MIN, STEP, gpuHistory } from '../../support/gpu-history.js';
import { prometheusUnavailable, startPrometheus, type PrometheusHandle } from '../../support/prometheus.js';
import { check } from './checks.js';

const now = Math.floor(Date.now() / STEP) * STEP;
const air = (unit: string, over: Record<string, unknown> = {}) =>
  check({
    name: `air-${unit.toLowerCase()}`,
    label: `${unit} supply air`,
    query: `crah_supply_air_celsius{unit="${unit}"}`,
    ...over,
  });
const gpu = (over: Record<string, unknown>) => check({ unit: undefined, ...over });

describe('guard/evaluateChecks', function () {
  this.timeout(30_000);

  describe('against a real Prometheus', () => {
    let prom: PrometheusHandle | undefined;
    let providers: Map<string, TelemetryProvider>;
    const run = (checks: ReturnType<typeof check>[]) =>
      evaluateChecks(checks, providers, { budgetMs: 3000, nowMs: now, timeZone: 'UTC' });

    before(async function () {
      const missing = await prometheusUnavailable();
      if (missing) {
        console.warn(`      SKIPPED: real Prometheus tests need it: ${missing}`);
        this.skip();
      }
      prom = await startPrometheus(gpuHistory(now));
      providers = new Map([
        [
          'prom',
          createPrometheusProvider(
            'prom',
            PrometheusProviderSchema.parse({ kind: 'prometheus', url: prom.url }),
          ),
        ],
      ]);
    });
    after(async () => {
      for (const p of providers?.values() ?? []) await p.close();
      await prom?.stop();
    });

    it('passes after a stable window', async () => {
      const [r] = await run([air('CRAH-1')]);
      expect(r).to.include({ status: 'pass', samples: 40, observed: '22 °C' });
      expect(r!.message).to.equal('CRAH-1 supply air 22 °C in 18–27 °C for 10 min (40 samples)');
    });

    it('fails when one sample in the window spikes, naming value and time', async () => {
      const [r] = await run([air('CRAH-2')]);
      expect(r!.status).to.equal('fail');
      expect(r!.worst).to.deep.equal({ value: 29.4, at: new Date(now - 8 * MIN).toISOString() });
      expect(r!.message).to.match(
        /^CRAH-2 supply air 29.4 °C > 27 °C at \d\d:\d\d, needs 10 min in 18–27 °C \(now 22 °C\)$/,
      );
      expect(r!.satisfiedAt).to.equal(new Date(now + 2 * MIN + 15_000).toISOString());
    });

    it('is unknown when data is stale, even inside the lookback window, or absent', async () => {
      const [stale, recent, absent] = await run([air('CRAH-3'), air('CRAH-4'), air('CRAH-9')]);
      expect(stale).to.include({ status: 'unknown', reason: 'stale' });
      expect(recent).to.include({ status: 'unknown', reason: 'stale' });
      expect(recent!.message).to.match(/newest sample is 3 min old/);
      expect(absent).to.include({ status: 'unknown', reason: 'no_data' });
    });

    it('treats DCGM blank sentinels as invalid readings, never as a value, nor as a gap to bridge', async () => {
      const [allBlank, someBlank] = await run([
        gpu({ name: 'n2-g0', query: 'DCGM_FI_DEV_GPU_TEMP{Hostname="node-2",gpu="0"}', expect: { max: 85 } }),
        gpu({ name: 'n2-g1', query: 'DCGM_FI_DEV_GPU_TEMP{Hostname="node-2",gpu="1"}', expect: { max: 85 } }),
      ]);
      // 9223372036854775794 would be far above 85: read as a value, it would fail.
      expect(allBlank).to.include({ status: 'unknown', reason: 'invalid', samples: 0 });
      expect(allBlank!.invalid).to.include({ value: 'DCGM int64 blank sentinel (≈ 2^63)' });
      // Every 4th sample blank: the readings between them are fine, but the exporter keeps failing.
      // Counted are the blanks in force during the window: from the last valid reading at its start on.
      const blank = (t: number) => (t / STEP) % 4 === 0;
      let anchor = now - 10 * MIN;
      while (blank(anchor)) anchor -= STEP;
      let blanks = 0;
      for (let t = anchor; t <= now; t += STEP) if (blank(t)) blanks++;
      expect(someBlank).to.include({ status: 'unknown', reason: 'invalid', samples: 30 });
      expect(someBlank!.invalid).to.include({ count: blanks });
      expect(someBlank!.message).to.match(
        /^CRAH-2 supply air: invalid reading \(DCGM int64 blank sentinel \(≈ 2\^63\)\) at \d\d:\d\d:\d\d /,
      );
      expect(someBlank!.message).to.include(`(the last of ${blanks}) inside the 10 min window`);
    });

    it('a NaN or +Inf sample inside the window is unknown, naming its time; an absent scrape is bridged', async () => {
      const [nan, inf, hole] = await run([air('CRAH-NAN'), air('CRAH-INF'), air('CRAH-HOLE')]);
      expect(nan).to.include({ status: 'unknown', reason: 'invalid' });
      expect(nan!.invalid).to.deep.equal({
        value: 'NaN',
        at: new Date(now - 6 * MIN).toISOString(),
        count: 1,
      });
      const clock = new Date(now - 6 * MIN).toISOString().slice(11, 19);
      expect(nan!.message).to.equal(
        `CRAH-NAN supply air: invalid reading (NaN) at ${clock} inside the 10 min window: the sensor or exporter failed; OK at ${new Date(now - 6 * MIN + 15_000 + 10 * MIN).toISOString().slice(11, 16)} if readings stay valid and in range`,
      );
      expect(inf).to.include({ status: 'unknown', reason: 'invalid' });
      expect(inf!.invalid).to.include({ value: '+Inf', at: new Date(now - 3 * MIN).toISOString() });
      expect(hole).to.include({ status: 'pass' });
    });

    it('judges all 8 GPUs of a host, and bitmask and counter conditions', async () => {
      const results = await run([
        gpu({
          name: 'temp',
          label: 'node-1 GPU temperature',
          unit: '°C',
          query: 'DCGM_FI_DEV_GPU_TEMP{Hostname="node-1"}',
          expect: { max: 85 },
        }),
        gpu({
          name: 'clocks-g0',
          query: 'DCGM_FI_DEV_CLOCKS_EVENT_REASONS{Hostname="node-1",gpu="0"}',
          expect: { bits_clear: [3, 5, 6, 7] },
        }),
        gpu({
          name: 'clocks',
          label: 'node-1 clocks',
          query: 'DCGM_FI_DEV_CLOCKS_EVENT_REASONS{Hostname="node-1"}',
          expect: { bits_clear: [3, 5, 6, 7] },
        }),
        gpu({
          name: 'xid',
          label: 'node-1 XID',
          query: 'DCGM_FI_DEV_XID_ERRORS{Hostname="node-1"}',
          expect: { no_increase: true },
        }),
        gpu({
          name: 'hottest',
          query: 'max(DCGM_FI_DEV_GPU_TEMP{Hostname="node-1"})',
          expect: { max: 85 },
          step: '15s',
        }),
      ]);
      const [temp, clocks0, clocks, xid, hottest] = results;
      expect(temp).to.include({ status: 'pass', series: 8, observed: '67 °C' });
      expect(clocks0).to.include({ status: 'pass', observed: '0x1' });
      expect(clocks!.status).to.equal('fail');
      expect(clocks!.message).to.match(
        /^node-1 clocks 0x41 has bit 6 set at \d\d:\d\d \(UUID=GPU-node-1-1 gpu=1\)/,
      );
      expect(xid!.status).to.equal('fail');
      expect(xid!.message).to.match(/^node-1 XID rose from 0 to 79 at/);
      expect(hottest).to.include({ status: 'pass' });
    });

    it('reports a bad query as unknown with the provider error', async () => {
      const [r] = await run([air('CRAH-1', { query: 'max(' })]);
      expect(r).to.include({ status: 'unknown', reason: 'provider_error' });
      expect(r!.message).to.match(/^CRAH-1 supply air: prom: bad_data: /);
    });
  });

  describe('time budget', () => {
    let silent: net.Server;
    let silentUrl: string;
    const sockets = new Set<net.Socket>();
    before(async () => {
      // Accepts connections and never answers: a hung exporter/BMC.
      silent = net.createServer((s) => sockets.add(s));
      await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
      silentUrl = `http://127.0.0.1:${(silent.address() as net.AddressInfo).port}`;
    });
    after(async () => {
      for (const s of sockets) s.destroy();
      await new Promise((r) => silent.close(r));
    });

    it('a provider that never answers yields unknown within the budget', async () => {
      const hung = createPrometheusProvider(
        'hung',
        PrometheusProviderSchema.parse({ kind: 'prometheus', url: silentUrl, timeout: 60 }),
      );
      const t0 = Date.now();
      const [r] = await evaluateChecks([air('CRAH-1', { provider: 'hung' })], new Map([['hung', hung]]), {
        budgetMs: 300,
      });
      const took = Date.now() - t0;
      expect(r).to.include({ status: 'unknown', reason: 'timeout' });
      expect(r!.message).to.equal('CRAH-1 supply air: no answer from hung within 300 ms');
      expect(took).to.be.within(250, 800);
      await hung.close();
    });

    it('even when the provider ignores its abort signal', async () => {
      const deaf: TelemetryProvider = {
        name: 'deaf',
        kind: 'prometheus',
        queryRange: () => new Promise(() => {}),
        close: async () => {},
      };
      const t0 = Date.now();
      const [r] = await evaluateChecks([air('CRAH-1', { provider: 'deaf' })], new Map([['deaf', deaf]]), {
        budgetMs: 200,
      });
      expect(r).to.include({ status: 'unknown', reason: 'timeout' });
      expect(Date.now() - t0).to.be.below(700);
    });

    it('a per-check limit keeps one slow check from using the whole budget; others still answer', async () => {
      const deaf: TelemetryProvider = {
        name: 'deaf',
        kind: 'prometheus',
        queryRange: () => new Promise(() => {}),
        close: async () => {},
      };
      const fine: TelemetryProvider = {
        name: 'fine',
        kind: 'mqtt',
        queryRange: async () => [
          {
            labels: {},
            samples: Array.from({ length: 41 }, (_, i) => ({ t: now - 10 * MIN + i * STEP, v: 22 })),
          },
        ],
        close: async () => {},
      };
      const t0 = Date.now();
      const results = await evaluateChecks(
        [
          air('CRAH-1', { provider: 'deaf' }),
          air('CRAH-5', { provider: 'fine' }),
          air('CRAH-6', { provider: 'nowhere' }),
        ],
        new Map([
          ['deaf', deaf],
          ['fine', fine],
        ]),
        { budgetMs: 3000, perCheckMs: 150, nowMs: now },
      );
      expect(Date.now() - t0).to.be.below(1000);
      expect(results.map((r) => r.status)).to.deep.equal(['unknown', 'pass', 'unknown']);
      expect(results[0]!.message).to.equal('CRAH-1 supply air: no answer from deaf within 150 ms');
      expect(results[2]).to.include({
        reason: 'no_provider',
        message: 'CRAH-6 supply air: no telemetry provider named "nowhere"',
      });
    });

    it('fetches a shared window once for checks on the same query', async () => {
      let calls = 0;
      const counting: TelemetryProvider = {
        name: 'c',
        kind: 'prometheus',
        queryRange: async () => {
          calls++;
          return [];
        },
        close: async () => {},
      };
      await evaluateChecks(
        [
          air('CRAH-1', { provider: 'c', expect: { min: 18 } }),
          air('CRAH-1', { provider: 'c', expect: { max: 27 } }),
        ],
        new Map([['c', counting]]),
        {
          budgetMs: 1000,
          nowMs: now,
        },
      );
      expect(calls).to.equal(1);
    });

    it('with sampleFirst, takes a fresh reading from providers without history before judging', async () => {
      const order: string[] = [];
      const sampled: TelemetryProvider = {
        name: 's',
        kind: 'redfish',
        sample: async () => void order.push('sample'),
        queryRange: async () => (order.push('query'), []),
        close: async () => {},
      };
      await evaluateChecks([air('CRAH-1', { provider: 's' })], new Map([['s', sampled]]), {
        budgetMs: 1000,
        sampleFirst: true,
      });
      expect(order).to.deep.equal(['sample', 'query']);
    });
  });

  describe('refused checks (an alarm value unsafe for the query)', () => {
    it('are never sent to their provider, not even sampled, and are unknown with the reason', async () => {
      const calls: string[] = [];
      const spy: TelemetryProvider = {
        name: 'spy',
        kind: 'prometheus',
        sample: async (q) => void calls.push(`sample ${q}`),
        queryRange: async (q) => (calls.push(`query ${q}`), [{ labels: {}, samples: [{ t: now, v: 22 }] }]),
        close: async () => {},
      };
      const refused = {
        ...air('CRAH-1', { provider: 'spy', query: 'm > {{alarm.text}}', stabilize: 0 }),
        refused:
          'unsafe value for a PromQL query: {{alarm.text}} = "0 or vector(0)": would be PromQL syntax here',
      };
      const [r] = await evaluateChecks([refused], new Map([['spy', spy]]), {
        budgetMs: 1000,
        nowMs: now,
        sampleFirst: true,
      });
      expect(calls).to.deep.equal([]);
      expect(r).to.include({
        status: 'unknown',
        reason: 'unsafe_query',
        observed: 'not checked',
        samples: 0,
      });
      expect(r!.message).to.equal(
        'CRAH-1 supply air: not checked: unsafe value for a PromQL query: {{alarm.text}} = "0 or vector(0)": would be PromQL syntax here',
      );
    });
  });
});
