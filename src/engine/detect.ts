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

/**
 * Cheap pre-check before scanning. Two edits can break at most two of the
 * three disjoint blocks "sta" "tem" "ent" of "statement", so every key that
 * statementLike() accepts contains one of them.
 */
const TRACE = /sta|tem|ent/i;

function statementLike(key: string): boolean {
  const lower = key.toLowerCase();
  return lower === 'statements' || editDistanceWithin(lower, 'statement', 2) <= 2;
}

export function looksLikePolicy(input: string): boolean {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  if (text.trim() === '') return true;
  // The raw text may spell keys with \u escapes, which the pre-check cannot see.
  if (!TRACE.test(text) && !text.includes('\\u')) return false;
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
