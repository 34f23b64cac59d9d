/**
 * RAM wildcard matching: `*` is zero or more characters, `?` exactly one.
 *
 * No regular expressions and no backtracking search. The pattern is split at
 * `*` into segments; the first segment is anchored at the start, the last at
 * the end, and each middle segment is committed to its leftmost occurrence
 * after the previous one. Leftmost is always safe: a later occurrence never
 * leaves more room for the segments that follow. So the text is scanned once
 * per segment position, never re-scanned for an earlier `*`, and a pattern
 * like `a*a*a*a*…b` costs at most |text| × |segment| comparisons instead of
 * the exponential time a backtracking regex needs.
 */
import { detached } from './detached';

export interface CompiledWildcard {
  readonly source: string;
  readonly hasWildcard: boolean;
  /** Lower-cased when compiled case-insensitively. */
  readonly segments: readonly string[];
  readonly startsWithStar: boolean;
  readonly endsWithStar: boolean;
  readonly ignoreCase: boolean;
}

/** Counts character comparisons; only tests pass one. */
export interface MatchStats {
  comparisons: number;
}

export function compileWildcard(pattern: string, ignoreCase = false): CompiledWildcard {
  const source = ignoreCase ? pattern.toLowerCase() : pattern;
  const segments = source.split('*');
  return {
    source: pattern,
    hasWildcard: pattern.includes('*') || pattern.includes('?'),
    segments: segments.filter((s, i) => s !== '' || i === 0 || i === segments.length - 1),
    startsWithStar: source.startsWith('*'),
    endsWithStar: source.endsWith('*'),
    ignoreCase,
  };
}

export function hasWildcard(value: string): boolean {
  return value.includes('*') || value.includes('?');
}

/**
 * Compiled patterns by (case flag, pattern): the same few actions and ARNs
 * recur in every file of a repository. Bounded, and a pure function's memo,
 * so it cannot change any result.
 */
const caseSensitive = new Map<string, CompiledWildcard>();
const caseInsensitive = new Map<string, CompiledWildcard>();
const CACHE_LIMIT = 4096;

function compiled(pattern: string, ignoreCase: boolean): CompiledWildcard {
  const cache = ignoreCase ? caseInsensitive : caseSensitive;
  let c = cache.get(pattern);
  if (!c) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    const own = detached(pattern);
    c = compileWildcard(own, ignoreCase);
    cache.set(own, c);
  }
  return c;
}

/** Does `pattern` match the whole of `text`? */
export function wildcardMatch(pattern: string | CompiledWildcard, text: string, ignoreCase = false, stats?: MatchStats): boolean {
  const p = typeof pattern === 'string' ? compiled(pattern, ignoreCase) : pattern;
  const t = p.ignoreCase ? text.toLowerCase() : text;
  const segs = p.segments;

  if (segs.length === 1) {
    const only = segs[0] as string;
    return only.length === t.length && segmentAt(only, t, 0, stats);
  }
  const head = segs[0] as string;
  const tail = segs[segs.length - 1] as string;
  if (head.length + tail.length > t.length) return false;
  if (!segmentAt(head, t, 0, stats)) return false;
  if (!segmentAt(tail, t, t.length - tail.length, stats)) return false;

  let pos = head.length;
  const limit = t.length - tail.length;
  for (let s = 1; s < segs.length - 1; s++) {
    const seg = segs[s] as string;
    const found = findSegment(seg, t, pos, limit, stats);
    if (found < 0) return false;
    pos = found + seg.length;
  }
  return true;
}

/** Leftmost index ≥ from where `seg` fits entirely before `limit`, or -1. */
function findSegment(seg: string, text: string, from: number, limit: number, stats?: MatchStats): number {
  for (let i = from; i + seg.length <= limit; i++) {
    if (segmentAt(seg, text, i, stats)) return i;
  }
  return -1;
}

function segmentAt(seg: string, text: string, at: number, stats?: MatchStats): boolean {
  if (at < 0 || at + seg.length > text.length) return false;
  for (let k = 0; k < seg.length; k++) {
    if (stats) stats.comparisons++;
    const pc = seg.charCodeAt(k);
    if (pc !== 63 /* ? */ && pc !== text.charCodeAt(at + k)) return false;
  }
  return true;
}

/**
 * Could `pattern` match at least one string that starts with `prefix`?
 * Used to ask "can this resource pattern name a role?" (`role/…`).
 */
export function canMatchWithPrefix(pattern: string, prefix: string, ignoreCase = false): boolean {
  const p = ignoreCase ? pattern.toLowerCase() : pattern;
  const q = ignoreCase ? prefix.toLowerCase() : prefix;
  for (let i = 0; i < q.length; i++) {
    const c = p[i];
    if (c === undefined) return false;
    if (c === '*') return true;
    if (c !== '?' && c !== q[i]) return false;
  }
  return true;
}

/**
 * Is there a string both patterns match (`ecs:Delete*` and `ecs:*Instance`
 * share `ecs:DeleteInstance`)? Which pairs of positions (one in each
 * pattern) both can reach after reading the same text: every step moves
 * forward in one pattern or both, so one pass over the |a| × |b| pairs, row by
 * row, settles it; no input can make it exponential. `*` may stand for
 * nothing or take the other side's next character; `?` takes any one.
 */
export function wildcardsIntersect(a: string, b: string, ignoreCase = false): boolean {
  const p = collapseStars(ignoreCase ? a.toLowerCase() : a);
  const q = collapseStars(ignoreCase ? b.toLowerCase() : b);
  const m = q.length;
  let row = new Uint8Array(m + 1);
  let next = new Uint8Array(m + 1);
  row[0] = 1;
  for (let i = 0; i <= p.length; i++) {
    next.fill(0);
    const pc = i < p.length ? p.charCodeAt(i) : -1;
    let any = false;
    for (let j = 0; j <= m; j++) {
      if (row[j] === 0) continue;
      any = true;
      const qc = j < m ? q.charCodeAt(j) : -1;
      if (pc === STAR) {
        next[j] = 1;
        if (qc !== -1) row[j + 1] = 1;
      }
      if (qc === STAR) {
        row[j + 1] = 1;
        if (pc !== -1) next[j] = 1;
      }
      if (pc !== -1 && qc !== -1 && pc !== STAR && qc !== STAR && (pc === qc || pc === QUESTION || qc === QUESTION)) next[j + 1] = 1;
    }
    if (i === p.length) return row[m] === 1;
    if (!any) return false;
    [row, next] = [next, row];
  }
  return false;
}

const STAR = 42;
const QUESTION = 63;

function collapseStars(pattern: string): string {
  return pattern.includes('**') ? pattern.replace(/\*{2,}/g, '*') : pattern;
}
