/**
 * Does a text look like a RAM policy (a top-level "Statement" key)? Used by
 * directory walks to pass over package.json and friends without parsing them
 * fully. Stops at the first top-level "Statement". Tolerant: a policy with a
 * syntax error (a missing comma) still looks like one, so that the error is
 * reported instead of the file being passed over; so does a blank file.
 */
import { createScanner, SyntaxKind } from 'jsonc-parser';

export function looksLikePolicy(input: string): boolean {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  if (text.trim() === '') return true;
  if (!text.includes('"Statement"')) return false;
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
        if (keyCandidate === 'Statement') return true;
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
  return broken;
}
