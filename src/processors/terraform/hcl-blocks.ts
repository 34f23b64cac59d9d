/**
 * Reading HCL bodies from the tree-sitter tree: blocks with their labels,
 * attributes by name, and the policy-document data source as a JSON policy
 * whose every key and value maps to the HCL attribute it came from.
 */
import type { Node } from 'web-tree-sitter';
import { generatedDocument, hclStringValue, type JsonEmitter, literalString, type ValueResult } from './hcl-values';

export interface HclAttribute {
  name: Node;
  expression: Node;
  node: Node;
}

export interface HclBlock {
  node: Node;
  type: Node;
  labels: string[];
  body: Node | undefined;
}

export function blocksOf(body: Node | undefined, host: string): HclBlock[] {
  if (!body) return [];
  return body.namedChildren
    .filter((c) => c.type === 'block')
    .map((node) => {
      const kids = node.namedChildren;
      return {
        node,
        type: kids[0] as Node,
        labels: kids.filter((c) => c.type === 'string_lit' || (c.type === 'identifier' && c !== kids[0])).map((c) => (c.type === 'string_lit' ? hclStringValue(host, c) : c.text)),
        body: kids.find((c) => c.type === 'body'),
      };
    });
}

export function attributesOf(body: Node | undefined): Map<string, HclAttribute> {
  const found = new Map<string, HclAttribute>();
  for (const node of body?.namedChildren ?? []) {
    if (node.type !== 'attribute') continue;
    const name = node.namedChildren[0];
    const expression = node.namedChildren.find((c) => c.type === 'expression');
    // The first of two same-named attributes, as with duplicate JSON keys; Terraform rejects the file anyway.
    if (name && expression && !found.has(name.text)) found.set(name.text, { name, expression, node });
  }
  return found;
}

/** `data "alicloud_ram_policy_document"` as the policy its `document` output renders. */
export function policyDocumentDataSource(host: string, body: Node | undefined, fallback: number): ValueResult {
  const blocks = blocksOf(body, host);
  const nested = blocks.filter((b) => b.type.text === 'statement').flatMap((b) => blocksOf(b.body, host));
  if ([...blocks, ...nested].some((b) => b.type.text === 'dynamic')) return { type: 'unresolved', why: 'written with dynamic blocks, which Terraform expands when it plans' };
  const attrs = attributesOf(body);
  return generatedDocument(
    host,
    (emit) => {
      emit.out.raw('{');
      const version = attrs.get('version');
      if (version) member(emit, 'Version', version);
      else emit.out.raw('"Version":"1"');
      emit.out.raw(',"Statement":[');
      blocks
        .filter((b) => b.type.text === 'statement')
        .forEach((statement, i) => {
          if (i > 0) emit.out.raw(',');
          writeStatement(emit, statement, host);
        });
      emit.out.raw(']}');
    },
    fallback,
  );
}

function member(emit: JsonEmitter, key: string, attr: HclAttribute): void {
  emit.token(JSON.stringify(key), attr.name);
  emit.out.raw(':');
  emit.value(attr.expression, 1);
}

const STATEMENT_ATTRIBUTES: ReadonlyArray<[string, string]> = [
  ['effect', 'Effect'],
  ['action', 'Action'],
  ['resource', 'Resource'],
];

function writeStatement(emit: JsonEmitter, statement: HclBlock, host: string): void {
  const blockEnd = statement.node.namedChildren.find((c) => c.type === 'block_end');
  // The statement object spans `statement { … }`.
  emit.token('{', statement.type);
  const attrs = attributesOf(statement.body);
  const parts: Array<() => void> = [];
  // The provider's default effect; written so the engine sees what Terraform renders.
  if (!attrs.has('effect')) parts.push(() => emit.out.raw('"Effect":"Allow"'));
  for (const [hclName, jsonName] of STATEMENT_ATTRIBUTES) {
    const attr = attrs.get(hclName);
    if (attr) parts.push(() => member(emit, jsonName, attr));
  }
  const nested = blocksOf(statement.body, host);
  const principals = nested.filter((b) => b.type.text === 'principal');
  const first = principals[0];
  if (first) parts.push(() => principalMember(emit, principals, first));
  const conditions = nested.filter((b) => b.type.text === 'condition');
  const firstCondition = conditions[0];
  if (firstCondition) parts.push(() => conditionMember(emit, conditions, firstCondition));
  parts.forEach((write, i) => {
    if (i > 0) emit.out.raw(',');
    write();
  });
  if (blockEnd) emit.token('}', blockEnd);
  else emit.out.raw('}');
}

/** The attribute as a JSON key, or `"${name}"` (one unknown value) at the block when it is missing. */
function keyOrPlaceholder(emit: JsonEmitter, attrs: Map<string, HclAttribute>, name: string, block: HclBlock): void {
  const attr = attrs.get(name);
  if (attr) emit.key(attr.expression);
  else emit.token(`"\${${name}}"`, block.type);
}

interface Nested {
  block: HclBlock;
  attrs: Map<string, HclAttribute>;
}

/**
 * Blocks grouped by the literal value of one attribute, in order of first
 * appearance; a block whose attribute is missing or computed is a group of its own.
 */
function groupBy(host: string, blocks: Nested[], name: string): Nested[][] {
  const groups = new Map<string, Nested[]>();
  for (const nested of blocks) {
    const attr = nested.attrs.get(name);
    const value = attr ? literalString(host, attr.expression) : undefined;
    const key = value === undefined ? `\0${groups.size}` : `=${value}`;
    groups.set(key, [...(groups.get(key) ?? []), nested]);
  }
  return [...groups.values()];
}

/**
 * The lists of one group's blocks as one JSON list, each element at its own
 * HCL node. One block's list is written as it stands; an attribute missing
 * everywhere is an empty list.
 */
function mergedList(emit: JsonEmitter, group: Nested[], name: string, depth: number): void {
  const lists = group.flatMap((n) => n.attrs.get(name)?.expression ?? []);
  const [first] = lists;
  if (!first) {
    emit.out.raw('[]');
    return;
  }
  if (lists.length === 1) return emit.value(first, depth);
  emit.bracket('[', first);
  let written = 0;
  for (const list of lists) written = emit.elements(list, depth + 1, written);
  emit.bracket(']', lists[lists.length - 1] as Node);
}

function nestedBlocks(blocks: HclBlock[]): Nested[] {
  return blocks.map((block) => ({ block, attrs: attributesOf(block.body) }));
}

/**
 * `principal { entity, identifiers }` blocks → `"Principal": {entity: [...]}`.
 * Blocks with the same entity are one key whose list holds every block's
 * identifiers, as the provider renders them (PolicyDocumentStatementPrincipalSet.MarshalJSON).
 */
function principalMember(emit: JsonEmitter, principals: HclBlock[], first: HclBlock): void {
  emit.token('"Principal"', first.type);
  emit.out.raw(':{');
  groupBy(emit.host, nestedBlocks(principals), 'entity').forEach((group, i) => {
    const head = group[0] as Nested;
    if (i > 0) emit.out.raw(',');
    keyOrPlaceholder(emit, head.attrs, 'entity', head.block);
    emit.out.raw(':');
    mergedList(emit, group, 'identifiers', 2);
  });
  emit.out.raw('}');
}

/**
 * `condition { operator, variable, values }` blocks → `"Condition": {operator: {variable: values}}`,
 * grouped by operator, and by variable within it: blocks with the same
 * operator and variable are one key whose list holds every block's values
 * (PolicyDocumentStatementConditionSet.MarshalJSON).
 */
function conditionMember(emit: JsonEmitter, conditions: HclBlock[], first: HclBlock): void {
  emit.token('"Condition"', first.type);
  emit.out.raw(':{');
  groupBy(emit.host, nestedBlocks(conditions), 'operator').forEach((operatorGroup, i) => {
    if (i > 0) emit.out.raw(',');
    const head = operatorGroup[0] as Nested;
    keyOrPlaceholder(emit, head.attrs, 'operator', head.block);
    emit.out.raw(':{');
    groupBy(emit.host, operatorGroup, 'variable').forEach((group, j) => {
      if (j > 0) emit.out.raw(',');
      const variable = group[0] as Nested;
      keyOrPlaceholder(emit, variable.attrs, 'variable', variable.block);
      emit.out.raw(':');
      mergedList(emit, group, 'values', 3);
    });
    emit.out.raw('}');
  });
  emit.out.raw('}');
}
