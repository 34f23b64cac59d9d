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
import { type CompiledWildcard, compileWildcard, wildcardMatch } from '../engine/wildcard';

/** A pattern, case-folded when the dimension ignores case, with `**` runs collapsed. */
export interface Glob {
  readonly source: string;
  readonly text: string;
  readonly ignoreCase: boolean;
  /** Compiled once per pattern: the shared matcher cache is too small for a thousand policies. */
  readonly matcher: CompiledWildcard;
  /** False: `*` stops at `:` and `/` (see semantics.ts, STAR_CROSSES_SEPARATORS). */
  readonly starCrossesSeparators: boolean;
}

export function glob(source: string, ignoreCase: boolean, starCrossesSeparators = true): Glob {
  const folded = ignoreCase ? source.toLowerCase() : source;
  const text = folded.replace(/\*+/g, '*');
  return { source, text, ignoreCase, matcher: compileWildcard(text, false), starCrossesSeparators };
}

/** Does the pattern match this concrete string? */
export function globMatches(g: Glob, value: string): boolean {
  const v = g.ignoreCase ? value.toLowerCase() : value;
  if (g.starCrossesSeparators) return wildcardMatch(g.matcher, v);
  const nfa = new GlobNfa(g.text, false);
  let state = nfa.start();
  for (const ch of v) state = nfa.step(state, ch.codePointAt(0) as number);
  return nfa.accepts(state);
}

const COLON = 58;
const SLASH = 47;

/**
 * A set of strings: the union of some patterns, or (NotAction, NotResource)
 * everything outside that union.
 */
export interface GlobSet {
  readonly globs: readonly Glob[];
  readonly negated: boolean;
}

export function globSet(patterns: readonly string[], ignoreCase: boolean, negated = false, starCrossesSeparators = true): GlobSet {
  return { globs: patterns.map((p) => glob(p, ignoreCase, starCrossesSeparators)), negated };
}

export function setContains(set: GlobSet, value: string): boolean {
  // Fold once per set, not once per pattern: `can` asks thousands of sets. A set's patterns share one case rule.
  const folded = set.globs[0]?.ignoreCase ? value.toLowerCase() : value;
  return set.globs.some((g) => globMatchesFolded(g, folded)) !== set.negated;
}

/** `globMatches` for a value already folded to the pattern's case. */
function globMatchesFolded(g: Glob, folded: string): boolean {
  return g.starCrossesSeparators ? wildcardMatch(g.matcher, folded) : globMatches(g, folded);
}

/** One pattern's NFA, stepped on bitsets of positions. */
class GlobNfa {
  private readonly chars: number[];
  /** Positions that hold `*`. */
  private readonly stars: boolean[];
  readonly size: number;

  constructor(
    readonly text: string,
    private readonly starCrossesSeparators = true,
  ) {
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
      if (c === 42) {
        if (this.starCrossesSeparators || (char !== COLON && char !== SLASH)) set(next, i);
      }
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
  // Where `*` stops at separators they are characters unlike any other, so they must be in the alphabet.
  if (globs.some((g) => !g.starCrossesSeparators)) seen.add(COLON).add(SLASH);
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
  // One NFA per distinct pattern text, shared by every set that names it.
  const nfaIndex = new Map<string, number>();
  const nfas: GlobNfa[] = [];
  const setsOfNfa: number[][] = [];
  sets.forEach((s, i) =>
    s.globs.forEach((g) => {
      const id = `${g.starCrossesSeparators ? '' : '/'}${g.text}`;
      let k = nfaIndex.get(id);
      if (k === undefined) {
        nfaIndex.set(id, (k = nfas.length));
        nfas.push(new GlobNfa(g.text, g.starCrossesSeparators));
        setsOfNfa.push([]);
      }
      (setsOfNfa[k] as number[]).push(i);
    }),
  );
  const alphabet = alphabetOf(sets.flatMap((s) => s.globs));

  // A product state lists only the NFAs still alive: most patterns die after a
  // few characters, so stepping and hashing cost what is alive, not everything.
  type Product = { alive: number[]; states: Uint32Array[] };
  /** The sets whose union accepts: a short list, since few NFAs are alive. */
  const acceptingOf = (p: Product): number[] => {
    const out: number[] = [];
    p.alive.forEach((k, j) => {
      if ((nfas[k] as GlobNfa).accepts(p.states[j] as Uint32Array)) for (const i of setsOfNfa[k] as number[]) if (!out.includes(i)) out.push(i);
    });
    return out.sort((a, b) => a - b);
  };
  const membersOf = (accepting: readonly number[]): boolean[] => {
    const inUnion = sets.map(() => false);
    for (const i of accepting) inUnion[i] = true;
    return inUnion.map((m, i) => m !== (sets[i] as GlobSet).negated);
  };
  // Each NFA index and 32-bit word as 16-bit characters: hashing strings of numbers was a third of the time.
  const keyOf = (p: Product) => {
    let key = '';
    p.alive.forEach((k, j) => {
      key += String.fromCharCode(k & 0xffff, k >>> 16);
      for (const w of p.states[j] as Uint32Array) key += String.fromCharCode(w & 0xffff, w >>> 16);
    });
    return key;
  };
  const step = (p: Product, c: number): Product => {
    const next: Product = { alive: [], states: [] };
    p.alive.forEach((k, j) => {
      const st = (nfas[k] as GlobNfa).step(p.states[j] as Uint32Array, c);
      if (!isEmpty(st)) {
        next.alive.push(k);
        next.states.push(st);
      }
    });
    return next;
  };

  const cells = new Map<string, Cell>();
  const start: Product = { alive: nfas.map((_, k) => k), states: nfas.map((n) => n.start()) };
  const seen = new Set<string>([keyOf(start)]);
  // Words are kept as parent links, not copied per state.
  const queue: { product: Product; parent: number; char: number }[] = [{ product: start, parent: -1, char: 0 }];
  const wordAt = (index: number): string => {
    const chars: number[] = [];
    for (let i = index; i > 0; i = (queue[i] as { parent: number }).parent) chars.push((queue[i] as { char: number }).char);
    return String.fromCodePoint(...chars.reverse());
  };
  for (let head = 0; head < queue.length; head++) {
    const { product } = queue[head] as { product: Product };
    const accepting = acceptingOf(product);
    const cellKey = accepting.join(',');
    if (!cells.has(cellKey)) {
      const cell = { members: membersOf(accepting), witness: wordAt(head) };
      cells.set(cellKey, cell);
      if (options.wanted?.(cell.members)) return { cells: [cell], exhausted: false };
    }
    // Once every NFA is dead the memberships can no longer change.
    if (product.alive.length === 0) continue;
    for (const c of alphabet) {
      const next = step(product, c);
      const key = keyOf(next);
      if (seen.has(key)) continue;
      if (seen.size >= budget) return { cells: options.wanted ? [] : [...cells.values()], exhausted: true };
      seen.add(key);
      queue.push({ product: next, parent: head, char: c });
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
    // Where q's `*` stops at separators it can absorb only what never is one.
    const absorbable = q.starCrossesSeparators || (pc === '*' ? !p.starCrossesSeparators : pc !== '?' && pc !== ':' && pc !== '/');
    for (let j = b.length - 1; j >= 0; j--) {
      const qc = b[j] as string;
      if (qc === '*') row[j] = (row[j + 1] as boolean) || (absorbable && (next[j] as boolean));
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

/**
 * A cheap necessary condition for two sets to share a string: some pair of
 * their patterns agrees on the literal text before the first `*` and after
 * the last one. Never false when they do overlap, so a caller may use it to
 * skip the automaton; `true` proves nothing.
 */
export function mayIntersect(a: GlobSet, b: GlobSet): boolean {
  if (a.negated || b.negated) return true;
  return a.globs.some((g) => b.globs.some((h) => endsCompatible(g.text, h.text)));
}

function endsCompatible(p: string, q: string): boolean {
  const ps = p.indexOf('*');
  const qs = q.indexOf('*');
  if (ps < 0 && qs < 0) return p.length === q.length && charsAgree(p, q, 0, p.length, false);
  const head = Math.min(ps < 0 ? p.length : ps, qs < 0 ? q.length : qs);
  if (!charsAgree(p, q, 0, head, false)) return false;
  const pt = ps < 0 ? p.length : p.length - 1 - p.lastIndexOf('*');
  const qt = qs < 0 ? q.length : q.length - 1 - q.lastIndexOf('*');
  return charsAgree(p, q, 0, Math.min(pt, qt), true);
}

/** Do p and q agree on `count` characters from the start (or the end), `?` agreeing with anything? */
function charsAgree(p: string, q: string, from: number, count: number, fromEnd: boolean): boolean {
  for (let k = from; k < count; k++) {
    const a = fromEnd ? p[p.length - 1 - k] : p[k];
    const b = fromEnd ? q[q.length - 1 - k] : q[k];
    if (a !== b && a !== '?' && b !== '?') return false;
  }
  return true;
}

/**
 * A quick, sound (never wrongly true) `a ⊆ b`, without the automaton: each
 * pattern of `a` inside one pattern of `b` by the fast check; for two
 * complements, the other way round. Used to skip work, never to prove new access.
 */
export function setCoveredFast(a: GlobSet, b: GlobSet): boolean {
  if (!a.negated && !b.negated) return a.globs.every((g) => b.globs.some((h) => naiveIncluded(g, h)));
  if (a.negated && b.negated) return b.globs.every((h) => a.globs.some((g) => naiveIncluded(h, g)));
  if (!b.negated) return b.globs.some((h) => h.text === '*');
  return false;
}
