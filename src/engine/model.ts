/**
 * Located JSON tree → typed policy model. Every value keeps its tree node, so
 * a rule reports the exact token. String-or-array forms are normalised into
 * lists. Where a key appears twice, the model keeps the last occurrence, as
 * JSON.parse does; the duplicate itself is a finding of its own.
 */
import { isPlaceholder, isWholeInterpolation } from './analysis/placeholders';
import type { JsonNode } from './parse';
import type { PolicyKind } from './types';

export type JsonPath = readonly (string | number)[];

/** A scalar taken from the document, with its node and path. */
export interface Located<T> {
  value: T;
  node: JsonNode;
  path: JsonPath;
  /**
   * The whole value is a placeholder (`<account-id>`, `${var.arn}`, `1234****`,
   * `主账号ID`, `42.120.XX.X/24`): one unknown value, which format rules do
   * not judge. Decided once here (analysis/placeholders.ts), not per rule.
   */
  readonly placeholder: boolean;
}

export type LocatedString = Located<string>;

/**
 * A value whose path (and placeholder verdict) is built only when asked for:
 * most values are never reported, and a path per value was a measurable share
 * of lint time. `index` is absent for a value written alone, not in an array.
 */
class Entry<T> implements Located<T> {
  private placeholderVerdict: boolean | undefined;

  constructor(
    readonly value: T,
    readonly node: JsonNode,
    private readonly parentPath: JsonPath,
    private readonly index?: number,
  ) {}

  get path(): JsonPath {
    return this.index === undefined ? this.parentPath : [...this.parentPath, this.index];
  }

  get placeholder(): boolean {
    this.placeholderVerdict ??= typeof this.value === 'string' && isPlaceholder(this.value);
    return this.placeholderVerdict;
  }
}

/** A located string outside the document's arrays (a bare `"Principal": "*"`). */
export function locatedString(value: string, node: JsonNode, path: JsonPath): LocatedString {
  return new Entry(value, node, path);
}

/** One `"Key": value` member of an object. */
export interface Member {
  key: string;
  keyNode: JsonNode;
  valueNode: JsonNode;
  path: JsonPath;
}

/** Action/NotAction, Resource/NotResource and other string-or-list members. */
export interface ListMember extends Member {
  /** The string entries, whether written as one string or as an array. */
  values: LocatedString[];
  /** Entries that are not strings (or the whole value when it is neither string nor array). */
  nonStrings: JsonNode[];
  isArray: boolean;
}

export type PrincipalType = 'RAM' | 'Service' | 'Federated';

export interface PrincipalEntry {
  /** `RAM`, `Service`, `Federated`, or whatever key the document uses. */
  type: string;
  keyNode: JsonNode;
  values: LocatedString[];
  nonStrings: JsonNode[];
}

export interface PrincipalMember extends Member {
  /**
   * The whole Principal is a value the host file computes (an UnknownValue):
   * it may name anyone, and has no star, list or entries to judge.
   */
  unknown: boolean;
  /** `"Principal": "*"`. */
  star?: LocatedString;
  /** Object form: `{"RAM": [...], "Service": [...]}`. */
  entries: PrincipalEntry[];
  /** List form used by OSS bucket policies: `["1234567890", "*"]`, or a bare string UID. */
  list?: ListMember;
  /** An empty list or empty object: OSS treats an empty Principal list as everyone. */
  empty: boolean;
}

export type ConditionScalar = string | number | boolean;

export interface ConditionClause {
  operator: string;
  operatorNode: JsonNode;
  key: string;
  keyNode: JsonNode;
  /** The key is a placeholder (`${var.key}`, `<condition-key>`), which format rules do not judge. */
  keyPlaceholder: boolean;
  valueNode: JsonNode;
  values: Located<ConditionScalar>[];
  nonScalars: JsonNode[];
  path: JsonPath;
}

export interface ConditionMember extends Member {
  clauses: ConditionClause[];
  /** Operator members whose value is not an object (nor a value the host computes). */
  malformedOperators: Member[];
  /** The whole Condition is a value the host file computes (an UnknownValue): it may hold any operator and key. */
  unknown: boolean;
  /** Operators whose map of keys is a value the host file computes: each may compare any key. */
  unknownOperators: Member[];
}

/**
 * A value the host file computes, written by its processor as one `"${...}"`
 * string: `"Statement": ${jsonencode(var.statements)}` in a heredoc,
 * `Condition = var.cond` in `jsonencode`, `Statement: !Ref Stmts` in a ROS
 * template. It may be of any JSON type and is known only when Terraform plans
 * or ROS creates the stack, so it is neither a type error nor read as a
 * string: the model holds nothing for it (no statement, principal value or
 * clause), and the engine notes it once (unresolved-value). Only a processor's
 * own token counts (LintOptions.host); in a bare file `"${x}"` is a string,
 * which whatever fills it in leaves a string.
 */
export interface UnknownValue {
  /** What the grammar expects there: the Statement array, one statement, a Principal, a Condition, or one operator's map of keys. */
  element: 'Statement' | 'statement' | 'Principal' | 'Condition' | 'operator';
  /** The `"${...}"` string node. */
  node: JsonNode;
  /** The statement's place in the Statement array, for `statement`. */
  index?: number;
  /** The operator, for `operator`. */
  operator?: string;
}

/** Is this document range a token the processor generated for a host value (LintOptions.host)? */
export type GeneratedAt = (offset: number, length: number) => boolean;

export interface Statement {
  index: number;
  node: JsonNode;
  path: JsonPath;
  /** Every member, duplicates included, in document order. */
  members: Member[];
  sid?: Member;
  effect?: Member;
  /** The Effect string when it is a string. */
  effectValue?: string;
  action?: ListMember;
  notAction?: ListMember;
  resource?: ListMember;
  notResource?: ListMember;
  principal?: PrincipalMember;
  condition?: ConditionMember;
}

export interface Policy {
  root: JsonNode | undefined;
  /** False when the document is not a JSON object; structural rules then report once and stop. */
  isObject: boolean;
  /** Members of the top-level object, duplicates included. */
  members: Member[];
  version?: Member;
  statementMember?: Member;
  statements: Statement[];
  /** Values the host file computes, in the order the model met them; always empty for a bare file (see UnknownValue). */
  unknownValues: UnknownValue[];
  /** Never `endpoint` unless given: an endpoint policy cannot be told from a public resource policy by its content. */
  kind: PolicyKind;
  /** Whether `kind` came from the content or from the caller (--kind, config, or the host file). */
  kindSource: 'detected' | 'given';
  /**
   * Who gave the kind, when it was given: `host` when a processor found the
   * document in a host attribute that holds that kind of policy (a Terraform
   * `alicloud_oss_bucket_policy`'s `policy`), `setting` for --kind or the
   * configuration. Which host it was stays unknown to rules.
   */
  kindGivenBy?: KindGiver;
}

export type KindGiver = 'host' | 'setting';

/** Finds the values the host computes while the model is built; absent for a bare file. */
interface UnknownFinder {
  is(node: JsonNode): boolean;
  found: UnknownValue[];
}

function unknownFinder(generatedAt: GeneratedAt | undefined): UnknownFinder | undefined {
  if (!generatedAt) return undefined;
  return {
    is: (node) => node.type === 'string' && isWholeInterpolation(String(node.value)) && generatedAt(node.offset, node.length),
    found: [],
  };
}

/**
 * `generatedAt` is given for a document a processor found in a host file: it
 * says which `"${...}"` strings are the processor's own tokens for host values
 * (UnknownValue), as against text copied from the host.
 */
export function buildPolicy(root: JsonNode | undefined, givenKind?: PolicyKind, givenBy: KindGiver = 'setting', generatedAt?: GeneratedAt): Policy {
  const members = root?.type === 'object' ? membersOf(root, []) : [];
  const byKey = lastByKey(members);
  const statementMember = byKey.get('Statement');
  const statements: Statement[] = [];
  const unknown = unknownFinder(generatedAt);
  if (statementMember) {
    const value = statementMember.valueNode;
    if (value.type === 'array') {
      (value.children ?? []).forEach((child, index) => {
        if (child.type === 'object' && !intrinsicName(child)) statements.push(buildStatement(child, index, ['Statement', index], unknown));
        else if (unknown?.is(child)) unknown.found.push({ element: 'statement', node: child, index });
      });
    } else if (value.type === 'object' && !intrinsicName(value)) {
      statements.push(buildStatement(value, 0, ['Statement'], unknown));
    } else if (unknown?.is(value)) {
      unknown.found.push({ element: 'Statement', node: value });
    }
  }
  const kind = givenKind ?? detectKind(statements);
  return {
    root,
    isObject: root?.type === 'object',
    members,
    version: byKey.get('Version'),
    statementMember,
    statements,
    unknownValues: unknown?.found ?? [],
    kind,
    kindSource: givenKind ? 'given' : 'detected',
    kindGivenBy: givenKind ? givenBy : undefined,
  };
}

function buildStatement(node: JsonNode, index: number, path: JsonPath, unknown: UnknownFinder | undefined): Statement {
  const members = membersOf(node, path);
  const byKey = lastByKey(members);
  const effect = byKey.get('Effect');
  const principal = byKey.get('Principal');
  const condition = byKey.get('Condition');
  return {
    index,
    node,
    path,
    members,
    sid: byKey.get('Sid'),
    effect,
    effectValue: effect?.valueNode.type === 'string' ? String(effect.valueNode.value) : undefined,
    action: listMember(byKey.get('Action')),
    notAction: listMember(byKey.get('NotAction')),
    resource: listMember(byKey.get('Resource')),
    notResource: listMember(byKey.get('NotResource')),
    principal: principal && principalMember(principal, unknown),
    condition: condition && conditionMember(condition, unknown),
  };
}

/** A member whose path is built only when asked for (most are never reported). */
class ObjectMember implements Member {
  constructor(
    readonly key: string,
    readonly keyNode: JsonNode,
    readonly valueNode: JsonNode,
    private readonly parentPath: JsonPath,
  ) {}

  get path(): JsonPath {
    return [...this.parentPath, this.key];
  }
}

export function membersOf(objectNode: JsonNode, path: JsonPath): Member[] {
  const out: Member[] = [];
  for (const prop of objectNode.children ?? []) {
    const keyNode = prop.children?.[0];
    const valueNode = prop.children?.[1];
    if (!keyNode || !valueNode) continue;
    out.push(new ObjectMember(String(keyNode.value), keyNode, valueNode, path));
  }
  return out;
}

function lastByKey(members: Member[]): Map<string, Member> {
  const map = new Map<string, Member>();
  for (const m of members) map.set(m.key, m);
  return map;
}

export function listMember(member: Member | undefined): ListMember | undefined {
  if (!member) return undefined;
  const { valueNode } = member;
  const path = member.path;
  const values: LocatedString[] = [];
  const nonStrings: JsonNode[] = [];
  if (valueNode.type === 'string') {
    values.push(new Entry(String(valueNode.value), valueNode, path));
  } else if (valueNode.type === 'array') {
    (valueNode.children ?? []).forEach((item, i) => {
      if (item.type === 'string') values.push(new Entry(String(item.value), item, path, i));
      else nonStrings.push(item);
    });
  } else {
    nonStrings.push(valueNode);
  }
  return { key: member.key, keyNode: member.keyNode, valueNode, path, values, nonStrings, isArray: valueNode.type === 'array' };
}

function principalMember(member: Member, unknown: UnknownFinder | undefined): PrincipalMember {
  const { valueNode, path } = member;
  const base: PrincipalMember = { key: member.key, keyNode: member.keyNode, valueNode, path, entries: [], empty: false, unknown: false };
  if (unknown?.is(valueNode)) {
    unknown.found.push({ element: 'Principal', node: valueNode });
    return { ...base, unknown: true };
  }
  if (valueNode.type === 'string') {
    const value = String(valueNode.value);
    if (value === '*') return { ...base, star: new Entry(value, valueNode, path) };
    return { ...base, list: listMember(member) };
  }
  if (valueNode.type === 'array') {
    const list = listMember(member);
    return { ...base, list, empty: (valueNode.children ?? []).length === 0 };
  }
  if (valueNode.type === 'object') {
    const entries = membersOf(valueNode, path).map((m): PrincipalEntry => {
      const list = listMember(m) as ListMember;
      return { type: m.key, keyNode: m.keyNode, values: list.values, nonStrings: list.nonStrings };
    });
    return { ...base, entries, empty: entries.length === 0 };
  }
  return base;
}

function conditionMember(member: Member, unknown: UnknownFinder | undefined): ConditionMember {
  const clauses: ConditionClause[] = [];
  const malformedOperators: Member[] = [];
  const unknownOperators: Member[] = [];
  const whole = unknown?.is(member.valueNode) ?? false;
  if (whole) unknown?.found.push({ element: 'Condition', node: member.valueNode });
  if (member.valueNode.type === 'object') {
    for (const op of membersOf(member.valueNode, member.path)) {
      if (unknown?.is(op.valueNode)) {
        unknownOperators.push(op);
        unknown.found.push({ element: 'operator', node: op.valueNode, operator: op.key });
        continue;
      }
      if (op.valueNode.type !== 'object') {
        malformedOperators.push(op);
        continue;
      }
      for (const keyMember of membersOf(op.valueNode, op.path)) {
        const values: Located<ConditionScalar>[] = [];
        const nonScalars: JsonNode[] = [];
        const push = (node: JsonNode, index: number | undefined) => {
          if (node.type === 'string' || node.type === 'number' || node.type === 'boolean') {
            const value = node.value as ConditionScalar;
            values.push(new Entry(value, node, keyMember.path, index));
          } else nonScalars.push(node);
        };
        if (keyMember.valueNode.type === 'array') {
          (keyMember.valueNode.children ?? []).forEach((item, i) => push(item, i));
        } else push(keyMember.valueNode, undefined);
        clauses.push({
          operator: op.key,
          operatorNode: op.keyNode,
          key: keyMember.key,
          keyNode: keyMember.keyNode,
          keyPlaceholder: isPlaceholder(keyMember.key),
          valueNode: keyMember.valueNode,
          values,
          nonScalars,
          path: keyMember.path,
        });
      }
    }
  }
  return { key: member.key, keyNode: member.keyNode, valueNode: member.valueNode, path: member.path, clauses, malformedOperators, unknown: whole, unknownOperators };
}

/** Is this node a value the host file computes (one of policy.unknownValues)? */
export function isUnknownValue(policy: Policy, node: JsonNode): boolean {
  // Nearly always empty: no search in a bare file.
  return policy.unknownValues.length > 0 && policy.unknownValues.some((u) => u.node === node);
}

/**
 * Which kind of policy is this? No Principal anywhere: a permission policy.
 * With a Principal: a trust policy when it grants sts actions, an OSS bucket
 * policy when it names oss actions or OSS resources, otherwise another
 * resource-based policy (KMS key policy, endpoint policy …). Never `endpoint`:
 * the default endpoint policy is word for word a public `*` on `*`, so only
 * the host attribute it is written in (or --kind) can say that it is one.
 */
export function detectKind(statements: readonly Statement[]): PolicyKind {
  if (!statements.some((s) => s.principal)) {
    // sts:AssumeRole with no Resource anywhere is a trust policy missing its Principal,
    // not a permission policy (which would name the role to assume).
    const trustWithoutPrincipal = statements.length > 0 && statements.every((s) => !s.resource && !s.notResource && (s.action?.values ?? []).some((a) => /^sts:assumerole/i.test(a.value)));
    return trustWithoutPrincipal ? 'trust' : 'permission';
  }
  const actions = statements.flatMap((s) => [...(s.action?.values ?? []), ...(s.notAction?.values ?? [])]).map((a) => a.value.toLowerCase());
  const resources = statements.flatMap((s) => [...(s.resource?.values ?? []), ...(s.notResource?.values ?? [])]).map((r) => r.value.toLowerCase());
  if (actions.some((a) => a.startsWith('sts:'))) return 'trust';
  if (actions.some((a) => a.startsWith('oss:')) || resources.some((r) => r.startsWith('acs:oss:'))) return 'bucket';
  const objectFormPrincipal = statements.some((s) => s.principal && s.principal.entries.some((e) => ['RAM', 'Service', 'Federated'].includes(e.type)));
  if (objectFormPrincipal && resources.length === 0) return 'trust';
  // Endpoint, KMS and ROS stack policies also use "Principal": "*": without OSS evidence, not a bucket policy.
  return 'resource';
}

/** The update actions of a ROS stack policy; RAM has no service code "Update" (service codes are lower case). */
const STACK_POLICY_ACTION = /^Update:(\*|Modify|Replace|Delete)$/;

/**
 * A ROS stack policy: `"Action": "Update:…"` and `"Principal": "*"` in every
 * statement. It guards stack resources during updates and grants no access,
 * and its mandatory Principal "*" and `LogicalResourceId/…` resources would
 * read as errors in a RAM policy. Returns the first action, where to report.
 */
export function rosStackPolicyAction(policy: Policy): LocatedString | undefined {
  if (policy.statements.length === 0) return undefined;
  let first: LocatedString | undefined;
  for (const s of policy.statements) {
    const actions = [...(s.action?.values ?? []), ...(s.notAction?.values ?? [])];
    if (actions.length === 0 || !actions.every((a) => STACK_POLICY_ACTION.test(a.value))) return undefined;
    if (!s.principal?.star) return undefined;
    first ??= actions[0];
  }
  return first;
}

/**
 * An AWS IAM policy (found in multi-cloud repositories): `"Version":
 * "2012-10-17"` (or the older `2008-10-17`), an `arn:aws:` resource or an
 * `AWS` principal. RAM rejects every one of these, so the document is AWS's,
 * not a broken RAM policy. Returns the first marker and what it is.
 */
export function awsPolicyMarker(policy: Policy): { node: JsonNode; path: JsonPath; what: string } | undefined {
  const version = policy.version;
  if (version?.valueNode.type === 'string' && /^20(08|12)-10-17$/.test(String(version.valueNode.value))) {
    return { node: version.valueNode, path: version.path, what: `"Version": "${String(version.valueNode.value)}"` };
  }
  for (const s of policy.statements) {
    for (const r of [...(s.resource?.values ?? []), ...(s.notResource?.values ?? [])]) {
      if (/^arn:aws[a-z-]*:/i.test(r.value)) return { node: r.node, path: r.path, what: `the resource "${r.value}"` };
    }
    const aws = s.principal?.entries.find((e) => e.type === 'AWS');
    if (aws) return { node: aws.keyNode, path: [...(s.principal as PrincipalMember).path, 'AWS'], what: 'an "AWS" principal' };
  }
  return undefined;
}

/** "an object", "a string", "null": a JSON type for messages. */
export function describeType(type: string): string {
  return type === 'array' || type === 'object' ? `an ${type}` : type === 'null' ? 'null' : `a ${type}`;
}

/** Is `key` written in another case (`effect` for `Effect`)? unknown-element renames it; others stay quiet. */
export function hasCaseVariant(members: readonly Member[], key: string): boolean {
  const lower = key.toLowerCase();
  return members.some((m) => m.key !== key && m.key.toLowerCase() === lower);
}

/** `{"Ref": …}` or `{"Fn::Sub": …}`: a ROS template function that only deployment resolves. */
export function intrinsicName(node: JsonNode): string | undefined {
  if (node.type !== 'object' || node.children?.length !== 1) return undefined;
  const key = String(node.children[0]?.children?.[0]?.value ?? '');
  return key === 'Ref' || key.startsWith('Fn::') ? key : undefined;
}

/** `Statement[1].Condition.StringEquals["acs:Service"][0]` */
export function formatPath(path: JsonPath): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/** The path of any node; a property's key node gets the path of its property. */
export function nodePath(node: JsonNode): JsonPath {
  const path: (string | number)[] = [];
  let current: JsonNode | undefined = node;
  if (node.parent?.type === 'property' && node.parent.children?.[0] === node) {
    path.unshift(String(node.value));
    current = node.parent.parent;
  }
  while (current?.parent) {
    const parent: JsonNode = current.parent;
    if (parent.type === 'property') {
      path.unshift(String(parent.children?.[0]?.value));
      current = parent.parent;
    } else if (parent.type === 'array') {
      path.unshift(indexIn(parent.children ?? [], current));
      current = parent;
    } else {
      current = parent;
    }
  }
  return path;
}

/** Arrays longer than this get an index of their elements for nodePath. */
const INDEXED_ARRAY = 64;
const elementIndexes = new WeakMap<readonly JsonNode[], Map<JsonNode, number>>();

/**
 * children.indexOf(node), by a per-array index once the array is long: a
 * finding in each of 10,000 statements made indexOf over the Statement array
 * quadratic. Nodes are distinct objects, so the index gives indexOf's answer.
 */
function indexIn(children: readonly JsonNode[], node: JsonNode): number {
  if (children.length <= INDEXED_ARRAY) return children.indexOf(node);
  let index = elementIndexes.get(children);
  if (index === undefined || index.size !== children.length) {
    index = new Map();
    for (let i = children.length - 1; i >= 0; i--) index.set(children[i] as JsonNode, i);
    elementIndexes.set(children, index);
  }
  return index.get(node) ?? -1;
}
