import { expect } from 'chai';
import { displayPath, parsePath, resolvePath } from '../../../connector/src/sources/path.js';

describe('sources/path', () => {
  const data = {
    a: { b: 7, 'x-y': 'dash', 'with space': 's', "q'uote": 'q' },
    tags: ['t0', 't1'],
    list: [{ id: 'L0' }, { id: 'L1', deep: [[1, 2], [3]] }],
    '@odata.id': '/redfish/v1',
    nul: null,
  };

  const cases: Array<[string, unknown]> = [
    ['$', data],
    ['$.a.b', 7],
    ['$.a.x-y', 'dash'],
    ["$.a['with space']", 's'],
    ['$.a["with space"]', 's'],
    ["$.a['q\\'uote']", 'q'],
    ['$.tags[0]', 't0'],
    ['$.tags[1]', 't1'],
    ['$.tags[2]', undefined],
    ['$.list[1].id', 'L1'],
    ['$.list[1].deep[0][1]', 2],
    ["$['@odata.id']", '/redfish/v1'],
    ['$.nul', null],
    ['$.nul.x', undefined],
    ['$.missing.deeper', undefined],
    ['$.a[0]', undefined],
    ['$.tags.length', undefined],
    ['$.a.toString', undefined],
    ['$.a.__proto__', undefined],
  ];
  for (const [path, want] of cases) {
    it(`${path} → ${JSON.stringify(want)?.slice(0, 30)}`, () => {
      expect(resolvePath(data, path)).to.deep.equal(want);
    });
  }

  const bad: Array<[string, RegExp]> = [
    ['a.b', /must start with "\$"/],
    ['$.', /expected a name after "\."/],
    ['$.a[x]', /unexpected "\["/],
    ['$.a..b', /expected a name/],
    ['$.a[-1]', /unexpected "\["/],
    ["$.a['open]", /unexpected "\["/],
    ['$ .a', /unexpected " "/],
  ];
  for (const [path, message] of bad) {
    it(`rejects ${path}`, () => {
      const p = parsePath(path);
      expect(p.ok).to.equal(false);
      if (!p.ok) expect(p.message).to.match(message);
      expect(() => resolvePath(data, path)).to.throw(message);
    });
  }

  it('displays paths without the root', () => {
    expect(displayPath('$.alarms')).to.equal('alarms');
    expect(displayPath('$')).to.equal('');
    expect(displayPath("$['x']")).to.equal("['x']");
  });
});
