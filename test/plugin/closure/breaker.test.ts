import { expect } from 'chai';
import { loadClosureModules } from '../support/plugin-modules.js';
import { NOW_MS, settings } from '../support/closure-fixtures.js';

const { breaker } = loadClosureModules();
const closed = breaker.CLOSED_BREAKER;
const down = { kind: 'failure' as const, reason: 'unreachable' as const, detail: 'Connection refused' };
const answer = (statusCode: number) => ({ kind: 'response' as const, statusCode, body: '' });

describe('plugin closure/breaker', () => {
  it('counts failures and opens after breaker_failures of them', () => {
    const one = breaker.breakerAfter(closed, down, settings({ breakerFailures: 2 }), NOW_MS)!;
    expect(one).to.deep.equal({ failures: 1, openUntilMs: 0, lastError: 'unreachable: Connection refused' });
    const two = breaker.breakerAfter(one, answer(503), settings({ breakerFailures: 2, breakerOpenSeconds: 30 }), NOW_MS)!;
    expect(two).to.deep.equal({ failures: 2, openUntilMs: NOW_MS + 30_000, lastError: 'HTTP 503' });
    expect(breaker.breakerRefusal(two, NOW_MS + 1_000)).to.contain('paused for 29 s after 2 failed calls');
    expect(breaker.breakerRefusal(two, NOW_MS + 30_000)).to.equal(null);
  });

  it('an answer closes it; nothing to write when it was closed already', () => {
    expect(breaker.breakerAfter({ failures: 5, openUntilMs: 1, lastError: 'x' }, answer(200), settings(), NOW_MS)).to.deep.equal(closed);
    expect(breaker.breakerAfter(closed, answer(200), settings(), NOW_MS)).to.equal(null);
    // A 404 or 400 is an answer about the request, not a sick connector.
    expect(breaker.isFailure(answer(400))).to.equal(false);
    expect(breaker.isFailure(answer(401))).to.equal(true);
  });

  it('breaker_failures 0 never opens it', () => {
    const state = breaker.breakerAfter({ failures: 99, openUntilMs: 0, lastError: '' }, down, settings({ breakerFailures: 0 }), NOW_MS);
    expect(state?.openUntilMs).to.equal(0);
  });

  it('parses the stored row safely', () => {
    expect(breaker.parseBreaker('3', String(NOW_MS), 'e')).to.deep.equal({ failures: 3, openUntilMs: NOW_MS, lastError: 'e' });
    expect(breaker.parseBreaker('x', '-1', '')).to.deep.equal({ failures: 0, openUntilMs: 0, lastError: '' });
  });

  it('spends the per-transaction budget within the window, and starts a new one after it', () => {
    let budget = breaker.parseBudget('');
    const spent: boolean[] = [];
    for (let i = 0; i < 4; i++) {
      const next = breaker.spendCall(budget, settings({ maxLiveCalls: 3 }), NOW_MS + i);
      spent.push(next !== null);
      if (next) budget = next;
    }
    expect(spent).to.deep.equal([true, true, true, false]);
    expect(breaker.formatBudget(budget)).to.equal(`${NOW_MS}:3`);
    const later = breaker.spendCall(breaker.parseBudget(breaker.formatBudget(budget)), settings({ maxLiveCalls: 3 }), NOW_MS + breaker.TRANSACTION_WINDOW_MS + 1);
    expect(later).to.deep.equal({ windowStartMs: NOW_MS + breaker.TRANSACTION_WINDOW_MS + 1, count: 1 });
    expect(breaker.spendCall(breaker.parseBudget('garbage'), settings({ maxLiveCalls: 0 }), NOW_MS)).to.equal(null);
  });
});
