import { expect } from 'chai';
import { nextStep } from '../../../connector/src/outbox/backoff.js';

const policy = { maxAttempts: 5, baseDelayMs: 1000, maxDelayMs: 60_000 };
const now = new Date('2026-11-25T10:00:00Z');
const wait = (s: { nextAttemptAt: Date }) => s.nextAttemptAt.getTime() - now.getTime();

describe('outbox backoff', () => {
  it('gives up at once on a non-retryable failure', () => {
    expect(nextStep({ ok: false, retryable: false, status: 400, error: 'x' }, 1, policy, now).dead).to.equal(
      true,
    );
  });
  it('gives up after maxAttempts', () => {
    expect(nextStep({ ok: false, retryable: true, status: 503, error: 'x' }, 5, policy, now).dead).to.equal(
      true,
    );
    expect(nextStep({ ok: false, retryable: true, status: 503, error: 'x' }, 4, policy, now).dead).to.equal(
      false,
    );
  });
  it('backs off exponentially with jitter between half and all of the ceiling, capped', () => {
    const r = (attempt: number, rnd: number) =>
      wait(nextStep({ ok: false, retryable: true, error: 'x' }, attempt, policy, now, () => rnd));
    expect(r(1, 0)).to.equal(500);
    expect(r(1, 1)).to.equal(1000);
    expect(r(3, 1)).to.equal(4000);
    expect(r(4, 1)).to.equal(8000);
    expect(
      wait(
        nextStep(
          { ok: false, retryable: true, error: 'x' },
          4,
          { ...policy, maxDelayMs: 3000 },
          now,
          () => 1,
        ),
      ),
    ).to.equal(3000);
  });
  it('never retries earlier than Retry-After', () => {
    const s = nextStep(
      { ok: false, retryable: true, status: 429, retryAfterMs: 30_000, error: 'x' },
      1,
      policy,
      now,
      () => 1,
    );
    expect(wait(s)).to.equal(30_000);
  });
});
