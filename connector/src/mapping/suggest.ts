// "Did you mean" for ids: the closest known id to a typo, or a short list of the known ones.

/** Edit distance counting a swap of two neighbours as one edit (CRHA-1 → CRAH-1). */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [
    i,
    ...Array<number>(b.length).fill(0),
  ]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** The known id a typo most likely meant: same letters in another case, or one edit away (two for long ids). */
export function closest(word: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of known) {
    if (k.toLowerCase() === word.toLowerCase()) return k;
    const d = distance(word, k);
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  // Short ids are all close to each other: "Z9" is not a typo of "A1", nor "CDU-9" of "PDU-1".
  return bestD <= (word.length >= 8 ? 2 : 1) && bestD < word.length / 2 ? best : undefined;
}

/** ` (did you mean "CRAH-1"?)`, else ` (known: a, b, …)`, else ` (none are defined)`. */
export function suggestion(word: string, known: Iterable<string>): string {
  const list = [...known];
  if (list.length === 0) return ' (none are defined)';
  const hit = closest(word, list);
  if (hit !== undefined) return ` (did you mean "${hit}"?)`;
  return ` (known: ${list.slice(0, 12).join(', ')}${list.length > 12 ? ', …' : ''})`;
}
