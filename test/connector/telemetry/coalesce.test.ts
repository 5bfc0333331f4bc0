import { expect } from 'chai';
import { createCoalescer } from '../../../connector/src/telemetry/coalesce.js';

const never = () => new AbortController().signal;

describe('telemetry/coalesce', () => {
  it('shares a request in flight and an answer younger than the TTL, then loads again', async () => {
    let t = 0;
    let loads = 0;
    const c = createCoalescer<number>(1000, () => t);
    const load = async () => ++loads;
    const [a, b] = await Promise.all([c.get('k', load, never()), c.get('k', load, never())]);
    expect([a, b, loads]).to.deep.equal([1, 1, 1]);
    t = 900;
    expect(await c.get('k', load, never())).to.equal(1);
    t = 2000;
    expect(await c.get('k', load, never())).to.equal(2);
    expect(await c.get('other', load, never())).to.equal(3);
  });

  it('does not keep failures', async () => {
    let n = 0;
    const c = createCoalescer<number>(60_000);
    const load = async () => {
      if (++n === 1) throw new Error('first fails');
      return n;
    };
    await c.get('k', load, never()).catch(() => {});
    await new Promise((r) => setImmediate(r));
    expect(await c.get('k', load, never())).to.equal(2);
  });

  it('with TTL 0 shares only while in flight', async () => {
    let loads = 0;
    const c = createCoalescer<number>(0);
    const load = async () => ++loads;
    await Promise.all([c.get('k', load, never()), c.get('k', load, never())]);
    await new Promise((r) => setImmediate(r));
    await c.get('k', load, never());
    expect(loads).to.equal(2);
  });

  it('a caller that gives up gets its abort reason; the others still get the answer', async () => {
    let release: (v: number) => void = () => {};
    const c = createCoalescer<number>(1000);
    const load = () => new Promise<number>((r) => (release = r));
    const ac = new AbortController();
    const first = c.get('k', load, ac.signal);
    const second = c.get('k', load, never());
    ac.abort(new Error('budget spent'));
    release(7);
    expect(await first.catch((e: Error) => e.message)).to.equal('budget spent');
    expect(await second).to.equal(7);
  });
});
