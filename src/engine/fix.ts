/**
 * Safe autofix: apply the fixes of the current findings, re-lint, repeat until
 * nothing is left to fix (at most ten passes, as ESLint does). Each finding's
 * edits are applied together or not at all; a fix that overlaps one already
 * taken waits for the next pass. Waived findings are not fixed.
 */
import { applyEdits } from './edits';
import { BOM, lintText, type LintOptions } from './linter';
import type { LintMessage, LintResult, TextEdit } from './types';

export const MAX_FIX_PASSES = 10;

export interface FixOutcome {
  /** The fixed text (with the original byte-order mark, if any). */
  output: string;
  changed: boolean;
  /** Findings left after fixing. */
  result: LintResult;
}

export function fixText(text: string, options: LintOptions): FixOutcome {
  const bom = text.startsWith(BOM);
  const original = bom ? text.slice(1) : text;
  let current = original;
  let result = lintText(current, options);
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const edits = chooseEdits(result);
    if (edits.length === 0) break;
    const next = applyEdits(current, edits);
    if (next === current) break;
    current = next;
    result = lintText(current, options);
  }
  const output = (bom ? BOM : '') + current;
  const changed = current !== original;
  return { output, changed, result: changed ? { ...result, output } : result };
}

/** The edits of one pass: each accepted finding's fix, whole, unless it overlaps one taken before it. */
export function chooseEdits(result: LintResult, accept: (message: LintMessage) => boolean = () => true): TextEdit[] {
  const taken: TextEdit[] = [];
  const withFixes = result.messages.filter((m) => m.fix && m.fix.length > 0 && accept(m)).sort((a, b) => firstOffset(a.fix as TextEdit[]) - firstOffset(b.fix as TextEdit[]));
  for (const m of withFixes) {
    const edits = m.fix as TextEdit[];
    if (edits.some((e) => taken.some((t) => overlaps(e, t)))) continue;
    taken.push(...edits);
  }
  return taken;
}

function firstOffset(edits: TextEdit[]): number {
  return Math.min(...edits.map((e) => e.offset));
}

/** Touching ranges count as overlapping: two insertions at one offset would have an undefined order. */
function overlaps(a: TextEdit, b: TextEdit): boolean {
  return a.offset <= b.offset + b.length && b.offset <= a.offset + a.length;
}
