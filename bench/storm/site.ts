// The site the storm happens in: DC1 with two data halls, their rows, racks, cooling zones and power
// paths, and every piece of equipment. The bench mappings' topology is generated from this, so the
// generator and the connector agree on where each device is.
import type { Topology } from '../../connector/src/mapping/schema.js';

export const SITE = 'DC1';
export const SERVERS_PER_RACK = 4;
export const GPUS_PER_SERVER = 8;

export interface Rack {
  id: string;
  room: string;
  row: string;
  /** Racks cooled by the CDU's liquid loop rather than the hall's CRAHs. */
  liquid: boolean;
}

export interface Equipment {
  id: string;
  name: string;
  class: 'CHILLER' | 'CRAH' | 'CDU' | 'UPS' | 'PDU' | 'RACK_SENSOR' | 'GPU_SERVER';
  room?: string;
  row?: string;
  rack?: string;
}

export interface Row {
  id: string;
  room: string;
  racks: string[];
  /** The CRAH serving this row (one cooling zone per row). */
  crah: string;
  zone: string;
}

export interface Site {
  rows: Row[];
  racks: Rack[];
  equipment: Equipment[];
  /** Chiller → the hall it feeds. */
  chillers: Record<string, string>;
  cdu: { id: string; zone: string; racks: string[] };
  ups: { id: string; path: string; agent: string; racks: string[]; pdus: string[] }[];
}

const RACKS_PER_ROW = 6;
const HALLS = [
  { id: 'HALL-A', name: 'Data hall A (air-cooled)', prefix: 'A', rows: 8, chiller: 'CH-1' },
  { id: 'HALL-B', name: 'Data hall B (air + direct liquid cooling)', prefix: 'B', rows: 6, chiller: 'CH-2' },
] as const;

export const rackId = (n: number): string => `R${String(n).padStart(3, '0')}`;
export const serverId = (rack: string, n: number): string => `gpu-${rack.toLowerCase()}-${n}`;
export const rackSensorId = (rack: string): string => `RIS-${rack}`;

/** The site is fixed (not random): only the storm on it depends on the seed. */
export function buildSite(): Site {
  const rows: Row[] = [];
  const racks: Rack[] = [];
  const equipment: Equipment[] = [];
  let rackNo = 0;
  let crahNo = 0;
  const lastHallB = `B${HALLS[1].rows}`;
  for (const hall of HALLS) {
    for (let r = 1; r <= hall.rows; r++) {
      const row = `${hall.prefix}${r}`;
      const crah = `CRAH-${++crahNo}`;
      const ids: string[] = [];
      for (let k = 0; k < RACKS_PER_ROW; k++) {
        const id = rackId(++rackNo);
        ids.push(id);
        racks.push({ id, room: hall.id, row, liquid: row === lastHallB });
      }
      rows.push({ id: row, room: hall.id, racks: ids, crah, zone: `ZONE-${row}` });
      equipment.push({ id: crah, name: `${crah} ${hall.id} row ${row}`, class: 'CRAH', room: hall.id, row });
    }
    equipment.push({
      id: hall.chiller,
      name: `${hall.chiller} chiller feeding ${hall.id}`,
      class: 'CHILLER',
      room: hall.id,
    });
  }
  const liquidRacks = racks.filter((r) => r.liquid).map((r) => r.id);
  const cdu = { id: 'CDU-1', zone: 'ZONE-B-LIQ', racks: liquidRacks };
  equipment.push({
    id: cdu.id,
    name: 'CDU-1 Hall B liquid loop',
    class: 'CDU',
    room: 'HALL-B',
    row: lastHallB,
  });

  const ups: Site['ups'] = [];
  const quarter = racks.length / 4;
  for (let u = 1; u <= 4; u++) {
    const hall = u <= 2 ? 'A' : 'B';
    const path = `PP-${hall}${u <= 2 ? u : u - 2}`;
    const pdus = [`PDU-${hall}${u}a`, `PDU-${hall}${u}b`];
    const its = racks.slice((u - 1) * quarter, u * quarter).map((r) => r.id);
    ups.push({ id: `UPS-${u}`, path, agent: `10.20.0.${10 + u}`, racks: its, pdus });
    equipment.push({ id: `UPS-${u}`, name: `UPS-${u} (power path ${path})`, class: 'UPS' });
    for (const p of pdus) equipment.push({ id: p, name: p, class: 'PDU', room: `HALL-${hall}` });
  }
  for (const rack of racks) {
    equipment.push({
      id: rackSensorId(rack.id),
      name: `${rack.id} inlet temperature sensor`,
      class: 'RACK_SENSOR',
      rack: rack.id,
    });
    for (let s = 1; s <= SERVERS_PER_RACK; s++) {
      const id = serverId(rack.id, s);
      equipment.push({ id, name: `${id} (8x H100 SXM)`, class: 'GPU_SERVER', rack: rack.id });
    }
  }
  return {
    rows,
    racks,
    equipment,
    chillers: Object.fromEntries(HALLS.map((h) => [h.chiller, h.id])),
    cdu,
    ups,
  };
}

export function rackOf(site: Site, id: string): Rack {
  const r = site.racks.find((x) => x.id === id);
  if (!r) throw new Error(`no rack ${id}`);
  return r;
}

export function rowOf(site: Site, id: string): Row {
  const r = site.rows.find((x) => x.id === id);
  if (!r) throw new Error(`no row ${id}`);
  return r;
}

/** What a chiller's water cools: every CRAH of its hall, and the CDU's primary loop in hall B. */
export function chillerFeeds(site: Site, chiller: string): string[] {
  const hall = site.chillers[chiller];
  const crahs = site.rows.filter((r) => r.room === hall).map((r) => r.crah);
  const cdu = site.equipment.find((e) => e.id === site.cdu.id);
  return cdu && cdu.room === hall ? [...crahs, cdu.id] : crahs;
}

/** The site as the mapping language's topology (what the connector correlates by). */
export function siteTopology(site: Site): Topology {
  const rooms = HALLS.map((h) => ({
    id: h.id,
    name: h.name,
    rows: site.rows.filter((r) => r.room === h.id).map((r) => ({ id: r.id, racks: r.racks })),
  }));
  return {
    sites: [
      {
        id: SITE,
        name: 'Frankfurt DC1 (storm benchmark)',
        rooms,
        // Precedence when resolving: the unit itself, then a listed rack, then the row; so the liquid
        // racks belong to the CDU's zone although their row has a CRAH zone too.
        cooling_zones: [
          { id: site.cdu.zone, units: [site.cdu.id], rows: [], racks: site.cdu.racks },
          ...site.rows.map((r) => ({ id: r.zone, units: [r.crah], rows: [r.id], racks: [] })),
        ],
        power_paths: site.ups.map((u) => ({ id: u.path, ups: u.id, pdus: u.pdus, racks: u.racks })),
        equipment: site.equipment.map((e) => ({
          id: e.id,
          name: e.name,
          class: e.class,
          ...(e.room ? { room: e.room } : {}),
          ...(e.row ? { row: e.row } : {}),
          ...(e.rack ? { rack: e.rack } : {}),
          ...(e.class === 'CHILLER' ? { feeds: chillerFeeds(site, e.id) } : {}),
        })),
      },
    ],
  };
}
