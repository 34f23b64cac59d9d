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
    const d = c.startsWith(word) || word.startsWith(c) ? Math.abs(c.length - word.length) / 4 : editDistanceWithin(word, c, Math.ceil(bestDistance) - 1);
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

let rowsA = new Int32Array(0);
let rowsB = new Int32Array(0);
let rowsC = new Int32Array(0);

/**
 * editDistance when it is at most `limit`, else some number above `limit`.
 * Stops as soon as a whole row exceeds the limit: did-you-mean over a
 * service's thousand actions looks at a few characters of most of them.
 */
export function editDistanceWithin(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (countBound(a, b) > limit) return limit + 1;
  const width = b.length + 1;
  if (rowsA.length < width) {
    rowsA = new Int32Array(width * 2);
    rowsB = new Int32Array(width * 2);
    rowsC = new Int32Array(width * 2);
  }
  let before = rowsA;
  let above = rowsB;
  let row = rowsC;
  for (let j = 0; j < width; j++) above[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min((above[j] as number) + 1, (row[j - 1] as number) + 1, (above[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) d = Math.min(d, (before[j - 2] as number) + 1);
      row[j] = d;
      if (d < rowMin) rowMin = d;
    }
    // A swap reaches back two rows, so both must be past the limit before stopping.
    if (rowMin > limit && i > 1 && minOf(above, width) > limit) return limit + 1;
    const spare = before;
    before = above;
    above = row;
    row = spare;
  }
  return above[b.length] as number;
}

function minOf(row: Int32Array, width: number): number {
  let m = Infinity;
  for (let j = 0; j < width; j++) if ((row[j] as number) < m) m = row[j] as number;
  return m;
}

/** Character counts per code unit below 128; the rest share the last slot. Reused: no allocation per pair. */
const counts = new Int32Array(129);

/**
 * A lower bound on the distance, in time linear in the lengths: each edit
 * changes the character counts of `a` by at most one excess and one
 * shortfall (a swap changes none), so the larger of the total excess and the
 * total shortfall cannot exceed the distance. Most of a service's names fail
 * this test and never reach the quadratic table. Characters above 127 share
 * one slot, which only lowers the bound.
 */
function countBound(a: string, b: string): number {
  for (let i = 0; i < a.length; i++) {
    const c = a.charCodeAt(i);
    const k = c < 128 ? c : 128;
    counts[k] = (counts[k] as number) + 1;
  }
  for (let i = 0; i < b.length; i++) {
    const c = b.charCodeAt(i);
    const k = c < 128 ? c : 128;
    counts[k] = (counts[k] as number) - 1;
  }
  let excess = 0;
  let shortfall = 0;
  for (let i = 0; i < a.length; i++) {
    const c = a.charCodeAt(i);
    const k = c < 128 ? c : 128;
    const n = counts[k] as number;
    if (n > 0) excess += n;
    counts[k] = 0;
  }
  for (let i = 0; i < b.length; i++) {
    const c = b.charCodeAt(i);
    const k = c < 128 ? c : 128;
    const n = counts[k] as number;
    if (n < 0) shortfall -= n;
    counts[k] = 0;
  }
  return Math.max(excess, shortfall);
}
