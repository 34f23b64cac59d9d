/**
 * Where in a policy the cursor is, read with jsonc-parser's error-tolerant
 * scanner, so that half-typed text still gives an answer (or none, never a throw).
 */
import { getLocation, type JSONPath, type Node } from 'jsonc-parser';

export type PolicySlot =
  | { kind: 'top-level-key' }
  | { kind: 'statement-key' }
  | { kind: 'version-value' }
  | { kind: 'effect-value' }
  | { kind: 'condition-operator' }
  | { kind: 'condition-key' }
  | { kind: 'action'; typed: string };

export interface CursorContext {
  slot: PolicySlot;
  /** The string being typed: the offsets of its content (inside the quotes), when the cursor is in one. */
  content?: { start: number; end: number };
}

/** The statement-relative part of a path: `Statement[0].Effect` and a lone `Statement.Effect` object alike. */
export function withinStatement(path: JSONPath): JSONPath | undefined {
  if (path[0] !== 'Statement') return undefined;
  if (typeof path[1] === 'number') return path.slice(2);
  return path.slice(1);
}

function contentOf(text: string, node: Node | undefined, offset: number): CursorContext['content'] {
  if (!node || (node.type !== 'string' && node.type !== 'property')) return undefined;
  const start = node.offset + 1;
  const closed = node.length >= 2 && text[node.offset + node.length - 1] === '"';
  const end = node.offset + node.length - (closed ? 1 : 0);
  return offset >= start && offset <= end ? { start, end } : undefined;
}

export function cursorContext(text: string, offset: number): CursorContext | undefined {
  const location = getLocation(text, offset);
  const path = location.path;
  const content = contentOf(text, location.previousNode, offset);
  const at = (slot: PolicySlot): CursorContext => (content ? { slot, content } : { slot });
  if (location.isAtPropertyKey) {
    if (path.length === 1) return at({ kind: 'top-level-key' });
    const inStatement = withinStatement(path);
    if (inStatement?.length === 1) return at({ kind: 'statement-key' });
    if (inStatement?.length === 2 && inStatement[0] === 'Condition') return at({ kind: 'condition-operator' });
    if (inStatement?.length === 3 && inStatement[0] === 'Condition') return at({ kind: 'condition-key' });
    return undefined;
  }
  if (path.length === 1 && path[0] === 'Version') return at({ kind: 'version-value' });
  const inStatement = withinStatement(path);
  if (!inStatement) return undefined;
  if (inStatement.length === 1 && inStatement[0] === 'Effect') return at({ kind: 'effect-value' });
  const element = inStatement[0];
  if ((element === 'Action' || element === 'NotAction') && inStatement.length <= 2) {
    const typed = content ? text.slice(content.start, offset) : '';
    return at({ kind: 'action', typed });
  }
  return undefined;
}
