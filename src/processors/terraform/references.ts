/**
 * What a policy attribute's value refers to in the same file: a local (with
 * any attribute path into its object value, and through other locals), or
 * the policy-document data source. Followed so the value is linted where it
 * is written, with the kind of the attribute that uses it.
 */
import type { Node } from 'web-tree-sitter';
import { attributesOf, type HclBlock } from './hcl-blocks';
import { stepInto, stepLabel, type Step, traversalOf } from './hcl-paths';
import { peel, shorten, unwrap } from './hcl-values';
import { POLICY_DOCUMENT_DATA_SOURCE } from './policy-attributes';

export type Target =
  /** A value to read as the policy: the expression itself (label undefined) or a local's value, labelled by where it is written. */
  | { type: 'value'; node: Node; label?: string; encoded: boolean }
  /** `data.alicloud_ram_policy_document.NAME.document`. */
  | { type: 'data'; name: string }
  /** A reference into a local that leads to no value written here; `why` names the reference. */
  | { type: 'unknown'; why: string };

/** Locals chained to each other beyond this are left unknown; a cycle is too. */
const MAX_HOPS = 16;

export class Scope {
  private readonly locals = new Map<string, Node>();

  constructor(
    private readonly host: string,
    blocks: readonly HclBlock[],
  ) {
    for (const block of blocks) {
      if (block.type.text !== 'locals' || block.node.hasError) continue;
      for (const [name, attr] of attributesOf(block.body)) if (!this.locals.has(name)) this.locals.set(name, attr.expression);
    }
  }

  /** Where the expression's value is written: itself, a local's value, or the data source. */
  follow(expression: Node): Target {
    const target = this.resolve(expression, 0);
    // Said of the reference as the attribute writes it, not of a local further down the chain.
    return target.type === 'unknown' ? { type: 'unknown', why: `${shorten(peel(this.host, expression).text)}, which ${target.why}` } : target;
  }

  private resolve(expression: Node, hops: number): Target {
    const n = peel(this.host, expression);
    const call = n.type === 'function_call' && n.namedChildren[0]?.text === 'jsonencode' ? soleArgument(n) : undefined;
    const path = traversalOf(this.host, call ?? n);
    if (!path) return { type: 'value', node: expression, encoded: false };
    const [name, ...steps] = path.steps;
    if (!call && path.root === 'data' && name === POLICY_DOCUMENT_DATA_SOURCE && isDocumentOutput(steps)) return { type: 'data', name: steps[0] as string };
    const definition = path.root === 'local' && typeof name === 'string' ? this.locals.get(name) : undefined;
    // A local not defined in this file, a variable, another resource: unknown, as the expression says.
    if (!definition || name === undefined) return { type: 'value', node: expression, encoded: false };
    const written = hops >= MAX_HOPS ? undefined : this.walk(definition, `local.${name}`, steps, hops + 1);
    if (!written) return { type: 'unknown', why: 'leads to no value written in this file' };
    // The value may itself be a reference, to another local or to the data source.
    const next = this.resolve(written.node, hops + 1);
    if (next.type === 'value' && next.label === undefined) return { ...next, label: written.label, encoded: call !== undefined };
    if (!call) return next;
    if (next.type !== 'value' || next.encoded) return { type: 'unknown', why: 'encodes a value that is not an object written in this file' };
    return { ...next, encoded: true };
  }

  /** Steps into a local's value, following locals it refers to on the way. */
  private walk(start: Node, label: string, steps: Step[], hops: number): { node: Node; label: string } | undefined {
    let node = start;
    let at = label;
    for (const step of steps) {
      let inner = stepInto(this.host, node, step);
      if (!inner) {
        const via = hops < MAX_HOPS ? this.resolve(node, hops + 1) : undefined;
        if (via?.type !== 'value' || via.label === undefined || via.encoded) return undefined;
        inner = stepInto(this.host, via.node, step);
        at = via.label;
        if (!inner) return undefined;
      }
      node = inner;
      at += stepLabel(step);
    }
    return { node: unwrap(node), label: at };
  }
}

/** `.NAME.document` or `.NAME[i].document` (a data source with count or for_each). */
function isDocumentOutput(steps: Step[]): boolean {
  const [name, ...rest] = steps;
  if (typeof name !== 'string') return false;
  if (rest.length === 1) return rest[0] === 'document';
  return rest.length === 2 && rest[1] === 'document';
}

function soleArgument(call: Node): Node | undefined {
  const args = call.namedChildren.find((c) => c.type === 'function_arguments')?.namedChildren.filter((c) => c.type === 'expression');
  return args?.length === 1 ? args[0] : undefined;
}
