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

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours cost 1. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const row = d[i] as number[];
      const above = d[i - 1] as number[];
      row[j] = Math.min((above[j] as number) + 1, (row[j - 1] as number) + 1, (above[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1);
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}
