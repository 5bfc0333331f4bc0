// Places an alarm's asset in the site topology: which room/row/rack it is in, which cooling zone and
// power path serve it, and what the equipment is called, read from the compiled graph. Correlation keys
// are built from this, so a GPU alarm on a rack and a CRAH alarm for the zone serving that rack can
// render the same key.
import type { Asset } from '../model/alarm.js';
import type { Topology } from './schema.js';
import { nodeId, type GraphNode, type NodeId, type NodeKind, type TopologyGraph } from './topology-graph.js';
import { EVERY_PATH, directDownstream, directUpstream, upstream } from './topology-walk.js';

/** Keys mirror the `topology.*` template variables (and `correlation.scope` names). */
export interface TopologyContext {
  site?: string;
  site_name?: string;
  room?: string;
  room_name?: string;
  row?: string;
  rack?: string;
  /**
   * One zone, as today's rules key on: the zone the equipment serves (feeds directly), else the first
   * zone listing the rack, else the first listing the row, else the nearest zone upstream.
   */
  cooling_zone?: string;
  /** The equipment feeding that zone directly (its units). */
  cooling_units?: string[];
  /**
   * The power path the equipment feeds or belongs to (its UPS or a PDU), else the first path listing
   * the rack, else the nearest path upstream (a rack fed through its PDUs).
   */
  power_path?: string;
  ups?: string;
  pdus?: string[];
  equipment_id?: string;
  equipment_name?: string;
  equipment_class?: string;
}

function defined<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

const has = (g: TopologyGraph, kind: NodeKind, site: string, local: string | undefined) =>
  local !== undefined && g.nodes.has(nodeId(kind, site, local)) ? nodeId(kind, site, local) : undefined;

function findEquipment(g: TopologyGraph, site: string, asset: Asset): NodeId | undefined {
  const byId = has(g, 'equipment', site, asset.equipmentId);
  if (byId) return byId;
  // Sources that only know a display name (an SNMP sysName, a BMS point label) still find the unit.
  const name = asset.equipmentName ?? asset.equipmentId;
  return name === undefined ? undefined : g.equipmentByName.get(site)?.get(name);
}

/** The site the asset belongs to: named by the alarm, or the one site holding its equipment or rack. */
function pickSite(g: TopologyGraph, asset: Asset): string | undefined {
  if (asset.site) return g.sites.has(asset.site) ? asset.site : undefined;
  if (g.sites.size === 1) return [...g.sites.keys()][0];
  const hits = new Set<string>();
  for (const [site, byName] of g.equipmentByName) {
    const name = asset.equipmentName ?? asset.equipmentId;
    if (has(g, 'equipment', site, asset.equipmentId) || (name !== undefined && byName.has(name)))
      hits.add(site);
  }
  for (const site of asset.rack ? (g.sitesOf.get(asset.rack) ?? []) : [])
    if (has(g, 'rack', site, asset.rack)) hits.add(site);
  return hits.size === 1 ? [...hits][0] : undefined;
}

/** The container of `node` of `kind` (a rack's row, a row's room). */
function containerOf(g: TopologyGraph, node: NodeId | undefined, kind: NodeKind): GraphNode | undefined {
  if (!node) return undefined;
  for (const e of g.parents.get(node) ?? [])
    if (e.kind === 'contains' && g.nodes.get(e.from)?.kind === kind) return g.nodes.get(e.from);
  return undefined;
}

function firstOfKind(g: TopologyGraph, ids: readonly NodeId[], kind: NodeKind): GraphNode | undefined {
  const order = (id: NodeId) => g.order.get(id) ?? Infinity;
  const hit = ids.filter((id) => g.nodes.get(id)?.kind === kind).sort((a, b) => order(a) - order(b))[0];
  return hit === undefined ? undefined : g.nodes.get(hit);
}

function nearestUpstream(g: TopologyGraph, node: NodeId | undefined, kind: NodeKind): GraphNode | undefined {
  if (!node) return undefined;
  const hit = upstream(g, node, EVERY_PATH).find((r) => g.nodes.get(r.node)?.kind === kind);
  return hit && g.nodes.get(hit.node);
}

const locals = (g: TopologyGraph, ids: readonly NodeId[]) => ids.map((id) => g.nodes.get(id)!.local);

interface ScopeValues {
  zone?: string;
  units: readonly string[];
  power?: string;
  ups?: string;
  pdus: readonly string[];
}

// Placement runs for every alarm at ingest and the graph never changes once built: each combination of
// nodes is worked out once per graph.
const memo = new WeakMap<TopologyGraph, Map<string, ScopeValues>>();

function scopeValues(
  g: TopologyGraph,
  eqId: NodeId | undefined,
  rackNode: NodeId | undefined,
  zoneRow: NodeId | undefined,
): ScopeValues {
  let cache = memo.get(g);
  if (!cache) memo.set(g, (cache = new Map()));
  const key = `${eqId ?? ''}\n${rackNode ?? ''}\n${zoneRow ?? ''}`;
  let v = cache.get(key);
  if (!v) {
    // Alarms choose the combination (equipment X "in" rack Y): bound what they can make us keep.
    if (cache.size >= 10_000 + 4 * g.nodes.size) cache.clear();
    cache.set(key, (v = computeScopeValues(g, eqId, rackNode, zoneRow)));
  }
  return v;
}

function computeScopeValues(
  g: TopologyGraph,
  eqId: NodeId | undefined,
  rackNode: NodeId | undefined,
  zoneRow: NodeId | undefined,
): ScopeValues {
  const placed = eqId ?? rackNode;
  // Today's precedence first (the unit itself, the rack, the row), so existing keys stay the same;
  // the graph adds the nearest scope upstream where none of those names one.
  const zone =
    (eqId ? firstOfKind(g, directDownstream(g, eqId), 'cooling_zone') : undefined) ??
    (rackNode ? firstOfKind(g, directUpstream(g, rackNode), 'cooling_zone') : undefined) ??
    (zoneRow ? firstOfKind(g, directUpstream(g, zoneRow), 'cooling_zone') : undefined) ??
    nearestUpstream(g, placed ?? zoneRow, 'cooling_zone');
  const power =
    (eqId
      ? firstOfKind(g, [...directDownstream(g, eqId), ...directUpstream(g, eqId)], 'power_path')
      : undefined) ??
    (rackNode ? firstOfKind(g, directUpstream(g, rackNode), 'power_path') : undefined) ??
    nearestUpstream(g, placed, 'power_path');
  const isEquipment = (id: NodeId) => g.nodes.get(id)?.kind === 'equipment';
  const ups = power ? directUpstream(g, power.id).find(isEquipment) : undefined;
  return {
    zone: zone?.local,
    units: zone ? locals(g, directUpstream(g, zone.id).filter(isEquipment)) : [],
    power: power?.local,
    ups: ups ? g.nodes.get(ups)!.local : undefined,
    pdus: power ? locals(g, directDownstream(g, power.id).filter(isEquipment)) : [],
  };
}

/** The graph node an asset is placed on: its equipment, else its rack, row or room. */
export function placeAsset(g: TopologyGraph, t: TopologyContext): NodeId | undefined {
  if (!t.site || !g.sites.has(t.site)) return undefined;
  return (
    has(g, 'equipment', t.site, t.equipment_id) ??
    has(g, 'rack', t.site, t.rack) ??
    has(g, 'row', t.site, t.row) ??
    has(g, 'room', t.site, t.room)
  );
}

export function resolveTopology(g: TopologyGraph, asset: Asset): TopologyContext {
  const site = pickSite(g, asset);
  if (!site) {
    return defined({
      site: asset.site,
      room: asset.room,
      row: asset.row,
      rack: asset.rack,
      equipment_id: asset.equipmentId,
      equipment_name: asset.equipmentName,
      equipment_class: asset.equipmentClass,
    });
  }
  const eqId = findEquipment(g, site, asset);
  const equipment = eqId ? g.nodes.get(eqId) : undefined;
  const rack = asset.rack ?? equipment?.location?.rack;
  const rackNode = has(g, 'rack', site, rack);
  const rackRow = containerOf(g, rackNode, 'row');
  const rowId = asset.row ?? rackRow?.local ?? equipment?.location?.row;
  const rowNode = rackRow?.id ?? has(g, 'row', site, rowId);
  const roomId = asset.room ?? containerOf(g, rowNode, 'room')?.local ?? equipment?.location?.room;
  const room = has(g, 'room', site, roomId);
  const equipmentId = equipment?.local ?? asset.equipmentId;
  const zoneRow = has(g, 'row', site, rowId);

  const { zone, units, power, ups, pdus } = scopeValues(g, eqId, rackNode, zoneRow);
  return defined({
    site,
    site_name: g.sites.get(site)?.name,
    room: roomId,
    room_name: room ? g.nodes.get(room)?.name : undefined,
    row: rowId,
    rack,
    cooling_zone: zone,
    cooling_units: zone ? [...units] : undefined,
    power_path: power,
    ups,
    pdus: power ? [...pdus] : undefined,
    equipment_id: equipmentId,
    equipment_name: asset.equipmentName ?? equipment?.name,
    equipment_class: asset.equipmentClass ?? equipment?.class,
  });
}

/** Every id the topology defines, by kind: what references in mappings are checked against. */
export interface TopologyIndex {
  sites: Set<string>;
  rooms: Set<string>;
  rows: Set<string>;
  racks: Set<string>;
  equipment: Set<string>;
  cooling_zones: Set<string>;
  power_paths: Set<string>;
}

export function indexTopology(topology: Topology): TopologyIndex {
  const idx: TopologyIndex = {
    sites: new Set(),
    rooms: new Set(),
    rows: new Set(),
    racks: new Set(),
    equipment: new Set(),
    cooling_zones: new Set(),
    power_paths: new Set(),
  };
  for (const site of topology.sites) {
    idx.sites.add(site.id);
    for (const room of site.rooms) {
      idx.rooms.add(room.id);
      for (const row of room.rows) {
        idx.rows.add(row.id);
        for (const r of row.racks) idx.racks.add(r);
      }
    }
    for (const e of site.equipment) idx.equipment.add(e.id);
    for (const z of site.cooling_zones) idx.cooling_zones.add(z.id);
    for (const p of site.power_paths) idx.power_paths.add(p.id);
  }
  return idx;
}
