/**
 * RAM glob patterns (`*` any string, `?` one character) and sets of them: a
 * union of patterns, or its complement (NotAction, NotResource). Matching a
 * concrete string lives here; questions about whole sets of strings are in
 * automaton.ts, their quick sound shortcuts in fast-checks.ts.
 */
import { type CompiledWildcard, compileWildcard, wildcardMatch } from '../engine/wildcard';
import { GlobNfa } from './automaton';

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

const foldedSets = new WeakMap<GlobSet, GlobSet>();

/** The same set with case ignored: for the reading of resources RAM does not document (semantics.ts). */
export function caseFolded(set: GlobSet): GlobSet {
  if (set.globs.every((g) => g.ignoreCase)) return set;
  let folded = foldedSets.get(set);
  if (!folded) {
    folded = { globs: set.globs.map((g) => glob(g.source, true, g.starCrossesSeparators)), negated: set.negated };
    foldedSets.set(set, folded);
  }
  return folded;
}

/** Does case folding change any pattern of the set (is `caseFolded` another set)? */
export function hasCase(set: GlobSet): boolean {
  return set.globs.some((g) => !g.ignoreCase && g.source.toLowerCase() !== g.source);
}
