/**
 * Does a text look like a RAM policy? Used by directory walks (and
 * --policies-only) to pass over package.json and friends without parsing
 * them fully. A top-level key that is "Statement", or a misspelling of it
 * ("statement", "Statment", "Statements"), makes a policy: a typo must get
 * the file reported, not passed over. Tolerant of syntax errors for the same
 * reason; a blank file counts too.
 */
import { createScanner, SyntaxKind } from 'jsonc-parser';
import { editDistanceWithin } from './closest';
import type { ParsedJson } from './parse';

/**
 * Cheap pre-check before scanning. Two edits can break at most two of the
 * three disjoint blocks "sta" "tem" "ent" of "statement", so every key that
 * statementLike() accepts contains one of them.
 */
const TRACE = /sta|tem|ent/i;

/** "Statement", or a misspelling the engine takes for it. */
export function statementLike(key: string): boolean {
  // Almost every top-level key is "Statement" or "Version": settled without the edit distance, which most files would pay per key.
  if (key === 'Statement') return true;
  if (key === 'Version') return false;
  const lower = key.toLowerCase();
  return lower === 'statements' || editDistanceWithin(lower, 'statement', 2) <= 2;
}

/** The pre-check alone: false means looksLikePolicy(text) is false, without a scan or a parse (a text without byte-order mark). */
export function mayLookLikePolicy(text: string): boolean {
  if (text.trim() === '') return true;
  // The raw text may spell keys with \u escapes, which the pre-check cannot see.
  return TRACE.test(text) || text.includes('\\u');
}

export function looksLikePolicy(input: string): boolean {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  if (text.trim() === '') return true;
  if (!mayLookLikePolicy(text)) return false;
  const scanner = createScanner(text, false);
  let depth = 0;
  let keyCandidate: string | undefined;
  let broken = false;
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind === SyntaxKind.Unknown || scanner.getTokenError() !== 0) broken = true;
    switch (kind) {
      case SyntaxKind.OpenBraceToken:
      case SyntaxKind.OpenBracketToken:
        depth++;
        keyCandidate = undefined;
        break;
      case SyntaxKind.CloseBraceToken:
      case SyntaxKind.CloseBracketToken:
        depth--;
        keyCandidate = undefined;
        break;
      case SyntaxKind.StringLiteral:
        keyCandidate = depth === 1 ? scanner.getTokenValue() : undefined;
        break;
      case SyntaxKind.ColonToken:
        // A string followed by a colon at the top level is a key, whatever came before it.
        if (keyCandidate !== undefined && statementLike(keyCandidate)) return true;
        keyCandidate = undefined;
        break;
      case SyntaxKind.Trivia:
      case SyntaxKind.LineBreakTrivia:
      case SyntaxKind.LineCommentTrivia:
      case SyntaxKind.BlockCommentTrivia:
        break;
      default:
        keyCandidate = undefined;
    }
  }
  // Broken JSON that mentions "Statement": lint it, so the syntax error is reported.
  return broken && (/"statement"/i.test(text) || text.includes('\\u'));
}

/**
 * looksLikePolicy(text) from the text's parse (parseJson of the same text),
 * so a file that is parsed anyway is not scanned a second time. For valid
 * JSON the scan's top-level keys are the root object's keys; broken JSON
 * (and a blank text) goes to the scan, which tolerates it.
 */
export function looksLikePolicyParsed(text: string, parsed: ParsedJson): boolean {
  if (parsed.problems.length > 0 || parsed.root === undefined) return looksLikePolicy(text);
  const root = parsed.root;
  if (root.type !== 'object') return false;
  for (const prop of root.children ?? []) {
    const key = prop.children?.[0];
    if (key !== undefined && statementLike(String(key.value))) return true;
  }
  return false;
}
