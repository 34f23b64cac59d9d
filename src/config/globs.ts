/**
 * Limits on the glob patterns a config file may hold. A config can come with
 * an untrusted change. Patterns are matched by glob-match.ts, in time bounded
 * by pattern length × path length (no backtracking regular expression), so
 * the number of `*` in a segment no longer matters; what is left to bound is
 * the size of the patterns: their length, how many a `{…}` expands to (an
 * expansion is a pattern of its own: `{a,b}{c,d}…` multiplies, `{1..1000000}`
 * counts), and how many a config holds in all (MAX_GLOB_PATTERNS, checked by
 * the parser). Extglobs are off (GLOB_OPTIONS.noext): `+(a|b)` is plain text.
 */
import { compileGlob, GLOB_OPTIONS } from './glob-match';

export { GLOB_OPTIONS };

export const MAX_GLOB_LENGTH = 512;
export const MAX_BRACE_EXPANSIONS = 64;
/**
 * Patterns one config file may hold in all (`ignores`, `files` and
 * `excludedFiles` of every override, waivers' `files`), each `{…}` alternative
 * counted. Every file of a run is matched against the patterns of the configs
 * that apply to it, so this bounds the work per file: at most this many
 * patterns × 512 characters × the path's length steps, and far less for
 * patterns that start with a literal directory. A large monorepo config
 * holds tens of patterns, a generated one a few hundred.
 */
export const MAX_GLOB_PATTERNS = 1000;
/**
 * Steps (glob-match.ts counts them) that matching one file against the
 * patterns of all its configs may take; past them the run stops with a config
 * error. The limits above bound each pattern, not their product: 1,000
 * patterns with long runs of text after a `*` cost some 30 million steps
 * against one 255-character name, and a 4 KB path of such names costs
 * fifteen times that, a second or more per file. Real configs take a few
 * thousand steps per file: a pattern that starts with a literal directory
 * takes one step for a path outside it, `*.json` under `**` about one per
 * character of the path. Ten million steps take some 40 ms.
 */
export const MAX_GLOB_STEPS = 10_000_000;

/** Why the pattern is refused, or undefined when it is fine. */
export function checkGlob(pattern: string): string | undefined {
  if (pattern.length > MAX_GLOB_LENGTH) return `is ${pattern.length} characters long; patterns are limited to ${MAX_GLOB_LENGTH}`;
  const expansions = braceExpansions(pattern);
  if (expansions > MAX_BRACE_EXPANSIONS) return `expands to more than ${MAX_BRACE_EXPANSIONS} patterns through its {…} braces; list fewer alternatives`;
  try {
    compileGlob(pattern);
  } catch (error) {
    return compileProblem(error);
  }
  return undefined;
}

/**
 * minimatch builds a regular expression for each segment (we do not run it)
 * and throws when it is invalid: a POSIX class turns on the `u` flag, under
 * which its escapes of "-", ",", "#", "!" and whitespace are errors.
 */
function compileProblem(error: unknown): string {
  if (error instanceof SyntaxError && /\/u: /.test(error.message)) {
    return 'cannot be compiled: minimatch cannot read "-", ",", "#", "\\!" or whitespace outside the class in a path segment with a POSIX class such as [[:digit:]]; write the class as a range ([0-9]) instead';
  }
  return `cannot be compiled by minimatch (${error instanceof Error ? error.name : 'error'})`;
}

const CAP = MAX_BRACE_EXPANSIONS + 1;

/**
 * How many patterns brace expansion makes (capped just above the limit), read
 * in one pass per nesting level: a sequence multiplies its groups, a comma set
 * adds its alternatives, `{a..b}` counts its range.
 */
export function braceExpansions(pattern: string): number {
  return sequence(pattern, 0, pattern.length);
}

function sequence(p: string, from: number, to: number): number {
  let total = 1;
  for (let i = from; i < to; i++) {
    const c = p[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c !== '{') continue;
    const close = matchingBrace(p, i, to);
    if (close === -1) continue;
    total = Math.min(CAP, total * group(p, i + 1, close));
    i = close;
  }
  return total;
}

/** The `}` closing the `{` at `open`, or -1 (an unclosed brace is literal). */
function matchingBrace(p: string, open: number, to: number): number {
  let depth = 0;
  for (let i = open; i < to; i++) {
    const c = p[i];
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  return -1;
}

function group(p: string, from: number, to: number): number {
  const commas: number[] = [];
  let depth = 0;
  for (let i = from; i < to; i++) {
    const c = p[i];
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (c === ',' && depth === 0) commas.push(i);
  }
  // No comma: a range, or literal braces whose inside may still expand.
  if (commas.length === 0) return Math.max(rangeSize(p.slice(from, to)), sequence(p, from, to));
  let sum = 0;
  let start = from;
  for (const comma of [...commas, to]) {
    sum = Math.min(CAP, sum + sequence(p, start, comma));
    start = comma + 1;
  }
  return sum;
}

/** `1..100` → 100, `a..z` → 26; anything else is a literal `{…}`, one pattern. */
function rangeSize(body: string): number {
  const numeric = /^(-?\d+)\.\.(-?\d+)(?:\.\.(-?\d+))?$/.exec(body);
  if (numeric) {
    const span = Math.abs(Number(numeric[2]) - Number(numeric[1]));
    const step = Math.max(1, Math.abs(Number(numeric[3] ?? 1)));
    return Math.min(CAP, Math.floor(span / step) + 1);
  }
  const alpha = /^([A-Za-z])\.\.([A-Za-z])$/.exec(body);
  if (alpha) return Math.abs((alpha[2] as string).charCodeAt(0) - (alpha[1] as string).charCodeAt(0)) + 1;
  return 1;
}
