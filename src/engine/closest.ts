/** "Did you mean" suggestions for misspelt rule ids, operators and keys. */

/**
 * Longer words get no suggestion: every key, operator and rule id ramlint
 * knows is shorter, and edit distance costs length × length per candidate, so
 * a megabyte-long key would hold the run for minutes.
 */
export const MAX_SUGGESTION_LENGTH = 64;

/** The candidate within a small edit distance of `word`, if any. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  if (word.length > MAX_SUGGESTION_LENGTH) return undefined;
  let best: string | undefined;
  // Short words need a close match: "Foo" should not suggest "Bool".
  let bestDistance = Math.max(1, Math.floor(word.length / 4)) + 1;
  for (const c of candidates) {
    // The distance is at least the difference in length: skip what cannot win.
    if (Math.abs(c.length - word.length) >= bestDistance && !(c.startsWith(word) || word.startsWith(c))) continue;
    const d = c.startsWith(word) || word.startsWith(c) ? Math.abs(c.length - word.length) / 4 : editDistance(word, c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/**
 * Optimal string alignment distance: insertions, deletions, substitutions and
 * swaps of neighbours cost 1. Three rolling rows of length |b| + 1, not a
 * full matrix: a megabyte-long `a` (a key checked against "Statement") costs
 * time linear in its length and constant memory.
 */
export function editDistance(a: string, b: string): number {
  const width = b.length + 1;
  let before = new Array<number>(width).fill(0);
  let above = Array.from({ length: width }, (_, j) => j);
  let row = new Array<number>(width).fill(0);
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((above[j] as number) + 1, (row[j - 1] as number) + 1, (above[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (before[j - 2] as number) + 1);
      row[j] = d;
    }
    [before, above, row] = [above, row, before];
  }
  return above[b.length] as number;
}
