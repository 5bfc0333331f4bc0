import { expect } from 'chai';
import { firstInvalidUtf8, parseJsonInput } from '../../../connector/src/util/json-input.js';

const parse = (text: string | Buffer, maxDepth = 64) =>
  parseJsonInput(typeof text === 'string' ? Buffer.from(text, 'utf8') : text, {
    maxDepth,
    depthSetting: 'limits.json_depth',
  });
const nested = (n: number) => '['.repeat(n) + ']'.repeat(n);

describe('parseJsonInput', () => {
  it('parses ordinary JSON as JSON.parse does', () => {
    const text = '{"a":[1,2.5,-3e2,{"b":"x\\"y\\u00e9"}],"c":null,"d":true,"é":"ü"}';
    expect(parse(text)).to.deep.equal({ ok: true, value: JSON.parse(text) });
  });

  it('refuses invalid UTF-8, naming the byte', () => {
    const bytes = Buffer.concat([Buffer.from('{"id":"A'), Buffer.from([0xff]), Buffer.from('"}')]);
    const r = parse(bytes);
    expect(r.ok).to.equal(false);
    if (r.ok) return;
    expect(r.error).to.deep.include({ code: 'invalid_utf8', offset: 8 });
    expect(r.error.message).to.equal('invalid UTF-8 at byte 8 (0xff): JSON text must be UTF-8');
  });

  it('keeps two ids that differ only in invalid bytes apart (neither becomes U+FFFD)', () => {
    const a = parse(Buffer.from([0x22, 0x41, 0xfe, 0x22]));
    const b = parse(Buffer.from([0x22, 0x41, 0xff, 0x22]));
    expect(a.ok).to.equal(false);
    expect(b.ok).to.equal(false);
  });

  it('refuses lone surrogate escapes and accepts pairs', () => {
    const lone = parse('{"id":"x\\ud800y"}');
    expect(lone.ok).to.equal(false);
    if (!lone.ok) {
      expect(lone.error.code).to.equal('lone_surrogate');
      expect(lone.error.message).to.match(/\\ud800 at byte 8 is half of a surrogate pair/);
    }
    expect(parse('"\\udc00"').ok).to.equal(false);
    expect(parse('"\\ud83d\\ude00"')).to.deep.equal({ ok: true, value: '😀' });
  });

  it('bounds nesting depth with a message naming the limit and the setting', () => {
    expect(parse(nested(64)).ok).to.equal(true);
    const r = parse(nested(65));
    expect(r.ok).to.equal(false);
    if (!r.ok) {
      expect(r.error).to.deep.include({ code: 'too_deep', offset: 64 });
      expect(r.error.message).to.equal('JSON nested deeper than 64 levels at byte 64 (limits.json_depth)');
    }
  });

  it('refuses 100,000 levels quickly and without a stack overflow', () => {
    const t0 = Date.now();
    const r = parse(nested(100_000));
    expect(r.ok).to.equal(false);
    expect(Date.now() - t0).to.be.below(1000);
  });

  it('does not count brackets inside strings', () => {
    expect(parse(`{"a":"${'['.repeat(500)}"}`, 2).ok).to.equal(true);
  });

  it('keeps integers a double cannot hold as their exact literal text', () => {
    const r = parse('{"id":12345678901234567890,"small":9007199254740991,"neg":-9007199254740993}');
    expect(r).to.deep.equal({
      ok: true,
      value: { id: '12345678901234567890', small: 9007199254740991, neg: '-9007199254740993' },
    });
  });

  it('keeps literals beyond the double range as text, so they can be reported as such', () => {
    expect(parse('[1e400,-1e400,1.5e308,0.1]')).to.deep.equal({
      ok: true,
      value: ['1e400', '-1e400', 1.5e308, 0.1],
    });
  });

  it('reports malformed JSON', () => {
    const r = parse('{"a":1,}');
    expect(r.ok).to.equal(false);
    if (!r.ok) expect(r.error.code).to.equal('malformed');
  });

  it('ignores a leading byte order mark', () => {
    expect(parse(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a":1}')]))).to.deep.equal({
      ok: true,
      value: { a: 1 },
    });
  });
});

describe('firstInvalidUtf8', () => {
  const cases: [string, number[], number][] = [
    ['ASCII', [0x41, 0x42], 2],
    ['two-byte', [0xc3, 0xa9], 2],
    ['overlong two-byte', [0xc0, 0xaf], 0],
    ['overlong three-byte', [0x41, 0xe0, 0x80, 0xaf], 1],
    ['surrogate D800', [0xed, 0xa0, 0x80], 0],
    ['U+10FFFF', [0xf4, 0x8f, 0xbf, 0xbf], 4],
    ['above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
    ['truncated', [0x41, 0xe2, 0x82], 1],
    ['stray continuation', [0x41, 0x80], 1],
  ];
  for (const [name, bytes, expected] of cases)
    it(name, () => expect(firstInvalidUtf8(Uint8Array.from(bytes))).to.equal(expected));
});
