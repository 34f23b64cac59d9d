/**
 * What identifies a statement across edits, for baselines: its Sid when no
 * other statement of the document has it, else a hash of its content
 * (whitespace and key order ignored). Not its index: inserting a statement
 * above shifts every index below it.
 */
import type { JsonPath, Policy, Statement } from './model';
import type { JsonNode } from './parse';
import { sha256Hex } from './sha256';

/** A lookup from a finding's path to its statement's anchor; hashes only the statements asked about. */
export function statementAnchorer(policy: Policy): (path: JsonPath) => string | undefined {
  const byIndex = new Map<number, Statement>();
  const sidCount = new Map<string, number>();
  for (const s of policy.statements) {
    byIndex.set(s.index, s);
    const sid = sidOf(s);
    if (sid !== undefined) sidCount.set(sid, (sidCount.get(sid) ?? 0) + 1);
  }
  const cache = new Map<number, string>();
  return (path) => {
    if (path[0] !== 'Statement') return undefined;
    const index = typeof path[1] === 'number' ? path[1] : 0;
    const statement = byIndex.get(index);
    if (!statement) return undefined;
    let anchor = cache.get(index);
    if (anchor === undefined) {
      const sid = sidOf(statement);
      anchor = sid !== undefined && sidCount.get(sid) === 1 ? `sid:${sid}` : `hash:${sha256Hex(canonical(statement.node)).slice(0, 16)}`;
      cache.set(index, anchor);
    }
    return anchor;
  };
}

function sidOf(s: Statement): string | undefined {
  const value = s.sid?.valueNode.value;
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** JSON with object keys sorted: the same for any layout or key order. Depth is bounded by the parser's limit. */
export function canonical(node: JsonNode): string {
  if (node.type === 'object') {
    const members = (node.children ?? []).map((prop) => {
      const [key, value] = prop.children ?? [];
      return `${JSON.stringify(String(key?.value))}:${value ? canonical(value) : 'null'}`;
    });
    return `{${members.sort().join(',')}}`;
  }
  if (node.type === 'array') return `[${(node.children ?? []).map(canonical).join(',')}]`;
  return JSON.stringify(node.value ?? null);
}
