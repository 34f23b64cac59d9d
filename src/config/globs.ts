/**
 * Limits on the glob patterns a config file may hold. A config can come with
 * an untrusted change, and minimatch is exponential in the worst case: an
 * extglob such as `+(a|aa)b`, brace sets that multiply (`{a,b}{c,d}…`), a
 * numeric range `{1..1000000}`, or many `*` in one path segment (each adds a
 * level of regex backtracking). Extglobs are off (GLOB_OPTIONS.noext), and
 * checkGlob rejects the rest before anything is compiled.
 */

/** minimatch options for every config pattern: dotfiles match, extglobs are plain text. */
export const GLOB_OPTIONS = { dot: true, noext: true } as const;

export const MAX_GLOB_LENGTH = 512;
export const MAX_BRACE_EXPANSIONS = 64;
/** Three `*` in a segment take about 30 ms on a 250-character name; four take seconds. */
export const MAX_STARS_PER_SEGMENT = 3;

/** Why the pattern is refused, or undefined when it is fine. */
export function checkGlob(pattern: string): string | undefined {
  if (pattern.length > MAX_GLOB_LENGTH) return `is ${pattern.length} characters long; patterns are limited to ${MAX_GLOB_LENGTH}`;
  const expansions = braceExpansions(pattern);
  if (expansions > MAX_BRACE_EXPANSIONS) return `expands to more than ${MAX_BRACE_EXPANSIONS} patterns through its {…} braces; list fewer alternatives`;
  for (const segment of pattern.split('/')) {
    if (segment === '**') continue;
    const stars = segment.match(/\*+/g)?.length ?? 0;
    if (stars > MAX_STARS_PER_SEGMENT) return `has ${stars} "*" wildcards in the path segment "${segment}"; at most ${MAX_STARS_PER_SEGMENT} are allowed, as matching slows down exponentially with each`;
  }
  return undefined;
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
