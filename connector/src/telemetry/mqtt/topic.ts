// MQTT queries: a topic (or topic filter with + and #) and, for Sparkplug B, `#<metric name>`:
//   dc1/hall-a/crah-2/supply_air          one topic
//   dc1/hall-a/+/supply_air               every CRAH: one series per topic
//   spBv1.0/dc1/NDATA/cdu-1#Secondary/Flow   a Sparkplug B metric (names may contain "/")

export interface MqttQuery {
  filter: string;
  /** Sparkplug B metric name; undefined for plain topics. */
  metric: string | undefined;
}

/** The metric separator is the first "#" that is not a multi-level wildcard (which follows "/" or starts the filter). */
export function parseMqttQuery(query: string): MqttQuery {
  const q = query.trim();
  for (let i = 1; i < q.length - 1; i++) {
    if (q[i] === '#' && q[i - 1] !== '/') return { filter: q.slice(0, i), metric: q.slice(i + 1) };
  }
  return { filter: q, metric: undefined };
}

export function hasWildcard(filter: string): boolean {
  return filter.split('/').some((l) => l === '+' || l === '#');
}

/** MQTT topic-filter matching (`+` one level, `#` the rest; `$`-topics only match filters naming them). */
export function topicMatches(filter: string, topic: string): boolean {
  const f = filter.split('/');
  const t = topic.split('/');
  if (topic.startsWith('$') && (f[0] === '+' || f[0] === '#')) return false;
  for (let i = 0; i < f.length; i++) {
    if (f[i] === '#') return true;
    if (i >= t.length) return false;
    if (f[i] !== '+' && f[i] !== t[i]) return false;
  }
  return f.length === t.length;
}
