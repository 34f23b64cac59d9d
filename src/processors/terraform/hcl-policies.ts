/**
 * The policies of one `.tf` file, in three passes:
 * 1. the policy attributes of resources, each followed to where its value is
 *    written (itself, a local, the data source), which gives that value the
 *    attribute's kind; a value reached twice is read once, as the first;
 * 2. the policy-document data sources, with the kind of the first attribute
 *    that uses each (detected from content when none does);
 * 3. literal policies in module arguments, locals and variable defaults that
 *    no attribute led to, their kind detected from content.
 */
import type { Node } from 'web-tree-sitter';
import type { EmbeddedDocument } from '../types';
import { attributesOf, blocksOf, type HclBlock, policyDocumentDataSource } from './hcl-blocks';
import { traversalOf } from './hcl-paths';
import { objectDocument, peel, policyFromExpression, shorten, type ValueResult } from './hcl-values';
import { literalPolicies } from './literal-policies';
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

/** Functions that read their first argument as text to fill in: a local given to one is a template (`%s`), not a policy. */
const TEMPLATE_FUNCTIONS = new Set(['format', 'formatlist', 'replace', 'templatestring']);

/** Module arguments Terraform itself reads; never a policy for the module. */
const MODULE_META_ARGUMENTS = new Set(['source', 'version', 'providers', 'count', 'for_each', 'depends_on']);

export function findPolicies(host: string, blocks: readonly HclBlock[]): FoundPolicy[] {
  const scope = new Scope(host, blocks);
  /** Values already read, by where they are written. */
  const read = new Set<string>();
  const dataKinds = new Map<string, Kind>();
  const variableKinds = new Map<string, Kind>();

  const follow = (attribute: PolicyAttribute): FoundPolicy[] => {
    const { label, kind, expression } = attribute;
    const target = scope.follow(expression);
    if (target.type === 'data') {
      if (!dataKinds.has(target.name)) dataKinds.set(target.name, kind);
      return [];
    }
    if (target.type === 'unknown') return [{ label, kind, result: { type: 'unresolved', why: target.why }, at: expression }];
    if (target.label === undefined) {
      const variable = traversalOf(host, peel(host, expression));
      if (variable?.root === 'var' && variable.steps.length === 1 && !variableKinds.has(String(variable.steps[0]))) variableKinds.set(String(variable.steps[0]), kind);
      return [{ label, kind, result: policyFromExpression(host, expression), at: expression }];
    }
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
  const found = pending.map((f) => (typeof f === 'function' ? f() : f));

  for (const key of templateLocals(host, blocks, scope)) read.add(key);
  for (const { label, node, result } of blocks.flatMap((b) => literalValuesOf(host, b))) {
    const key = where(host, node);
    if (read.has(key)) continue;
    read.add(key);
    const variable = /^var\.([^.[]+)\.default$/.exec(label)?.[1];
    found.push({ label, kind: variable === undefined ? undefined : variableKinds.get(variable), result, at: node });
  }
  return found;
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
  // A `dynamic "statement"` block is that form too: noted as expanded when Terraform plans, never passed over.
  if (type === 'alicloud_ram_policy' && blocksOf(block.body, host).some((b) => b.type.text === 'statement' || (b.type.text === 'dynamic' && b.labels[0] === 'statement'))) {
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

/** Where the locals given to a template function as its text are written (`format(local.role_template, var.uid)`). */
function templateLocals(host: string, blocks: readonly HclBlock[], scope: Scope): string[] {
  const keys: string[] = [];
  for (const block of blocks) {
    for (const call of block.node.descendantsOfType('function_call')) {
      if (!TEMPLATE_FUNCTIONS.has(call.namedChildren[0]?.text ?? '')) continue;
      const text = call.namedChildren.find((c) => c.type === 'function_arguments')?.namedChildren.find((c) => c.type === 'expression');
      const target = text ? scope.follow(text) : undefined;
      if (target?.type === 'value' && target.label !== undefined) keys.push(where(host, target.node));
    }
  }
  return keys;
}

/** Literal policies in a module call's arguments, a locals block or a variable's default. */
function literalValuesOf(host: string, block: HclBlock): ReturnType<typeof literalPolicies> {
  if (block.node.hasError) return [];
  const [name] = block.labels;
  const attrs = [...attributesOf(block.body)];
  if (block.type.text === 'locals') return attrs.flatMap(([local, attr]) => literalPolicies(host, attr.expression, `local.${local}`));
  if (block.type.text === 'module' && name !== undefined) {
    return attrs.filter(([arg]) => !MODULE_META_ARGUMENTS.has(arg)).flatMap(([arg, attr]) => literalPolicies(host, attr.expression, `module.${name}.${arg}`));
  }
  if (block.type.text === 'variable' && name !== undefined) {
    const value = attributesOf(block.body).get('default');
    return value ? literalPolicies(host, value.expression, `var.${name}.default`) : [];
  }
  return [];
}
