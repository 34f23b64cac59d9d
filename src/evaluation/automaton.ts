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
import type { Glob, GlobSet } from './glob';

const COLON = 58;
const SLASH = 47;

/** One pattern's NFA, stepped on bitsets of positions. */
export class GlobNfa {
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

/**
 * Readable stand-ins for "any other character", tried in this order. Only
 * characters that case folding leaves as they are: a pattern that ignores case
 * is folded to lower case, and so is the string matched against it, so an
 * upper-case stand-in would be read as the lower-case letter a pattern names
 * (`X` is `x` to `a:x`), and the witness would not be the string it stands for.
 */
const FRESH_CANDIDATES = 'xyzqjkwv0123456789_-abcdefghilmnoprstu';

/** Folding to lower case leaves the character as it is (and as one character). */
const foldsToItself = (c: number) => {
  const ch = String.fromCodePoint(c);
  return ch.toLowerCase() === ch && ch.toUpperCase().toLowerCase() === ch;
};

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
  // Past the candidates: a character no pattern names, of no case (no pattern can fold into it).
  for (let c = 0x100; fresh === undefined; c++) if (!seen.has(c) && foldsToItself(c)) fresh = c;
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

