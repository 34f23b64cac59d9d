/**
 * What identifies a statement across edits, for baselines: its Sid when no
 * other statement of the document has it, else a hash of its content
 * (whitespace and key order ignored). Not its index: inserting a statement
 * above shifts every index below it.
 */
import type { JsonPath, Policy, Statement } from './model';
import type { JsonNode } from './parse';

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
      anchor = sid !== undefined && sidCount.get(sid) === 1 ? `sid:${sid}` : `hash:${contentHash(canonical(statement.node))}`;
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
  // Plain loops instead of map/destructuring/sort: every statement with a
  // finding is written out here, so it is on the hot path.
  const children = node.children;
  if (node.type === 'object') {
    if (children === undefined || children.length === 0) return '{}';
    if (children.length > 16) return `{${children.map(canonicalMember).sort().join(',')}}`;
    const keys: string[] = [];
    const members: string[] = [];
    for (const prop of children) {
      const parts = prop.children;
      const key = JSON.stringify(String(parts?.[0]?.value));
      const value = parts?.[1];
      // Insertion sort, on the quoted keys: for two different keys, neither quoted key is a
      // prefix of the other (each ends at its one unescaped quote), so they order the
      // `"key":value` strings as a sort of the whole strings does; equal keys (a duplicate)
      // fall back to the whole strings. An object has a handful of members.
      const member = `${key}:${value ? canonical(value) : 'null'}`;
      let i = members.length;
      while (i > 0) {
        const k = keys[i - 1] as string;
        if (k < key || (k === key && (members[i - 1] as string) <= member)) break;
        keys[i] = k;
        members[i] = members[i - 1] as string;
        i--;
      }
      keys[i] = key;
      members[i] = member;
    }
    return `{${members.join(',')}}`;
  }
  if (node.type === 'array') {
    if (children === undefined || children.length === 0) return '[]';
    let out = canonical(children[0] as JsonNode);
    for (let i = 1; i < children.length; i++) out += `,${canonical(children[i] as JsonNode)}`;
    return `[${out}]`;
  }
  return JSON.stringify(node.value ?? null);
}

/** `"key":value` of one property, for an object too large for the insertion sort. */
function canonicalMember(prop: JsonNode): string {
  const parts = prop.children;
  const value = parts?.[1];
  return `${JSON.stringify(String(parts?.[0]?.value))}:${value ? canonical(value) : 'null'}`;
}

/**
 * cyrb53, a fast 53-bit string hash: an anchor only has to tell a
 * repository's statements apart, not resist an attacker (a forged collision
 * could at worst hide a finding the attacker's own baseline already lists),
 * and a lint must not load node:crypto for it.
 */
function contentHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}
