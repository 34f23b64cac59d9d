/**
 * The host resources of one `.tf` file (src/processors/host-resources.ts):
 * the policy attachments and bucket ACLs of its resource blocks. A value is
 * known when it is a quoted string without interpolations, written at the
 * attribute or in a local of this file that the attribute names
 * (`policy_name = local.admin`), or a literal `true` / `false`; anything else
 * (a variable, another resource's attribute, `each.key`, a function) is
 * unknown and not guessed. A plain reference to another resource's attribute
 * (`alicloud_oss_bucket.site.bucket`, also `"${...}"`) is kept as written, so
 * that a rule can tell two resources name the same bucket. Each value is
 * placed at the attribute's expression.
 */
import type { Node } from 'web-tree-sitter';
import type { HostResource, HostValue } from '../../engine/types';
import { shownSource, terraformAttributes, terraformResource } from '../host-resources';
import { attributesOf, type HclBlock } from './hcl-blocks';
import { traversalOf } from './hcl-paths';
import { literalString, peel, unwrap } from './hcl-values';
import { Scope } from './references';

export function hclResources(host: string, blocks: readonly HclBlock[]): HostResource[] {
  let scope: Scope | undefined;
  const found: HostResource[] = [];
  for (const block of blocks) {
    if (block.node.hasError || block.type.text !== 'resource') continue;
    const [type, name] = block.labels;
    if (type === undefined || name === undefined) continue;
    const wanted = terraformAttributes(type, true);
    if (wanted.length === 0) continue;
    // Built on first use: most files have no attachment and no bucket.
    scope ??= new Scope(host, blocks);
    const attributes = attributesOf(block.body);
    const values = new Map<string, HostValue>();
    for (const attribute of wanted) {
      const attr = attributes.get(attribute);
      const value = attr ? hclValue(host, scope, attr.expression, attribute) : undefined;
      if (value) values.set(attribute, value);
    }
    const resource = terraformResource(type, `${type}.${name}`, values, true);
    if (resource) found.push(resource);
  }
  return found;
}

/** The attribute's value at its expression; undefined for `null`, which leaves the attribute unset. */
function hclValue(host: string, scope: Scope, expression: Node, path: string): HostValue | undefined {
  const node = unwrap(expression);
  if (node.type === 'literal_value' && node.namedChildren[0]?.type === 'null_lit') return undefined;
  let value = literalString(host, expression) ?? literalBool(node);
  if (value === undefined) {
    const target = scope.follow(expression);
    if (target.type === 'value' && target.label !== undefined && !target.encoded) value = literalString(host, target.node) ?? literalBool(unwrap(target.node));
  }
  const found: HostValue = { value, source: shownSource(host.slice(node.startIndex, node.endIndex)), path, offset: node.startIndex, length: node.endIndex - node.startIndex };
  const reference = value === undefined ? referenceOf(host, expression) : undefined;
  if (reference !== undefined) found.reference = reference;
  return found;
}

/** `true` / `false` written as an HCL boolean. */
function literalBool(node: Node): string | undefined {
  return node.type === 'literal_value' && node.namedChildren[0]?.type === 'bool_lit' ? node.text : undefined;
}

/** `alicloud_oss_bucket.site.bucket` for that traversal (or `"${...}"` of it); none with an index or for a local, variable or data source. */
function referenceOf(host: string, expression: Node): string | undefined {
  const traversal = traversalOf(host, peel(host, expression));
  if (!traversal || ['local', 'var', 'data', 'module', 'each', 'count', 'self', 'path', 'terraform'].includes(traversal.root)) return undefined;
  return traversal.steps.every((s) => typeof s === 'string') ? [traversal.root, ...traversal.steps].join('.') : undefined;
}
