// Topology scopes as plain strings, so "the cooling zone a cause covers" and "the zones an effect lies
// in" can be compared by equality (and indexed by the store).
import type { TopologyContext } from '../mapping/topology.js';

export type ScopeKind = 'cooling_zone' | 'power_path' | 'row' | 'rack' | 'room' | 'site';

export function scopeId(kind: ScopeKind, t: TopologyContext): string | undefined {
  const site = t.site ?? '-';
  const v = t[kind];
  return v ? (kind === 'site' ? `site:${v}` : `${kind}:${site}/${v}`) : undefined;
}

/** Every scope an alarm lies in, narrowest first. */
export function scopesOf(t: TopologyContext): string[] {
  const kinds: ScopeKind[] = ['rack', 'row', 'room', 'cooling_zone', 'power_path', 'site'];
  return kinds.map((k) => scopeId(k, t)).filter((s): s is string => s !== undefined);
}

/**
 * Power and space are different dimensions: a UPS on battery (power path) explains nothing about a hot
 * rack on that path, and a failing CRAH (cooling zone) nothing about a PDU. Causes inhibit and adopt
 * effects only within their own dimension.
 */
export function sameDimension(a: string, b: string): boolean {
  return a.startsWith('power_path:') === b.startsWith('power_path:');
}
