/**
 * The `#` comments of a YAML file (a ROS template), for inline waivers
 * (src/engine/directives.ts), found by the `yaml` package's lexer: a `#` in
 * a quoted or block scalar (a policy's JSON text under `|`) or inside a
 * plain scalar (`a#b`) is not a comment.
 */
import { CST, Lexer } from 'yaml';
import { type Comment, mayHoldDirectives } from '../engine/directives';

/** Lexer tokens that stand for no source text. */
const CONTROL = new Set(['byte-order-mark', 'doc-mode', 'flow-error-end', 'scalar']);

export function yamlComments(text: string): Comment[] | undefined {
  // Most files hold no directive: no lexing for them.
  if (!mayHoldDirectives(text)) return undefined;
  const comments: Comment[] = [];
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    const type = CST.tokenType(token);
    if (type !== null && CONTROL.has(type)) continue;
    // The lexer's tokens are the source text, in order; should they ever not be, stop rather than misplace a comment.
    if (!text.startsWith(token, offset)) break;
    if (type === 'comment' && mayHoldDirectives(token)) comments.push({ offset, length: token.length, body: token.slice(1) });
    offset += token.length;
  }
  return comments.length > 0 ? comments : undefined;
}
