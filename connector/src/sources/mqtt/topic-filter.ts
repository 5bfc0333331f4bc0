// Does a topic match one of the source's subscription filters? (`+` one level, `#` the rest; `$`
// topics only match filters naming them; `$share/<group>/` is the shared-subscription prefix.)

export function topicMatches(filter: string, topic: string): boolean {
  const shared = /^\$share\/[^/]+\/(.*)$/.exec(filter);
  const f = (shared ? shared[1]! : filter).split('/');
  const t = topic.split('/');
  if (topic.startsWith('$') && (f[0] === '+' || f[0] === '#')) return false;
  for (let i = 0; i < f.length; i++) {
    if (f[i] === '#') return true;
    if (i >= t.length) return false;
    if (f[i] !== '+' && f[i] !== t[i]) return false;
  }
  return f.length === t.length;
}

export const matchesAny = (filters: readonly string[], topic: string): boolean =>
  filters.some((f) => topicMatches(f, topic));
