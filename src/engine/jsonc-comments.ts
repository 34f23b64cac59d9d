/** The comments of a JSON-with-comments text (.jsonc), for inline waivers (directives.ts). */
import { createScanner, SyntaxKind } from 'jsonc-parser';
import type { Comment } from './directives';

export function jsoncComments(text: string): Comment[] {
  const comments: Comment[] = [];
  const scanner = createScanner(text, false);
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind !== SyntaxKind.LineCommentTrivia && kind !== SyntaxKind.BlockCommentTrivia) continue;
    const offset = scanner.getTokenOffset();
    const length = scanner.getTokenLength();
    const raw = text.substr(offset, length);
    comments.push({ offset, length, body: kind === SyntaxKind.LineCommentTrivia ? raw.slice(2) : raw.slice(2, -2) });
  }
  return comments;
}
