import { expect } from 'chai';
import { matchRule } from '../../../connector/src/mapping/match.js';
import { alarm } from '../../support/alarms.js';
import { BASE, loadOk, rule } from '../../support/mappings.js';

describe('mapping/match', () => {
  it('first matching rule wins, in file-name order then document order', () => {
    const m = loadOk({
      '00-base.yaml': BASE,
      '20-b.yaml': `rules:${rule('b-any-bms', '    match: { source: bms }')}`,
      '10-a.yaml': `rules:${rule('a-crah', '    match: { source: bms, type: supply_air_temp_high }')}${rule('a-any', '    match: {}')}`,
    });
    expect(m.rules.map((r) => r.name)).to.deep.equal(['a-crah', 'a-any', 'b-any-bms']);
    const r = matchRule(m, alarm());
    expect(r.rule?.name).to.equal('a-crah');
    expect(r.trace).to.deep.equal([{ rule: 'a-crah', matched: true, reason: 'all conditions hold' }]);
    const other = matchRule(m, alarm({ type: 'chw_flow_low' }));
    expect(other.rule?.name).to.equal('a-any');
    expect(other.trace[0]).to.deep.equal({
      rule: 'a-crah',
      matched: false,
      reason: 'alarm.type "chw_flow_low" is not "supply_air_temp_high"',
    });
  });

  it('supports exact, list, glob, regex and exists over source, type, severity, state, labels, asset and topology', () => {
    const m = loadOk({
      '00.yaml': BASE,
      '10.yaml': `rules:
${rule('list', '    match: { source: [alertmanager], severity: [critical, major], state: active }')}
${rule('glob', "    match: { source: alertmanager, type: { glob: 'Gpu*Thermal*' } }")}
${rule('regex', "    match: { source: alertmanager, type: { regex: 'GpuXid(Error)?' } }")}
${rule('exists', '    match: { fields: { labels.gpu: { exists: true }, labels.xid: { exists: false } } }')}
${rule('zone', '    match: { fields: { topology.cooling_zone: ZONE-A2, asset.rack: [R03] } }')}
${rule('number', '    match: { fields: { value: 29.4 } }')}
`,
    });
    const am = (over: Parameters<typeof alarm>[0]) =>
      alarm({ source: 'alertmanager', sourceKind: 'alertmanager', severity: 'warning', ...over });
    expect(matchRule(m, am({ severity: 'major' })).rule?.name).to.equal('list');
    expect(matchRule(m, am({ severity: 'major', state: 'cleared' })).rule?.name).to.not.equal('list');
    expect(matchRule(m, am({ type: 'GpuHwThermalSlowdown' })).rule?.name).to.equal('glob');
    expect(matchRule(m, am({ type: 'GpuXidError' })).rule?.name).to.equal('regex');
    expect(matchRule(m, am({ type: 'GpuXidErrors' })).rule?.name).to.not.equal('regex'); // regexes are anchored
    expect(matchRule(m, am({ type: 'X', labels: { gpu: '1' } })).rule?.name).to.equal('exists');
    expect(matchRule(m, am({ type: 'X', labels: { gpu: '1', xid: '79' } })).rule?.name).to.not.equal(
      'exists',
    );
    expect(matchRule(m, am({ type: 'X', asset: { rack: 'R03' } })).rule?.name).to.equal('zone');
    expect(matchRule(m, am({ type: 'X', asset: { rack: 'R01' } })).rule?.name).to.equal('number');
    const none = matchRule(m, am({ type: 'X', asset: { rack: 'R01' }, value: 3 }));
    expect(none.rule).to.equal(null);
    expect(none.trace.map((t) => t.reason)).to.deep.equal([
      'alarm.severity "warning" is not one of ["critical", "major"]',
      'alarm.type "X" is not glob "Gpu*Thermal*"',
      'alarm.type "X" is not regex /GpuXid(Error)?/',
      'labels.gpu is not set',
      'topology.cooling_zone "ZONE-A1" is not "ZONE-A2"',
      'alarm.value "3" is not "29.4"',
    ]);
  });

  it('an unmatched alarm goes to the default rule, or is dropped with a reason', () => {
    const EXTRA = 'sources:\n  nothing-matches-this: { kind: alertmanager }\n';
    const rules = `rules:${rule('only-am', '    match: { source: alertmanager }')}${rule('fallback', '    match: { source: nothing-matches-this }')}`;
    const withDefault = loadOk({
      '00.yaml': BASE,
      '05.yaml': EXTRA,
      '10.yaml': `${rules}\ndefault_rule: fallback\n`,
    });
    const r = matchRule(withDefault, alarm());
    expect(r.rule?.name).to.equal('fallback');
    expect(r.reason).to.equal('no rule matched; default_rule "fallback" applies');
    expect(r.trace.at(-1)).to.deep.equal({ rule: 'fallback', matched: true, reason: 'default_rule' });

    const dropping = loadOk({ '00.yaml': BASE, '05.yaml': EXTRA, '10.yaml': rules });
    const d = matchRule(dropping, alarm());
    expect(d.rule).to.equal(null);
    expect(d.reason).to.equal('dropped: none of 2 rules matched and no default_rule is set');
    const explicitNull = loadOk({
      '00.yaml': BASE,
      '05.yaml': EXTRA,
      '10.yaml': `${rules}\ndefault_rule: null\n`,
    });
    expect(matchRule(explicitNull, alarm()).rule).to.equal(null);
    expect(matchRule(loadOk({ '00.yaml': BASE }), alarm()).reason).to.equal('dropped: no rules are defined');
  });

  it('a rule without conditions matches everything', () => {
    const m = loadOk({ '00.yaml': BASE, '10.yaml': `rules:${rule('all')}` });
    expect(matchRule(m, alarm()).trace).to.deep.equal([
      { rule: 'all', matched: true, reason: 'rule has no conditions (matches every alarm)' },
    ]);
  });
});
