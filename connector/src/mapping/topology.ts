// Places an alarm's asset in the site topology: which room/row/rack it is in, which cooling zone and
// power path serve it, and what the equipment is called. Correlation keys are built from this, so a GPU
// alarm on a rack and a CRAH alarm for the zone serving that rack can render the same key.
import type { Asset } from '../model/alarm.js';
import type { Topology } from './schema.js';

type Site = Topology['sites'][number];
type Equipment = Site['equipment'][number];

/** Keys mirror the `topology.*` template variables (and `correlation.scope` names). */
export interface TopologyContext {
  site?: string;
  site_name?: string;
  room?: string;
  room_name?: string;
  row?: string;
  rack?: string;
  /** The zone whose units include the equipment, else whose racks, else whose rows contain the asset. */
  cooling_zone?: string;
  cooling_units?: string[];
  /** The power path whose UPS or PDUs are the equipment, else whose racks contain the rack. */
  power_path?: string;
  ups?: string;
  pdus?: string[];
  equipment_id?: string;
  equipment_name?: string;
  equipment_class?: string;
}

interface RackPlace {
  room: Site['rooms'][number];
  row: Site['rooms'][number]['rows'][number];
}

function findRack(site: Site, rack: string): RackPlace | undefined {
  for (const room of site.rooms)
    for (const row of room.rows) if (row.racks.includes(rack)) return { room, row };
  return undefined;
}

function findRow(site: Site, rowId: string): RackPlace | undefined {
  for (const room of site.rooms) for (const row of room.rows) if (row.id === rowId) return { room, row };
  return undefined;
}

function findEquipment(site: Site, asset: Asset): Equipment | undefined {
  const byId = asset.equipmentId ? site.equipment.find((e) => e.id === asset.equipmentId) : undefined;
  if (byId) return byId;
  // Sources that only know a display name (an SNMP sysName, a BMS point label) still find the unit.
  const name = asset.equipmentName ?? asset.equipmentId;
  return name ? site.equipment.find((e) => e.name === name || e.id === name) : undefined;
}

/** The site the asset belongs to: named by the alarm, or the one site holding its equipment or rack. */
function pickSite(topology: Topology, asset: Asset): Site | undefined {
  if (asset.site) return topology.sites.find((s) => s.id === asset.site);
  if (topology.sites.length === 1) return topology.sites[0];
  const hits = topology.sites.filter(
    (s) => findEquipment(s, asset) || (asset.rack && findRack(s, asset.rack)),
  );
  return hits.length === 1 ? hits[0] : undefined;
}

function defined<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

export function resolveTopology(topology: Topology, asset: Asset): TopologyContext {
  const site = pickSite(topology, asset);
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
  const equipment = findEquipment(site, asset);
  const rack = asset.rack ?? equipment?.rack;
  const rackPlace = rack ? findRack(site, rack) : undefined;
  const rowId = asset.row ?? rackPlace?.row.id ?? equipment?.row;
  const rowPlace = rackPlace ?? (rowId ? findRow(site, rowId) : undefined);
  const roomId = asset.room ?? rowPlace?.room.id ?? equipment?.room;
  const room = site.rooms.find((r) => r.id === roomId);
  const equipmentId = equipment?.id ?? asset.equipmentId;

  const zone =
    (equipmentId ? site.cooling_zones.find((z) => z.units.includes(equipmentId)) : undefined) ??
    (rack ? site.cooling_zones.find((z) => z.racks.includes(rack)) : undefined) ??
    (rowId ? site.cooling_zones.find((z) => z.rows.includes(rowId)) : undefined);
  const power =
    (equipmentId
      ? site.power_paths.find((p) => p.ups === equipmentId || p.pdus.includes(equipmentId))
      : undefined) ?? (rack ? site.power_paths.find((p) => p.racks.includes(rack)) : undefined);

  return defined({
    site: site.id,
    site_name: site.name,
    room: roomId,
    room_name: room?.name,
    row: rowId,
    rack,
    cooling_zone: zone?.id,
    cooling_units: zone ? [...zone.units] : undefined,
    power_path: power?.id,
    ups: power?.ups,
    pdus: power ? [...power.pdus] : undefined,
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
