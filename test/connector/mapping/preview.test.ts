import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import { formatPreview } from '../../../connector/src/mapping/format-preview.js';
import { previewAlarm, previewNormalisedAlarms } from '../../../connector/src/mapping/preview.js';
import { BASE, loadOk } from '../../support/mappings.js';

const RULES = `
rules:
  - name: ignore-info
    match: { severity: info }
    incident: { short_description: x }
    correlation: { key: k }
  - name: crah
    match: { source: bms, type: { glob: 'supply_air_*' } }
    incident:
      short_description: '{{asset.equipment_id}} {{alarm.type}}'
      description: "line one\\nline two"
      assignment_group: Facilities
    correlation: { key: '{{topology.site}}/cooling/{{topology.cooling_zone}}' }
    close_checks:
      - { name: sat, provider: prometheus, query: 'sat{unit="{{asset.equipment_id}}"}', expect: { range: [18, 27] }, unit: °C }
  - name: needs-label
    match: { source: bms, type: needs_label }
    incident: { short_description: '{{labels.point}}' }
    correlation: { key: k }
`;
const NOW = new Date('2025-06-12T14:15:00Z');

describe('mapping/preview', () => {
  const m = loadOk({ '00.yaml': BASE, '10.yaml': RULES });
  const body = { id: 'A-1', state: 'active', severity: 'major', type: 'supply_air_temp_high' };

  it('decodes with the source’s own decoder and explains the match', () => {
    const bms = loadOk({
      '00.yaml': BASE.replace(
        'fields: { id: $.id, state: $.state, severity: $.severity, type: $.type }',
        'fields: { id: $.id, state: $.state, severity: $.severity, type: $.type, equipment_id: $.unit, site: $.site }',
      ),
      '10.yaml': RULES,
    });
    const r = previewAlarm(bms, 'bms', { ...body, unit: 'CRAH-1', site: 'DC1' }, NOW);
    expect(r.ok).to.equal(true);
    expect(r.sourceKind).to.equal('webhook');
    const a = r.alarms[0]!;
    expect(a.alarm).to.not.have.property('raw');
    expect(a.alarm.receivedAt).to.equal('2025-06-12T14:15:00.000Z');
    expect(a.rule).to.equal('crah');
    expect(a.trace).to.deep.equal([
      { rule: 'ignore-info', matched: false, reason: 'alarm.severity "major" is not "info"' },
      { rule: 'crah', matched: true, reason: 'all conditions hold' },
    ]);
    expect(a.correlationKey).to.equal('DC1/cooling/ZONE-A1');
    expect(a.closeChecks[0]?.query).to.equal('sat{unit="CRAH-1"}');
    // Plain data: survives a JSON round trip unchanged (the HTTP API and console use it as is).
    expect(JSON.parse(JSON.stringify(r))).to.deep.equal(r);

    const text = formatPreview(r);
    expect(text).to.include('Source bms (webhook): 1 alarm decoded');
    expect(text).to.include('✗ ignore-info: alarm.severity "major" is not "info"');
    expect(text).to.include('✓ crah: all conditions hold');
    expect(text).to.include('short_description: CRAH-1 supply_air_temp_high');
    expect(text).to.include('      | line one\n      | line two');
    expect(text).to.include('assignment_group: lookup sys_user_group.name = "Facilities"');
    expect(text).to.include('Correlation key: DC1/cooling/ZONE-A1');
    expect(text).to.include('expect: 18–27 °C for 10 min (newest sample ≤ 2 min old, ≥ 3 samples)');
  });

  it('shows where an alarm lies in the graph: node, upstream paths, redundancy groups, what it feeds', () => {
    const GRAPH = `
sources:
  alertmanager: { kind: alertmanager, asset_labels: { rack: rack, equipment_id: Hostname } }
topology:
  sites:
    - id: DC1
      rooms: [{ id: HALL-A, rows: [{ id: A1, racks: [R01, R02] }] }]
      cooling_zones: [{ id: ZONE-A1, units: [CRAH-1, CRAH-2], rows: [A1], redundancy: N+1 }]
      equipment:
        - { id: CH-1, class: CHILLER, feeds: [CRAH-1, CRAH-2] }
        - { id: CRAH-1, class: CRAH }
        - { id: CRAH-2, class: CRAH }
        - { id: gpu-1, class: GPU_SERVER, rack: R01 }
rules:
  - { name: any, incident: { short_description: x }, correlation: { key: k } }
`;
    const g = loadOk({ '00.yaml': GRAPH });
    const alert = (labels: Record<string, string>) => ({
      version: '4',
      status: 'firing',
      alerts: [
        {
          status: 'firing',
          labels: { alertname: 'GpuHot', severity: 'warning', ...labels },
          annotations: {},
          startsAt: '2025-06-12T14:00:00Z',
          fingerprint: 'f1',
        },
      ],
    });
    const gpu = previewAlarm(g, 'alertmanager', alert({ Hostname: 'gpu-1' }), NOW).alarms[0]!;
    expect(gpu.placement.node).to.deep.equal({
      id: 'equipment:DC1/gpu-1',
      kind: 'equipment',
      local: 'gpu-1',
      label: 'GPU server gpu-1',
    });
    expect(gpu.placement.located).to.deep.equal(['rack:DC1/R01', 'row:DC1/A1', 'room:DC1/HALL-A']);
    expect(gpu.placement.fedBy).to.deep.equal(['cooling_zone:DC1/ZONE-A1']);
    expect(gpu.placement.upstream.paths).to.have.length(2);
    expect(gpu.placement.groups.map((x) => x.text)).to.deep.equal([
      'fed through ZONE-A1 (N+1: CRAH-1, CRAH-2; needs 1) serving ZONE-A1',
    ]);
    const text = formatPreview(previewAlarm(g, 'alertmanager', alert({ Hostname: 'gpu-1' }), NOW));
    expect(text).to.include(
      [
        '  graph: GPU server gpu-1 (equipment:DC1/gpu-1)',
        '    stands in: rack R01, row A1, room HALL-A',
        '    fed by: cooling zone ZONE-A1',
        '    upstream paths (2):',
        '      chiller CH-1 → CRAH-1 → [N+1] → cooling zone ZONE-A1 → row A1 → rack R01 → GPU server gpu-1',
        '      chiller CH-1 → CRAH-2 → [N+1] → cooling zone ZONE-A1 → row A1 → rack R01 → GPU server gpu-1',
        '    redundancy: fed through ZONE-A1 (N+1: CRAH-1, CRAH-2; needs 1) serving ZONE-A1',
        '',
      ].join('\n'),
    );

    const crah = formatPreview(previewAlarm(g, 'alertmanager', alert({ Hostname: 'CRAH-2' }), NOW));
    expect(crah).to.include(
      [
        '  graph: CRAH-2 (equipment:DC1/CRAH-2)',
        '    upstream paths (1):',
        '      chiller CH-1 → CRAH-2',
        '    redundancy: member of ZONE-A1 (N+1: CRAH-1, CRAH-2; needs 1) serving ZONE-A1',
        '    feeds (1 cooling zone, 1 redundancy group, 1 row, 2 racks, 1 equipment downstream):',
        '      CRAH-1 + CRAH-2 (N+1) → cooling zone ZONE-A1',
      ].join('\n'),
    );
    const nowhere = previewAlarm(g, 'alertmanager', alert({ Hostname: 'gpu-x' }), NOW).alarms[0]!;
    expect(nowhere.placement.node).to.equal(null);
    expect(formatPreview(previewAlarm(g, 'alertmanager', alert({ Hostname: 'gpu-x' }), NOW))).to.include(
      '  graph: not placed (no equipment, rack, row or room of the topology)',
    );
    const rackOnly = previewAlarm(g, 'alertmanager', alert({ Hostname: 'gpu-x', rack: 'R02' }), NOW);
    expect(rackOnly.alarms[0]!.placement.node?.id).to.equal('rack:DC1/R02');
  });

  it('reports an unknown source, decode errors and render errors as not ok', () => {
    const unknown = previewAlarm(m, 'nope', body, NOW);
    expect(unknown).to.include({ ok: false, sourceKind: null });
    expect(unknown.errors).to.deep.equal(['unknown source "nope" (known: bms, alertmanager)']);

    const bad = previewAlarm(
      m,
      'bms',
      [body, { id: 'B', state: 'weird', severity: 'major', type: 't' }],
      NOW,
    );
    expect(bad.ok).to.equal(false);
    expect(bad.alarms).to.have.length(1);
    expect(bad.decodeErrors).to.have.length(1);
    expect(bad.decodeErrors[0]!.index).to.equal(1);
    expect(formatPreview(bad)).to.include('decode error in item 1: ');

    const strict = previewAlarm(m, 'bms', { ...body, type: 'needs_label' }, NOW);
    expect(strict.ok).to.equal(false);
    expect(strict.alarms[0]!.errors[0]!.path).to.equal('incident.short_description');
    expect(strict.alarms[0]!.incident).to.equal(null);
    expect(formatPreview(strict)).to.include(
      'incident.short_description: {{labels.point}} is not set for this alarm',
    );
  });

  it('shows a close check refused for an unsafe alarm value, and a receive time standing in for the source time', () => {
    const bms = loadOk({
      '00.yaml': BASE.replace(
        'fields: { id: $.id, state: $.state, severity: $.severity, type: $.type }',
        'fields: { id: $.id, state: $.state, severity: $.severity, type: $.type, equipment_id: $.unit, site: $.site }',
      ),
      '10.yaml': RULES.replace(`query: 'sat{unit="{{asset.equipment_id}}"}'`, `query: 'sat > {{alarm.id}}'`),
    });
    const r = previewAlarm(bms, 'bms', { ...body, id: '0 or vector(0)', unit: 'CRAH-1', site: 'DC1' }, NOW);
    expect(r.ok, JSON.stringify(r.alarms[0]?.errors)).to.equal(true);
    const text = formatPreview(r);
    expect(text).to.include('      query:  sat > {{alarm.id}}\n');
    expect(text).to.include(
      '      REFUSED (never run, verdict unknown): unsafe value for a PromQL query: {{alarm.id}} = "0 or vector(0)": would be PromQL syntax here',
    );
    expect(text).to.include('raised 2025-06-12T14:15:00.000Z (receive time: the source sent none), received');
  });

  it('shows a dropped alarm with its reason', () => {
    const r = previewAlarm(m, 'bms', { ...body, type: 'other' }, NOW);
    expect(r.ok).to.equal(true);
    expect(r.alarms[0]!.rule).to.equal(null);
    expect(formatPreview(r)).to.include('→ dropped: none of 3 rules matched and no default_rule is set');
  });

  it('previews normalised alarms (SNMP/MQTT listeners) and validates them', () => {
    const alarm = JSON.parse(
      readFileSync(new URL('../../fixtures/alarms/snmp-ups-on-battery.alarm.json', import.meta.url), 'utf8'),
    ) as Record<string, unknown>;
    const asBms = {
      ...alarm,
      source: 'bms',
      sourceKind: 'webhook',
      type: 'supply_air_x',
      asset: { equipmentId: 'CRAH-2' },
    };
    const r = previewNormalisedAlarms(m, 'bms', asBms);
    expect(r.ok).to.equal(true);
    expect(r.alarms[0]!.correlationKey).to.equal('DC1/cooling/ZONE-A2');
    const wrong = previewNormalisedAlarms(m, 'bms', [
      { ...asBms, severity: 'loud' },
      { ...asBms, source: 'x' },
    ]);
    expect(wrong.ok).to.equal(false);
    expect(wrong.decodeErrors.map((e) => e.index)).to.deep.equal([0, 1]);
  });
});
