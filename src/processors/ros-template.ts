/**
 * ROS templates, YAML or JSON (recognised by ROSTemplateFormatVersion), read
 * with the `yaml` package's source ranges (next-capabilities §3.5). A policy
 * written as a YAML or JSON map becomes generated JSON whose every key and
 * value maps to its node; a policy written as JSON text in a `|` block
 * scalar is copied line by line, and one in a quoted string is decoded
 * through its escapes, so fixes there apply exactly. Intrinsic
 * functions (Ref, Fn::GetAtt, Fn::Join, !Ref, !GetAtt …) are unknown values;
 * Fn::Sub / !Sub keep their string with its `${...}` placeholders.
 * Policy attachments and bucket ACLs are reported as host resources.
 */
import { type Document, isAlias, isMap, isScalar, isSeq, type Node as YamlNode, parseDocument, Scalar, type YAMLMap } from 'yaml';
import { invalidHost, unresolved } from './notes';
import { type ParseError, parseTree } from 'jsonc-parser';
import { decodeJsonStringBody, encodeJsonString } from './escapes';
import { DocumentBuilder, verbatimMap } from './offset-map';
import type { HostResource, HostValue } from '../engine/types';
import { resourceManagerPrincipal, ROS_ATTACHMENTS, ROS_BUCKET, ROS_BUCKET_BLOCK, ROS_MANAGED_POLICY, ROS_MANAGED_POLICY_PRINCIPALS, ROS_PRINCIPALS, ROS_RESOURCE_GROUP_ATTACHMENT, shownSource } from './host-resources';
import type { EmbeddedDocument, HostNote, ProcessOutput } from './types';

type Kind = EmbeddedDocument['kind'];

/**
 * Resource type → policy properties; `Policies[].PolicyDocument` is a list of
 * inline policies. A gateway endpoint's `PolicyDocument` (a JSON string) is an
 * endpoint policy, as in Terraform; ALIYUN::PrivateLink::VpcEndpoint documents
 * no policy property.
 */
const POLICY_PROPERTIES: ReadonlyMap<string, ReadonlyArray<[string, Kind]>> = new Map<string, ReadonlyArray<[string, Kind]>>([
  ['ALIYUN::RAM::ManagedPolicy', [['PolicyDocument', 'permission'], ['PolicyDocumentUnchecked', 'permission']]],
  ['ALIYUN::RAM::Role', [['AssumeRolePolicyDocument', 'trust'], ['Policies[].PolicyDocument', 'permission']]],
  ['ALIYUN::RAM::User', [['Policies[].PolicyDocument', 'permission']]],
  ['ALIYUN::RAM::Group', [['Policies[].PolicyDocument', 'permission']]],
  ['ALIYUN::OSS::Bucket', [['Policy', 'bucket']]],
  ['ALIYUN::VPC::VpcGatewayEndpoint', [['PolicyDocument', 'endpoint']]],
]);

/** ROS short-form functions (!Ref …), registered so they stay tagged nodes instead of plain strings. */
const SHORT_FUNCTIONS = ['Ref', 'Sub', 'GetAtt', 'Join', 'Select', 'Split', 'Replace', 'If', 'Equals', 'Not', 'And', 'Or', 'Base64', 'FindInMap', 'GetAZs', 'Index', 'Length', 'Str', 'Jq', 'GetJsonValue', 'MergeMapToList', 'ListMerge', 'SelectMapList', 'Add', 'Avg', 'Max', 'Min', 'Calculate', 'Indent', 'MarketplaceImage', 'Contains', 'Any', 'EachMemberIn', 'MatchPattern'];
const CUSTOM_TAGS = SHORT_FUNCTIONS.flatMap((name) => [
  { tag: `!${name}`, resolve: (value: unknown) => value },
  { tag: `!${name}`, collection: 'seq' as const, resolve: (value: unknown) => value },
  { tag: `!${name}`, collection: 'map' as const, resolve: (value: unknown) => value },
]);

/** Policies are about 6 levels deep; deeper YAML is one unknown value, and recursion stays bounded. */
const MAX_DEPTH = 64;
const MAX_PLACEHOLDER = 200;
/**
 * YAML nodes written out per policy, aliases expanded: a YAML loader (and so ROS) expands `*name`, so a
 * policy may be built from anchors; a chain of aliases of aliases (a "billion laughs") stops here, the
 * rest one unknown value.
 */
const MAX_EXPANDED_NODES = 100_000;

/** The node an alias stands for (a YAML loader expands it), or the node itself. */
function dereference(node: YamlNode | null | undefined, doc: Document): YamlNode | null | undefined {
  if (!isAlias(node)) return node;
  try {
    return node.resolve(doc) ?? node;
  } catch {
    return node; // An alias to no anchor: left as one unknown value.
  }
}

export function processTemplate(text: string): ProcessOutput {
  const yaml = parseDocument(text, { customTags: CUSTOM_TAGS, uniqueKeys: false, strict: false });
  const error = yaml.errors[0];
  if (error) return { documents: [], notes: [invalidHost(`This ROS template cannot be parsed (${error.code}), so the policies in it were not checked.`, error.pos[0], Math.max(0, error.pos[1] - error.pos[0]))] };
  const documents: EmbeddedDocument[] = [];
  const notes: HostNote[] = [];
  const facts: HostResource[] = [];
  const resources = mapGet(yaml.contents, 'Resources');
  if (!isMap(resources)) return { documents, notes };
  for (const pair of resources.items) {
    const id = isScalar(pair.key) ? String(pair.key.value) : undefined;
    const resource = pair.value as YamlNode | null;
    const type = mapGet(resource, 'Type');
    const properties = mapGet(resource, 'Properties');
    if (id !== undefined && isScalar(type)) for (const fact of hostResources(text, yaml, `Resources.${id}`, String(type.value), dereference(properties, yaml))) facts.push(fact);
    const wanted = isScalar(type) ? POLICY_PROPERTIES.get(String(type.value)) : undefined;
    if (id === undefined || !wanted) continue;
    for (const [property, kind] of wanted) {
      for (const { path, node } of propertyValues(properties, property)) {
        const label = `Resources.${id}.Properties.${path}`;
        const found = policyFrom(text, dereference(node, yaml) as YamlNode, yaml);
        if (found.type === 'document') {
          const doc: EmbeddedDocument = { text: found.text, label, map: found.map };
          if (kind) doc.kind = kind;
          if (found.encode) doc.encode = found.encode;
          documents.push(doc);
        } else {
          notes.push(unresolved(`${label} is ${found.why}, which ROS computes when it creates the stack, so it was not checked.`, rangeOf(node, text), label, kind));
        }
      }
    }
  }
  return facts.length > 0 ? { documents, notes, resources: facts } : { documents, notes };
}

/**
 * The policy attachments, bucket ACL and Block Public Access one resource
 * states (host-resources.ts): `AttachPolicyTo*`, `ResourceManager::PolicyAttachment`,
 * the `PolicyAttachments` of a user, group or role (one attachment per name
 * listed under `System` or `Custom`) and its `Policies` (one per entry), each
 * principal a `ManagedPolicy` lists, a bucket's `AccessControl` and
 * `BlockPublicAccess`, a `BucketPublicAccessBlock`.
 */
function hostResources(host: string, doc: Document, label: string, type: string, properties: YamlNode | null | undefined): HostResource[] {
  const property = (name: string): HostValue | undefined => {
    const node = mapGet(properties, name);
    return node === undefined ? undefined : hostValue(host, doc, node, `Properties.${name}`);
  };
  const single = ROS_ATTACHMENTS.get(type);
  if (single) {
    const policyName = property('PolicyName');
    if (!policyName) return [];
    return [{ type: 'policy-attachment', label, resourceType: type, policyName, policyType: property('PolicyType'), principalType: single.principalType, principalName: property(single.principal) }];
  }
  if (type === ROS_RESOURCE_GROUP_ATTACHMENT) {
    const policyName = property('PolicyName');
    if (!policyName) return [];
    const found: HostResource = { type: 'policy-attachment', label, resourceType: type, policyName, policyType: property('PolicyType'), principalType: resourceManagerPrincipal(property('PrincipalType')), principalName: property('PrincipalName') };
    const group = property('ResourceGroupId');
    return [group ? { ...found, resourceGroup: group } : found];
  }
  if (type === ROS_MANAGED_POLICY) return managedPolicyAttachments(host, doc, label, type, properties, property('PolicyName'));
  const principal = ROS_PRINCIPALS.get(type);
  if (principal) {
    const principalName = property(principal.principal);
    const found: HostResource[] = [];
    const attach = (policyName: HostValue | undefined, policyType: HostValue | undefined) => {
      if (policyName) found.push({ type: 'policy-attachment', label, resourceType: type, policyName, policyType, principalType: principal.principalType, principalName });
    };
    const attachments = dereference(mapGet(properties, 'PolicyAttachments'), doc);
    if (isMap(attachments) && !isFunction(attachments)) {
      for (const pair of attachments.items) {
        const key = pair.key as YamlNode | null;
        if (!isScalar(key)) continue;
        const path = `Properties.PolicyAttachments.${String(key.value)}`;
        const policyType = hostValue(host, doc, key, path);
        const names = dereference(pair.value as YamlNode | null, doc);
        // A list of names, each its own attachment; a function in its place is one attachment of names unknown.
        if (isSeq(names) && !isFunction(names)) names.items.forEach((item, i) => attach(hostValue(host, doc, item as YamlNode | null, `${path}[${i}]`), policyType));
        else attach(hostValue(host, doc, pair.value as YamlNode | null, path), policyType);
      }
    }
    // `Policies`: each entry a custom policy the resource creates from its PolicyDocument (linted as a document) and attaches to itself.
    const policies = dereference(mapGet(properties, 'Policies'), doc);
    if (isSeq(policies) && !isFunction(policies)) {
      policies.items.forEach((item, i) => {
        const name = mapGet(dereference(item as YamlNode | null, doc), 'PolicyName');
        if (name !== undefined) attach(hostValue(host, doc, name, `Properties.Policies[${i}].PolicyName`), undefined);
      });
    }
    return found;
  }
  if (type === ROS_BUCKET) {
    const acl = property('AccessControl');
    const bucket = property('BucketName');
    const block = property('BlockPublicAccess');
    const found: HostResource[] = [];
    if (acl) found.push({ type: 'bucket-acl', label, resourceType: type, acl, bucket });
    if (block) found.push({ type: 'public-access-block', label, resourceType: type, scope: 'bucket', enabled: block, bucket });
    return found;
  }
  if (type === ROS_BUCKET_BLOCK) {
    const block = property('BlockPublicAccess');
    return block ? [{ type: 'public-access-block', label, resourceType: type, scope: 'bucket', enabled: block, bucket: property('Bucket') }] : [];
  }
  return [];
}

/**
 * The custom policy a `ManagedPolicy` creates, attached to each principal its `Users`,
 * `Groups` and `Roles` list: one attachment per entry, placed on the entry (a function
 * in place of a list is one attachment to principals unknown, placed on it).
 */
function managedPolicyAttachments(host: string, doc: Document, label: string, type: string, properties: YamlNode | null | undefined, policyName: HostValue | undefined): HostResource[] {
  if (!policyName) return [];
  const found: HostResource[] = [];
  for (const [list, principalType] of ROS_MANAGED_POLICY_PRINCIPALS) {
    const written = mapGet(properties, list);
    const node = dereference(written, doc);
    const path = `Properties.${list}`;
    const entries = isSeq(node) && !isFunction(node) ? node.items.map((item, i) => hostValue(host, doc, item as YamlNode | null, `${path}[${i}]`)) : [hostValue(host, doc, written, path)];
    for (const principalName of entries) {
      if (principalName) found.push({ type: 'policy-attachment', label, resourceType: type, policyName, policyType: undefined, principalType, principalName, anchor: principalName });
    }
  }
  return found;
}

/**
 * A property's value at the node written in the resource (an alias `*name`
 * is placed there, and read as its anchor's value); known when it is a string
 * or boolean scalar (`BlockPublicAccess: true` is `"true"`), unknown for a function (`!Ref`, `Fn::Join`) or any other value;
 * undefined for an empty value or `null`, which leaves it unset.
 */
function hostValue(host: string, doc: Document, written: YamlNode | null | undefined, path: string): HostValue | undefined {
  if (written === null || written === undefined) return undefined;
  const node = dereference(written, doc);
  if (!node || (isScalar(node) && node.value === null)) return undefined;
  const { offset, length: full } = rangeOf(written, host);
  // A block map's range runs to the next line: the value ends at its last character.
  let length = full;
  while (length > 0 && /\s/.test(host[offset + length - 1] as string)) length--;
  const text = host.slice(offset, offset + length);
  if (isFunction(node)) return { value: undefined, source: shownSource(functionSource(node)), path, offset, length };
  const value = isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'boolean') ? String(node.value) : undefined;
  return { value, source: shownSource(text), path, offset, length };
}

function mapGet(node: unknown, key: string): YamlNode | null | undefined {
  if (!isMap(node)) return undefined;
  const pair = (node as YAMLMap).items.find((p) => isScalar(p.key) && p.key.value === key);
  return pair?.value as YamlNode | null | undefined;
}

function propertyValues(properties: YamlNode | null | undefined, property: string): Array<{ path: string; node: YamlNode }> {
  const [list, field] = property.split('[].') as [string, string | undefined];
  if (field === undefined) {
    const node = mapGet(properties, list);
    return node ? [{ path: list, node }] : [];
  }
  const items = mapGet(properties, list);
  if (!isSeq(items)) return [];
  return items.items.flatMap((item, i) => {
    const node = mapGet(item, field);
    return node ? [{ path: `${list}[${i}].${field}`, node }] : [];
  });
}

function rangeOf(node: YamlNode, host: string): { offset: number; length: number } {
  const [start, end] = node.range ?? [0, 0];
  const from = tagStart(node, host, start);
  return { offset: from, length: Math.max(0, end - from) };
}

/** A tagged node's range starts after its tag; the tag (`!Ref`) belongs to what a note points at. */
function tagStart(node: YamlNode, host: string, start: number): number {
  const tag = node.tag;
  if (!tag?.startsWith('!') || tag.startsWith('!!')) return start;
  let i = start;
  while (i > 0 && (host[i - 1] === ' ' || host[i - 1] === '\t')) i--;
  return host.slice(i - tag.length, i) === tag ? i - tag.length : start;
}

type Found = { type: 'document'; text: string; map: ReturnType<DocumentBuilder['build']>['map']; encode?: (r: string) => string } | { type: 'unresolved'; why: string };

function policyFrom(host: string, node: YamlNode, doc: Document): Found {
  if (isScalar(node) && typeof node.value === 'string' && !isFunction(node)) {
    if (node.type === Scalar.BLOCK_LITERAL) return blockLiteralDocument(host, node);
    const quoted = quotedDocument(host, node);
    if (quoted) return quoted;
    const out = new DocumentBuilder();
    const [start, end] = node.range ?? [0, 0];
    const source = host.slice(start, end);
    // A plain one-line scalar is its own text; a quoted one is mapped as a whole (its escapes are YAML's).
    if (source === node.value) out.copy(source, start);
    else out.piece(node.value, start, end, 'synthetic');
    const { text, map } = out.build(start);
    return source === node.value ? { type: 'document', text, map, encode: (r) => r } : { type: 'document', text, map };
  }
  if (isMap(node) && !isFunction(node)) {
    const verbatim = verbatimJson(host, node);
    if (verbatim) return verbatim;
    const out = new DocumentBuilder();
    new YamlJsonEmitter(host, out, doc).value(node, 0);
    const { text, map } = out.build(rangeOf(node, host).offset);
    return { type: 'document', text, map };
  }
  return { type: 'unresolved', why: 'an intrinsic function or a value that is not a policy map' };
}

/**
 * A policy written as plain JSON (a JSON template, or flow JSON in YAML) with
 * no function inside is its own text: copied as it is, so fixes apply exactly.
 */
function verbatimJson(host: string, node: YAMLMap): Found | undefined {
  const [start, end] = node.range ?? [0, 0];
  if (host[start] !== '{' || host[end - 1] !== '}' || hasFunction(node, 0)) return undefined;
  const slice = host.slice(start, end);
  const errors: ParseError[] = [];
  parseTree(slice, errors, { disallowComments: true, allowTrailingComma: false });
  if (errors.length > 0) return undefined;
  return { type: 'document', text: slice, map: verbatimMap(start, slice.length), encode: (r) => r };
}

function hasFunction(node: unknown, depth: number): boolean {
  if (depth > MAX_DEPTH || isAlias(node)) return true;
  if (isMap(node)) return isFunction(node) || node.items.some((p) => hasFunction(p.value, depth + 1));
  if (isSeq(node)) return node.items.some((item) => hasFunction(item, depth + 1));
  return isScalar(node) && isFunction(node);
}

/**
 * A quoted scalar (a JSON template's escaped string, or YAML `"…"` / `'…'`)
 * decoded through its escapes, so findings land on the escaped text. Kept only
 * when the decoding equals the value the YAML parser read: YAML's `"…"` has
 * escapes JSON lacks (`\x41`, `\e`) and multi-line scalars fold, and then
 * the string is mapped as a whole, as before.
 */
function quotedDocument(host: string, node: Scalar): Found | undefined {
  const [start, end] = node.range ?? [0, 0];
  const double = node.type === Scalar.QUOTE_DOUBLE;
  if ((!double && node.type !== Scalar.QUOTE_SINGLE) || end - start < 2 || host[end - 1] !== host[start]) return undefined;
  const out = new DocumentBuilder();
  if (double) decodeJsonStringBody(host, start + 1, end - 1, out);
  else decodeSingleQuotedBody(host, start + 1, end - 1, out);
  const { text, map } = out.build(start + 1);
  if (text !== node.value) return undefined;
  return { type: 'document', text, map, encode: double ? encodeJsonString : encodeSingleQuoted };
}

/** YAML `'…'`: `''` is the only escape. */
function decodeSingleQuotedBody(host: string, start: number, end: number, out: DocumentBuilder): void {
  let run = start;
  for (let i = host.indexOf("''", start); i >= 0 && i + 1 < end; i = host.indexOf("''", run)) {
    out.copy(host.slice(run, i), run);
    out.piece("'", i, i + 2, 'encoded');
    run = i + 2;
  }
  out.copy(host.slice(run, end), run);
}

/** A line break in `'…'` would fold into a space: such a fix is made by hand. */
function encodeSingleQuoted(replacement: string): string {
  if (/[\r\n]/.test(replacement)) throw new Error('a line break cannot be written into a single-quoted scalar');
  return replacement.replace(/'/g, "''");
}

/** JSON text in a `|` block scalar: each content line copied without the block's indent. */
function blockLiteralDocument(host: string, node: Scalar): Found {
  const [start, end] = node.range ?? [0, 0];
  const headerEnd = host.indexOf('\n', start);
  const out = new DocumentBuilder();
  if (headerEnd < 0 || headerEnd >= end) return { type: 'document', ...out.build(start) };
  const bodyStart = headerEnd + 1;
  const lines = host.slice(bodyStart, end).split('\n');
  // The smallest indent of a non-blank line, by a loop: Math.min(...lines) passes every line as an
  // argument and overflows the stack on a block of ~125k lines.
  let indent = Infinity;
  for (const l of lines) {
    if (l.trim() !== '') indent = Math.min(indent, /^ */.exec(l)?.[0].length ?? 0);
  }
  const strip = Number.isFinite(indent) ? indent : 0;
  let at = bodyStart;
  for (const line of lines) {
    const lineEnd = Math.min(end, at + line.length + 1);
    const skip = Math.min(strip, /^ */.exec(line)?.[0].length ?? 0);
    out.copy(host.slice(at + skip, lineEnd), at + skip);
    at = lineEnd;
  }
  const pad = ' '.repeat(strip);
  return { type: 'document', ...out.build(bodyStart), encode: (r) => r.replace(/\n/g, `\n${pad}`) };
}

/** Ref / Fn::… as a one-key map, or a short-form tag. */
function isFunction(node: YamlNode): boolean {
  if (node.tag?.startsWith('!') && !node.tag.startsWith('!!')) return true;
  if (!isMap(node) || node.items.length !== 1) return false;
  const key = node.items[0]?.key;
  return isScalar(key) && typeof key.value === 'string' && (key.value === 'Ref' || key.value.startsWith('Fn::'));
}

/** `Fn::Join`, `Ref BucketName`, `!GetAtt Role.Arn`: what a placeholder for an intrinsic says. */
function functionName(node: YamlNode): string {
  const [name, arg] = isMap(node) ? [String((node.items[0]?.key as Scalar).value), node.items[0]?.value] : [node.tag ?? '', node];
  const shown = isScalar(arg) && (typeof arg.value === 'string' || typeof arg.value === 'number') ? `${name} ${String(arg.value)}` : name;
  return shown.replace(/["\\{}\s]+/g, ' ').slice(0, MAX_PLACEHOLDER);
}

/**
 * A function as a message names it: `Ref UserName`, `!GetAtt Role.RoleName`,
 * and `Fn::GetAtt Policy.PolicyName` or `Fn::Join …` for a list of arguments.
 */
function functionSource(node: YamlNode): string {
  const arg = isMap(node) ? (node.items[0]?.value as YamlNode | null) : node;
  if (!isSeq(arg) || !arg.items.every((item) => isScalar(item) && (typeof item.value === 'string' || typeof item.value === 'number'))) return functionName(node);
  const name = isMap(node) ? String((node.items[0]?.key as Scalar).value) : (node.tag ?? '');
  const parts = arg.items.map((item) => String((item as Scalar).value));
  return `${name} ${/GetAtt$/.test(name) ? parts.join('.') : parts.join(', ')}`;
}

/** Writes JSON for YAML nodes, each token a piece mapped to its node's range. */
class YamlJsonEmitter {
  private expanded = 0;

  constructor(
    private readonly host: string,
    private readonly out: DocumentBuilder,
    private readonly doc: Document,
  ) {}

  value(written: YamlNode | null | undefined, depth: number): void {
    if (written === null || written === undefined) return void this.out.raw('null');
    // An alias is written out as its anchor's value, positioned at the anchor, where that text is.
    const node = this.expanded++ < MAX_EXPANDED_NODES ? (dereference(written, this.doc) as YamlNode) : written;
    if (depth > MAX_DEPTH || isAlias(node)) return this.placeholder(node);
    if (isFunction(node)) return this.func(node);
    if (isMap(node)) {
      this.delimiter('{', node, 'open');
      node.items.forEach((pair, i) => {
        if (i > 0) this.out.raw(',');
        const key = pair.key as YamlNode | null;
        if (isScalar(key)) this.token(JSON.stringify(String(key.value)), key);
        else if (key) this.placeholder(key);
        else this.out.raw('""');
        this.out.raw(':');
        this.value(pair.value as YamlNode | null, depth + 1);
      });
      return this.delimiter('}', node, 'close');
    }
    if (isSeq(node)) {
      this.delimiter('[', node, 'open');
      node.items.forEach((item, i) => {
        if (i > 0) this.out.raw(',');
        this.value(item as YamlNode | null, depth + 1);
      });
      return this.delimiter(']', node, 'close');
    }
    if (isScalar(node)) {
      const v = node.value;
      if (typeof v === 'string') return this.token(JSON.stringify(v), node);
      if (typeof v === 'number' && Number.isFinite(v)) return this.token(JSON.stringify(v), node);
      if (typeof v === 'boolean' || v === null) return this.token(JSON.stringify(v), node);
    }
    this.placeholder(node);
  }

  /** Fn::Sub keeps its template string (its `${...}` are the engine's unknown values); other functions are one unknown value. */
  private func(node: YamlNode): void {
    const isSub = node.tag === '!Sub' || (isMap(node) && isScalar(node.items[0]?.key) && (node.items[0]?.key as Scalar).value === 'Fn::Sub');
    if (isSub) {
      const arg = isMap(node) ? (node.items[0]?.value as YamlNode | null) : node;
      const template = isSeq(arg) ? arg.items[0] : arg;
      if (isScalar(template) && typeof template.value === 'string') return this.token(JSON.stringify(template.value), node);
    }
    this.token(JSON.stringify(`\${${functionName(node)}}`), node);
  }

  private token(text: string, node: YamlNode): void {
    const [start, end] = node.range ?? [0, 0];
    this.out.piece(text, tagStart(node, this.host, start), end, 'synthetic');
  }

  private placeholder(node: YamlNode): void {
    const [start, end] = node.range ?? [0, 0];
    const source = this.host.slice(start, end).replace(/\s+/g, ' ').slice(0, MAX_PLACEHOLDER);
    this.token(JSON.stringify(`\${${source.replace(/["\\{}]/g, '_')}}`), node);
  }

  /** Flow collections map their brackets; block ones map to the collection's start or end. */
  private delimiter(text: string, node: YamlNode, side: 'open' | 'close'): void {
    const [start, end] = node.range ?? [0, 0];
    const bracket = side === 'open' ? this.host[start] : this.host[end - 1];
    if (bracket === text) return void this.out.piece(text, side === 'open' ? start : end - 1, side === 'open' ? start + 1 : end, 'synthetic');
    const at = side === 'open' ? start : end;
    this.out.piece(text, at, at, 'synthetic');
  }
}
