// One site's topology (merged from every file contributing to it) compiled into graph data: nodes, the
// edges that say what feeds what, and redundancy groups, with every reference, cycle and group checked
// and each problem reported at the value that causes it. `cooling_zones` and `power_paths` are the
// simple case: a zone's units feed the zone, the zone feeds its rows and racks; a UPS feeds its power
// path, the path its PDUs and racks.
import type { MappingError, PathSegment } from './errors.js';
import type { RedundancySpecYaml, Topology } from './schema.js';
import { suggestion } from './suggest.js';
import {
  findCycles,
  needFor,
  nodeId,
  type EdgeKind,
  type GraphEdge,
  type GraphNode,
  type NodeId,
  type NodeKind,
  type RedundancyMode,
  type RedundancySpec,
} from './topology-graph.js';
import { errorAt, type YamlSource } from './yaml-source.js';

type Site = Topology['sites'][number];

export interface SitePart {
  source: YamlSource;
  /** Index of the site in its file's `topology.sites`. */
  index: number;
  site: Site;
}

export interface CompiledSite {
  nodes: GraphNode[];
  edges: GraphEdge[];
  groups: RedundancySpec[];
  errors: MappingError[];
}

interface Origin {
  source: YamlSource;
  path: PathSegment[];
}

type RefKind = Exclude<NodeKind, 'group'>;
const REF_KINDS: readonly RefKind[] = ['equipment', 'rack', 'row', 'room', 'cooling_zone', 'power_path'];
const KIND_WORD: Record<RefKind, string> = {
  equipment: 'equipment',
  rack: 'rack',
  row: 'row',
  room: 'room',
  cooling_zone: 'cooling zone',
  power_path: 'power path',
};

export function compileSite(siteId: string, parts: readonly SitePart[]): CompiledSite {
  const errors: MappingError[] = [];
  const err = (o: Origin, message: string): void => void errors.push(errorAt(o.source, o.path, message));
  const nodes: GraphNode[] = [];
  const local = new Map<RefKind, Map<string, NodeId>>(REF_KINDS.map((k) => [k, new Map()]));
  const node = (kind: RefKind, id: string, extra: Partial<GraphNode> = {}): void => {
    const byId = local.get(kind)!;
    if (byId.has(id)) return; // duplicates are reported by the merge
    const n: GraphNode = { id: nodeId(kind, siteId, id), kind, site: siteId, local: id, ...extra };
    byId.set(id, n.id);
    nodes.push(n);
  };
  const at = (p: SitePart, ...path: PathSegment[]): Origin => ({
    source: p.source,
    path: ['topology', 'sites', p.index, ...path],
  });

  for (const p of parts) {
    for (const room of p.site.rooms) {
      node('room', room.id, room.name === undefined ? {} : { name: room.name });
      for (const row of room.rows) {
        node('row', row.id);
        for (const rack of row.racks) node('rack', rack);
      }
    }
  }
  for (const p of parts)
    for (const e of p.site.equipment) {
      const location = { room: e.room, row: e.row, rack: e.rack };
      for (const k of ['room', 'row', 'rack'] as const) if (location[k] === undefined) delete location[k];
      node('equipment', e.id, {
        ...(e.name === undefined ? {} : { name: e.name }),
        ...(e.class === undefined ? {} : { class: e.class }),
        ...(Object.keys(location).length ? { location } : {}),
      });
    }
  for (const p of parts) for (const z of p.site.cooling_zones) node('cooling_zone', z.id);
  for (const p of parts) for (const pp of p.site.power_paths) node('power_path', pp.id);

  /** A reference of a known kind whose unknown ids the merge already reported. */
  const known = (kind: RefKind, id: string): NodeId | undefined => local.get(kind)!.get(id);

  /** A `feeds`/`members`/`serves` reference: an id of any kind, or `kind:id`. */
  const resolve = (ref: string, o: Origin): NodeId | undefined => {
    const hits = REF_KINDS.filter((k) => local.get(k)!.has(ref));
    if (hits.length === 1) return local.get(hits[0]!)!.get(ref);
    if (hits.length > 1) {
      const words = hits.map((k) => (k === 'equipment' ? 'equipment' : `a ${KIND_WORD[k]}`));
      const kinds =
        words.length === 2
          ? `both ${words[0]} and ${words[1]}`
          : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
      err(o, `"${ref}" is ${kinds} in site ${siteId}: write ${hits.map((k) => `${k}:${ref}`).join(' or ')}`);
      return undefined;
    }
    const colon = ref.indexOf(':');
    const kind = REF_KINDS.find((k) => k === ref.slice(0, colon));
    if (colon > 0 && kind) {
      const id = local.get(kind)!.get(ref.slice(colon + 1));
      if (id) return id;
      const rest = ref.slice(colon + 1);
      err(
        o,
        `unknown ${KIND_WORD[kind]} "${rest}" in site ${siteId}${suggestion(rest, local.get(kind)!.keys())}`,
      );
      return undefined;
    }
    const all = REF_KINDS.flatMap((k) => [...local.get(k)!.keys()]);
    err(o, `unknown node "${ref}" in site ${siteId}${suggestion(ref, new Set(all))}`);
    return undefined;
  };

  // Edges, each with where it was written. The same edge said twice (a unit in `units` and in its own
  // `feeds`) is one edge.
  const edges: GraphEdge[] = [];
  const out = new Map<NodeId, NodeId[]>();
  const into = new Map<NodeId, GraphEdge[]>();
  const origins = new Map<string, Origin>();
  const ek = (from: NodeId, to: NodeId) => `${from}\n${to}`;
  const edge = (from: NodeId | undefined, to: NodeId | undefined, kind: EdgeKind, o: Origin): void => {
    if (!from || !to || origins.has(ek(from, to))) return;
    origins.set(ek(from, to), o);
    const e = { from, to, kind };
    edges.push(e);
    const targets = out.get(from);
    if (targets) targets.push(to);
    else out.set(from, [to]);
    const sources = into.get(to);
    if (sources) sources.push(e);
    else into.set(to, [e]);
  };
  const reaches = (from: NodeId, target: NodeId): boolean => {
    const seen = new Set([from]);
    const stack = [from];
    while (stack.length) {
      const n = stack.pop()!;
      if (n === target) return true;
      for (const t of out.get(n) ?? [])
        if (!seen.has(t)) {
          seen.add(t);
          stack.push(t);
        }
    }
    return false;
  };
  for (const p of parts)
    p.site.rooms.forEach((room, ri) =>
      room.rows.forEach((row, wi) => {
        edge(known('room', room.id), known('row', row.id), 'contains', at(p, 'rooms', ri, 'rows', wi, 'id'));
        row.racks.forEach((rack, ki) =>
          edge(
            known('row', row.id),
            known('rack', rack),
            'contains',
            at(p, 'rooms', ri, 'rows', wi, 'racks', ki),
          ),
        );
      }),
    );
  for (const p of parts) {
    p.site.cooling_zones.forEach((z, i) => {
      const zone = known('cooling_zone', z.id);
      z.units.forEach((u, j) =>
        edge(known('equipment', u), zone, 'feeds', at(p, 'cooling_zones', i, 'units', j)),
      );
      z.rows.forEach((r, j) => edge(zone, known('row', r), 'feeds', at(p, 'cooling_zones', i, 'rows', j)));
      z.racks.forEach((r, j) => edge(zone, known('rack', r), 'feeds', at(p, 'cooling_zones', i, 'racks', j)));
    });
    p.site.power_paths.forEach((pp, i) => {
      const path = known('power_path', pp.id);
      edge(known('equipment', pp.ups), path, 'feeds', at(p, 'power_paths', i, 'ups'));
      pp.pdus.forEach((d, j) =>
        edge(path, known('equipment', d), 'feeds', at(p, 'power_paths', i, 'pdus', j)),
      );
      pp.racks.forEach((r, j) => edge(path, known('rack', r), 'feeds', at(p, 'power_paths', i, 'racks', j)));
    });
  }
  // After every zone and path of every file, so a zone's units and a path's UPS come first.
  for (const p of parts) {
    p.site.equipment.forEach((e, i) => {
      const from = known('equipment', e.id);
      const listed = new Set<NodeId>();
      e.feeds?.forEach((ref, j) => {
        const o = at(p, 'equipment', i, 'feeds', j);
        const to = resolve(ref, o);
        if (!to || !from) return;
        if (to === from) return err(o, `${e.id} cannot feed itself`);
        if (listed.has(to)) return err(o, `"${ref}" is listed twice in the feeds of ${e.id}`);
        listed.add(to);
        edge(from, to, 'feeds', o);
      });
    });
  }

  // A zone nothing cools is a mistake (today's `units` could not be empty for that reason).
  const feeders = (to: NodeId) => (into.get(to) ?? []).map((e) => e.from);
  for (const p of parts)
    p.site.cooling_zones.forEach((z, i) => {
      const zone = known('cooling_zone', z.id);
      if (zone && !z.units.length && !feeders(zone).length)
        err(
          at(p, 'cooling_zones', i, 'id'),
          `cooling zone ${z.id} has no units: list them in units, or give the units feeds: [${z.id}]`,
        );
    });

  const label = (id: NodeId): string => {
    const n = nodes.find((x) => x.id === id)!;
    return n.kind === 'equipment' ? n.local : `${KIND_WORD[n.kind as RefKind]} ${n.local}`;
  };
  const cycles = findCycles(
    nodes.map((n) => n.id),
    edges,
  );
  for (const cycle of cycles) {
    // Point at an equipment's `feeds:` entry in the cycle if there is one: the structural edges
    // (a zone's units, a path's UPS) are rarely the mistake.
    const pairs = cycle.slice(1).map((to, i) => origins.get(ek(cycle[i]!, to))!);
    const written = pairs.find((o) => o.path.includes('feeds')) ?? pairs[0]!;
    err(written, `feeds cycle: ${cycle.map(label).join(' → ')} (nothing may depend on itself)`);
  }
  if (cycles.length) return { nodes, edges, groups: [], errors };

  // Equipment in a rack depends on what the rack depends on (a GPU server on its rack's cooling and
  // power), unless it is itself one of the rack's feeds (a rack PDU, an in-rack CDU).
  for (const p of parts)
    p.site.equipment.forEach((e, i) => {
      const eq = known('equipment', e.id);
      const rack = e.rack === undefined ? undefined : known('rack', e.rack);
      if (eq && rack && !reaches(eq, rack)) edge(rack, eq, 'contains', at(p, 'equipment', i, 'rack'));
    });

  const groups = compileGroups(siteId, parts, { known, resolve, into, origins, ek, err, at, reaches });
  return { nodes, edges, groups, errors };
}

interface GroupContext {
  known: (kind: RefKind, id: string) => NodeId | undefined;
  resolve: (ref: string, o: Origin) => NodeId | undefined;
  /** Edges into each node. */
  into: ReadonlyMap<NodeId, readonly GraphEdge[]>;
  origins: Map<string, Origin>;
  ek: (from: NodeId, to: NodeId) => string;
  err: (o: Origin, message: string) => void;
  at: (p: SitePart, ...path: PathSegment[]) => Origin;
  reaches: (from: NodeId, target: NodeId) => boolean;
}

interface GroupDraft {
  local: string;
  members: { id: NodeId; o: Origin }[];
  serves: { id: NodeId; o: Origin }[];
  redundancy: RedundancySpecYaml;
  where: Origin;
  /** The zone a `cooling_zones[].redundancy` group was written on. */
  zone?: string;
  /** Some member or served reference did not resolve (already reported): the group is not checked further. */
  unresolved: boolean;
}

function compileGroups(siteId: string, parts: readonly SitePart[], c: GroupContext): RedundancySpec[] {
  const drafts: GroupDraft[] = [];
  const local = (id: NodeId) => id.slice(id.indexOf('/') + 1);
  for (const p of parts) {
    p.site.cooling_zones.forEach((z, i) => {
      const zone = c.known('cooling_zone', z.id);
      if (!z.redundancy || !zone) return;
      const o = c.at(p, 'cooling_zones', i, 'redundancy');
      drafts.push({
        local: z.id,
        members: (c.into.get(zone) ?? []).map((e) => ({ id: e.from, o: c.origins.get(c.ek(e.from, zone))! })),
        serves: [{ id: zone, o }],
        redundancy: z.redundancy,
        where: o,
        zone: z.id,
        unresolved: false,
      });
    });
    p.site.redundancy_groups?.forEach((g, i) => {
      let unresolved = false;
      const list = (key: 'members' | 'serves') => {
        const out: { id: NodeId; o: Origin }[] = [];
        g[key].forEach((ref, j) => {
          const o = c.at(p, 'redundancy_groups', i, key, j);
          const id = c.resolve(ref, o);
          if (!id) {
            unresolved = true;
            return;
          }
          if (out.some((x) => x.id === id))
            return c.err(o, `"${ref}" is listed twice in ${key} of group ${g.id}`);
          out.push({ id, o });
        });
        return out;
      };
      drafts.push({
        local: g.id,
        members: list('members'),
        serves: list('serves'),
        redundancy: g.redundancy,
        where: c.at(p, 'redundancy_groups', i, 'redundancy'),
        unresolved,
      });
    });
  }

  const groups: RedundancySpec[] = [];
  const ids = new Map<string, Origin>();
  const claimed = new Map<string, string>();
  for (const d of drafts) {
    const first = ids.get(d.local);
    const idPath = d.zone ? d.where : { ...d.where, path: [...d.where.path.slice(0, -1), 'id'] };
    if (first) {
      const e = errorAt(first.source, first.path, '');
      c.err(
        idPath,
        `duplicate redundancy group "${d.local}" (first defined at ${e.file}:${e.line}:${e.col})`,
      );
      continue;
    }
    ids.set(d.local, idPath);
    if (d.unresolved) continue;
    const n = d.members.length;
    const what = d.zone
      ? `zone ${d.zone} has ${n} unit${n === 1 ? '' : 's'}`
      : `group ${d.local} has ${n} members`;
    let need: number;
    let mode: RedundancyMode | null = null;
    if (typeof d.redundancy === 'string') {
      mode = d.redundancy;
      const min = mode === 'N+2' ? 3 : 2;
      if (n < min) {
        c.err(d.where, `${mode} needs at least ${min} members (${what})`);
        continue;
      }
      if (mode === '2N' && n % 2) {
        c.err(d.where, `2N needs an even number of members (${what})`);
        continue;
      }
      need = needFor(mode, n);
    } else {
      need = d.redundancy.need;
      if (need >= n) {
        c.err(
          { ...d.where, path: [...d.where.path, 'need'] },
          `need ${need} of ${n} leaves no redundancy (${what}): need fewer than the members`,
        );
        continue;
      }
    }

    let ok = true;
    for (const m of d.members)
      for (const s of d.serves) {
        if (m.id === s.id) {
          c.err(m.o, `${local(m.id)} cannot be a member of a group that serves it`);
          ok = false;
          continue;
        }
        if (!c.origins.has(c.ek(m.id, s.id))) {
          c.err(
            m.o,
            `${local(m.id)} does not feed ${local(s.id)}: each member of redundancy group ${d.local} ` +
              `must feed every node it serves directly (add ${local(s.id)} to the feeds of ${local(m.id)})`,
          );
          ok = false;
          continue;
        }
        const other = claimed.get(c.ek(m.id, s.id));
        if (other) {
          c.err(m.o, `${local(m.id)} → ${local(s.id)} is already redundant in group ${other}`);
          ok = false;
        }
      }
    if (!ok) continue;
    for (const m of d.members) for (const s of d.serves) claimed.set(c.ek(m.id, s.id), d.local);

    // Another feed of a served node from upstream of a member would carry a member's fault around the
    // redundancy (a power path listing a rack that its PDU pair already feeds).
    const members = new Set(d.members.map((m) => m.id));
    for (const s of d.serves)
      for (const e of c.into.get(s.id) ?? []) {
        if (members.has(e.from) || e.kind === 'contains') continue;
        const through = d.members.find((m) => c.reaches(e.from, m.id));
        if (through)
          c.err(
            c.origins.get(c.ek(e.from, s.id))!,
            `${local(e.from)} feeds ${local(s.id)} directly and through ${local(through.id)} of redundancy ` +
              `group ${d.local}: the direct feed bypasses the redundancy (remove it)`,
          );
      }
    groups.push({
      site: siteId,
      local: d.local,
      members: d.members.map((m) => m.id),
      serves: d.serves.map((s) => s.id),
      need,
      mode,
    });
  }
  return groups;
}
