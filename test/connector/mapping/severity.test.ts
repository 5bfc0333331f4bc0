import { expect } from 'chai';
import { DEFAULT_SEVERITY_MATRIX, mergeSeverityMatrix } from '../../../connector/src/mapping/severity.js';
import { matchRule } from '../../../connector/src/mapping/match.js';
import { planIncident } from '../../../connector/src/mapping/plan.js';
import { SEVERITIES, type Severity } from '../../../connector/src/model/alarm.js';
import { alarm } from '../../support/alarms.js';
import { BASE, loadOk, rule } from '../../support/mappings.js';

describe('mapping/severity', () => {
  it('default matrix: critical 1/1, major 1/2, minor 2/2, warning 2/3, info 3/3', () => {
    expect(DEFAULT_SEVERITY_MATRIX).to.deep.equal({
      critical: { impact: 1, urgency: 1 },
      major: { impact: 1, urgency: 2 },
      minor: { impact: 2, urgency: 2 },
      warning: { impact: 2, urgency: 3 },
      info: { impact: 3, urgency: 3 },
    });
  });

  it('layers override per severity, later wins', () => {
    const m = mergeSeverityMatrix(
      { warning: { impact: 1, urgency: 1 } },
      { warning: { impact: 3, urgency: 1 }, info: undefined },
    );
    expect(m.warning).to.deep.equal({ impact: 3, urgency: 1 });
    expect(m.info).to.deep.equal({ impact: 3, urgency: 3 });
  });

  it('rule matrix over file matrix over default, applied by planIncident', () => {
    const m = loadOk({
      '00.yaml': BASE,
      '10.yaml': `
severity_matrix:
  major: { impact: 2, urgency: 1 }
  minor: { impact: 1, urgency: 3 }
rules:
  - name: with-rule-matrix
    match: { type: a }
    incident:
      short_description: x
      severity_matrix:
        major: { impact: 3, urgency: 3 }
    correlation: { key: k }
${rule('file-matrix-only', '    match: { type: b }')}`,
      '20.yaml': `rules:${rule('other-file', '    match: { type: c }')}`,
    });
    const plan = (type: string, severity: Severity) => {
      const a = alarm({ type, severity });
      const r = matchRule(m, a);
      const p = planIncident(r.rule!, a, r.topology);
      if (!p.ok) throw new Error(JSON.stringify(p.errors));
      return [p.impact, p.urgency, p.incident.fields.impact, p.incident.fields.urgency];
    };
    expect(plan('a', 'major')).to.deep.equal([3, 3, 3, 3]);
    expect(plan('a', 'minor')).to.deep.equal([1, 3, 1, 3]);
    expect(plan('a', 'critical')).to.deep.equal([1, 1, 1, 1]);
    expect(plan('b', 'major')).to.deep.equal([2, 1, 2, 1]);
    for (const s of SEVERITIES) {
      const d = DEFAULT_SEVERITY_MATRIX[s];
      expect(plan('c', s), s).to.deep.equal([d.impact, d.urgency, d.impact, d.urgency]);
    }
  });
});
