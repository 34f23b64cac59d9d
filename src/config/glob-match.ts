/**
 * Config glob patterns, matched without a regular expression over the path.
 *
 * A config can come with an untrusted change, and minimatch matches a path
 * segment with a backtracking regular expression: several `*` in one segment
 * cost a power of the name's length (`x/*a*a*a…` against a 240-character name
 * took 13 ms per pattern, 25 s for 2,000 of them). So minimatch only parses
 * here — negation, comments, brace expansion, splitting at `/`, its `..`
 * clean-up — and the matching is our own, with a bound:
 *
 * - A path segment is matched by the classic wildcard algorithm: tokens are
 *   taken greedily, and on a mismatch the last `*` takes one more character.
 *   Every token other than `*` takes exactly one character, so the leftmost
 *   placement of the text between two `*` is always safe, one backtrack point
 *   suffices, and a segment costs at most (name length + 1) × (tokens + 1)
 *   comparisons.
 * - The segments of the path run through the pattern's segments as an NFA:
 *   `**` stays or moves on, any other part needs one segment. Each (pattern
 *   segment, path segment) pair is tried at most once, so a whole path costs
 *   at most about (pattern length) × (path length) steps, with every prefix
 *   of the path (what `ignores` needs) answered in the same pass.
 * - Steps are counted (GlobMatchStats), weighted by what they cost, and can
 *   be capped: the bound is per pattern, a config may hold 1,000 patterns,
 *   so the resolver gives each file MAX_GLOB_STEPS (globs.ts) in all.
 *
 * The behaviour is minimatch's with { dot: true, noext: true }, quirks
 * included (`*.ext` and `?…ext` segments compare the text after the wildcards
 * as is, backslashes included), except where minimatch is wrong:
 * - a pattern with three or more `**` whose middle parts (between the first
 *   and the last `**`) differ in length matches here wherever they fit:
 *   minimatch 10 computes a wrong last position for the first middle part,
 *   so that `**` `a/b` `**` `c` `**` `t` (joined by `/`) misses `a/b/c/t`; it
 *   also gives up after 200 nested `**`;
 * - `\|` is a literal `|`; minimatch copies it into its regular expression
 *   unescaped, where it splits the whole segment into two alternatives
 *   (`a?\|b` matched every name that starts with "a" and one more character).
 * Paths are what the resolver passes: relative, `/`-separated, without `.`,
 * `..` or empty segments (minimatch's allowances for a trailing `/` are not
 * kept).
 */
import type { GLOBSTAR as GlobstarSymbol, Minimatch as MinimatchClass, MMRegExp } from 'minimatch';
import { detached } from '../engine/detached';

/** minimatch options for every config pattern: dotfiles match, extglobs are plain text. */
export const GLOB_OPTIONS = { dot: true, noext: true } as const;

/** Counts matching steps (what the bounds above count), and stops at a limit. */
export interface GlobMatchStats {
  steps: number;
  /** Matching throws GlobStepLimitError once `steps` passes this (checked after each path segment). */
  readonly limit?: number;
}

/** Thrown when matching has taken more steps than GlobMatchStats.limit. */
export class GlobStepLimitError extends Error {
  constructor(readonly limit: number) {
    super(`glob matching took more than ${limit} steps`);
  }
}

function checkLimit(stats: GlobMatchStats | undefined): void {
  if (stats?.limit !== undefined && stats.steps > stats.limit) throw new GlobStepLimitError(stats.limit);
}

// ---------------------------------------------------------------------------
// One path segment

const LIT = 0;
const ANY = 1;
const CLASS = 2;
const STAR = 3;

/** A `[…]` character class, tested one character at a time with a regular expression that sees only that character. */
class CharClass {
  private readonly re: RegExp;
  /** ASCII answers, filled on first use: 0 unknown, 1 no, 2 yes. */
  private readonly ascii = new Uint8Array(128);
  /** Other answers; bounded, so that names full of different characters cannot grow it. */
  private readonly others = new Map<number, boolean>();

  constructor(
    src: string,
    private readonly unicode: boolean,
  ) {
    this.re = new RegExp(`^(?:${src})$`, unicode ? 'u' : '');
  }

  has(ch: number): boolean {
    if (ch < 128) {
      const known = this.ascii[ch] as number;
      if (known !== 0) return known === 2;
      const yes = this.re.test(String.fromCharCode(ch));
      this.ascii[ch] = yes ? 2 : 1;
      return yes;
    }
    let yes = this.others.get(ch);
    if (yes === undefined) {
      yes = this.re.test(this.unicode ? String.fromCodePoint(ch) : String.fromCharCode(ch));
      if (this.others.size >= 256) this.others.clear();
      this.others.set(ch, yes);
    }
    return yes;
  }
}

/** What a class test counts for, against 1 for a character comparison: about what it costs. */
const CLASS_STEPS = 4;

/** The tokens of one segment: `*`, `?`, a class, or one literal character (a UTF-16 unit, or a code point in unicode mode). */
class SegmentTokens {
  constructor(
    private readonly kinds: Uint8Array,
    /** The character of a LIT token, the index into `classes` of a CLASS token. */
    private readonly values: Int32Array,
    private readonly classes: readonly CharClass[],
    /** A POSIX class makes minimatch compile the segment with the `u` flag: `?` then takes a code point. */
    private readonly unicode: boolean,
    /** Like minimatch, a segment that starts with a wildcard does not match `.` or `..`. */
    private readonly noTraversal: boolean,
  ) {}

  test(segment: string, stats: GlobMatchStats | undefined): boolean {
    if (this.noTraversal && (segment === '.' || segment === '..')) return false;
    const text = this.unicode ? codePoints(segment) : undefined;
    const n = text ? text.length : segment.length;
    const kinds = this.kinds;
    const values = this.values;
    const m = kinds.length;
    let t = 0;
    let s = 0;
    let starT = -1;
    let starS = 0;
    let steps = 0;
    while (s < n) {
      steps++;
      if (t < m) {
        const kind = kinds[t] as number;
        if (kind === STAR) {
          starT = t++;
          starS = s;
          continue;
        }
        const ch = text ? (text[s] as number) : segment.charCodeAt(s);
        if (kind === CLASS) steps += CLASS_STEPS - 1;
        if (kind === ANY || (kind === LIT ? values[t] === ch : (this.classes[values[t] as number] as CharClass).has(ch))) {
          t++;
          s++;
          continue;
        }
      }
      if (starT < 0) {
        if (stats) stats.steps += steps;
        return false;
      }
      // The last `*` takes one more character; everything after it starts again.
      t = starT + 1;
      s = ++starS;
    }
    while (t < m && kinds[t] === STAR) t++;
    if (stats) stats.steps += steps + 1;
    return t === m;
  }
}

function codePoints(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) out.push(ch.codePointAt(0) as number);
  return out;
}

interface SegmentTest {
  test(segment: string, stats: GlobMatchStats | undefined): boolean;
}

/** A segment test by one string method: `cost` says how many characters it compares. */
class SimpleTest implements SegmentTest {
  constructor(
    private readonly fn: (segment: string) => boolean,
    private readonly cost: (segment: string) => number,
  ) {}

  test(segment: string, stats: GlobMatchStats | undefined): boolean {
    if (stats) stats.steps += this.cost(segment) + 1;
    return this.fn(segment);
  }
}

const NEVER: SegmentTest = { test: () => false };

const notDots = (f: string) => f !== '.' && f !== '..';
const constant = () => 0;
const whole = (f: string) => f.length;

/**
 * minimatch's shortcuts for the commonest segments (Minimatch#parse), which
 * replace its regular expression, so they decide: the text after the
 * wildcards is compared as is (`*\.json` ends in a backslash).
 */
function shortcut(glob: string): SegmentTest | undefined {
  if (/^\*+$/.test(glob)) return new SimpleTest((f) => f.length !== 0 && notDots(f), constant);
  let m = /^\*+([^+@!?*[(]*)$/.exec(glob);
  if (m) {
    const ext = m[1] as string;
    return new SimpleTest((f) => f.endsWith(ext), () => ext.length);
  }
  m = /^\?+([^+@!?*[(]*)?$/.exec(glob);
  if (m) {
    const length = m[0].length;
    const ext = m[1] ?? '';
    return new SimpleTest((f) => f.length === length && notDots(f) && (ext === '' || f.endsWith(ext)), () => ext.length);
  }
  if (/^\*+\.\*+$/.test(glob)) return new SimpleTest((f) => notDots(f) && f.includes('.'), whole);
  if (/^\.\*+$/.test(glob)) return new SimpleTest((f) => notDots(f) && f.startsWith('.'), constant);
  return undefined;
}

const POSIX_CLASSES: readonly (readonly [name: string, src: string, unicode: boolean, negated: boolean])[] = [
  ['[:alnum:]', '\\p{L}\\p{Nl}\\p{Nd}', true, false],
  ['[:alpha:]', '\\p{L}\\p{Nl}', true, false],
  ['[:ascii:]', '\\x00-\\x7f', false, false],
  ['[:blank:]', '\\p{Zs}\\t', true, false],
  ['[:cntrl:]', '\\p{Cc}', true, false],
  ['[:digit:]', '\\p{Nd}', true, false],
  ['[:graph:]', '\\p{Z}\\p{C}', true, true],
  ['[:lower:]', '\\p{Ll}', true, false],
  ['[:print:]', '\\p{C}', true, false],
  ['[:punct:]', '\\p{P}', true, false],
  ['[:space:]', '\\p{Z}\\t\\r\\n\\v\\f', true, false],
  ['[:upper:]', '\\p{Lu}', true, false],
  ['[:word:]', '\\p{L}\\p{Nl}\\p{Nd}\\p{Pc}', true, false],
  ['[:xdigit:]', 'A-Fa-f0-9', false, false],
];

const braceEscape = (s: string) => s.replace(/[[\]\\-]/g, '\\$&');

type ClassParse =
  | { kind: 'none' } // not a class: the `[` is literal
  | { kind: 'never'; consumed: number } // matches nothing, and swallows the rest of the segment
  | { kind: 'literal'; char: string; consumed: number } // `[a]`: one literal character
  | { kind: 'class'; src: string; unicode: boolean; consumed: number };

/**
 * The `[…]` at `pos`, read as minimatch's parseClass reads it (its source, the
 * same quirks), so that the class's regular expression is the one minimatch
 * would build; only the matching differs.
 */
function parseClass(glob: string, pos: number): ClassParse {
  const ranges: string[] = [];
  const negs: string[] = [];
  let i = pos + 1;
  let sawStart = false;
  let unicode = false;
  let escaping = false;
  let negate = false;
  let endPos = pos;
  let rangeStart = '';
  outer: while (i < glob.length) {
    const c = glob.charAt(i);
    if ((c === '!' || c === '^') && i === pos + 1) {
      negate = true;
      i++;
      continue;
    }
    if (c === ']' && sawStart && !escaping) {
      endPos = i + 1;
      break;
    }
    sawStart = true;
    if (c === '\\' && !escaping) {
      escaping = true;
      i++;
      continue;
    }
    if (c === '[' && !escaping) {
      for (const [name, src, u, negated] of POSIX_CLASSES) {
        if (glob.startsWith(name, i)) {
          if (rangeStart) return { kind: 'never', consumed: glob.length - pos };
          i += name.length;
          (negated ? negs : ranges).push(src);
          unicode = unicode || u;
          continue outer;
        }
      }
    }
    escaping = false;
    if (rangeStart) {
      if (c > rangeStart) ranges.push(`${braceEscape(rangeStart)}-${braceEscape(c)}`);
      else if (c === rangeStart) ranges.push(braceEscape(c));
      rangeStart = '';
      i++;
      continue;
    }
    if (glob.startsWith('-]', i + 1)) {
      ranges.push(braceEscape(`${c}-`));
      i += 2;
      continue;
    }
    if (glob.startsWith('-', i + 1)) {
      rangeStart = c;
      i += 2;
      continue;
    }
    ranges.push(braceEscape(c));
    i++;
  }
  if (endPos < i) return { kind: 'none' };
  if (ranges.length === 0 && negs.length === 0) return { kind: 'never', consumed: glob.length - pos };
  const only = ranges[0];
  if (negs.length === 0 && ranges.length === 1 && only !== undefined && /^\\?.$/.test(only) && !negate) {
    return { kind: 'literal', char: only.length === 2 ? only.slice(-1) : only, consumed: endPos - pos };
  }
  const sranges = `[${negate ? '^' : ''}${ranges.join('')}]`;
  const snegs = `[${negate ? '' : '^'}${negs.join('')}]`;
  const src = ranges.length && negs.length ? `(${sranges}|${snegs})` : ranges.length ? sranges : snegs;
  return { kind: 'class', src, unicode, consumed: endPos - pos };
}

type Token = { kind: typeof LIT; char: string } | { kind: typeof ANY } | { kind: typeof STAR } | { kind: typeof CLASS; src: string };

/** One segment with wildcards, read as minimatch's AST#parseGlob reads it (extglobs off). */
function compileSegment(glob: string): SegmentTest {
  const fast = shortcut(glob);
  if (fast) return fast;
  const tokens: Token[] = [];
  let unicode = false;
  let escaping = false;
  let inStar = false;
  for (let i = 0; i < glob.length; i++) {
    const c = glob.charAt(i);
    if (escaping) {
      escaping = false;
      tokens.push({ kind: LIT, char: c });
      continue;
    }
    if (c === '*') {
      if (!inStar) tokens.push({ kind: STAR });
      inStar = true;
      continue;
    }
    inStar = false;
    if (c === '\\') {
      if (i === glob.length - 1) tokens.push({ kind: LIT, char: c });
      else escaping = true;
      continue;
    }
    if (c === '[') {
      const parsed = parseClass(glob, i);
      if (parsed.kind === 'never') return NEVER;
      if (parsed.kind !== 'none') {
        if (parsed.kind === 'literal') tokens.push({ kind: LIT, char: parsed.char });
        else {
          tokens.push({ kind: CLASS, src: parsed.src });
          unicode = unicode || parsed.unicode;
        }
        i += parsed.consumed - 1;
        continue;
      }
    }
    tokens.push(c === '?' ? { kind: ANY } : { kind: LIT, char: c });
  }
  // minimatch's start-of-segment guard: its regular expression refuses `.` and `..`
  // when it starts with a wildcard or a class, or with `.` or `..` followed by one.
  const opensWithWildcard = (t: Token | undefined) => t !== undefined && (t.kind === STAR || t.kind === ANY || (t.kind === CLASS && t.src.startsWith('[')));
  const isDot = (t: Token | undefined) => t?.kind === LIT && t.char === '.';
  const [t0, t1, t2] = tokens;
  const noTraversal = opensWithWildcard(t0) || (isDot(t0) && opensWithWildcard(t1)) || (isDot(t0) && isDot(t1) && opensWithWildcard(t2));

  const kinds: number[] = [];
  const values: number[] = [];
  const classes: CharClass[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    if (t.kind === LIT) {
      let ch = t.char.charCodeAt(0);
      // In unicode mode adjacent surrogates in the source are one code point, whatever tokens they came from.
      const next = tokens[k + 1];
      if (unicode && ch >= 0xd800 && ch <= 0xdbff && next?.kind === LIT) {
        const low = next.char.charCodeAt(0);
        if (low >= 0xdc00 && low <= 0xdfff) {
          ch = (ch - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
          k++;
        }
      }
      kinds.push(LIT);
      values.push(ch);
    } else if (t.kind === CLASS) {
      kinds.push(CLASS);
      values.push(classes.length);
      classes.push(new CharClass(t.src, unicode));
    } else {
      kinds.push(t.kind);
      values.push(0);
    }
  }
  return new SegmentTokens(Uint8Array.from(kinds), Int32Array.from(values), classes, unicode, noTraversal);
}

// ---------------------------------------------------------------------------
// A whole path

/** One part of an expanded pattern: a literal segment, a segment with wildcards, or `**`. */
type Part = { kind: 'literal'; text: string } | { kind: 'wild'; test: SegmentTest } | { kind: 'globstar' };

/** One pattern of the brace expansion, as segments. */
class Alternative {
  private readonly hasGlobstar: boolean;
  /** 1 where the part is `**`. */
  private readonly globstar: Uint8Array;
  /** As minimatch has it: a `**` that ends the pattern takes at least one segment (`a/**` does not match `a`). */
  private readonly endsWithGlobstar: boolean;
  /** Scratch state sets, reused: matching is synchronous. */
  private active: Uint8Array;
  private next: Uint8Array;

  constructor(private readonly parts: readonly Part[]) {
    this.globstar = Uint8Array.from(parts, (p) => (p.kind === 'globstar' ? 1 : 0));
    this.hasGlobstar = this.globstar.includes(1);
    this.endsWithGlobstar = this.globstar[parts.length - 1] === 1;
    this.active = new Uint8Array(parts.length + 1);
    this.next = new Uint8Array(parts.length + 1);
  }

  /**
   * Runs the path's segments through the parts. Returns whether the whole
   * path matches; with `prefixes`, also sets prefixes[k] for every k ≥ 1
   * such that the first k segments match.
   */
  run(segments: readonly string[], stats: GlobMatchStats | undefined, prefixes?: Uint8Array): boolean {
    const parts = this.parts;
    const P = parts.length;
    const n = segments.length;
    if (!this.hasGlobstar) {
      const upTo = prefixes ? Math.min(n, P) : n;
      if (!prefixes && n !== P) return false;
      for (let i = 0; i < upTo; i++) {
        if (stats) stats.steps++;
        const hit = partMatches(parts[i] as Part, segments[i] as string, stats);
        checkLimit(stats);
        if (!hit) return false;
      }
      if (upTo === P && prefixes) prefixes[P] = 1;
      return n === P;
    }
    const globstar = this.globstar;
    const trailing = this.endsWithGlobstar ? P - 1 : -1;
    let active = this.active;
    let next = this.next;
    for (let p = 0; p <= P; p++) active[p] = 0;
    active[0] = 1;
    this.close(active);
    for (let i = 0; i < n; i++) {
      const segment = segments[i] as string;
      // The scans of the state sets below: about P steps, whatever is active.
      if (stats) stats.steps += P + 1;
      let any = false;
      for (let p = 0; p <= P; p++) next[p] = 0;
      for (let p = 0; p < P; p++) {
        if (!active[p]) continue;
        if (globstar[p]) {
          // `**` never takes `.` or `..`, even with { dot: true }.
          if (segment === '.' || segment === '..') continue;
          next[p] = 1;
          if (p === trailing) next[P] = 1;
          any = true;
        } else if (partMatches(parts[p] as Part, segment, stats)) {
          next[p + 1] = 1;
          any = true;
        }
      }
      checkLimit(stats);
      if (!any) return false;
      this.close(next);
      const done = active;
      active = next;
      next = done;
      if (prefixes && active[P]) prefixes[i + 1] = 1;
    }
    return active[P] === 1;
  }

  /** Adds what the active `**` parts reach without taking a segment: the part after them (not for a trailing `**`). */
  private close(set: Uint8Array): void {
    const last = this.endsWithGlobstar ? this.parts.length - 1 : -1;
    for (let p = 0; p < this.parts.length; p++) if (set[p] && this.globstar[p] && p !== last) set[p + 1] = 1;
  }
}

/** A part other than `**` against one segment. */
function partMatches(part: Part, segment: string, stats: GlobMatchStats | undefined): boolean {
  if (part.kind === 'literal') return part.text === segment;
  if (part.kind === 'wild') return part.test.test(segment, stats);
  return false;
}

/** A path's segments as minimatch splits it: at every run of `/`. Split once, match against many patterns. */
export function splitPath(path: string): string[] {
  return path.split(/\/+/);
}

/** A config pattern, compiled once. */
export class CompiledGlob {
  /** How many patterns it stands for once its braces are expanded: what MAX_GLOB_PATTERNS counts. */
  get size(): number {
    return this.alternatives.length;
  }

  constructor(
    readonly source: string,
    private readonly alternatives: readonly Alternative[],
    private readonly negate: boolean,
    /** '#…' is a comment for minimatch: it matches nothing. */
    private readonly comment: boolean,
    /** '' matches only the empty path. */
    private readonly empty: boolean,
  ) {}

  /** Does the pattern match the path (relative, `/`-separated, or split by splitPath)? */
  matches(path: string | readonly string[], stats?: GlobMatchStats): boolean {
    if (this.comment) return false;
    const segments = typeof path === 'string' ? splitPath(path) : path;
    if (this.empty) return segments.length === 1 && segments[0] === '';
    for (const alt of this.alternatives) if (alt.run(segments, stats)) return !this.negate;
    return this.negate;
  }

  /**
   * Does the pattern match the path or a directory above it (what `ignores`
   * means)? The same as trying matches() on `a`, `a/b`, … `a/b/c`, in one pass.
   */
  matchesPathOrParent(path: string | readonly string[], stats?: GlobMatchStats): boolean {
    if (this.comment) return false;
    const segments = typeof path === 'string' ? splitPath(path) : path;
    const n = segments.length;
    // Only the path '' (one empty segment) has a prefix that is ''.
    if (this.empty) return n === 1 && segments[0] === '';
    const hit = new Uint8Array(n + 1);
    for (const alt of this.alternatives) {
      alt.run(segments, stats, hit);
      if (!this.negate && hit.includes(1)) return true;
    }
    for (let k = 1; k <= n; k++) if ((hit[k] === 1) !== this.negate) return true;
    return false;
  }
}

// ---------------------------------------------------------------------------
// Compiling

let mm: { Minimatch: typeof MinimatchClass; GLOBSTAR: typeof GlobstarSymbol } | undefined;

/** Loaded on first use: a run without config patterns should not pay for it at start-up. */
function minimatch(): { Minimatch: typeof MinimatchClass; GLOBSTAR: typeof GlobstarSymbol } {
  mm ??= require('minimatch') as { Minimatch: typeof MinimatchClass; GLOBSTAR: typeof GlobstarSymbol };
  return mm;
}

/**
 * Compiled patterns by text: the parser checks each pattern by compiling it,
 * and the resolver then finds it here. Bounded, and a pure function's memo.
 */
const cache = new Map<string, CompiledGlob>();
const CACHE_LIMIT = 4096;

/**
 * Compiles a config pattern. Throws what minimatch throws for a pattern it
 * cannot parse (a SyntaxError from the regular expression it builds for a
 * segment that has a POSIX class and "-", ",", "#", "\!" or whitespace).
 * The limits of checkGlob are the caller's to apply first.
 */
export function compileGlob(pattern: string): CompiledGlob {
  let c = cache.get(pattern);
  if (!c) {
    const own = detached(pattern);
    c = compileUncached(own);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(own, c);
  }
  return c;
}

function compileUncached(pattern: string): CompiledGlob {
  const { Minimatch, GLOBSTAR } = minimatch();
  const parsed = new Minimatch(pattern, GLOB_OPTIONS);
  const alternatives = parsed.set.map(
    (parts) =>
      new Alternative(
        parts.map((part): Part => {
          if (part === GLOBSTAR) return { kind: 'globstar' };
          if (typeof part === 'string') return { kind: 'literal', text: part };
          // A segment with wildcards or a class: minimatch built a regular expression; we read its glob instead.
          return { kind: 'wild', test: compileSegment((part as MMRegExp)._glob as string) };
        }),
      ),
  );
  return new CompiledGlob(pattern, alternatives, parsed.negate, parsed.comment, parsed.empty);
}
