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
  // One word against many candidates (a service's thousand actions): its bit masks are built once.
  const masks = word.length >= 1 && word.length <= BIT_PARALLEL_MAX ? wordMasks(word) : undefined;
  for (const c of candidates) {
    // The distance is at least the difference in length: skip what cannot win.
    if (Math.abs(c.length - word.length) >= bestDistance && !(c.startsWith(word) || word.startsWith(c))) continue;
    const limit = Math.ceil(bestDistance) - 1;
    const d = c.startsWith(word) || word.startsWith(c) ? Math.abs(c.length - word.length) / 4 : masks ? bitParallelWithin(masks, word.length, c, limit) : editDistanceWithin(word, c, limit);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/** Words up to this length fit one 32-bit mask per character. */
const BIT_PARALLEL_MAX = 32;

interface WordMasks {
  /** Per code unit below 128: the positions in the word where it occurs, as bits. */
  ascii: Int32Array;
  /** The same for the other code units of the word. */
  other: Map<number, number>;
}

function wordMasks(word: string): WordMasks {
  const ascii = new Int32Array(128);
  const other = new Map<number, number>();
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 128) ascii[c] = (ascii[c] as number) | (1 << i);
    else other.set(c, (other.get(c) ?? 0) | (1 << i));
  }
  return { ascii, other };
}

/**
 * editDistanceWithin(word, text, limit) for a word of 1 to 32 code units, by
 * Hyyrö's bit-vector algorithm for the optimal string alignment distance
 * ("A bit-vector algorithm for computing Levenshtein and Damerau edit
 * distances", 2003): one column of the table per step in a few word-wide
 * operations, instead of |word| cells. Exact; test/engine/closest.test.ts
 * checks it against editDistance on random pairs.
 */
function bitParallelWithin(masks: WordMasks, m: number, text: string, limit: number): number {
  if (Math.abs(m - text.length) > limit) return limit + 1;
  const all = m === 32 ? -1 : (1 << m) - 1;
  const last = 1 << (m - 1);
  let vp = all;
  let vn = 0;
  let d0 = 0;
  let pmBefore = 0;
  let score = m;
  const n = text.length;
  for (let j = 0; j < n; j++) {
    const c = text.charCodeAt(j);
    const pm = c < 128 ? (masks.ascii[c] as number) : (masks.other.get(c) ?? 0);
    // Transpositions: a match of this character one row down, where the previous column matched the row above.
    const tr = (((~d0 & pm) << 1) & pmBefore);
    // The carry of the addition runs past bit 31 as a JavaScript number; `^` keeps the low 32 bits.
    d0 = ((((pm & vp) >>> 0) + (vp >>> 0)) ^ vp) | pm | vn | tr;
    const hp = vn | ~(d0 | vp);
    const hn = d0 & vp;
    if (hp & last) score++;
    else if (hn & last) score--;
    const x = (hp << 1) | 1;
    vn = x & d0 & all;
    vp = ((hn << 1) | ~(x | d0)) & all;
    pmBefore = pm;
    // The last row changes by at most one per remaining column.
    if (score - (n - 1 - j) > limit) return limit + 1;
  }
  return score;
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

/** bitParallelWithin for one pair (words of 1 to 32 code units); for tests, which hold it to editDistance. */
export function bitParallelDistanceWithin(word: string, text: string, limit: number): number {
  if (word.length < 1 || word.length > BIT_PARALLEL_MAX) throw new RangeError('the word must have 1 to 32 code units');
  return bitParallelWithin(wordMasks(word), word.length, text, limit);
}
