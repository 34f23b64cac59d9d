/**
 * Policy documents (text with where it came from) → evaluation statements.
 * Pure: reading files is the caller's business (src/cli/commands/load-policies.ts),
 * so a host-format processor can hand its documents in the same shape.
 */
import { buildPolicy, formatPath, type GeneratedAt, type Policy, type Statement } from '../engine/model';
import { parseJson } from '../engine/parse';
import { SourceText } from '../engine/source';
import type { PolicyKind } from '../engine/types';
import { type EvalStatement, evalStatements } from './model';

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

export function loadDocuments(documents: readonly PolicyDocument[]): LoadedPolicies {
  const out: LoadedPolicies = { policies: [], problems: [] };
  for (const document of documents) {
    const parsed = parseJson(document.text, { allowComments: document.allowComments ?? /\.jsonc$/i.test(document.filePath) });
    const where = { filePath: document.filePath, label: document.label };
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
    // A Statement, Principal or Condition known only when the host is deployed may grant or deny anything:
    // the policy is left out with a note, as a policy the host computes as a whole is (its processor's note).
    if (policy.unknownValues.length > 0) {
      const what = [...new Set(policy.unknownValues.map((u) => (u.element === 'operator' ? 'a Condition operator' : u.element === 'statement' ? 'a statement' : `its ${u.element}`)))].join(', ');
      out.problems.push({ ...where, message: `${what} is computed by the host file (a Terraform expression or a ROS function), so the policy was left out; evaluate the planned policy (terraform show -json) to include it` });
      continue;
    }
    const toHost = document.offsetToHost && document.hostText !== undefined ? document.offsetToHost : undefined;
    const source = new SourceText(toHost ? (document.hostText as string) : document.text);
    const originOf = (s: Statement) => {
      const at = (offset: number, side: 'start' | 'end') => source.position(toHost ? toHost(offset, side) : offset);
      const start = at(s.node.offset, 'start');
      const end = at(s.node.offset + s.node.length, 'end');
      return { filePath: document.filePath, label: document.label, line: start.line, column: start.column, path: formatPath(s.path), endLine: end.line, endColumn: end.column, offset: s.node.offset, endOffset: s.node.offset + s.node.length };
    };
    const { statements, skipped } = evalStatements(policy, originOf);
    for (const s of skipped) out.problems.push({ ...where, message: `${formatPath(s.path)} was left out: it needs "Effect": "Allow" or "Deny", exactly one of Action/NotAction, and at most one of Resource/NotResource (one is required without a Principal)` });
    out.policies.push({ document, policy, statements });
  }
  return out;
}
