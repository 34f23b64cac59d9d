/**
 * The policies of one `.tf` file, in two passes:
 * 1. the policy attributes of resources, each followed to where its value is
 *    written (itself, a local, the data source), which gives that value the
 *    attribute's kind; a value reached twice is read once, as the first;
 * 2. the policy-document data sources, with the kind of the first attribute
 *    that uses each (detected from content when none does).
 */
import type { Node } from 'web-tree-sitter';
import type { EmbeddedDocument } from '../types';
import { attributesOf, blocksOf, type HclBlock, policyDocumentDataSource } from './hcl-blocks';
import { objectDocument, peel, policyFromExpression, shorten, type ValueResult } from './hcl-values';
import { POLICY_ATTRIBUTES, POLICY_DOCUMENT_DATA_SOURCE } from './policy-attributes';
import { Scope } from './references';

type Kind = EmbeddedDocument['kind'];

export interface FoundPolicy {
  label: string;
  kind?: Kind;
  result: ValueResult;
  /** The value's node, for notes. */
  at: Node;
}

interface PolicyAttribute {
  label: string;
  kind?: Kind;
  expression: Node;
}

export function findPolicies(host: string, blocks: readonly HclBlock[]): FoundPolicy[] {
  const scope = new Scope(host, blocks);
  /** Values already read, by where they are written. */
  const read = new Set<string>();
  const dataKinds = new Map<string, Kind>();

  const follow = (attribute: PolicyAttribute): FoundPolicy[] => {
    const { label, kind, expression } = attribute;
    const target = scope.follow(expression);
    if (target.type === 'data') {
      if (!dataKinds.has(target.name)) dataKinds.set(target.name, kind);
      return [];
    }
    if (target.type === 'unknown') return [{ label, kind, result: { type: 'unresolved', why: target.why }, at: expression }];
    if (target.label === undefined) return [{ label, kind, result: policyFromExpression(host, expression), at: expression }];
    const key = where(host, target.node);
    if (read.has(key)) return [];
    read.add(key);
    if (target.encoded && target.node.namedChildren[0]?.type !== 'object') {
      return [{ label, kind, result: { type: 'unresolved', why: `${shorten(peel(host, expression).text)}, and ${target.label} is not an object written in this file` }, at: expression }];
    }
    const result = target.encoded ? objectDocument(host, target.node) : policyFromExpression(host, target.node);
    // A local that is itself unknown is noted where the policy attribute uses it.
    if (result.type === 'unresolved') return [{ label, kind, result: { type: 'unresolved', why: `${target.label}, which is ${result.why}` }, at: expression }];
    return [{ label: target.label, kind, result, at: target.node }];
  };

  const pending: Array<FoundPolicy | (() => FoundPolicy)> = [];
  for (const block of blocks) {
    if (block.node.hasError) continue;
    const [type, name] = block.labels;
    if (block.type.text === 'data' && type === POLICY_DOCUMENT_DATA_SOURCE && name !== undefined) {
      pending.push(() => ({ label: `data.${type}.${name}`, kind: dataKinds.get(name), result: policyDocumentDataSource(host, block.body, block.node.startIndex), at: block.node }));
    } else if (block.type.text === 'resource') {
      pending.push(...policiesOfResource(host, block, follow));
    }
  }
  return pending.map((f) => (typeof f === 'function' ? f() : f));
}

/** The range a value is written at: `"${x}"` and `x` are one value. */
function where(host: string, node: Node): string {
  const n = peel(host, node);
  return `${n.startIndex}:${n.endIndex}`;
}

function policiesOfResource(host: string, block: HclBlock, follow: (a: PolicyAttribute) => FoundPolicy[]): FoundPolicy[] {
  const [type, name] = block.labels;
  if (type === undefined || name === undefined) return [];
  const found: FoundPolicy[] = [];
  // The deprecated form of alicloud_ram_policy: statement blocks and version, as in the data source.
  if (type === 'alicloud_ram_policy' && blocksOf(block.body, host).some((b) => b.type.text === 'statement')) {
    found.push({ label: `${type}.${name}.statement`, kind: 'permission', result: policyDocumentDataSource(host, block.body, block.node.startIndex), at: block.node });
  }
  for (const attribute of POLICY_ATTRIBUTES.get(type) ?? []) {
    const [blockName, nestedName] = attribute.name.split('.');
    const places = nestedName === undefined ? [{ path: blockName as string, body: block.body, attr: blockName as string }] : nestedBodies(host, block, blockName as string, nestedName);
    for (const place of places) {
      const attr = attributesOf(place.body).get(place.attr);
      if (attr) found.push(...follow({ label: `${type}.${name}.${place.path}`, kind: attribute.kind, expression: attr.expression }));
    }
  }
  return found;
}

/** Each `blockName { … }` nested in the resource, as `blockName[i].attr`. */
function nestedBodies(host: string, block: HclBlock, blockName: string, attr: string): Array<{ path: string; body: Node | undefined; attr: string }> {
  return blocksOf(block.body, host)
    .filter((b) => b.type.text === blockName)
    .map((b, i) => ({ path: `${blockName}[${i}].${attr}`, body: b.body, attr }));
}
