/**
 * The host resources of one `.tf` file (src/processors/host-resources.ts):
 * the policy attachments and bucket ACLs of its resource blocks. A value is
 * known when it is a quoted string without interpolations, written at the
 * attribute or in a local of this file that the attribute names
 * (`policy_name = local.admin`); anything else (a variable, another
 * resource's attribute, `each.key`, a function) is unknown and not guessed.
 * Each value is placed at the attribute's expression.
 */
import type { Node } from 'web-tree-sitter';
import type { HostResource, HostValue } from '../../engine/types';
import { shownSource, terraformAttributes, terraformResource } from '../host-resources';
import { attributesOf, type HclBlock } from './hcl-blocks';
import { literalString, unwrap } from './hcl-values';
import { Scope } from './references';

export function hclResources(host: string, blocks: readonly HclBlock[]): HostResource[] {
  let scope: Scope | undefined;
  const found: HostResource[] = [];
  for (const block of blocks) {
    if (block.node.hasError || block.type.text !== 'resource') continue;
    const [type, name] = block.labels;
    if (type === undefined || name === undefined) continue;
    const wanted = terraformAttributes(type);
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
    const resource = terraformResource(type, `${type}.${name}`, values);
    if (resource) found.push(resource);
  }
  return found;
}

/** The attribute's value at its expression; undefined for `null`, which leaves the attribute unset. */
function hclValue(host: string, scope: Scope, expression: Node, path: string): HostValue | undefined {
  const node = unwrap(expression);
  if (node.type === 'literal_value' && node.namedChildren[0]?.type === 'null_lit') return undefined;
  let value = literalString(host, expression);
  if (value === undefined) {
    const target = scope.follow(expression);
    if (target.type === 'value' && target.label !== undefined && !target.encoded) value = literalString(host, target.node);
  }
  return { value, source: shownSource(host.slice(node.startIndex, node.endIndex)), path, offset: node.startIndex, length: node.endIndex - node.startIndex };
}
