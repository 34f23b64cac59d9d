/**
 * RAM glob patterns (`*` any string, `?` one character) as automata, for exact
 * questions about sets of strings: is one pattern inside a union of others,
 * do two overlap, which string is in these sets and not in those.
 *
 * A pattern is an NFA whose states are positions in the pattern; a set of
 * positions fits in a bitset. Several patterns run side by side (a product),
 * and the product only needs the characters that occur in the patterns plus
 * one fresh character: a character in no pattern is matched only by `*` and
 * `?`, so all such characters behave alike. The product is exponential only in
 * pathological patterns (`*a?????????`), so every search has a state budget and
 * reports when it ran out instead of running on.
 */
import { wildcardMatch } from '../engine/wildcard';

/** A pattern, case-folded when the dimension ignores case, with `**` runs collapsed. */
export interface Glob {
  readonly source: string;
  readonly text: string;
  readonly ignoreCase: boolean;
}

export function glob(source: string, ignoreCase: boolean): Glob {
  const folded = ignoreCase ? source.toLowerCase() : source;
  return { source, text: folded.replace(/\*+/g, '*'), ignoreCase };
}

/** Does the pattern match this concrete string? */
export function globMatches(g: Glob, value: string): boolean {
  return wildcardMatch(g.text, g.ignoreCase ? value.toLowerCase() : value);
}

/**
 * A set of strings: the union of some patterns, or (NotAction, NotResource)
 * everything outside that union.
 */
export interface GlobSet {
  readonly globs: readonly Glob[];
  readonly negated: boolean;
}

export function globSet(patterns: readonly string[], ignoreCase: boolean, negated = false): GlobSet {
  return { globs: patterns.map((p) => glob(p, ignoreCase)), negated };
}

export function setContains(set: GlobSet, value: string): boolean {
  return set.globs.some((g) => globMatches(g, value)) !== set.negated;
}

/** One pattern's NFA, stepped on bitsets of positions. */
class GlobNfa {
  private readonly chars: number[];
  /** Positions that hold `*`. */
  private readonly stars: boolean[];
  readonly size: number;

  constructor(readonly text: string) {
    this.chars = [...text].map((c) => c.codePointAt(0) as number);
    this.stars = this.chars.map((c) => c === 42);
    this.size = this.chars.length + 1;
  }

  /** Positions reachable without reading: a `*` may match nothing. */
  close(state: Uint32Array): Uint32Array {
    for (let i = 0; i < this.chars.length; i++) if (this.stars[i] && has(state, i)) set(state, i + 1);
    return state;
  }

  start(): Uint32Array {
    const s = new Uint32Array((this.size + 31) >> 5);
    set(s, 0);
    return this.close(s);
  }

  step(state: Uint32Array, char: number): Uint32Array {
    const next = new Uint32Array(state.length);
    for (let i = 0; i < this.chars.length; i++) {
      if (!has(state, i)) continue;
      const c = this.chars[i] as number;
      if (c === 42) set(next, i);
      else if (c === 63 || c === char) set(next, i + 1);
    }
    return this.close(next);
  }

  accepts(state: Uint32Array): boolean {
    return has(state, this.chars.length);
  }
}

function has(bits: Uint32Array, i: number): boolean {
  return ((bits[i >> 5] as number) & (1 << (i & 31))) !== 0;
}
function set(bits: Uint32Array, i: number): void {
  bits[i >> 5] = (bits[i >> 5] as number) | (1 << (i & 31));
}
function isEmpty(bits: Uint32Array): boolean {
  for (const w of bits) if (w !== 0) return false;
  return true;
}

/** Readable stand-ins for "any other character", tried in this order. */
const FRESH_CANDIDATES = 'xyzqjkwvXYZQ0123456789_-abcdefghilmnoprstu';

/** One character that none of the patterns names, then the characters they name. */
export function alphabetOf(globs: readonly Glob[]): number[] {
  const seen = new Set<number>();
  for (const g of globs) for (const ch of g.text) {
    const c = ch.codePointAt(0) as number;
    if (c !== 42 && c !== 63) seen.add(c);
  }
  let fresh = [...FRESH_CANDIDATES].map((c) => c.codePointAt(0) as number).find((c) => !seen.has(c));
  for (let c = 0x100; fresh === undefined; c++) if (!seen.has(c)) fresh = c;
  // The fresh character first, so the shortest witnesses read `b/x` rather than `b//`.
  return [fresh, ...[...seen].sort((a, b) => a - b)];
}

/** One reachable combination of memberships, and the shortest string that shows it. */
export interface Cell {
  /** `members[i]`: is the witness in `sets[i]`? */
  readonly members: readonly boolean[];
  readonly witness: string;
}

export interface CellSearch {
  cells: Cell[];
  /** The state budget ran out: `cells` is incomplete. */
  exhausted: boolean;
}

/** Product states explored before a search gives up; far above what real policies need. */
export const DEFAULT_STATE_BUDGET = 50_000;

/**
 * Every combination of memberships in `sets` that some string has, each with
 * the shortest such string (breadth-first search over the product automaton).
 * `wanted` stops the search early at the first cell it accepts.
 */
export function cellsOf(sets: readonly GlobSet[], options: { budget?: number; wanted?: (members: readonly boolean[]) => boolean } = {}): CellSearch {
  const budget = options.budget ?? DEFAULT_STATE_BUDGET;
  const nfas: GlobNfa[] = [];
  const owner: number[] = [];
  sets.forEach((s, i) => s.globs.forEach((g) => (nfas.push(new GlobNfa(g.text)), owner.push(i))));
  const alphabet = alphabetOf(sets.flatMap((s) => s.globs));

  const membersOf = (states: Uint32Array[]): boolean[] => {
    const inUnion = sets.map(() => false);
    states.forEach((st, k) => {
      if (nfas[k]?.accepts(st)) inUnion[owner[k] as number] = true;
    });
    return inUnion.map((m, i) => m !== (sets[i] as GlobSet).negated);
  };
  const keyOf = (states: Uint32Array[]) => states.map((s) => s.join(',')).join('|');

  const cells = new Map<string, Cell>();
  const seen = new Set<string>();
  const start = nfas.map((n) => n.start());
  const queue: { states: Uint32Array[]; word: number[] }[] = [{ states: start, word: [] }];
  seen.add(keyOf(start));
  for (let head = 0; head < queue.length; head++) {
    const { states, word } = queue[head] as { states: Uint32Array[]; word: number[] };
    queue[head] = undefined as never; // let the explored prefix be collected
    const members = membersOf(states);
    const cellKey = members.map((m) => (m ? '1' : '0')).join('');
    if (!cells.has(cellKey)) {
      const cell = { members, witness: String.fromCodePoint(...word) };
      cells.set(cellKey, cell);
      if (options.wanted?.(members)) return { cells: [cell], exhausted: false };
    }
    // Once every NFA is dead the memberships can no longer change.
    if (states.every(isEmpty)) continue;
    for (const c of alphabet) {
      const next = states.map((s, k) => (nfas[k] as GlobNfa).step(s, c));
      const key = keyOf(next);
      if (seen.has(key)) continue;
      if (seen.size >= budget) return { cells: options.wanted ? [] : [...cells.values()], exhausted: true };
      seen.add(key);
      queue.push({ states: next, word: [...word, c] });
    }
  }
  return { cells: options.wanted ? [] : [...cells.values()], exhausted: false };
}

export type Answer = boolean | 'unknown';

/** Is every string of `inner` in `outer`? Exact; 'unknown' only when the budget runs out. */
export function setIncludedIn(inner: GlobSet, outer: readonly GlobSet[], budget?: number): Answer {
  const found = cellsOf([inner, ...outer], { budget, wanted: (m) => m[0] === true && m.slice(1).every((x) => !x) });
  if (found.cells.length > 0) return false;
  return found.exhausted ? 'unknown' : true;
}

/** A string in every one of `sets`, or undefined when they do not overlap. */
export function commonWitness(sets: readonly GlobSet[], budget?: number): { witness?: string; exhausted: boolean } {
  const found = cellsOf(sets, { budget, wanted: (m) => m.every(Boolean) });
  return { witness: found.cells[0]?.witness, exhausted: found.exhausted };
}

/** Exact `L(p) ⊆ L(q1) ∪ … ∪ L(qk)` for single patterns. */
export function globIncludedIn(p: Glob, qs: readonly Glob[], budget?: number): Answer {
  return setIncludedIn({ globs: [p], negated: false }, [{ globs: qs, negated: false }], budget);
}

export function globsIntersect(p: Glob, q: Glob): boolean {
  return commonWitness([{ globs: [p], negated: false }, { globs: [q], negated: false }]).witness !== undefined;
}

/**
 * The fast check: does `q`, read as a pattern, match `p`'s text, where p's `*`
 * can only be matched by q's `*` and p's `?` by q's `*` or `?`? Always sound;
 * exact when q has no `?` (next-capabilities §2.2, checked by the property
 * tests against `globIncludedIn`). O(|p|·|q|).
 */
export function naiveIncluded(p: Glob, q: Glob): boolean {
  const a = [...p.text];
  const b = [...q.text];
  // row[j]: does q[j..] cover p[i..]?
  let next = new Array<boolean>(b.length + 1).fill(false);
  next[b.length] = true;
  for (let j = b.length - 1; j >= 0; j--) next[j] = b[j] === '*' && (next[j + 1] as boolean);
  for (let i = a.length - 1; i >= 0; i--) {
    const row = new Array<boolean>(b.length + 1).fill(false);
    const pc = a[i] as string;
    for (let j = b.length - 1; j >= 0; j--) {
      const qc = b[j] as string;
      if (qc === '*') row[j] = (row[j + 1] as boolean) || (next[j] as boolean);
      else if (qc === '?') row[j] = pc !== '*' && (next[j + 1] as boolean);
      else row[j] = pc === qc && (next[j + 1] as boolean);
    }
    next = row;
  }
  return next[0] as boolean;
}

/**
 * `p ⊆ q1 ∪ … ∪ qk`: the fast check when no q has `?` (then one q must cover p
 * alone), the automaton otherwise.
 */
export function globCoveredBy(p: Glob, qs: readonly Glob[], budget?: number): Answer {
  if (qs.some((q) => naiveIncluded(p, q))) return true;
  if (qs.every((q) => !q.text.includes('?'))) return false;
  return globIncludedIn(p, qs, budget);
}
