/**
 * Safe autofix: apply the fixes of the current findings, re-lint, repeat until
 * nothing is left to fix (at most ten passes, as ESLint does). Each finding's
 * edits are applied together or not at all; a fix that overlaps one already
 * taken waits for the next pass. Waived findings are not fixed.
 *
 * Edits that only touch (the repeats in `["a", "a", "a"]`) are taken in the
 * same pass, so any number of duplicates is fixed in one pass; only an
 * insertion at the edge of another edit has an undefined order and waits.
 */
import { applyEdits } from './edits';
import { MAX_FINDINGS_PER_RULE } from './finding-cap';
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

export function fixText(text: string, givenOptions: LintOptions): FixOutcome {
  // Every finding is needed for its fix; the result after the last pass is capped as usual.
  const options: LintOptions = { ...givenOptions, maxFindingsPerRule: Infinity };
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
  // Only a result that may be over the cap is linted again, capped, for reporting.
  if (result.messages.length > MAX_FINDINGS_PER_RULE) result = lintText(current, givenOptions);
  const output = (bom ? BOM : '') + current;
  const changed = current !== original;
  return { output, changed, result: changed ? { ...result, output } : result };
}

/**
 * The fixes to apply in one pass. Findings are tried in order of their first
 * edit; taken edits are kept sorted by offset, and since they never overlap
 * each other, a new edit needs checking only against its neighbours (found by
 * binary search). Findings mostly arrive in text order, so inserting is an
 * append: O(n log n) overall instead of comparing every pair.
 */
export function chooseEdits(result: LintResult, accept: (message: LintMessage) => boolean = () => true): TextEdit[] {
  const candidates: { first: number; edits: readonly TextEdit[] }[] = [];
  for (const m of result.messages) {
    if (!m.fix || m.fix.length === 0 || !accept(m)) continue;
    let first = Infinity;
    for (const e of m.fix) first = Math.min(first, e.offset);
    candidates.push({ first, edits: m.fix });
  }
  candidates.sort((a, b) => a.first - b.first);
  const taken: TextEdit[] = [];
  for (const { edits } of candidates) {
    if (edits.some((e) => clashesWithTaken(taken, e))) continue;
    for (const e of edits) taken.splice(insertionPoint(taken, e.offset), 0, e);
  }
  return taken;
}

/** The first index whose edit starts after `offset`. */
function insertionPoint(taken: readonly TextEdit[], offset: number): number {
  let lo = 0;
  let hi = taken.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((taken[mid] as TextEdit).offset <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function clashesWithTaken(taken: readonly TextEdit[], e: TextEdit): boolean {
  const at = insertionPoint(taken, e.offset);
  // Neighbours that can reach e: the edits before it that end at or after its start, the edits from it on that start at or before its end.
  for (let i = at - 1; i >= 0; i--) {
    const t = taken[i] as TextEdit;
    if (clash(t, e)) return true;
    if (t.offset + t.length < e.offset) break;
  }
  for (let i = at; i < taken.length; i++) {
    const t = taken[i] as TextEdit;
    if (t.offset > e.offset + e.length) break;
    if (clash(t, e)) return true;
  }
  return false;
}

/**
 * Overlapping ranges clash. Touching ranges clash only when one is an
 * insertion: two insertions at one offset, or an insertion at the edge of a
 * replacement, have no defined order. Two deletions that touch (the repeats in
 * `["a", "a", "a"]`) do not, so any number of duplicates goes in one pass.
 */
function clash(a: TextEdit, b: TextEdit): boolean {
  const aEnd = a.offset + a.length;
  const bEnd = b.offset + b.length;
  if (a.offset < bEnd && b.offset < aEnd) return true;
  const touch = aEnd === b.offset || bEnd === a.offset || a.offset === b.offset;
  return touch && (a.length === 0 || b.length === 0);
}
