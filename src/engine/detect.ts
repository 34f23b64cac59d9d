/**
 * Does a text look like a RAM policy (a top-level "Statement" key)? Used by
 * directory walks to pass over package.json and friends without parsing them
 * fully. Stops at the first top-level "Statement".
 */
import { createScanner, SyntaxKind } from 'jsonc-parser';

export function looksLikePolicy(text: string): boolean {
  if (!text.includes('"Statement"')) return false;
  const scanner = createScanner(text, false);
  let depth = 0;
  let expectKey = false;
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    switch (kind) {
      case SyntaxKind.OpenBraceToken:
        depth++;
        expectKey = depth === 1;
        break;
      case SyntaxKind.OpenBracketToken:
        depth++;
        break;
      case SyntaxKind.CloseBraceToken:
      case SyntaxKind.CloseBracketToken:
        depth--;
        break;
      case SyntaxKind.CommaToken:
        expectKey = depth === 1;
        break;
      case SyntaxKind.StringLiteral:
        if (expectKey && depth === 1 && scanner.getTokenValue() === 'Statement') return true;
        expectKey = false;
        break;
      case SyntaxKind.Unknown:
        // Not JSON we can read; let the linter say what is wrong with it.
        return true;
      default:
        if (kind !== SyntaxKind.Trivia && kind !== SyntaxKind.LineBreakTrivia && kind !== SyntaxKind.LineCommentTrivia && kind !== SyntaxKind.BlockCommentTrivia && kind !== SyntaxKind.ColonToken) expectKey = false;
    }
  }
  return false;
}
