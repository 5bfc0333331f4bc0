// Every class of validation error, each with its exact file:line:col and path.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { formatMappingError } from '../../../connector/src/mapping/errors.js';
import { loadMappingTexts, loadMappings } from '../../../connector/src/mapping/load.js';
import { BASE, loadErrors, loadOk } from '../../support/mappings.js';

const OK_RULE = `
  - name: ok
    incident: { short_description: x }
    correlation: { key: k }
`;

describe('mapping/validation', () => {
  it('the base fixture is valid', () => {
    expect(loadOk({ '00.yaml': BASE, '10.yaml': `rules:${OK_RULE}` }).rules).to.have.length(1);
  });

  it('YAML syntax errors and duplicate keys', () => {
    expect(loadErrors({ 'a.yaml': 'rules:\n  - name: [x\n' })[0]).to.equal(
      'a.yaml:3:1: Flow sequence in block collection must be sufficiently indented and end with a ]',
    );
    expect(loadErrors({ 'a.yaml': 'sources: {}\nsources: {}\n' })).to.deep.equal([
      'a.yaml:2:1: Map keys must be unique',
    ]);
  });

  it('unknown keys, at every level, pointing at the key', () => {
    const errors = loadErrors({
      '00.yaml': BASE,
      '10.yaml': `
rulez: []
rules:
  - name: a
    colour: red
    match: { sauce: bms }
    incident: { short_description: x, priority: 1 }
    correlation: { key: k, windw: 5m }
    close_checks:
      - { name: c, provider: prometheus, query: q, expect: { max: 1 }, stabilise: 5m }
    options: { auto_resolv: true }
`,
    });
    expect(errors).to.deep.equal([
      '10.yaml:2:1 rulez: unknown key "rulez" (expected one of $schema, sources, topology, severity_matrix, default_rule, rules, maintenance)',
      '10.yaml:5:5 rules[0].colour: unknown key "colour" (expected one of name, description, match, incident, correlation, close_checks, options)',
      '10.yaml:6:14 rules[0].match.sauce: unknown key "sauce" (expected one of source, type, severity, state, fields)',
      '10.yaml:7:39 rules[0].incident.priority: unknown key "priority" (expected one of short_description, description, category, subcategory, assignment_group, cmdb_ci, severity_matrix, fields)',
      '10.yaml:8:28 rules[0].correlation.windw: unknown key "windw" (expected one of key, window, role, scope)',
      '10.yaml:10:72 rules[0].close_checks[0].stabilise: unknown key "stabilise" (expected one of name, provider, query, label, unit, expect, stabilize, max_age, min_samples, step)',
      '10.yaml:11:16 rules[0].options.auto_resolv: unknown key "auto_resolv"',
    ]);
  });

  it('wrong types, missing required keys, bad enum values and durations', () => {
    const errors = loadErrors({
      '00.yaml': BASE,
      '10.yaml': `
rules:
  - name: Bad Name
    match: { severity: crit, state: on }
    incident: { description: x }
    correlation: { key: k, window: soon, role: boss }
    close_checks:
      - { name: c, provider: prometheus, query: q, expect: { range: [1] }, min_samples: 0 }
      - { name: d, provider: prometheus, query: q, expect: { between: [1, 2] } }
`,
    });
    expect(errors).to.deep.equal([
      '10.yaml:3:11 rules[0].name: use lower-case letters, digits, "-" and "_"',
      '10.yaml:4:24 rules[0].match.severity: expected a severity or a list of severities (critical, major, minor, warning, info), got string "crit"',
      '10.yaml:4:37 rules[0].match.state: expected one of "active", "cleared", got string "on"',
      '10.yaml:5:15 rules[0].incident.short_description: is required',
      '10.yaml:6:36 rules[0].correlation.window: "soon" is not a duration (use e.g. 90s, 10m, 2h, 1d)',
      '10.yaml:6:48 rules[0].correlation.role: expected one of "cause", "effect", "standalone", got string "boss"',
      '10.yaml:8:69 rules[0].close_checks[0].expect.range: Too small: expected array to have >=2 items',
      '10.yaml:8:89 rules[0].close_checks[0].min_samples: Too small: expected number to be >=1',
      '10.yaml:9:60 rules[0].close_checks[1].expect: expected one of {range: [min, max]}, {max: n}, {min: n}, {equals: n}, {bits_clear: [bit, …]}, {no_increase: true}, got a mapping',
    ]);
  });

  it('duplicate rule names across files, duplicate sources, duplicate topology ids', () => {
    const errors = loadErrors({
      '00.yaml': BASE,
      '10.yaml': `rules:${OK_RULE}`,
      '20.yaml': `
sources:
  bms: { kind: alertmanager }
topology:
  sites:
    - id: DC1
      rooms:
        - id: HALL-A
          rows: [{ id: B1, racks: [R01] }]
      equipment: [{ id: CRAH-1 }]
rules:${OK_RULE}`,
    });
    expect(errors).to.deep.equal([
      '20.yaml:3:3 sources.bms: duplicate source "bms" (first defined at 00.yaml:3:3)',
      '20.yaml:8:15 topology.sites[0].rooms[0].id: duplicate room "HALL-A" (first defined at 00.yaml:12:15)',
      '20.yaml:9:36 topology.sites[0].rooms[0].rows[0].racks[0]: duplicate rack "R01" (first defined at 00.yaml:14:33)',
      '20.yaml:10:25 topology.sites[0].equipment[0].id: duplicate equipment "CRAH-1" (first defined at 00.yaml:22:17)',
      '20.yaml:12:11 rules[0].name: duplicate rule name "ok" (first defined at 10.yaml:2:11)',
    ]);
  });

  it('references to unknown sources, providers and default rule', () => {
    const errors = loadErrors({
      '00.yaml': BASE,
      '10.yaml': `
default_rule: fallback
rules:
  - name: a
    match: { source: [bms, snmp] }
    incident: { short_description: x }
    correlation: { key: k }
    close_checks:
      - { name: c, provider: thanos, query: q, expect: { max: 1 } }
      - { name: c, provider: prometheus, query: q, expect: { range: [27, 18] } }
`,
    });
    expect(errors).to.deep.equal([
      '10.yaml:2:15 default_rule: default_rule names unknown rule "fallback" (known: a)',
      '10.yaml:5:28 rules[0].match.source[1]: unknown source "snmp" (known: bms, alertmanager)',
      '10.yaml:9:30 rules[0].close_checks[0].provider: unknown telemetry provider "thanos" (closeloop.yaml defines: prometheus, redfish-cdu, mqtt)',
      '10.yaml:10:17 rules[0].close_checks[1].name: duplicate close check name "c" in this rule',
      '10.yaml:10:69 rules[0].close_checks[1].expect.range: range [27, 18] has its minimum above its maximum',
    ]);
  });

  it('provider names are not checked when none are given (no closeloop.yaml at hand)', () => {
    const rules = `rules:\n  - name: a\n    incident: { short_description: x }\n    correlation: { key: k }\n    close_checks: [{ name: c, provider: thanos, query: q, expect: { max: 1 } }]\n`;
    expect(loadErrors({ '00.yaml': BASE, '10.yaml': rules }, ['prometheus'])).to.have.length(1);
    const r = loadMappingTexts(
      [
        { file: '00.yaml', text: BASE },
        { file: '10.yaml', text: rules },
      ],
      {},
    );
    expect(r.ok).to.equal(true);
  });

  it('unknown topology nodes, in the topology and in matchers and source maps', () => {
    const errors = loadErrors({
      '00.yaml': BASE,
      '05.yaml': `
sources:
  redfish: { kind: redfish, equipment: { /redfish/v1/Chassis/CDU: CDU-9 } }
  traps: { kind: snmp, agents: { 10.0.0.1: UPS-9 } }
topology:
  sites:
    - id: DC1
      cooling_zones: [{ id: ZONE-X, units: [CRAH-7], rows: [Z9], racks: [R77] }]
      power_paths: [{ id: PP-X, ups: UPS-1, pdus: [PDU-9], racks: [R01] }]
      equipment: [{ id: PDU-1, room: HALL-Z, row: A1, rack: R55 }]
`,
      '10.yaml': `
rules:
  - name: a
    match:
      fields:
        asset.rack: R99
        topology.cooling_zone: [ZONE-A1, ZONE-Q]
        asset.equipment_id: { glob: 'CRAH-*' }
        asset.rak: R01
    incident: { short_description: x }
    correlation: { key: k }
`,
    });
    expect(errors).to.deep.equal([
      '05.yaml:3:67 sources.redfish.equipment["/redfish/v1/Chassis/CDU"]: unknown equipment "CDU-9" in topology (known: CRAH-1, CRAH-2, UPS-1, PDU-1)',
      '05.yaml:4:44 sources.traps.agents["10.0.0.1"]: unknown equipment "UPS-9" in topology (did you mean "UPS-1"?)',
      '05.yaml:8:45 topology.sites[0].cooling_zones[0].units[0]: unknown equipment "CRAH-7" in site DC1 (did you mean "CRAH-1"?)',
      '05.yaml:8:61 topology.sites[0].cooling_zones[0].rows[0]: unknown row "Z9" in site DC1 (known: A1, A2)',
      '05.yaml:8:74 topology.sites[0].cooling_zones[0].racks[0]: unknown rack "R77" in site DC1 (known: R01, R02, R03)',
      '05.yaml:9:52 topology.sites[0].power_paths[0].pdus[0]: unknown equipment "PDU-9" in site DC1 (did you mean "PDU-1"?)',
      '05.yaml:10:38 topology.sites[0].equipment[0].room: unknown room "HALL-Z" in site DC1 (did you mean "HALL-A"?)',
      '05.yaml:10:61 topology.sites[0].equipment[0].rack: unknown rack "R55" in site DC1 (known: R01, R02, R03)',
      '10.yaml:6:21 rules[0].match.fields["asset.rack"]: unknown rack "R99" in topology (known: R01, R02, R03)',
      '10.yaml:7:42 rules[0].match.fields["topology.cooling_zone"][1]: unknown cooling zone "ZONE-Q" in topology (known: ZONE-A1, ZONE-A2, ZONE-X)',
      '10.yaml:9:9 rules[0].match.fields["asset.rak"]: unknown alarm field "asset.rak" (did you mean "asset.rack"?)',
    ]);
  });

  it('bad regexes and globs', () => {
    const errors = loadErrors({
      '00.yaml': BASE,
      '10.yaml': `
rules:
  - name: a
    match:
      type: { regex: 'Gpu(Xid' }
      fields:
        labels.gpu: { glob: '[0-' }
        labels.x: { regex: '*x' }
    incident: { short_description: x }
    correlation: { key: k }
`,
    });
    expect(errors).to.deep.equal([
      '10.yaml:5:13 rules[0].match.type: invalid regex /Gpu(Xid/: Unterminated group',
      '10.yaml:7:21 rules[0].match.fields["labels.gpu"]: glob "[0-" has an unclosed "[" at position 1',
      '10.yaml:8:19 rules[0].match.fields["labels.x"]: invalid regex /*x/: Nothing to repeat',
    ]);
  });

  it('template errors: unknown variables, syntax, partials, reserved and malformed field names', () => {
    const errors = loadErrors({
      '00.yaml': BASE,
      '10.yaml': `
rules:
  - name: a
    incident:
      short_description: '{{asset.rak}} high'
      description: '{{#labels.gpu}}GPU {{labels.gpu}}'
      assignment_group: '{{> group}}'
      cmdb_ci: { value: '{{topology.zone}}' }
      fields:
        impact: '1'
        u_row: '{{topology.row}}'
        Bad-Name: x
    correlation: { key: '{{site}}/{{topology.cooling_zone}}' }
    close_checks:
      - name: c
        provider: prometheus
        query: 'temp{unit="{{asset.equipment}}"}'
        label: '{{.}}'
        expect: { max: 27 }
`,
    });
    expect(errors).to.deep.equal([
      '10.yaml:5:26 rules[0].incident.short_description: unknown variable {{asset.rak}} (did you mean {{asset.rack}}?)',
      '10.yaml:6:20 rules[0].incident.description: template syntax: Unclosed section "labels.gpu" at 33',
      '10.yaml:7:25 rules[0].incident.assignment_group: {{> group}}: partials are not supported',
      '10.yaml:8:25 rules[0].incident.cmdb_ci.value: unknown variable {{topology.zone}} (did you mean {{topology.site}}?)',
      '10.yaml:10:9 rules[0].incident.fields.impact: "impact" cannot be set here: set from the severity matrix',
      '10.yaml:12:9 rules[0].incident.fields.Bad-Name: "Bad-Name" is not a ServiceNow field name (lower-case, digits, "_")',
      '10.yaml:13:25 rules[0].correlation.key: unknown variable {{site}} (did you mean {{asset.site}}?)',
      '10.yaml:17:16 rules[0].close_checks[0].query: unknown variable {{asset.equipment}} (did you mean {{asset.equipment_id}}?)',
      '10.yaml:18:16 rules[0].close_checks[0].label: {{.}} is only meaningful inside a section',
    ]);
  });

  it('source field maps with malformed paths', () => {
    const errors = loadErrors({
      'a.yaml': `
sources:
  bms:
    kind: webhook
    batch_path: alarms
    fields: { id: $.id, state: $.state, severity: $.sev, type: "$.[", labels: { point: $.point } }
`,
    });
    expect(errors).to.deep.equal([
      'a.yaml:5:17 sources.bms.batch_path: path "alarms" must start with "$"',
      'a.yaml:6:64 sources.bms.fields.type: path "$.[": expected a name after "." at position 2',
    ]);
  });

  it('reports errors from every file at once, sorted by file and position, and never throws', () => {
    // A "billion laughs" alias bomb: nine levels of ten aliases each.
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      ...Array.from(
        { length: 8 },
        (_, i) =>
          `b${i}: &b${i} [${Array(10)
            .fill(i === 0 ? '*a' : `*b${i - 1}`)
            .join(', ')}]`,
      ),
    ].join('\n');
    const garbage = [
      '- just\n- a list\n',
      '"a string"\n',
      '\u0000\u0001',
      'sources: 5\ntopology: []\nrules: {}\n',
      bomb,
    ];
    for (const text of garbage) {
      expect(() => loadErrors({ 'g.yaml': text })).to.not.throw();
    }
    expect(loadErrors({ 'g.yaml': bomb })).to.deep.equal([
      'g.yaml:1:1: Excessive alias count indicates a resource exhaustion attack',
    ]);
    const errors = loadErrors({ 'b.yaml': 'sources: 5\n', 'a.yaml': 'rules: {}\ntopology: []\n' });
    expect(errors).to.deep.equal([
      'a.yaml:1:8 rules: expected a list of rules',
      'a.yaml:2:11 topology: expected a mapping, got a list',
      'b.yaml:1:10 sources: expected a mapping of source name → source',
    ]);
    expect(loadErrors({ 'a.yaml': '- x\n' })).to.deep.equal([
      'a.yaml:1:1: a mapping file must be a mapping with sources, topology, rules, …',
    ]);
  });

  it('an empty file is allowed; sources keys must be names', () => {
    expect(loadOk({ 'empty.yaml': '', 'comment.yaml': '# nothing yet\n' }).rules).to.deep.equal([]);
    expect(loadErrors({ 'a.yaml': 'sources:\n  Bad Name: { kind: alertmanager }\n' })).to.deep.equal([
      'a.yaml:2:3 sources["Bad Name"]: invalid source name "Bad Name": use lower-case letters, digits, "-" and "_"',
    ]);
  });

  describe('directories', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'closeloop-mappings-'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('a missing directory, a file instead of a directory, and a directory without YAML are errors', () => {
      const missing = loadMappings(join(dir, 'nope'));
      expect(missing.ok).to.equal(false);
      if (!missing.ok)
        expect(missing.errors.map(formatMappingError)).to.deep.equal([
          `${join(dir, 'nope')}: directory not found`,
        ]);
      const empty = loadMappings(dir);
      if (!empty.ok) expect(empty.errors[0]!.message).to.equal('no mapping files (*.yaml) in this directory');
      else expect.fail('empty directory loaded');
      writeFileSync(join(dir, 'x.txt'), 'x');
      const notDir = loadMappings(join(dir, 'x.txt'));
      if (!notDir.ok) expect(notDir.errors[0]!.message).to.equal('is not a directory');
      else expect.fail('file loaded as a directory');
    });

    it('reads *.yaml and *.yml in name order, ignoring other files', () => {
      writeFileSync(
        join(dir, '20-b.yml'),
        `rules:\n  - { name: b, incident: { short_description: x }, correlation: { key: k } }\n`,
      );
      writeFileSync(
        join(dir, '10-a.yaml'),
        `rules:\n  - { name: a, incident: { short_description: x }, correlation: { key: k } }\n`,
      );
      writeFileSync(join(dir, 'notes.txt'), 'rules: [oops');
      const r = loadMappings(dir);
      expect(r.ok).to.equal(true);
      if (r.ok) {
        expect(r.mappings.rules.map((x) => x.name)).to.deep.equal(['a', 'b']);
        expect(r.mappings.rules[1]!.file).to.equal(join(dir, '20-b.yml'));
      }
    });
  });
});
