import { expect } from 'chai';
import { evaluateCheck } from '../../../connector/src/guard/evaluate-check.js';
import { TelemetryError } from '../../../connector/src/telemetry/types.js';
import { MIN, NOW, check, samples, series, steady } from './checks.js';

const UTC = { timeZone: 'UTC' };

describe('guard/evaluateCheck', () => {
  describe('pass', () => {
    it('passes when every fresh sample of the whole window is in range', () => {
      const r = evaluateCheck(check(), [steady(22.5)], NOW, UTC);
      expect(r.status).to.equal('pass');
      expect(r.samples).to.equal(40); // the sample exactly 10 min old is the reading in force at the start
      expect(r.observed).to.equal('22.5 °C');
      expect(r.observedValue).to.equal(22.5);
      expect(r.expected).to.equal('18–27 °C');
      expect(r.window).to.equal('10 min');
      expect(r.message).to.equal('CRAH-2 supply air 22.5 °C in 18–27 °C for 10 min (40 samples)');
      expect(r.points).to.have.length(41);
      expect(r.satisfiedAt).to.equal(undefined);
      expect(r.worst).to.equal(undefined);
    });

    it('accepts values exactly on the limits', () => {
      const r = evaluateCheck(check(), [steady((t) => (t % 30_000 === 0 ? 18 : 27))], NOW, UTC);
      expect(r.status).to.equal('pass');
    });

    it('uses the check name when there is no label', () => {
      const r = evaluateCheck(check({ label: undefined }), [steady(20)], NOW, UTC);
      expect(r.message).to.match(/^supply-air 20 °C/);
    });
  });

  describe('fail', () => {
    it('fails on one spike and reports the worst value and when', () => {
      const spikeAt = NOW - 8 * MIN;
      const r = evaluateCheck(
        check(),
        [steady((t) => (t === spikeAt ? 29.4 : t === spikeAt + 15_000 ? 28 : 22))],
        NOW,
        UTC,
      );
      expect(r.status).to.equal('fail');
      expect(r.worst).to.deep.equal({ value: 29.4, at: new Date(spikeAt).toISOString() });
      expect(r.message).to.equal(
        'CRAH-2 supply air 29.4 °C > 27 °C at 10:42, needs 10 min in 18–27 °C (now 22 °C)',
      );
      // Back in range since the sample after the last bad one: 10 min after that, if it stays.
      expect(r.satisfiedAt).to.equal(new Date(spikeAt + 30_000 + 10 * MIN).toISOString());
    });

    it('says nothing about "now" or recovery while the latest sample is still out of range', () => {
      const r = evaluateCheck(check(), [steady((t) => (t >= NOW - MIN ? 12 : 22))], NOW, UTC);
      expect(r.status).to.equal('fail');
      expect(r.message).to.equal('CRAH-2 supply air 12 °C < 18 °C at 10:50, needs 10 min in 18–27 °C');
      expect(r.satisfiedAt).to.equal(undefined);
    });

    it('fails even when the data is also stale or too short: a bad reading is never outweighed', () => {
      const r = evaluateCheck(check(), [series([{ t: NOW - 9 * MIN, v: 35 }])], NOW, UTC);
      expect(r.status).to.equal('fail');
    });

    it('ignores samples outside the window', () => {
      const old = samples(NOW - 30 * MIN, NOW - 10 * MIN, 15_000, () => 40);
      const r = evaluateCheck(check(), [series([...old, ...steady(22).samples])], NOW, UTC);
      expect(r.status).to.equal('pass');
    });
  });

  describe('unknown (never pass)', () => {
    it('is unknown when the newest sample is older than max_age', () => {
      const s = series(samples(NOW - 10 * MIN, NOW - 3 * MIN, 15_000, () => 22));
      const r = evaluateCheck(check(), [s], NOW, UTC);
      expect(r.status).to.equal('unknown');
      expect(r.reason).to.equal('stale');
      expect(r.message).to.equal(
        'CRAH-2 supply air: newest sample is 3 min old (10:47), needs one within 2 min',
      );
    });

    it('is unknown when the provider returns no series', () => {
      const r = evaluateCheck(check(), [], NOW, UTC);
      expect(r).to.include({ status: 'unknown', reason: 'no_data', observed: 'no data', samples: 0 });
      expect(r.message).to.equal('CRAH-2 supply air: no data from prom in the last 10 min');
    });

    it('is unknown when a series has no samples in the window', () => {
      const r = evaluateCheck(
        check(),
        [series(samples(NOW - 30 * MIN, NOW - 20 * MIN, 15_000, () => 22))],
        NOW,
        UTC,
      );
      expect(r).to.include({ status: 'unknown', reason: 'no_data' });
    });

    it('is unknown when every sample is an invalid reading, naming it and its time', () => {
      const r = evaluateCheck(check(), [steady(() => null)], NOW, UTC);
      expect(r).to.include({
        status: 'unknown',
        reason: 'invalid',
        samples: 0,
        observed: 'invalid (no value)',
      });
      expect(r.invalid).to.deep.equal({ value: 'no value', at: new Date(NOW).toISOString(), count: 40 });
    });

    it('one explicit invalid reading inside the window is unknown, never bridged by the readings around it', () => {
      const bad = NOW - 6 * MIN;
      const s = series(
        samples(NOW - 10 * MIN, NOW, 15_000, () => 22).map((p) =>
          p.t === bad ? { t: p.t, v: null, invalid: 'NaN' } : p,
        ),
      );
      const r = evaluateCheck(check(), [s], NOW, UTC);
      expect(r).to.include({ status: 'unknown', reason: 'invalid', observed: '22 °C' });
      expect(r.invalid).to.deep.equal({ value: 'NaN', at: new Date(bad).toISOString(), count: 1 });
      expect(r.message).to.equal(
        'CRAH-2 supply air: invalid reading (NaN) at 10:44:00 inside the 10 min window: the sensor or exporter failed; OK at 10:54 if readings stay valid and in range',
      );
      // OK once the window starts at the first valid reading after it.
      expect(r.satisfiedAt).to.equal(new Date(bad + 15_000 + 10 * MIN).toISOString());
    });

    it('names the newest of several invalid readings (±Inf, sentinels), and says it is the newest one now', () => {
      const s = series([
        ...samples(NOW - 10 * MIN, NOW - 30_000, 15_000, (t) => (t === NOW - 8 * MIN ? null : 22)).map((p) =>
          p.v === null ? { ...p, invalid: '+Inf' } : p,
        ),
        { t: NOW - 15_000, v: null, invalid: 'DCGM NOT_SUPPORTED sentinel 9223372036854775794' },
        { t: NOW, v: null, invalid: 'DCGM NOT_SUPPORTED sentinel 9223372036854775794' },
      ]);
      const r = evaluateCheck(check(), [s], NOW, UTC);
      expect(r).to.include({
        status: 'unknown',
        reason: 'invalid',
        observed: 'invalid (DCGM NOT_SUPPORTED sentinel 9223372036854775794)',
        observedValue: null,
      });
      expect(r.message).to.equal(
        'CRAH-2 supply air: invalid reading (DCGM NOT_SUPPORTED sentinel 9223372036854775794) at 10:50:00 (the last of 3) inside the 10 min window: the sensor or exporter failed',
      );
      expect(r.satisfiedAt).to.equal(undefined);
    });

    it('an invalid reading still in force when the window opens counts; one replaced before it does not', () => {
      const inForce = series([
        { t: NOW - 10 * MIN - 60_000, v: 22 },
        { t: NOW - 10 * MIN - 30_000, v: null, invalid: 'NaN' },
        ...samples(NOW - 10 * MIN + 15_000, NOW, 15_000, () => 22),
      ]);
      expect(evaluateCheck(check(), [inForce], NOW, UTC).reason).to.equal('invalid');
      const replaced = series([
        { t: NOW - 10 * MIN - 60_000, v: null, invalid: 'NaN' },
        { t: NOW - 10 * MIN - 30_000, v: 22 },
        ...samples(NOW - 10 * MIN + 15_000, NOW, 15_000, () => 22),
      ]);
      expect(evaluateCheck(check(), [replaced], NOW, UTC).status).to.equal('pass');
    });

    it('an instant check (stabilize 0) is unknown when its newest reading is invalid', () => {
      const c = check({ stabilize: 0 });
      const s = series([
        { t: NOW - 30_000, v: 22 },
        { t: NOW - 15_000, v: null, invalid: '-Inf' },
      ]);
      const r = evaluateCheck(c, [s], NOW, UTC);
      expect(r).to.include({ status: 'unknown', reason: 'invalid' });
      expect(r.message).to.equal(
        'CRAH-2 supply air: newest reading is invalid (-Inf) at 10:49:45: the sensor or exporter failed',
      );
      expect(
        evaluateCheck(
          c,
          [
            series([
              { t: NOW - 30_000, v: null, invalid: 'NaN' },
              { t: NOW - 15_000, v: 22 },
            ]),
          ],
          NOW,
          UTC,
        ).status,
      ).to.equal('pass');
    });

    it('a value out of range still fails, invalid readings or not (one failure decides)', () => {
      const s = series(
        samples(NOW - 10 * MIN, NOW, 15_000, (t) => (t === NOW - 5 * MIN ? 35 : 22)).map((p) =>
          p.t === NOW - 3 * MIN ? { t: p.t, v: null, invalid: 'NaN' } : p,
        ),
      );
      expect(evaluateCheck(check(), [s], NOW, UTC).status).to.equal('fail');
    });

    it('in a multi-series answer, the series with an invalid reading is the one the message names', () => {
      const good = steady(22, { gpu: '0' });
      const broken = series(
        samples(NOW - 10 * MIN, NOW, 15_000, () => 22).map((p) =>
          p.t === NOW - 2 * MIN ? { t: p.t, v: null, invalid: 'NaN' } : p,
        ),
        { gpu: '1' },
      );
      const stale = series(
        samples(NOW - 10 * MIN, NOW - 5 * MIN, 15_000, () => 22),
        { gpu: '2' },
      );
      const r = evaluateCheck(check(), [good, stale, broken], NOW, UTC);
      expect(r).to.include({ status: 'unknown', reason: 'invalid' });
      expect(r.message).to.match(/^CRAH-2 supply air \(gpu=1\): invalid reading \(NaN\) at 10:48:00/);
      expect(r.invalid).to.deep.include({ labels: { gpu: '1' } });
    });

    it('a scrape that is merely absent is bridged for less than max_age, and a longer hole is a gap', () => {
      const hole = (from: number, to: number) =>
        series(samples(NOW - 10 * MIN, NOW, 15_000, () => 22).filter((p) => p.t <= from || p.t >= to));
      expect(evaluateCheck(check(), [hole(NOW - 7 * MIN, NOW - 6 * MIN)], NOW, UTC).status).to.equal('pass');
      const r = evaluateCheck(check(), [hole(NOW - 7 * MIN, NOW - 4 * MIN)], NOW, UTC);
      expect(r).to.include({ status: 'unknown', reason: 'gap' });
      expect(r.message).to.equal(
        'CRAH-2 supply air 22 °C in 18–27 °C, but no data 10:43–10:46; OK at 10:56 if it stays',
      );
      expect(r.satisfiedAt).to.equal(new Date(NOW - 4 * MIN + 10 * MIN).toISOString());
    });

    it('is unknown while history does not yet cover the window, and says when it will', () => {
      const s = series(samples(NOW - 4 * MIN, NOW, 30_000, () => 22));
      const r = evaluateCheck(check(), [s], NOW, UTC);
      expect(r).to.include({ status: 'unknown', reason: 'not_covered' });
      // Covered once the window starts at or after the first reading.
      expect(r.satisfiedAt).to.equal(new Date(NOW - 4 * MIN + 10 * MIN).toISOString());
      expect(r.message).to.equal(
        'CRAH-2 supply air 22 °C in 18–27 °C for only 4 min of 10 min (OK at 10:56 if it stays)',
      );
    });

    it('is unknown with fewer than min_samples', () => {
      const s = series([
        { t: NOW - 10.5 * MIN, v: 22 }, // in force when the window opened; not counted
        { t: NOW - 9.5 * MIN, v: 22 },
        { t: NOW - 8 * MIN, v: 22 },
        { t: NOW - 6 * MIN, v: 22 },
        { t: NOW - 4 * MIN, v: 22 },
        { t: NOW - 2 * MIN, v: 22 },
        { t: NOW - 0.5 * MIN, v: 22 },
      ]);
      const r = evaluateCheck(check({ min_samples: 10 }), [s], NOW, UTC);
      expect(r).to.include({ status: 'unknown', reason: 'too_few' });
      expect(r.message).to.equal('CRAH-2 supply air: only 6 samples in 10 min, needs 10');
      expect(evaluateCheck(check({ min_samples: 6 }), [s], NOW, UTC).status).to.equal('pass');
    });

    it('is unknown when the provider failed, with its words', () => {
      const err = new TelemetryError('prom', 'bad_query', 'prom: bad_data: 1:7: parse error: unexpected "}"');
      const r = evaluateCheck(check(), err, NOW, UTC);
      expect(r).to.include({ status: 'unknown', reason: 'provider_error', observed: 'no data' });
      expect(r.message).to.equal('CRAH-2 supply air: prom: bad_data: 1:7: parse error: unexpected "}"');
    });

    it('calls timeouts timeouts', () => {
      const r = evaluateCheck(
        check(),
        new TelemetryError('prom', 'timeout', 'no answer from prom within 3 s'),
        NOW,
        UTC,
      );
      expect(r).to.include({ status: 'unknown', reason: 'timeout' });
    });

    it('treats a plain Error like a provider error', () => {
      expect(evaluateCheck(check(), new Error('boom'), NOW, UTC).reason).to.equal('provider_error');
    });

    it('accepts samples stamped slightly in the future (device clocks), but not far', () => {
      const ahead = series([...steady(22).samples, { t: NOW + 30_000, v: 22 }]);
      expect(evaluateCheck(check(), [ahead], NOW, UTC).samples).to.equal(41);
      const far = series(samples(NOW + 10 * MIN, NOW + 20 * MIN, 15_000, () => 22));
      expect(evaluateCheck(check(), [far], NOW, UTC).reason).to.equal('no_data');
    });
  });

  describe('the reading in force when the window opens', () => {
    it('counts: a bad reading just before the window still covers its first moments', () => {
      const s = series([
        { t: NOW - 10 * MIN - 30_000, v: 35 },
        ...samples(NOW - 9.5 * MIN, NOW, 15_000, () => 22),
      ]);
      const r = evaluateCheck(check(), [s], NOW, UTC);
      expect(r.status).to.equal('fail');
      expect(r.satisfiedAt).to.equal(new Date(NOW - 9.5 * MIN + 10 * MIN).toISOString());
    });
    it('is needed: data that starts just inside the window does not cover it', () => {
      const r = evaluateCheck(
        check(),
        [series(samples(NOW - 10 * MIN + 15_000, NOW, 15_000, () => 22))],
        NOW,
        UTC,
      );
      expect(r).to.include({ status: 'unknown', reason: 'not_covered' });
    });
    it('is not taken from further back than max_age', () => {
      const s = series([{ t: NOW - 12.5 * MIN, v: 22 }, ...samples(NOW - 9.5 * MIN, NOW, 15_000, () => 22)]);
      expect(evaluateCheck(check(), [s], NOW, UTC).reason).to.equal('not_covered');
    });
    it('is the previous value for no_increase', () => {
      const xid = check({ expect: { no_increase: true }, unit: undefined });
      const s = series([
        { t: NOW - 10.5 * MIN, v: 3 },
        ...samples(NOW - 10 * MIN + 15_000, NOW, 15_000, () => 4),
      ]);
      expect(evaluateCheck(xid, [s], NOW, UTC).status).to.equal('fail');
    });
  });

  describe('stabilize: 0 (only "is it in range now?")', () => {
    const now = check({ stabilize: 0, max_age: '1m' });
    it('judges only the newest fresh sample', () => {
      const recovered = steady((t) => (t < NOW - 15_000 ? 35 : 22));
      const r = evaluateCheck(now, [recovered], NOW, UTC);
      expect(r.status).to.equal('pass');
      expect(r.message).to.equal('CRAH-2 supply air 22 °C in 18–27 °C now');
      expect(evaluateCheck(now, [steady((t) => (t === NOW ? 35 : 22))], NOW, UTC).status).to.equal('fail');
    });
    it('is still unknown when the newest sample is stale', () => {
      const old = series(samples(NOW - 10 * MIN, NOW - 2 * MIN, 15_000, () => 22));
      expect(evaluateCheck(now, [old], NOW, UTC).status).to.equal('unknown');
    });
  });

  describe('several series (e.g. 8 GPUs)', () => {
    const gpus = (temp: (gpu: number, t: number) => number) =>
      Array.from({ length: 8 }, (_, gpu) =>
        steady((t) => temp(gpu, t), {
          __name__: 'DCGM_FI_DEV_GPU_TEMP',
          Hostname: 'node-3',
          gpu: String(gpu),
        }),
      );
    const gpuCheck = check({
      label: 'node-3 GPU temperature',
      expect: { max: 85 },
      query: 'DCGM_FI_DEV_GPU_TEMP{Hostname="node-3"}',
    });

    it('passes only when all pass, naming the one nearest the limit', () => {
      const r = evaluateCheck(
        gpuCheck,
        gpus((g) => 60 + g),
        NOW,
        UTC,
      );
      expect(r.status).to.equal('pass');
      expect(r.series).to.equal(8);
      expect(r.samples).to.equal(8 * 40);
      expect(r.observed).to.equal('67 °C');
      expect(r.message).to.equal(
        'node-3 GPU temperature: all 8 series ≤ 85 °C for 10 min (nearest the limit: 67 °C, gpu=7)',
      );
    });

    it('fails when one GPU fails and reports the worst sample over all of them', () => {
      const r = evaluateCheck(
        gpuCheck,
        gpus((g, t) => (g === 5 && t === NOW - 3 * MIN ? 91 : g === 2 && t === NOW - MIN ? 88 : 70)),
        NOW,
        UTC,
      );
      expect(r.status).to.equal('fail');
      expect(r.worst).to.deep.equal({
        value: 91,
        at: new Date(NOW - 3 * MIN).toISOString(),
        labels: { __name__: 'DCGM_FI_DEV_GPU_TEMP', Hostname: 'node-3', gpu: '5' },
      });
      expect(r.message).to.equal(
        'node-3 GPU temperature 91 °C > 85 °C at 10:47 (gpu=5), needs 10 min ≤ 85 °C (now 70 °C); 2 of 8 series out of range',
      );
      expect(r.satisfiedAt).to.equal(new Date(NOW - MIN + 15_000 + 10 * MIN).toISOString());
    });

    it('is unknown when one GPU went stale and none failed', () => {
      const s = gpus(() => 70);
      s[4] = { labels: s[4]!.labels, samples: s[4]!.samples.filter((p) => p.t < NOW - 5 * MIN) };
      const r = evaluateCheck(gpuCheck, s, NOW, UTC);
      expect(r).to.include({ status: 'unknown', reason: 'stale' });
      expect(r.message).to.match(/^node-3 GPU temperature \(gpu=4\): newest sample is 5 min old/);
    });

    it('a failure outranks another series being unknown', () => {
      const s = gpus((g) => (g === 1 ? 99 : 70));
      s[0] = { labels: s[0]!.labels, samples: [] };
      expect(evaluateCheck(gpuCheck, s, NOW, UTC).status).to.equal('fail');
    });
  });

  describe('condition kinds', () => {
    it('max / min / equals', () => {
      expect(evaluateCheck(check({ expect: { max: 27 } }), [steady(27)], NOW, UTC).status).to.equal('pass');
      expect(evaluateCheck(check({ expect: { max: 27 } }), [steady(27.01)], NOW, UTC).status).to.equal(
        'fail',
      );
      const flow = check({ label: 'CDU-1 flow', unit: 'L/min', expect: { min: 35 } });
      const low = evaluateCheck(flow, [steady((t) => (t === NOW - 2 * MIN ? 31 : 42))], NOW, UTC);
      expect(low.status).to.equal('fail');
      expect(low.message).to.equal(
        'CDU-1 flow 31 L/min < 35 L/min at 10:48, needs 10 min ≥ 35 L/min (now 42 L/min)',
      );
      const leak = check({ label: 'CDU-1 leak detector', unit: undefined, expect: { equals: 0 } });
      expect(evaluateCheck(leak, [steady(0)], NOW, UTC).status).to.equal('pass');
      const wet = evaluateCheck(leak, [steady((t) => (t === NOW ? 2 : 0))], NOW, UTC);
      expect(wet.message).to.equal('CDU-1 leak detector 2 ≠ 0 at 10:50, needs 10 min = 0');
    });

    it('bits_clear on a DCGM clocks-event-reasons bitmask', () => {
      // 0x20 SW thermal, 0x40 HW thermal, 0x80 HW power brake, 0x08 HW slowdown; 0x01 = idle (harmless).
      const throttle = check({
        label: 'GPU 3 clocks',
        unit: undefined,
        expect: { bits_clear: [3, 5, 6, 7] },
      });
      expect(evaluateCheck(throttle, [steady(0x1)], NOW, UTC).status).to.equal('pass');
      const r = evaluateCheck(throttle, [steady((t) => (t === NOW - 5 * MIN ? 0x41 : 0x1))], NOW, UTC);
      expect(r.status).to.equal('fail');
      expect(r.expected).to.equal('bits 3, 5, 6, 7 clear');
      expect(r.message).to.equal(
        'GPU 3 clocks 0x41 has bit 6 set at 10:45, needs 10 min with bits 3, 5, 6, 7 clear (now 0x1)',
      );
      expect(r.observed).to.equal('0x1');
    });

    it('no_increase on a counter: a rise fails, a flat counter and a reset pass', () => {
      const xid = check({ label: 'node-3 XID errors', unit: undefined, expect: { no_increase: true } });
      expect(evaluateCheck(xid, [steady(3)], NOW, UTC).status).to.equal('pass');
      expect(evaluateCheck(xid, [steady((t) => (t < NOW - 5 * MIN ? 7 : 0))], NOW, UTC).status).to.equal(
        'pass',
      );
      const r = evaluateCheck(xid, [steady((t) => (t < NOW - 5 * MIN ? 3 : 5))], NOW, UTC);
      expect(r.status).to.equal('fail');
      expect(r.message).to.equal(
        'node-3 XID errors rose from 3 to 5 at 10:45, needs 10 min without increase (now 5)',
      );
    });
  });
});
