import { expect } from 'chai';
import { combineVerdict } from '../../../connector/src/guard/verdict.js';
import { combineVerdict as reexported } from '../../../connector/src/guard/evaluate-checks.js';

describe('guard/combineVerdict', () => {
  const r = (...s: Array<'pass' | 'fail' | 'unknown'>) => s.map((status) => ({ status }));
  it('fail if any fails, else unknown if any unknown, else pass; no checks pass', () => {
    expect(combineVerdict(r())).to.equal('pass');
    expect(combineVerdict(r('pass', 'pass'))).to.equal('pass');
    expect(combineVerdict(r('pass', 'unknown'))).to.equal('unknown');
    expect(combineVerdict(r('unknown', 'fail', 'pass'))).to.equal('fail');
    expect(reexported).to.equal(combineVerdict);
  });
});
