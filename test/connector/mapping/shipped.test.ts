// The shipped mappings/ and closeloop.yaml: valid together, schema.json current, and the example
// alarms of every source kind produce the incidents and keys the docs promise.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { loadConfig } from '../../../connector/src/config/load.js';
import type { Mappings } from '../../../connector/src/mapping/compiled.js';
import { formatMappingError } from '../../../connector/src/mapping/errors.js';
import { mappingJsonSchemaText } from '../../../connector/src/mapping/json-schema.js';
import { loadMappings } from '../../../connector/src/mapping/load.js';
import { providerKindsOf } from '../../../connector/src/mapping/query/language.js';
import {
  previewAlarm,
  previewNormalisedAlarms,
  type PreviewAlarm,
} from '../../../connector/src/mapping/preview.js';
import { groupsAbove } from '../../../connector/src/mapping/redundancy.js';
import { describeImpact } from '../../../connector/src/mapping/topology-describe.js';
import { nodeId } from '../../../connector/src/mapping/topology-graph.js';
import {
  EVERY_PATH,
  downstream,
  isUpstreamOf,
  upstream,
} from '../../../connector/src/mapping/topology-walk.js';
import { decodePayload } from '../../../connector/src/sources/decode.js';
import { createEngine } from '../../../connector/src/service/engine.js';

const ROOT = new URL('../../../', import.meta.url).pathname;
const FIXTURES = join(ROOT, 'test/fixtures/alarms');
const NOW = new Date('2025-06-12T14:15:00Z');

function fixture(name: string): unknown {
  return JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'));
}

describe('shipped mappings', () => {
  let mappings: Mappings;
  let warnings: string[];
  before(() => {
    const config = loadConfig({ env: {}, cwd: ROOT });
    if (!config.ok) throw new Error(config.errors.join('\n'));
    expect(Object.keys(config.config.telemetry.providers)).to.deep.equal([
      'prometheus',
      'redfish-cdu',
      'mqtt',
    ]);
    const r = loadMappings(join(ROOT, 'mappings'), {
      providerKinds: providerKindsOf(config.config.telemetry.providers),
    });
    if (!r.ok) throw new Error(r.errors.map(formatMappingError).join('\n'));
    mappings = r.mappings;
    warnings = r.warnings.map(formatMappingError);
  });

  it('define the sources the design asks for and a two-hall site', () => {
    expect(Object.keys(mappings.sources)).to.include.members([
      'bms',
      'alertmanager',
      'redfish',
      'snmp',
      'mqtt',
    ]);
    expect(mappings.sources.bms?.kind).to.equal('webhook');
    const site = mappings.topology.sites[0]!;
    expect(site.id).to.equal('DC1');
    expect(site.rooms.map((r) => r.id)).to.deep.equal(['HALL-A', 'HALL-B']);
    expect(site.equipment.map((e) => e.id)).to.include.members([
      'CRAH-1',
      'CRAH-2',
      'CRAH-3',
      'CRAH-4',
      'CDU-1',
      'UPS-1',
      'UPS-2',
    ]);
  });

  it('describe a hall as a graph: a chiller plant feeding several zones, an N+1 zone, a CDU row, dual-fed racks', () => {
    const g = mappings.graph;
    const n = (kind: Parameters<typeof nodeId>[0], id: string) => nodeId(kind, 'DC1', id);
    const zonesBelow = (chiller: string) =>
      downstream(g, n('equipment', chiller))
        .map((r) => g.nodes.get(r.node)!)
        .filter((x) => x.kind === 'cooling_zone')
        .map((x) => x.local);
    expect(zonesBelow('CH-1')).to.deep.equal(['ZONE-A1', 'ZONE-A2']);
    expect(zonesBelow('CH-2')).to.have.members(['ZONE-B', 'ZONE-B-LIQ']);
    expect(
      describeImpact(g, n('equipment', 'CH-1'), [n('rack', 'R01'), n('rack', 'R02'), n('rack', 'R05')]),
    ).to.deep.equal([
      'chiller CH-1 → CRAH-1 → cooling zone ZONE-A1 → row A1 → racks R01, R02',
      'chiller CH-1 → CRAH-2 → cooling zone ZONE-A2 → row A2 → rack R05',
    ]);

    // Hall B's air is N+1: one CRAH is absorbed, the chiller feeding both is not.
    expect(g.groups.get(n('group', 'ZONE-B'))).to.deep.include({
      mode: 'N+1',
      need: 1,
      members: [n('equipment', 'CRAH-3'), n('equipment', 'CRAH-4')],
    });
    expect(isUpstreamOf(g, n('equipment', 'CRAH-3'), n('rack', 'R07'))).to.equal(false);
    expect(isUpstreamOf(g, n('equipment', 'CH-2'), n('rack', 'R07'))).to.equal(true);

    // Row B2 is liquid-cooled by CDU-1 and still in the hall's air zone.
    const r10 = upstream(g, n('rack', 'R10'), EVERY_PATH).map((r) => r.node);
    expect(r10).to.include.members([
      n('cooling_zone', 'ZONE-B-LIQ'),
      n('equipment', 'CDU-1'),
      n('cooling_zone', 'ZONE-B'),
    ]);

    // Every rack is fed by an A and a B side that share no switchgear, UPS or PDU.
    for (const rack of g.nodes.values()) {
      if (rack.kind !== 'rack') continue;
      const power = groupsAbove(g, rack.id).filter((grp) => grp.mode === '2N');
      expect(power, rack.local).to.have.length(1);
      expect(power[0]!.commonCauses, rack.local).to.deep.equal([]);
      for (const ups of ['UPS-1', 'UPS-2', 'UPS-3', 'UPS-4'])
        expect(isUpstreamOf(g, n('equipment', ups), rack.id), `${ups} → ${rack.local}`).to.equal(false);
    }
    expect(isUpstreamOf(g, n('equipment', 'SWGR-A'), n('rack', 'R01'), EVERY_PATH)).to.equal(true);
  });

  it('the lifecycle gets the scopes it uses today from the graph-compiled topology', () => {
    const engine = createEngine(mappings);
    const plan = (source: string, name: string) => {
      const decoded = decodePayload(source, mappings.sources[source]!, fixture(name), { receivedAt: NOW });
      const p = engine.plan(decoded.alarms[0]!);
      if (p.kind !== 'planned') throw new Error(`${name}: ${p.kind}`);
      return { role: p.plan.role, scope: p.plan.scope, scopes: p.plan.scopes };
    };
    expect(plan('bms', 'bms-crah-supply-air-high.json')).to.deep.equal({
      role: 'cause',
      scope: 'cooling_zone:DC1/ZONE-A1',
      scopes: ['row:DC1/A1', 'room:DC1/HALL-A', 'cooling_zone:DC1/ZONE-A1', 'site:DC1'],
    });
    expect(plan('alertmanager', 'alertmanager-gpu-thermal-slowdown.json')).to.deep.equal({
      role: 'effect',
      scope: 'cooling_zone:DC1/ZONE-A1',
      scopes: [
        'rack:DC1/R03',
        'row:DC1/A1',
        'room:DC1/HALL-A',
        'cooling_zone:DC1/ZONE-A1',
        'power_path:DC1/PP-A',
        'site:DC1',
      ],
    });
    expect(plan('redfish', 'redfish-cdu-secondary-flow-low.json')).to.deep.include({
      scope: 'cooling_zone:DC1/ZONE-B-LIQ',
    });
    const ups = engine.plan(fixture('snmp-ups-on-battery.alarm.json') as Parameters<typeof engine.plan>[0]);
    expect(ups.kind === 'planned' && ups.plan.scope).to.equal('power_path:DC1/PP-A');
  });

  it('preview places an alarm in the graph: its node, the paths from root causes, its redundancy groups', () => {
    const gpu = only(
      previewAlarm(mappings, 'alertmanager', fixture('alertmanager-gpu-thermal-slowdown.json'), NOW),
    );
    expect(gpu.placement.node).to.deep.include({ id: 'equipment:DC1/gpu-r03-01', kind: 'equipment' });
    expect(gpu.placement.upstream.text).to.deep.equal([
      'chiller CH-1 → CRAH-1 → cooling zone ZONE-A1 → row A1 → rack R03 → GPU server gpu-r03-01',
      'switchgear SWGR-A → UPS-1 → power path PP-A → PDU-A1-A → [2N A1-POWER] → rack R03 → GPU server gpu-r03-01',
      'switchgear SWGR-B → UPS-3 → power path PP-A-B → PDU-A1-B → [2N A1-POWER] → rack R03 → GPU server gpu-r03-01',
    ]);
    expect(gpu.placement.groups.map((grp) => [grp.relation, grp.local, grp.redundancy])).to.deep.equal([
      ['upstream', 'A1-POWER', '2N'],
    ]);
    const crah = only(previewAlarm(mappings, 'bms', fixture('bms-crah-supply-air-high.json'), NOW));
    expect(crah.placement.downstream.text).to.deep.equal(['CRAH-1 → cooling zone ZONE-A1']);
  });

  it('put every template of a close-check query where an alarm value stays data (no warnings)', () => {
    expect(warnings).to.deep.equal([]);
    const languages = Object.fromEntries(mappings.rules.map((r) => [r.name, r.queryLanguages]));
    expect(languages['crah-supply-air-high']).to.deep.equal(['promql', 'promql']);
    expect(languages['cdu-leak-detected']).to.deep.equal(['mqtt', 'redfish']);
  });

  it('mappings/schema.json is the schema generated from the zod source (regenerate: npm run schema)', () => {
    const onDisk = readFileSync(join(ROOT, 'mappings/schema.json'), 'utf8');
    expect(
      onDisk === mappingJsonSchemaText(),
      'mappings/schema.json is stale: run `npm run schema`',
    ).to.equal(true);
  });

  it('every mapping file points editors at the schema', () => {
    for (const f of readdirSync(join(ROOT, 'mappings')).filter((n) => n.endsWith('.yaml'))) {
      const text = readFileSync(join(ROOT, 'mappings', f), 'utf8');
      expect(text, f).to.include('$schema: ./schema.json');
      expect(text, f).to.include('# yaml-language-server: $schema=./schema.json');
    }
  });

  function only(r: ReturnType<typeof previewAlarm>): PreviewAlarm {
    expect(r.decodeErrors, JSON.stringify(r.decodeErrors)).to.deep.equal([]);
    expect(r.ok).to.equal(true);
    expect(r.alarms).to.have.length(1);
    return r.alarms[0]!;
  }

  it('CRAH supply air (BMS webhook): rule, fields, zone key and ASHRAE check', () => {
    const p = only(previewAlarm(mappings, 'bms', fixture('bms-crah-supply-air-high.json'), NOW));
    expect(p.rule).to.equal('crah-supply-air-high');
    expect(p.incident?.fields.short_description).to.equal('CRAH-1 supply air temperature high: 29.4 °C');
    expect(p.incident?.fields).to.include({ impact: 1, urgency: 2 });
    expect(p.correlationKey).to.equal('DC1/cooling/ZONE-A1');
    const check = p.closeChecks.find((c) => c.name === 'supply-air-in-range');
    expect(check).to.include({ provider: 'prometheus', stabilize: 600_000 });
    expect(check?.expect).to.deep.equal({ range: [18, 27] });
    expect(check?.query).to.equal('bms_crah_supply_air_temperature_celsius{site="DC1",unit="CRAH-1"}');
  });

  it('the CRAH alarm and a GPU thermal alarm on a rack its zone serves get the SAME correlation key', () => {
    const crah = only(previewAlarm(mappings, 'bms', fixture('bms-crah-supply-air-high.json'), NOW));
    const gpu = only(
      previewAlarm(mappings, 'alertmanager', fixture('alertmanager-gpu-thermal-slowdown.json'), NOW),
    );
    expect(gpu.rule).to.equal('gpu-thermal-slowdown');
    expect(gpu.topology).to.include({ rack: 'R03', cooling_zone: 'ZONE-A1' });
    expect(gpu.correlationKey).to.equal(crah.correlationKey);
    expect(gpu.correlationKey).to.equal('DC1/cooling/ZONE-A1');

    // The same GPU alert on a rack of another zone does not join.
    const other = fixture('alertmanager-gpu-thermal-slowdown.json') as {
      alerts: { labels: Record<string, string> }[];
    };
    other.alerts[0]!.labels.rack = 'R05';
    other.alerts[0]!.labels.Hostname = 'gpu-r05-01';
    const elsewhere = only(previewAlarm(mappings, 'alertmanager', other, NOW));
    expect(elsewhere.correlationKey).to.equal('DC1/cooling/ZONE-A2');
  });

  it('GPU thermal checks: temperature and the thermal/power-brake clock-event bits 3, 5, 6, 7', () => {
    const gpu = only(
      previewAlarm(mappings, 'alertmanager', fixture('alertmanager-gpu-thermal-slowdown.json'), NOW),
    );
    const byName = Object.fromEntries(gpu.closeChecks.map((c) => [c.name, c]));
    expect(byName['gpu-temperature']?.query).to.equal('DCGM_FI_DEV_GPU_TEMP{Hostname="gpu-r03-01",gpu="5"}');
    expect(byName['clocks-not-thermally-limited']?.expect).to.deep.equal({ bits_clear: [3, 5, 6, 7] });
    const mask = [3, 5, 6, 7].reduce((m, b) => m | (1 << b), 0);
    expect(mask).to.equal(0x8 | 0x20 | 0x40 | 0x80);
  });

  it('GPU XID errors: per-GPU key and a no-increase check', () => {
    const p = only(previewAlarm(mappings, 'alertmanager', fixture('alertmanager-gpu-xid.json'), NOW));
    expect(p.rule).to.equal('gpu-xid-error');
    expect(p.correlationKey).to.equal('DC1/gpu/gpu-r10-01/gpu2');
    expect(p.closeChecks.map((c) => [c.query, c.expect])).to.deep.equal([
      ['DCGM_FI_DEV_XID_ERRORS{Hostname="gpu-r10-01",gpu="2"}', { no_increase: true }],
    ]);
    expect(p.behaviour?.autoResolve).to.equal(false);
  });

  it('CDU secondary flow low and leak (Redfish): flow min via redfish-cdu, both keyed on the liquid zone', () => {
    const flow = only(previewAlarm(mappings, 'redfish', fixture('redfish-cdu-secondary-flow-low.json'), NOW));
    expect(flow.rule).to.equal('cdu-secondary-flow-low');
    expect(flow.incident?.fields.short_description).to.equal(
      'CDU-1 secondary coolant flow low: 24.8 L/min (limit 30)',
    );
    expect(flow.closeChecks[0]).to.include({
      provider: 'redfish-cdu',
      query: '/redfish/v1/Chassis/CDU/Sensors/SecondaryFlow#Reading',
    });
    expect(flow.closeChecks[0]?.expect).to.deep.equal({ min: 30 });
    const leak = only(previewAlarm(mappings, 'redfish', fixture('redfish-cdu-leak.json'), NOW));
    expect(leak.rule).to.equal('cdu-leak-detected');
    expect(leak.correlationKey).to.equal(flow.correlationKey);
    expect(flow.correlationKey).to.equal('DC1/cooling/ZONE-B-LIQ');
    // An XID on a liquid-cooled rack is a GPU fault, not a cooling event: its key stays per GPU.
    const xid = only(previewAlarm(mappings, 'alertmanager', fixture('alertmanager-gpu-xid.json'), NOW));
    expect(xid.correlationKey).to.not.equal(flow.correlationKey);
  });

  it('rack leak over MQTT joins the liquid zone event', () => {
    const p = only(previewAlarm(mappings, 'mqtt', fixture('mqtt-rack-leak.json'), NOW));
    expect(p.rule).to.equal('rack-leak-detected');
    expect(p.correlationKey).to.equal('DC1/cooling/ZONE-B-LIQ');
    expect(p.closeChecks[0]).to.include({ provider: 'mqtt', query: 'dc1/HALL-B/R11/leak' });
  });

  it('UPS on battery (SNMP UPS-MIB): power path key, output-source check', () => {
    const r = previewNormalisedAlarms(mappings, 'snmp', fixture('snmp-ups-on-battery.alarm.json'));
    const p = only(r);
    expect(p.rule).to.equal('ups-on-battery');
    expect(p.correlationKey).to.equal('DC1/power/PP-A');
    expect(p.incident?.fields).to.include({
      short_description: 'UPS-1 on battery (power path PP-A)',
      impact: 1,
      urgency: 1,
    });
    expect(p.closeChecks.map((c) => [c.name, c.expect])).to.deep.equal([
      ['output-source-normal', { equals: 3 }],
      ['seconds-on-battery', { equals: 0 }],
    ]);
  });

  it('a low-priority BMS alarm matches no rule and is dropped with the reason', () => {
    const low = {
      ...(fixture('bms-crah-supply-air-high.json') as object),
      alarmType: 'filter_dirty',
      priority: 'LOW',
    };
    const p = only(previewAlarm(mappings, 'bms', low, NOW));
    expect(p.rule).to.equal(null);
    expect(p.reason).to.equal('dropped: none of 8 rules matched and no default_rule is set');
    expect(p.trace.find((t) => t.rule === 'bms-other-serious')?.reason).to.equal(
      'alarm.severity "warning" is not one of ["critical", "major"]',
    );
  });
});
