import { expect } from 'chai';
import { bucketShape, createRateLimiter } from '../../../../connector/src/itsm/servicenow/rate-limit.js';
import { fakeClock } from './helpers.js';

describe('itsm/servicenow/rate-limit', () => {
  it('sizes the bucket so burst plus refill stays within the hourly budget', () => {
    const { capacity, refillPerMs } = bucketShape(30_000);
    expect(capacity).to.equal(500);
    expect(capacity + refillPerMs * 3_600_000).to.be.closeTo(30_000, 1e-6);
    expect(bucketShape(1).capacity).to.equal(1);
  });

  it('lets a burst through, then spaces requests at the refill rate (waits, never fails)', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ perHour: 3600, now: clock.now, sleep: clock.sleep });
    // capacity 60, refill 3540/h = one token every ~1017 ms
    for (let i = 0; i < 60; i++) await limiter.take();
    expect(clock.sleeps).to.deep.equal([]);
    await limiter.take();
    await limiter.take();
    expect(clock.sleeps).to.have.length(2);
    expect(clock.sleeps[0]).to.equal(Math.ceil(3_600_000 / 3540));
    expect(clock.sleeps[1]).to.be.closeTo(Math.ceil(3_600_000 / 3540), 1);
  });

  it('never exceeds the budget over a simulated hour', async () => {
    const clock = fakeClock();
    const start = clock.now();
    const limiter = createRateLimiter({ perHour: 600, now: clock.now, sleep: clock.sleep });
    let sent = 0;
    while (true) {
      await limiter.take();
      if (clock.now() - start >= 3_600_000) break;
      sent++;
    }
    expect(sent).to.be.at.most(600);
    expect(sent).to.be.at.least(590);
  });

  it('keeps concurrent callers waiting in arrival order', async () => {
    // The clock stands still while they wait, as when all three arrive at the same instant.
    const clock = fakeClock();
    const waits: number[] = [];
    const sleepRecorder = async (ms: number) => {
      waits.push(ms);
    };
    const limiter = createRateLimiter({ perHour: 60, now: clock.now, sleep: sleepRecorder });
    await Promise.all([limiter.take(), limiter.take(), limiter.take()]);
    // Burst of 1, then 59 tokens/h (one per ~61 s): the 2nd and 3rd caller wait one and two periods.
    const period = 3_600_000 / 59;
    expect(waits).to.deep.equal([Math.ceil(period), Math.ceil(2 * period)]);
  });

  it('holds every request until a pause (429 Retry-After) has passed', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ perHour: 30_000, now: clock.now, sleep: clock.sleep });
    limiter.pauseUntil(clock.now() + 30_000);
    limiter.pauseUntil(clock.now() + 5_000); // an earlier end never shortens a pause
    const before = clock.now();
    await limiter.take();
    expect(clock.now() - before).to.equal(30_000);
    await limiter.take();
    expect(clock.sleeps).to.deep.equal([30_000]);
  });
});
