/**
 * Terraform's JSON syntax (`.tf.json`): `{"resource": {type: {name: {attr: value}}}}`.
 * Policy attributes are JSON strings holding the policy text, mapped back
 * through their escapes; `${...}` stays in the text as one unknown value.
 * `data.alicloud_ram_policy_document` is read as the JSON the provider
 * renders, each token mapped to the JSON node it came from. Policy
 * attachments and bucket ACLs are reported as host resources.
 */
import { elements, holdsJsonObject, type JsonHostNode, member, members, parseHostJson, stringDocument } from '../json-host';
import { unresolved } from '../notes';
import { DocumentBuilder } from '../offset-map';
import type { HostResource, HostValue } from '../../engine/types';
import { shownSource, terraformAttributes, terraformResource } from '../host-resources';
import type { EmbeddedDocument, HostNote, ProcessOutput } from '../types';
import { POLICY_ATTRIBUTES, POLICY_DOCUMENT_DATA_SOURCE } from './policy-attributes';

type Kind = EmbeddedDocument['kind'];

/** `${data.alicloud_ram_policy_document.NAME.document}` (or `NAME[0]`), the whole value. */
const DATA_REFERENCE = /^\s*\$\{\s*data\.alicloud_ram_policy_document\.([A-Za-z_][A-Za-z0-9_-]*)(?:\[[^\]]*\])?\.document\s*\}\s*$/;
const LINT_THE_PLAN = 'lint the plan (terraform show -json) to check the policy Terraform will apply';

export function processTerraformJson(text: string): ProcessOutput {
  const parsed = parseHostJson(text, 'Terraform JSON file');
  if (!parsed.root) return { documents: [], notes: parsed.notes };
  const documents: EmbeddedDocument[] = [];
  const notes: HostNote[] = [];
  const dataSources = new Map(members(member(member(parsed.root, 'data'), POLICY_DOCUMENT_DATA_SOURCE)));
  /** Each data source's kind: that of the first policy attribute using it. */
  const kinds = new Map<string, Kind>();
  for (const [type, byName] of members(member(parsed.root, 'resource'))) {
    const attributes = POLICY_ATTRIBUTES.get(type);
    if (!attributes) continue;
    for (const [name, bodyOrList] of members(byName)) {
      bodiesOf(bodyOrList).forEach(({ body, suffix }) => {
        const address = `${type}.${name}${suffix}`;
        for (const attribute of attributes) {
          // Terraform refuses an alias set with its primary; the primary is the one read.
          const primary = attribute.aliasOf === undefined ? undefined : member(body, attribute.aliasOf);
          if (primary && primary.type !== 'null') continue;
          for (const { path, value } of attributeValues(body, attribute.name)) {
            const label = `${address}.${path}`;
            if (holdsJsonObject(value)) {
              documents.push(stringDocument(text, value, label, attribute.kind));
              continue;
            }
            // file() and templatefile() are left to that file.
            if (value.type !== 'string' || /^\s*\$\{\s*(file|templatefile)\(/.test(String(value.value))) continue;
            const source = DATA_REFERENCE.exec(String(value.value))?.[1];
            if (source !== undefined && dataSources.has(source)) {
              if (!kinds.has(source)) kinds.set(source, attribute.kind);
            } else if (source !== undefined) {
              notes.push(unresolved(`${label} is data.${POLICY_DOCUMENT_DATA_SOURCE}.${source}, which is not in this file, so it was not checked; lint the file that defines it, or ${LINT_THE_PLAN}.`, value, label, attribute.kind));
            } else {
              notes.push(unresolved(`${label} is an expression Terraform evaluates when it plans, so it was not checked; ${LINT_THE_PLAN}.`, value, label, attribute.kind));
            }
          }
        }
      });
    }
  }
  for (const [name, bodyOrList] of dataSources) {
    for (const { body, suffix } of bodiesOf(bodyOrList)) {
      if (body.type !== 'object') continue;
      const label = `data.${POLICY_DOCUMENT_DATA_SOURCE}.${name}${suffix}`;
      if (hasDynamicBlocks(body)) notes.push(unresolved(`${label} is written with dynamic blocks, which Terraform expands when it plans, so it was not checked; ${LINT_THE_PLAN}.`, body, label, kinds.get(name)));
      else documents.push(dataSourceDocument(text, body, label, kinds.get(name)));
    }
  }
  const resources = terraformJsonResources(text, parsed.root);
  return resources.length > 0 ? { documents, notes, resources } : { documents, notes };
}

/**
 * The policy attachments, ACLs and Block Public Access of the file's resources
 * (host-resources.ts), each value at its JSON value. A string is known when
 * it holds no `${…}` or `%{…}` (Terraform evaluates those when it plans), a
 * boolean always; `"${TYPE.NAME.attr}"` is kept as a reference.
 */
function terraformJsonResources(host: string, root: JsonHostNode): HostResource[] {
  const found: HostResource[] = [];
  for (const [type, byName] of members(member(root, 'resource'))) {
    const wanted = terraformAttributes(type, true);
    if (wanted.length === 0) continue;
    for (const [name, bodyOrList] of members(byName)) {
      for (const { body, suffix } of bodiesOf(bodyOrList)) {
        const values = new Map<string, HostValue>();
        for (const attribute of wanted) {
          const node = member(body, attribute);
          if (!node || node.type === 'null') continue;
          const value = node.type === 'string' ? literalTemplate(String(node.value)) : node.type === 'boolean' ? String(node.value) : undefined;
          const found: HostValue = { value, source: shownSource(host.slice(node.offset, node.offset + node.length)), path: attribute, offset: node.offset, length: node.length };
          const reference = node.type === 'string' && value === undefined ? JSON_REFERENCE.exec(String(node.value))?.[1] : undefined;
          if (reference !== undefined) found.reference = reference;
          values.set(attribute, found);
        }
        const resource = terraformResource(type, `${type}.${name}${suffix}`, values, true);
        if (resource) found.push(resource);
      }
    }
  }
  return found;
}

/** `"${alicloud_oss_bucket.site.bucket}"`: a string that is one plain reference to a resource's attribute (no index, no function). */
const JSON_REFERENCE = /^\$\{\s*((?!(?:local|var|data|module|each|count|self|path|terraform)\.)[A-Za-z_][A-Za-z0-9_-]*(?:\.[A-Za-z_][A-Za-z0-9_-]*)+)\s*\}$/;

/** A string as Terraform renders it when it has no template sequence (`$${` and `%%{` are literal), else undefined. */
function literalTemplate(value: string): string | undefined {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i] as string;
    if ((c === '$' || c === '%') && value[i + 1] === c && value[i + 2] === '{') {
      out += `${c}{`;
      i += 2;
    } else if ((c === '$' || c === '%') && value[i + 1] === '{') return undefined;
    else out += c;
  }
  return out;
}

/** A block body, or a list of them (JSON's way of writing one name twice). */
function bodiesOf(bodyOrList: JsonHostNode): Array<{ body: JsonHostNode; suffix: string }> {
  const bodies = bodyOrList.type === 'array' ? elements(bodyOrList) : [bodyOrList];
  return bodies.map((body, i) => ({ body, suffix: bodies.length > 1 ? `[${i}]` : '' }));
}

/** `attr`, or `block.attr` inside each nested block (an object or a list of objects). */
function attributeValues(body: JsonHostNode, name: string): Array<{ path: string; value: JsonHostNode }> {
  const [first, nested] = name.split('.') as [string, string | undefined];
  const value = member(body, first);
  if (!value) return [];
  if (nested === undefined) return [{ path: first, value }];
  return blocksOf(value).flatMap((b, i) => {
    const v = member(b, nested);
    return v ? [{ path: `${first}[${i}].${nested}`, value: v }] : [];
  });
}

/** Nested blocks: an object, or a list of objects. */
function blocksOf(node: JsonHostNode | undefined): JsonHostNode[] {
  return (node?.type === 'array' ? elements(node) : node ? [node] : []).filter((b) => b.type === 'object');
}

function hasDynamicBlocks(body: JsonHostNode): boolean {
  return member(body, 'dynamic') !== undefined || blocksOf(member(body, 'statement')).some((s) => member(s, 'dynamic') !== undefined);
}

/** A member's key and value nodes; a null value is an unset attribute, as Terraform reads it. */
function entry(node: JsonHostNode | undefined, key: string): { key: JsonHostNode; value: JsonHostNode } | undefined {
  for (const prop of node?.type === 'object' ? (node.children ?? []) : []) {
    const [k, v] = prop.children ?? [];
    if (k?.value === key && v) return v.type === 'null' ? undefined : { key: k, value: v };
  }
  return undefined;
}

/** HCL nesting beyond this becomes one unknown value; recursion stays bounded. */
const MAX_DEPTH = 64;
const MAX_PLACEHOLDER = 200;

/**
 * The document the data source renders, as the .tf reader builds it
 * (hcl-blocks.ts): Version (default "1"), then per statement Effect (default
 * "Allow"), Action, Resource, Principal and Condition. As the provider does,
 * principals with one entity share one list, and conditions with one
 * operator and variable one list of values.
 */
function dataSourceDocument(host: string, body: JsonHostNode, label: string, kind: Kind): EmbeddedDocument {
  const out = new DocumentBuilder();
  const emit = new Emitter(host, out);
  emit.edge('{', body, 'open');
  const version = entry(body, 'version');
  if (version) emit.member('Version', version);
  else out.raw('"Version":"1"');
  out.raw(',');
  const statements = entry(body, 'statement');
  if (statements) emit.token('"Statement"', statements.key);
  else out.raw('"Statement"');
  out.raw(':[');
  blocksOf(statements?.value).forEach((statement, i) => {
    if (i > 0) out.raw(',');
    emit.statement(statement);
  });
  out.raw(']');
  emit.edge('}', body, 'close');
  const { text, map } = out.build(body.offset);
  const doc: EmbeddedDocument = { text, label, map };
  if (kind) doc.kind = kind;
  return doc;
}

type Entry = NonNullable<ReturnType<typeof entry>>;

class Emitter {
  constructor(
    private readonly host: string,
    private readonly out: DocumentBuilder,
  ) {}

  token(text: string, node: JsonHostNode): void {
    this.out.piece(text, node.offset, node.offset + node.length, 'synthetic');
  }

  /** An object's or array's bracket, at its place in the host. */
  edge(text: string, node: JsonHostNode, side: 'open' | 'close'): void {
    const at = side === 'open' ? node.offset : node.offset + node.length - 1;
    this.out.piece(text, at, at + 1, 'synthetic');
  }

  member(key: string, e: Entry): void {
    this.token(JSON.stringify(key), e.key);
    this.out.raw(':');
    this.value(e.value, 0);
  }

  value(node: JsonHostNode, depth: number): void {
    if (node.type === 'string') return this.token(JSON.stringify(templateValue(String(node.value))), node);
    if (node.type === 'array' && depth < MAX_DEPTH) {
      this.edge('[', node, 'open');
      this.items(elements(node), depth);
      return this.edge(']', node, 'close');
    }
    if (node.type !== 'object' && node.type !== 'array') return this.token(this.host.slice(node.offset, node.offset + node.length), node);
    const source = this.host.slice(node.offset, node.offset + node.length).replace(/\s+/g, ' ').slice(0, MAX_PLACEHOLDER);
    this.token(JSON.stringify(`\${${sanitize(source)}}`), node);
  }

  private items(nodes: JsonHostNode[], depth: number): void {
    nodes.forEach((n, i) => {
      if (i > 0) this.out.raw(',');
      this.value(n, depth + 1);
    });
  }

  /** The values of several blocks as one list (merged principals or conditions); one block's value as it is. */
  list(values: JsonHostNode[]): void {
    const [first] = values;
    const last = values[values.length - 1];
    if (!first || !last) return void this.out.raw('[]');
    if (values.length === 1) return this.value(first, 1);
    if (first.type === 'array') this.edge('[', first, 'open');
    else this.out.raw('[');
    this.items(values.flatMap((v) => (v.type === 'array' ? elements(v) : [v])), 1);
    if (last.type === 'array') this.edge(']', last, 'close');
    else this.out.raw(']');
  }

  /** The attribute as a JSON key, or `"${name}"` (one unknown value) at the block when it is missing. */
  private key(e: Entry | undefined, name: string, block: JsonHostNode): void {
    if (e?.value.type === 'string') this.token(JSON.stringify(templateValue(String(e.value.value))), e.value);
    else this.token(`"\${${name}}"`, e?.value ?? block);
  }

  statement(statement: JsonHostNode): void {
    this.edge('{', statement, 'open');
    const parts: Array<() => void> = [];
    // The provider's default effect; written so the engine sees what Terraform renders.
    if (!entry(statement, 'effect')) parts.push(() => this.out.raw('"Effect":"Allow"'));
    for (const [name, key] of [['effect', 'Effect'], ['action', 'Action'], ['resource', 'Resource']] as const) {
      const e = entry(statement, name);
      if (e) parts.push(() => this.member(key, e));
    }
    const principals = entry(statement, 'principal');
    if (principals) parts.push(() => this.principals(principals));
    const conditions = entry(statement, 'condition');
    if (conditions) parts.push(() => this.conditions(conditions));
    parts.forEach((write, i) => {
      if (i > 0) this.out.raw(',');
      write();
    });
    this.edge('}', statement, 'close');
  }

  /** `principal` blocks → `"Principal": {entity: [identifiers…]}`. */
  private principals(e: Entry): void {
    const groups = groupBy(blocksOf(e.value), (b) => entry(b, 'entity'));
    this.token('"Principal"', e.key);
    this.out.raw(':{');
    groups.forEach((group, i) => {
      if (i > 0) this.out.raw(',');
      this.key(group.head, 'entity', group.blocks[0] as JsonHostNode);
      this.out.raw(':');
      this.list(group.blocks.flatMap((b) => entry(b, 'identifiers')?.value ?? []));
    });
    this.out.raw('}');
  }

  /** `condition` blocks → `"Condition": {operator: {variable: [values…]}}`. */
  private conditions(e: Entry): void {
    const byOperator = groupBy(blocksOf(e.value), (b) => entry(b, 'operator'));
    this.token('"Condition"', e.key);
    this.out.raw(':{');
    byOperator.forEach((operator, i) => {
      if (i > 0) this.out.raw(',');
      this.key(operator.head, 'operator', operator.blocks[0] as JsonHostNode);
      this.out.raw(':{');
      groupBy(operator.blocks, (b) => entry(b, 'variable')).forEach((variable, j) => {
        if (j > 0) this.out.raw(',');
        this.key(variable.head, 'variable', variable.blocks[0] as JsonHostNode);
        this.out.raw(':');
        this.list(variable.blocks.flatMap((b) => entry(b, 'values')?.value ?? []));
      });
      this.out.raw('}');
    });
    this.out.raw('}');
  }
}

/** Blocks grouped by the string value of one attribute, in order; a block without it stands alone. */
function groupBy(blocks: JsonHostNode[], attribute: (block: JsonHostNode) => Entry | undefined): Array<{ head: Entry | undefined; blocks: JsonHostNode[] }> {
  const groups = new Map<string, { head: Entry | undefined; blocks: JsonHostNode[] }>();
  blocks.forEach((block, i) => {
    const head = attribute(block);
    const key = head?.value.type === 'string' ? `=${String(head.value.value)}` : `#${i}`;
    const group = groups.get(key);
    if (group) group.blocks.push(block);
    else groups.set(key, { head, blocks: [block] });
  });
  return [...groups.values()];
}

/** A string as Terraform reads it: each `${…}` or `%{…}` one unknown value for the engine, `$${` and `%%{` literal. */
function templateValue(value: string): string {
  let out = '';
  let i = 0;
  while (i < value.length) {
    const c = value[i] as string;
    if ((c === '$' || c === '%') && value[i + 1] === c && value[i + 2] === '{') {
      out += `${c}{`;
      i += 3;
    } else if ((c === '$' || c === '%') && value[i + 1] === '{') {
      const end = closingBrace(value, i + 2);
      if (end < 0) return out + value.slice(i);
      out += `\${${sanitize(value.slice(i + 2, end).slice(0, MAX_PLACEHOLDER))}}`;
      i = end + 1;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** The `}` that closes a template sequence opened before `from`, past nested braces and quoted strings; -1 if none. */
function closingBrace(value: string, from: number): number {
  let depth = 1;
  let quoted = false;
  for (let i = from; i < value.length; i++) {
    const c = value[i];
    if (quoted) {
      if (c === '\\') i++;
      else if (c === '"') quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  return -1;
}

/** Expression text made safe inside a JSON string and for the engine's `${...}` matcher. */
function sanitize(text: string): string {
  return text.replace(/["\\{}\u0000-\u001f]/g, '_');
}
