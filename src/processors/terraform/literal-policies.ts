/**
 * Policies written outside policy attributes: module arguments, locals and
 * variable defaults. Only a literal policy is read there (a heredoc or quoted
 * string whose JSON has a top-level "Statement", or an object or
 * jsonencode({...}) with a Statement key, by the engine's own test), so a
 * description or a shell script is never linted. Maps and lists of values
 * are searched: each policy in them is its own document.
 */
import type { Node } from 'web-tree-sitter';
import { looksLikePolicy, statementLike } from '../../engine/detect';
import { objectMembers, stepLabel, tupleElements } from './hcl-paths';
import { objectDocument, peel, policyFromExpression, type DocumentResult } from './hcl-values';

export interface LiteralPolicy {
  label: string;
  /** The value's node, where it is written. */
  node: Node;
  result: DocumentResult;
}

/** Maps nested beyond this are not searched. */
const MAX_DEPTH = 16;

export function literalPolicies(host: string, value: Node, label: string, depth = 0): LiteralPolicy[] {
  // `"${jsonencode({...})}"` is the call; `"${local.x}"` a reference, read where it leads.
  const n = peel(host, value);
  if (depth > MAX_DEPTH) return [];
  const members = objectMembers(host, n);
  if (members) {
    if (members.some(([key]) => statementLike(key))) return [{ label, node: n, result: objectDocument(host, n) }];
    return members.flatMap(([key, member]) => literalPolicies(host, member, label + stepLabel(key), depth + 1));
  }
  const elements = tupleElements(n);
  if (elements) return elements.flatMap((element, i) => literalPolicies(host, element, label + stepLabel(i), depth + 1));
  if (!isText(n) && !isJsonencodeOfObject(host, n)) return [];
  const result = policyFromExpression(host, n);
  if (result.type !== 'document' || !result.text.trimStart().startsWith('{') || !looksLikePolicy(result.text)) return [];
  return [{ label, node: n, result }];
}

function isText(n: Node): boolean {
  const inner = n.type === 'template_expr' || n.type === 'literal_value' ? n.namedChildren[0] : undefined;
  return inner?.type === 'heredoc_template' || inner?.type === 'quoted_template' || inner?.type === 'string_lit';
}

function isJsonencodeOfObject(host: string, n: Node): boolean {
  if (n.type !== 'function_call' || n.namedChildren[0]?.text !== 'jsonencode') return false;
  const args = n.namedChildren.find((c) => c.type === 'function_arguments')?.namedChildren.filter((c) => c.type === 'expression') ?? [];
  const members = args.length === 1 ? objectMembers(host, args[0] as Node) : undefined;
  return members?.some(([key]) => statementLike(key)) ?? false;
}
