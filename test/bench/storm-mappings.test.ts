// The bench copy of the mappings loads (shipped rules over the storm site), and the storm site is a
// graph: each chiller feeds the CRAHs of its hall (and hall B's the CDU), so one chiller failure reaches
// every zone of its hall.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { formatMappingError } from '../../connector/src/mapping/errors.js';
import { loadMappings } from '../../connector/src/mapping/load.js';
import { nodeId } from '../../connector/src/mapping/topology-graph.js';
import { downstream } from '../../connector/src/mapping/topology-walk.js';
import { writeBenchMappings } from '../../bench/storm/mappings.js';
import { buildSite } from '../../bench/storm/site.js';

describe('storm bench mappings', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'storm-mappings-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('load, and each chiller reaches every cooling zone of its hall', () => {
    const site = buildSite();
    writeBenchMappings(dir, site, { snmpPort: 1162, mqttTopic: 'unused/+/alarm' });
    const r = loadMappings(dir);
    if (!r.ok) throw new Error(r.errors.map(formatMappingError).join('\n'));
    const g = r.mappings.graph;
    for (const [chiller, hall] of Object.entries(site.chillers)) {
      const zones = downstream(g, nodeId('equipment', 'DC1', chiller))
        .map((x) => g.nodes.get(x.node)!)
        .filter((x) => x.kind === 'cooling_zone')
        .map((x) => x.local);
      const expected = site.rows.filter((row) => row.room === hall).map((row) => row.zone);
      if (hall === 'HALL-B') expected.push(site.cdu.zone);
      expect(zones, chiller).to.have.members(expected);
    }
  });
});
