/**
 * The comments of a Terraform file, for inline waivers (src/engine/directives.ts):
 * `#` and `//` to the end of the line, `/* *\/` blocks, wherever HCL allows
 * them (between blocks and attributes, inside `jsonencode({...})` object and
 * list expressions). tree-sitter's grammar knows where a comment is one: a
 * `#` in a string or in a heredoc's text (JSON, which has no comments) is not.
 */
import type { Node } from 'web-tree-sitter';
import { type Comment, mayHoldDirectives } from '../../engine/directives';

export function hclComments(root: Node, text: string): Comment[] | undefined {
  // Most files hold no directive: no walk of the tree for them.
  if (!mayHoldDirectives(text)) return undefined;
  const comments: Comment[] = [];
  for (const node of root.descendantsOfType('comment')) {
    if (!node) continue;
    const raw = text.slice(node.startIndex, node.endIndex);
    const body = raw.startsWith('#') ? raw.slice(1) : raw.startsWith('//') ? raw.slice(2) : raw.startsWith('/*') ? raw.slice(2, raw.endsWith('*/') && raw.length >= 4 ? -2 : undefined) : undefined;
    if (body === undefined || !mayHoldDirectives(body)) continue;
    comments.push({ offset: node.startIndex, length: node.endIndex - node.startIndex, body });
  }
  return comments.length > 0 ? comments : undefined;
}
