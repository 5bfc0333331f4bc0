import { expect } from 'chai';
import { compileGlob, compileRegex } from '../../../connector/src/mapping/glob.js';

function glob(g: string): RegExp {
  const r = compileGlob(g);
  if (!r.ok) throw new Error(r.error);
  return r.regex;
}

describe('mapping/glob', () => {
  const cases: [string, string, boolean][] = [
    ['Gpu*', 'GpuThermalSlowdown', true],
    ['Gpu*', 'xGpu', false],
    ['R0?', 'R07', true],
    ['R0?', 'R10', false],
    ['R[01][0-9]', 'R12', true],
    ['R[!0]*', 'R07', false],
    ['Gpu{Xid,XID}*', 'GpuXIDError', true],
    ['Gpu{Xid,XID}*', 'GpuThermal', false],
    ['a.b', 'a.b', true],
    ['a.b', 'axb', false],
    ['\\*lit', '*lit', true],
    ['/redfish/v1/Chassis/*', '/redfish/v1/Chassis/CDU/Sensors/X', true],
  ];
  for (const [g, value, expected] of cases) {
    it(`${g} ${expected ? 'matches' : 'does not match'} ${value}`, () => {
      expect(glob(g).test(value)).to.equal(expected);
    });
  }

  it('reports malformed globs', () => {
    expect(compileGlob('a[b')).to.deep.equal({
      ok: false,
      error: 'glob "a[b" has an unclosed "[" at position 2',
    });
    expect(compileGlob('a{b,c')).to.deep.equal({ ok: false, error: 'glob "a{b,c" has an unclosed "{"' });
    expect(compileGlob('a}')).to.deep.equal({
      ok: false,
      error: 'glob "a}" has an unmatched "}" at position 2',
    });
    expect(compileGlob('a\\').ok).to.equal(false);
    expect(compileGlob('[z-a]').ok).to.equal(false);
  });

  it('regexes are anchored and report their syntax error', () => {
    const r = compileRegex('Gpu.*');
    expect(r.ok && r.regex.test('GpuX')).to.equal(true);
    expect(r.ok && r.regex.test('xGpuX')).to.equal(false);
    expect(compileRegex('a|b').ok && (compileRegex('a|b') as { regex: RegExp }).regex.test('ab')).to.equal(
      false,
    );
    expect(compileRegex('(unclosed')).to.deep.equal({
      ok: false,
      error: 'invalid regex /(unclosed/: Unterminated group',
    });
  });
});
