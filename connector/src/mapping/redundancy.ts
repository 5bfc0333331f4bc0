// Redundancy groups: which groups a node belongs to or depends on, and what a group's state is given
// which of its members are down. Pure: correlation passes the members it knows to be down.
import type { NodeId, RedundancyGroup, TopologyGraph } from './topology-graph.js';
import { EVERY_PATH, upstream } from './topology-walk.js';

/**
 * `ok`: every member works. `degraded`: some are down, more than `need` still work (N+2 with one
 * down). `lost`: exactly `need` work, the redundancy is gone but the load is carried. `outage`: fewer
 * than `need` work, what the group serves is no longer fed.
 */
export type GroupCondition = 'ok' | 'degraded' | 'lost' | 'outage';

export interface GroupState {
  group: NodeId;
  condition: GroupCondition;
  working: NodeId[];
  down: NodeId[];
  need: number;
  /** Members that may still fail before an outage (negative in an outage). */
  spare: number;
}

export function groupState(group: RedundancyGroup, down: Iterable<NodeId>): GroupState {
  const isDown = new Set(down);
  const working = group.members.filter((m) => !isDown.has(m));
  const lost = group.members.filter((m) => isDown.has(m));
  const spare = working.length - group.need;
  const condition: GroupCondition =
    lost.length === 0 ? 'ok' : spare < 0 ? 'outage' : spare === 0 ? 'lost' : 'degraded';
  return { group: group.id, condition, working, down: lost, need: group.need, spare };
}

/** Groups `node` is a member of. */
export function groupsWithMember(g: TopologyGraph, node: NodeId): RedundancyGroup[] {
  return [...g.groups.values()].filter((grp) => grp.members.includes(node));
}

/** Groups upstream of `node` (all levels, static graph), nearest first. */
export function groupsAbove(g: TopologyGraph, node: NodeId): RedundancyGroup[] {
  return upstream(g, node, EVERY_PATH)
    .map((r) => g.groups.get(r.node))
    .filter((grp): grp is RedundancyGroup => grp !== undefined);
}

/** `CRAH-3, CRAH-4` from node ids (the ids as written in the site). */
export function localList(g: TopologyGraph, ids: readonly NodeId[]): string {
  return ids.map((id) => g.nodes.get(id)?.local ?? id).join(', ');
}

/** What a group covers, for people: `ZONE-B`, or `racks R01, R02, R03`. */
export function groupScope(g: TopologyGraph, group: RedundancyGroup): string {
  const kinds = new Set(group.serves.map((id) => g.nodes.get(id)?.kind));
  const list = localList(g, group.serves);
  if (kinds.size === 1 && kinds.has('rack')) return `${group.serves.length === 1 ? 'rack' : 'racks'} ${list}`;
  return list;
}

/**
 * One line for an incident or a note: "redundancy lost in ZONE-B (N+1): CRAH-3 down, CRAH-4 carrying
 * the load", "outage of ZONE-B (N+1 needs 1 of 2): CRAH-3, CRAH-4 down".
 */
export function describeGroupState(g: TopologyGraph, state: GroupState): string {
  const group = g.groups.get(state.group);
  if (!group) return state.group;
  const where = groupScope(g, group);
  const name = group.local === where ? where : `${where} (group ${group.local})`;
  const down = localList(g, state.down);
  const working = localList(g, state.working);
  const carry = state.working.length === 1 ? 'carrying' : 'carry';
  switch (state.condition) {
    case 'ok':
      return `${name} (${group.label}): all ${group.members.length} members working`;
    case 'degraded':
      return `redundancy reduced in ${name} (${group.label}): ${down} down, ${working} ${carry} the load, ${state.spare} spare`;
    case 'lost':
      return `redundancy lost in ${name} (${group.label}): ${down} down, ${working} ${carry} the load`;
    case 'outage':
      return (
        `outage of ${name} (${group.label} needs ${group.need} of ${group.members.length}): ${down} down` +
        (state.working.length ? `, only ${working} working` : '')
      );
  }
}
