/**
 * Traversals (`local.admin.document`, `local.map["key"]`, `var.list[0]`) and
 * the HCL values they lead into: the members of object literals and the
 * elements of tuples written in the file. Labels name a value by where it is
 * written, one way for every spelling: `.key` for a key that is an HCL
 * identifier, `["key"]` for any other key, `[0]` for a list element.
 */
import type { Node } from 'web-tree-sitter';
import { literalString, unwrap } from './hcl-values';

/** One step of a traversal: an attribute or string index names a key, a number an element. */
export type Step = string | number;

export interface Traversal {
  /** `local`, `var`, `data`, `module`, … */
  root: string;
  steps: Step[];
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** The traversal the expression is, or undefined for anything else (a splat, a computed index, a call). */
export function traversalOf(host: string, expression: Node): Traversal | undefined {
  const n = unwrap(expression);
  const parts = n.type === 'expression' ? n.namedChildren : [n];
  const [head, ...rest] = parts;
  if (head?.type !== 'variable_expr') return undefined;
  const steps: Step[] = [];
  for (const part of rest) {
    const step = stepOf(host, part);
    if (step === undefined) return undefined;
    steps.push(step);
  }
  return { root: head.text, steps };
}

function stepOf(host: string, part: Node): Step | undefined {
  if (part.type === 'get_attr') return part.namedChildren[0]?.text;
  if (part.type !== 'index') return undefined;
  const index = part.namedChildren[0];
  // `[expr]`; the legacy `.0` form holds the digits itself.
  const inner = index?.type === 'new_index' ? index.namedChildren[0] : undefined;
  if (index?.type === 'legacy_index') return /^\d+$/.test(index.text.replace(/^\./, '')) ? Number(index.text.replace(/^\./, '')) : undefined;
  if (!inner) return undefined;
  const number = unwrap(inner);
  if (number.type === 'literal_value' && number.namedChildren[0]?.type === 'numeric_lit' && /^\d+$/.test(number.text)) return Number(number.text);
  return literalString(host, inner);
}

/** `.key`, `["key"]` or `[0]`, appended to a label. */
export function stepLabel(step: Step): string {
  if (typeof step === 'number') return `[${step}]`;
  return IDENTIFIER.test(step) ? `.${step}` : `[${JSON.stringify(step)}]`;
}

/** The members of an object literal, by literal key (a computed key is left out), or undefined for any other value. */
export function objectMembers(host: string, value: Node): Array<[string, Node]> | undefined {
  const n = unwrap(value);
  const object = n.type === 'collection_value' ? n.namedChildren[0] : undefined;
  if (object?.type !== 'object') return undefined;
  const members: Array<[string, Node]> = [];
  for (const elem of object.namedChildren) {
    if (elem.type !== 'object_elem') continue;
    const key = elem.namedChildren[0];
    const member = elem.namedChildren[elem.namedChildCount - 1];
    if (!key || !member || key === member) continue;
    const k = unwrap(key);
    const name = k.type === 'variable_expr' ? k.text : literalString(host, key);
    if (name !== undefined) members.push([name, member]);
  }
  return members;
}

/** The elements of a tuple literal, or undefined for any other value. */
export function tupleElements(value: Node): Node[] | undefined {
  const n = unwrap(value);
  const tuple = n.type === 'collection_value' ? n.namedChildren[0] : undefined;
  return tuple?.type === 'tuple' ? tuple.namedChildren.filter((c) => c.type === 'expression') : undefined;
}

/** The value one step into an object or tuple literal; the first of two same-named keys, as attributesOf() takes. */
export function stepInto(host: string, value: Node, step: Step): Node | undefined {
  if (typeof step === 'number') return tupleElements(value)?.[step];
  return objectMembers(host, value)?.find(([key]) => key === step)?.[1];
}
