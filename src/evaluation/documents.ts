/**
 * Policy documents (text with where it came from) → evaluation statements.
 * Pure: reading files is the caller's business (src/cli/commands/load-policies.ts),
 * so a host-format processor can hand its documents in the same shape.
 */
import { buildPolicy, formatPath, type GeneratedAt, type Member, type Policy, type Statement } from '../engine/model';
import { type JsonNode, parseJson } from '../engine/parse';
import { SourceText } from '../engine/source';
import type { PolicyKind } from '../engine/types';
import { type EvalStatement, evalStatements, opaqueStatements } from './model';

/**
 * One policy document. For a document inside a host file (a processor's
 * EmbeddedDocument, src/processors/types.ts) give its label, `offsetToHost`
 * (its `map.toHost`) and the host file's text, so positions point into the host.
 */
export interface PolicyDocument {
  filePath: string;
  text: string;
  /** Names the document inside a host file. */
  label?: string;
  /** Maps an offset in `text` to an offset in `hostText`; absent when `text` is the whole file. */
  offsetToHost?: (offset: number, side: 'start' | 'end') => number;
  hostText?: string;
  /**
   * Which document ranges the processor generated for a value the host computes (its `${...}`
   * placeholders): a Statement, Principal or Condition there is unknown, not a string.
   */
  generatedAt?: GeneratedAt;
  /** The kind the host states; undefined to detect it from the content. */
  kind?: PolicyKind;
  /** Comments allowed; defaults to the file name ending in .jsonc. */
  allowComments?: boolean;
  /**
   * The whole document is a value the host file computes (`policy_document = var.doc`), of which its
   * processor said `message` (an unresolved-value note): `text` is then the host's text for the value, and
   * `offset`/`length` where it is in `hostText`. It is evaluated as a policy that may allow or deny anything.
   */
  computed?: { message: string; offset: number; length: number };
}

export interface LoadedPolicy {
  document: PolicyDocument;
  policy: Policy;
  statements: EvalStatement[];
}

export interface DocumentProblem {
  filePath: string;
  label?: string;
  message: string;
  /** The whole document was left out (not valid JSON, not a policy), not only some statement of it. */
  unevaluated?: boolean;
}

export interface LoadedPolicies {
  policies: LoadedPolicy[];
  /**
   * Documents that could not be evaluated (invalid JSON, statements RAM rejects),
   * and endpoint policies, which are not evaluated: never silently dropped.
   */
  problems: DocumentProblem[];
}

/** Said of an endpoint policy instead of evaluating it; a note, not a reason to stop (`unevaluated` is not set). */
export const ENDPOINT_POLICY_LEFT_OUT =
  'an endpoint policy, left out: it limits which requests may pass through a VPC endpoint and grants no access, so it is not one of the policies evaluated here';

/** Said of a control or session policy instead of evaluating it, as of an endpoint policy. */
export const LIMITING_POLICY_LEFT_OUT: Readonly<Record<'control' | 'session', string>> = {
  control: 'a control policy, left out: it limits what RAM policies may grant in the resource directory and grants no access itself, so it is not one of the policies evaluated here',
  session: 'a session policy, left out: it limits what the role it narrows may do and grants no access itself, so it is not one of the policies evaluated here',
};

/** The note for each kind that is left out (LIMITING_KINDS). */
const LEFT_OUT: Partial<Record<PolicyKind, string>> = { endpoint: ENDPOINT_POLICY_LEFT_OUT, ...LIMITING_POLICY_LEFT_OUT };

/** Appended to what is said of a value the host computes: how the evaluation reads it. */
export const COMPUTED_READ_AS = 'read as unknown: it may allow or deny anything, so an answer it could change is conditional (in diff: not proven), never a guess';

/** The kinds whose statements name principals; a document of any other kind grants to whoever holds it. */
const RESOURCE_POLICY_KINDS: ReadonlySet<PolicyKind> = new Set<PolicyKind>(['trust', 'bucket', 'resource']);

export function loadDocuments(documents: readonly PolicyDocument[]): LoadedPolicies {
  const out: LoadedPolicies = { policies: [], problems: [] };
  for (const document of documents) {
    const where = { filePath: document.filePath, label: document.label };
    if (document.computed) {
      loadComputed(document, document.computed, out);
      continue;
    }
    const parsed = parseJson(document.text, { allowComments: document.allowComments ?? /\.jsonc$/i.test(document.filePath) });
    if (parsed.problems.length > 0 || !parsed.root) {
      out.problems.push({ ...where, message: `not valid JSON: ${parsed.problems[0]?.message ?? 'empty'}`, unevaluated: true });
      continue;
    }
    const policy = buildPolicy(parsed.root, document.kind, undefined, document.generatedAt);
    if (!policy.isObject || !policy.statementMember) {
      out.problems.push({ ...where, message: 'not a RAM policy (no Statement)', unevaluated: true });
      continue;
    }
    // Endpoint, control and session policies are given by the host attribute (or --kind), never detected: each
    // limits what passes or what others grant. Counted as a grant, `*` on `*` there would allow everything.
    const leftOut = LEFT_OUT[policy.kind];
    if (leftOut !== undefined) {
      out.problems.push({ ...where, message: leftOut });
      continue;
    }
    const toHost = document.offsetToHost && document.hostText !== undefined ? document.offsetToHost : undefined;
    const source = new SourceText(toHost ? (document.hostText as string) : document.text);
    const originAt = (node: JsonNode, path: string) => {
      const at = (offset: number, side: 'start' | 'end') => source.position(toHost ? toHost(offset, side) : offset);
      const start = at(node.offset, 'start');
      const end = at(node.offset + node.length, 'end');
      return { filePath: document.filePath, label: document.label, line: start.line, column: start.column, path, endLine: end.line, endColumn: end.column, offset: node.offset, endOffset: node.offset + node.length };
    };
    const read = evalStatements(policy, (s: Statement) => originAt(s.node, formatPath(s.path)));
    // A key written twice with different values: readers disagree on which counts (JSON.parse keeps the last,
    // others the first), and which RAM keeps is not documented, so the statement, or the policy, is unknown.
    const twice = (key: string, what: string) => `${what} writes "${key}" twice with different values; JSON readers disagree on which one counts, and which one RAM keeps is not documented, so it is ${COMPUTED_READ_AS}`;
    const kindGiven = principalsFor(policy.kind, policy.kindSource === 'given');
    const statementsTwice = repeatedMember(policy.members, TOP_LEVEL, document.text);
    if (statementsTwice !== undefined && policy.root) {
      out.problems.push({ ...where, message: twice(statementsTwice, 'the policy') });
      out.policies.push({ document, policy, statements: opaqueStatements(`(the policy, which writes "${statementsTwice}" twice)`, originAt(policy.root, ''), kindGiven, document.text, KEEP_ONE) });
      continue;
    }
    const ambiguous = new Map(policy.statements.flatMap((s) => {
      const key = repeatedMember(s.members, STATEMENT_MEMBERS, document.text);
      return key === undefined ? [] : [[s, key] as const];
    }));
    const statements = read.statements.filter((s) => !ambiguous.has(s.statement));
    const skipped = read.skipped.filter((s) => !ambiguous.has(s));
    for (const [s, key] of ambiguous) {
      const path = formatPath(s.path);
      out.problems.push({ ...where, message: twice(key, path) });
      // Whichever copy counts, the statement names principals exactly when it has a Principal.
      const principals = s.principal ? 'with' : 'without';
      for (const o of opaqueStatements(`(${path}, which writes "${key}" twice)`, originAt(s.node, path), principals, document.text.slice(s.node.offset, s.node.offset + s.node.length), KEEP_ONE)) statements.push(o);
    }
    for (const s of skipped) out.problems.push({ ...where, message: `${formatPath(s.path)} was left out: it needs "Effect": "Allow" or "Deny", exactly one of Action/NotAction, and at most one of Resource/NotResource (one is required without a Principal)` });
    // A Statement, a statement, a Principal or a Condition known only when the host is deployed is not left out:
    // what is known is evaluated, the unknown part as unknown (a Condition nothing decides; a statement the host
    // computes as `*` on `*`, Allow and Deny, under such a condition).
    if (policy.unknownValues.length > 0) {
      const what = [...new Set(policy.unknownValues.map((u) => (u.element === 'operator' ? 'a Condition operator' : u.element === 'statement' ? 'a statement' : `its ${u.element}`)))].join(', ');
      out.problems.push({ ...where, message: `${what} is computed by the host file (a Terraform expression or a ROS function), so it is ${COMPUTED_READ_AS}; evaluate the planned policy (terraform show -json) for a definite answer` });
      for (const u of policy.unknownValues) {
        if (u.element !== 'Statement' && u.element !== 'statement') continue;
        const path = u.element === 'Statement' ? 'Statement' : `Statement[${u.index ?? 0}]`;
        const what = u.element === 'Statement' ? '(the Statement, computed by the host file)' : `(${path}, computed by the host file)`;
        const text = document.text.slice(u.node.offset, u.node.offset + u.node.length);
        for (const s of opaqueStatements(what, originAt(u.node, path), principalsFor(policy.kind, policy.kindSource === 'given'), text)) statements.push(s);
      }
    }
    out.policies.push({ document, policy, statements });
  }
  return out;
}

/** A document the host computes whole: its processor's note, and two statements standing for anything. */
function loadComputed(document: PolicyDocument, computed: NonNullable<PolicyDocument['computed']>, out: LoadedPolicies): void {
  const where = { filePath: document.filePath, label: document.label };
  // An endpoint, control or session policy grants nothing whatever it holds: left out as a written one is.
  const leftOut = document.kind ? LEFT_OUT[document.kind] : undefined;
  if (leftOut !== undefined) {
    out.problems.push({ ...where, message: `${computed.message.replace(/\.$/, '')}; ${leftOut}` });
    return;
  }
  out.problems.push({ ...where, message: `${computed.message} Evaluated here, it is ${COMPUTED_READ_AS}.` });
  const host = new SourceText(document.hostText ?? document.text);
  const start = host.position(computed.offset);
  const end = host.position(computed.offset + computed.length);
  const origin = { filePath: document.filePath, label: document.label, line: start.line, column: start.column, path: '', endLine: end.line, endColumn: end.column, offset: computed.offset, endOffset: computed.offset + computed.length };
  const statements = opaqueStatements('(the whole policy, computed by the host file)', origin, principalsFor(document.kind, document.kind !== undefined), document.text);
  out.policies.push({ document, policy: buildPolicy(undefined, document.kind), statements });
}

const TOP_LEVEL: ReadonlySet<string> = new Set(['Statement']);
const KEEP_ONE = 'keep one of the keys (duplicate-key)';
/** The members whose value decides what a statement grants. */
const STATEMENT_MEMBERS: ReadonlySet<string> = new Set(['Effect', 'Action', 'NotAction', 'Resource', 'NotResource', 'Principal', 'Condition']);

/** The first of `keys` written twice with different text, or undefined. */
function repeatedMember(members: readonly Member[], keys: ReadonlySet<string>, text: string): string | undefined {
  const seen = new Map<string, string>();
  for (const m of members) {
    if (!keys.has(m.key)) continue;
    const value = text.slice(m.valueNode.offset, m.valueNode.offset + m.valueNode.length);
    const first = seen.get(m.key);
    if (first === undefined) seen.set(m.key, value);
    else if (first !== value) return m.key;
  }
  return undefined;
}

/** Whether the statements of a policy of this kind name principals (opaqueStatements). */
function principalsFor(kind: PolicyKind | undefined, given: boolean): 'without' | 'with' | 'both' {
  if (!given || kind === undefined) return 'both';
  return RESOURCE_POLICY_KINDS.has(kind) ? 'with' : 'without';
}
