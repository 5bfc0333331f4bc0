import { expect } from 'chai';
import { normaliseCorrelationKey } from '../../../connector/src/mapping/correlation-key.js';
import { matchRule } from '../../../connector/src/mapping/match.js';
import { planIncident } from '../../../connector/src/mapping/plan.js';
import { planAlarm } from '../../../connector/src/mapping/plan-alarm.js';
import { alarm } from '../../support/alarms.js';
import { BASE, loadOk } from '../../support/mappings.js';

const RULES = `
rules:
  - name: crah
    match: { source: bms }
    incident:
      short_description: '{{topology.equipment_id}} supply air {{alarm.value}}{{#alarm.unit}} {{alarm.unit}}{{/alarm.unit}}'
      description: |-
        {{alarm.text}}
        Zone {{topology.cooling_zone}} ({{topology.cooling_units}})
      category: facilities
      subcategory: '{{topology.equipment_class}}'
      assignment_group: 'DC Facilities - {{topology.site}}'
      cmdb_ci: { value: '{{topology.equipment_id}}' }
      fields:
        u_rack_row: '{{topology.row}}'
        contact_type: monitoring
    correlation: { key: '{{topology.site}}/cooling/{{topology.cooling_zone}}', window: 15m, role: cause, scope: cooling_zone }
    close_checks:
      - name: supply-air
        provider: prometheus
        query: 'crah_supply_air{unit="{{topology.equipment_id}}"}'
        label: '{{topology.equipment_id}} supply air'
        unit: °C
        expect: { range: [18, 27] }
      - name: no-label
        provider: prometheus
        query: up
        expect: { equals: 1 }
        stabilize: 90s
    options: { auto_resolve: true, reopen_window: 2h, hold_down: 30s }
  - name: strict
    match: { source: alertmanager }
    incident:
      short_description: 'GPU {{labels.gpu}}'
      description: '{{labels.Hostname}}'
    correlation: { key: '{{labels.key}}' }
    close_checks:
      - { name: t, provider: prometheus, query: 'x{gpu="{{labels.gpu}}",h="{{labels.Hostname}}"}', expect: { max: 80 } }
`;

describe('mapping/plan', () => {
  const m = loadOk({ '00.yaml': BASE, '10.yaml': RULES });

  it('renders incident fields, references, correlation and close checks', () => {
    const a = alarm({
      asset: { site: 'DC1', equipmentId: 'CRAH-1' },
      value: 29.4,
      unit: '°C',
      text: 'SAT high',
    });
    const r = matchRule(m, a);
    const p = planIncident(r.rule!, a, r.topology);
    expect(p.ok).to.equal(true);
    if (!p.ok) return;
    expect(p.incident.fields).to.deep.equal({
      short_description: 'CRAH-1 supply air 29.4 °C',
      description: 'SAT high\nZone ZONE-A1 (CRAH-1)',
      category: 'facilities',
      subcategory: 'CRAH',
      u_rack_row: 'A1',
      contact_type: 'monitoring',
      impact: 1,
      urgency: 2,
    });
    expect(p.incident.references).to.deep.equal({
      assignment_group: { table: 'sys_user_group', field: 'name', value: 'DC Facilities - DC1' },
      cmdb_ci: { table: 'cmdb_ci', field: 'name', value: 'CRAH-1' },
    });
    expect(p.correlationKey).to.equal('DC1/cooling/ZONE-A1');
    expect(p.correlationWindowMs).to.equal(900_000);
    expect(p.correlationRole).to.equal('cause');
    expect(p.correlationScope).to.equal('cooling_zone');
    expect(p.behaviour).to.deep.equal({ autoResolve: true, reopenWindowMs: 7_200_000, holdDownMs: 30_000 });
    expect(p.closeChecks).to.deep.equal([
      {
        name: 'supply-air',
        provider: 'prometheus',
        query: 'crah_supply_air{unit="CRAH-1"}',
        label: 'CRAH-1 supply air',
        unit: '°C',
        expect: { range: [18, 27] },
        stabilize: 600_000,
        max_age: 120_000,
        min_samples: 3,
      },
      {
        name: 'no-label',
        provider: 'prometheus',
        query: 'up',
        label: 'no-label',
        expect: { equals: 1 },
        stabilize: 90_000,
        max_age: 120_000,
        min_samples: 3,
      },
    ]);
  });

  it('collects every missing variable with the template path, instead of rendering blanks', () => {
    const a = alarm({ source: 'alertmanager', sourceKind: 'alertmanager', labels: { gpu: '3' } });
    const r = matchRule(m, a);
    const p = planIncident(r.rule!, a, r.topology);
    expect(p.ok).to.equal(false);
    if (p.ok) return;
    expect(p.errors.map((e) => e.path)).to.deep.equal([
      'incident.description',
      'correlation.key',
      'close_checks[0].query',
    ]);
    expect(p.errors[0]!.message).to.include('{{labels.Hostname}} is not set');
    const viaPlanAlarm = planAlarm(m, a);
    expect(viaPlanAlarm.kind).to.equal('error');
  });

  it('an alarm value unsafe for a query refuses that check only; the incident is still planned', () => {
    const a = alarm({
      source: 'alertmanager',
      sourceKind: 'alertmanager',
      labels: { gpu: '5', Hostname: 'h"} or vector(0) or x{a="', key: 'k' },
    });
    const p = planAlarm(m, a);
    expect(p.kind).to.equal('planned');
    if (p.kind !== 'planned') return;
    expect(p.plan.incident.fields.description).to.equal('h"} or vector(0) or x{a="');
    // Escaped, the value is one label value: this is the check, it is run.
    expect(p.plan.closeChecks[0]).to.include({
      query: 'x{gpu="5",h="h\\"} or vector(0) or x{a=\\""}',
    });
    expect(p.plan.closeChecks[0]!.refused).to.equal(undefined);

    // Where a value cannot be data (outside the quotes), the check is refused and keeps its template.
    const bare = loadOk({
      '00.yaml': BASE,
      '10.yaml': `
rules:
  - name: bare
    incident: { short_description: 'x' }
    correlation: { key: 'k' }
    close_checks:
      - { name: t, provider: prometheus, query: 'x > {{alarm.text}}', expect: { equals: 0 } }
      - { name: u, provider: prometheus, query: 'up', expect: { equals: 1 } }
`,
    });
    const q = planAlarm(bare, alarm({ text: '1 or vector(0)' }));
    expect(q.kind).to.equal('planned');
    if (q.kind !== 'planned') return;
    const [t, u] = q.plan.closeChecks;
    expect(t).to.include({ query: 'x > {{alarm.text}}' });
    expect(t!.refused).to.equal(
      'unsafe value for a PromQL query: {{alarm.text}} = "1 or vector(0)": would be PromQL syntax here (outside a quoted label value); only a plain number or duration is accepted in that place',
    );
    expect(u).to.include({ query: 'up' });
    expect(u!.refused).to.equal(undefined);
  });

  it('truncates short_description to ServiceNow’s 160 characters', () => {
    const a = alarm({
      source: 'alertmanager',
      sourceKind: 'alertmanager',
      labels: { gpu: 'x'.repeat(300), Hostname: 'h', key: 'k' },
    });
    const p = planAlarm(m, a);
    expect(p.kind).to.equal('planned');
    if (p.kind !== 'planned') return;
    const sd = String(p.plan.incident.fields.short_description);
    expect(sd).to.have.length(160);
    expect(sd.endsWith('…')).to.equal(true);
  });

  it('planAlarm reports an unmatched alarm with its reason', () => {
    const p = planAlarm(m, alarm({ source: 'other' }));
    expect(p).to.include({ kind: 'unmatched' });
    if (p.kind === 'unmatched') expect(p.reason).to.match(/^dropped:/);
  });

  describe('correlation keys', () => {
    it('are cleaned: no ^ or line breaks, whitespace collapsed', () => {
      expect(normaliseCorrelationKey(' DC1/a^b\nc\t d ')).to.deep.equal({ ok: true, key: 'DC1/a_b c d' });
      expect(normaliseCorrelationKey('a\u0001b')).to.deep.equal({ ok: true, key: 'a_b' });
    });
    it('are never empty', () => {
      expect(normaliseCorrelationKey(' \n ')).to.deep.equal({
        ok: false,
        error: 'correlation key rendered empty',
      });
    });
    it('are at most 100 characters, shortened deterministically with a hash', () => {
      const long = `DC1/${'x'.repeat(200)}`;
      const a = normaliseCorrelationKey(long);
      const b = normaliseCorrelationKey(long);
      const c = normaliseCorrelationKey(`${long}y`);
      expect(a.ok && b.ok && c.ok).to.equal(true);
      if (!a.ok || !b.ok || !c.ok) return;
      expect(a.key).to.have.length(100);
      expect(a.key).to.equal(b.key);
      expect(a.key).to.not.equal(c.key);
      expect(a.key).to.match(/^DC1\/x+~[0-9a-f]{16}$/);
      expect(normaliseCorrelationKey('k'.repeat(100))).to.deep.equal({ ok: true, key: 'k'.repeat(100) });
    });
    it('a key rendering empty is a plan error', () => {
      const a = alarm({
        source: 'alertmanager',
        sourceKind: 'alertmanager',
        labels: { gpu: '1', Hostname: 'h', key: '  ' },
      });
      const p = planAlarm(m, a);
      expect(p.kind).to.equal('error');
      if (p.kind === 'error')
        expect(p.errors).to.deep.equal([
          { path: 'correlation.key', message: 'correlation key rendered empty' },
        ]);
    });
  });
});
