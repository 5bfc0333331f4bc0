// Topology from several files merged by site id, then checked: ids unique within their kind, every
// reference (zone units/rows/racks, power path UPS/PDUs/racks, equipment location, feeds, redundancy
// groups) pointing at a node that exists, no cycles; then compiled into the dependency graph. Errors
// point at the referring value in its own file.
import { compileSite, type SitePart } from './compile-topology.js';
import type { MappingError, PathSegment } from './errors.js';
import type { FileParts } from './file-parts.js';
import type { Topology } from './schema.js';
import { suggestion } from './suggest.js';
import { buildGraph, type GraphSpec, type TopologyGraph } from './topology-graph.js';
import { indexTopology, type TopologyIndex } from './topology.js';
import { errorAt, type YamlSource } from './yaml-source.js';

type Site = Topology['sites'][number];

export interface MergedTopology {
  topology: Topology;
  index: TopologyIndex;
  /** The compiled graph; undefined when the topology has errors. */
  graph?: TopologyGraph;
  /** False when some topology section failed validation: reference checks against it are skipped. */
  complete: boolean;
  errors: MappingError[];
}

function mergeSite(into: Site, add: Site): Site {
  return {
    id: into.id,
    name: into.name ?? add.name,
    rooms: [...into.rooms, ...add.rooms],
    cooling_zones: [...into.cooling_zones, ...add.cooling_zones],
    power_paths: [...into.power_paths, ...add.power_paths],
    equipment: [...into.equipment, ...add.equipment],
    ...(into.redundancy_groups || add.redundancy_groups
      ? { redundancy_groups: [...(into.redundancy_groups ?? []), ...(add.redundancy_groups ?? [])] }
      : {}),
  };
}

/** Reports ids seen twice (within one site, across the files that contribute to it). */
function seen(kind: string, errors: MappingError[]) {
  const first = new Map<string, string>();
  return {
    add(id: string, source: YamlSource, path: PathSegment[]): void {
      const prev = first.get(id);
      if (prev) errors.push(errorAt(source, path, `duplicate ${kind} "${id}" (first defined at ${prev})`));
      else first.set(id, where(source, path));
    },
  };
}

function where(source: YamlSource, path: PathSegment[]): string {
  const e = errorAt(source, path, '');
  return `${e.file}:${e.line}:${e.col}`;
}

export function mergeTopology(files: FileParts[]): MergedTopology {
  const errors: MappingError[] = [];
  const parts: SitePart[] = [];
  let complete = true;
  for (const f of files) {
    if (!f.topologyOk) complete = false;
    f.topology?.sites.forEach((site, index) => parts.push({ source: f.source, index, site }));
  }

  const merged = new Map<string, Site>();
  for (const p of parts) {
    const prev = merged.get(p.site.id);
    merged.set(p.site.id, prev ? mergeSite(prev, p.site) : p.site);
  }
  const topology: Topology = { sites: [...merged.values()] };

  // Uniqueness per site; racks and rows are identified by id within a site.
  const bySite = new Map<string, SitePart[]>();
  for (const p of parts) bySite.set(p.site.id, [...(bySite.get(p.site.id) ?? []), p]);
  for (const siteParts of bySite.values()) {
    const rooms = seen('room', errors);
    const rows = seen('row', errors);
    const racks = seen('rack', errors);
    const equipment = seen('equipment', errors);
    const zones = seen('cooling zone', errors);
    const paths = seen('power path', errors);
    for (const { source, index, site } of siteParts) {
      const base: PathSegment[] = ['topology', 'sites', index];
      site.rooms.forEach((room, ri) => {
        const rp = [...base, 'rooms', ri];
        rooms.add(room.id, source, [...rp, 'id']);
        room.rows.forEach((row, wi) => {
          const wp = [...rp, 'rows', wi];
          rows.add(row.id, source, [...wp, 'id']);
          row.racks.forEach((rack, ki) => racks.add(rack, source, [...wp, 'racks', ki]));
        });
      });
      site.equipment.forEach((e, i) => equipment.add(e.id, source, [...base, 'equipment', i, 'id']));
      site.cooling_zones.forEach((z, i) => zones.add(z.id, source, [...base, 'cooling_zones', i, 'id']));
      site.power_paths.forEach((p, i) => paths.add(p.id, source, [...base, 'power_paths', i, 'id']));
    }
  }

  // References inside the topology, checked against the merged site they belong to.
  for (const { source, index, site } of parts) {
    const full = indexTopology({ sites: [merged.get(site.id)!] });
    const base: PathSegment[] = ['topology', 'sites', index];
    const ref = (set: Set<string>, kind: string, id: string, path: PathSegment[]): void => {
      if (!set.has(id))
        errors.push(
          errorAt(source, path, `unknown ${kind} "${id}" in site ${site.id}${suggestion(id, set)}`),
        );
    };
    site.cooling_zones.forEach((z, i) => {
      const zp = [...base, 'cooling_zones', i];
      z.units.forEach((u, j) => ref(full.equipment, 'equipment', u, [...zp, 'units', j]));
      z.rows.forEach((r, j) => ref(full.rows, 'row', r, [...zp, 'rows', j]));
      z.racks.forEach((r, j) => ref(full.racks, 'rack', r, [...zp, 'racks', j]));
    });
    site.power_paths.forEach((p, i) => {
      const pp = [...base, 'power_paths', i];
      ref(full.equipment, 'equipment', p.ups, [...pp, 'ups']);
      p.pdus.forEach((d, j) => ref(full.equipment, 'equipment', d, [...pp, 'pdus', j]));
      p.racks.forEach((r, j) => ref(full.racks, 'rack', r, [...pp, 'racks', j]));
    });
    site.equipment.forEach((e, i) => {
      const ep = [...base, 'equipment', i];
      if (e.room) ref(full.rooms, 'room', e.room, [...ep, 'room']);
      if (e.row) ref(full.rows, 'row', e.row, [...ep, 'row']);
      if (e.rack) ref(full.racks, 'rack', e.rack, [...ep, 'rack']);
    });
  }

  // The graph: feeds, redundancy and cycles are checked per site over all the files it comes from
  // (not when a topology section is invalid: what it would have defined is unknown).
  const spec: GraphSpec = { sites: [], nodes: [], edges: [], groups: [] };
  for (const [id, siteParts] of complete ? bySite : []) {
    const c = compileSite(id, siteParts);
    errors.push(...c.errors);
    spec.sites.push({ id, ...(merged.get(id)!.name === undefined ? {} : { name: merged.get(id)!.name }) });
    spec.nodes.push(...c.nodes);
    spec.edges.push(...c.edges);
    spec.groups.push(...c.groups);
  }
  const graph = complete && errors.length === 0 ? buildGraph(spec) : undefined;
  return { topology, index: indexTopology(topology), ...(graph ? { graph } : {}), complete, errors };
}

/** A short "known: …" hint so a typo is obvious without opening the topology file. */
export function hint(set: Set<string>): string {
  if (set.size === 0) return ' (none are defined)';
  const list = [...set];
  return ` (known: ${list.slice(0, 12).join(', ')}${list.length > 12 ? ', …' : ''})`;
}
