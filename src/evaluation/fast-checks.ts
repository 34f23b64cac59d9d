/**
 * Quick checks that answer without the automaton when they can. Each is
 * sound for what it claims (the property tests compare them with automaton.ts).
 */
import { type Answer, globIncludedIn } from './automaton';
import type { Glob, GlobSet } from './glob';

/**
 * The fast check: does `q`, read as a pattern, match `p`'s text, where p's `*`
 * can only be matched by q's `*` and p's `?` by q's `*` or `?`? Always sound;
 * exact when q has no `?` (next-capabilities §2.2, checked by the property
 * tests against `globIncludedIn`). O(|p|·|q|).
 */
export function naiveIncluded(p: Glob, q: Glob): boolean {
  if (!literalEndsAgree(p.text, q.text)) return false;
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
 * A necessary condition for p ⊆ q, in O(|q|) and without allocating: every
 * word of q starts with q's text up to its first wildcard and ends with its
 * text after the last one, so p's must too. A wildcard of p where q has a
 * literal character can always give another character (or, for `*`, none), so
 * p's literal start must run at least as far as q's and agree with it, and
 * likewise at the end. Exact where it says false: comparing a Statement of
 * hundreds of ARNs with another was the DP below for every pair.
 */
export function literalEndsAgree(p: string, q: string): boolean {
  const qStart = firstWildcard(q);
  if (qStart < 0) return p === q;
  const pStart = firstWildcard(p);
  // A p without wildcards is literal to its end (and, below, from its start).
  if ((pStart < 0 ? p.length : pStart) < qStart || !p.startsWith(q.slice(0, qStart))) return false;
  const qEnd = lastWildcard(q);
  const pEnd = lastWildcard(p);
  const qTail = q.length - qEnd - 1;
  return p.length - pEnd - 1 >= qTail && p.endsWith(q.slice(qEnd + 1));
}

function firstWildcard(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 42 /* * */ || c === 63 /* ? */) return i;
  }
  return -1;
}

function lastWildcard(s: string): number {
  for (let i = s.length - 1; i >= 0; i--) {
    const c = s.charCodeAt(i);
    if (c === 42 /* * */ || c === 63 /* ? */) return i;
  }
  return -1;
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
 * Each of `inner` inside one of `outer` (the fast check: sound, exact without `?`). The pattern written the same way in
 * both is tried first: two versions of a policy share most of their entries,
 * and trying every pair was quadratic in the list lengths (two lists of 400
 * ARNs: seconds).
 */
export function everyCovered(inner: readonly Glob[], outer: readonly Glob[]): boolean {
  const byText = new Map<string, Glob>();
  for (const h of outer) if (!byText.has(h.text)) byText.set(h.text, h);
  return inner.every((g) => {
    const same = byText.get(g.text);
    return (same !== undefined && naiveIncluded(g, same)) || outer.some((h) => h !== same && naiveIncluded(g, h));
  });
}

/**
 * A quick, sound (never wrongly true) `a ⊆ b`, without the automaton: each
 * pattern of `a` inside one pattern of `b` by the fast check; for two
 * complements, the other way round. Used to skip work, never to prove new access.
 */
export function setCoveredFast(a: GlobSet, b: GlobSet): boolean {
  if (!a.negated && !b.negated) return everyCovered(a.globs, b.globs);
  if (a.negated && b.negated) return everyCovered(b.globs, a.globs);
  if (!b.negated) return b.globs.some((h) => h.text === '*');
  return false;
}

