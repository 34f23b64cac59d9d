/**
 * Policy documents (text with where it came from) → evaluation statements.
 * Pure: reading files is the caller's business (src/cli/commands/load-policies.ts),
 * so a host-format processor can hand its documents in the same shape.
 */
import { buildPolicy, formatPath, type Policy, type Statement } from '../engine/model';
import { parseJson } from '../engine/parse';
import { SourceText } from '../engine/source';
import { type EvalStatement, evalStatements } from './model';

export interface PolicyDocument {
  filePath: string;
  text: string;
  /** Names the document inside a host file. */
  label?: string;
  /** Maps an offset in `text` to a 1-based position in the host file; absent when `text` is the file. */
  offsetToHost?: (offset: number) => { line: number; column: number };
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
}

export interface LoadedPolicies {
  policies: LoadedPolicy[];
  /** Documents that could not be evaluated (invalid JSON, statements RAM rejects): never silently dropped. */
  problems: DocumentProblem[];
}

export function loadDocuments(documents: readonly PolicyDocument[]): LoadedPolicies {
  const out: LoadedPolicies = { policies: [], problems: [] };
  for (const document of documents) {
    const parsed = parseJson(document.text, { allowComments: /\.jsonc$/i.test(document.filePath) });
    const where = { filePath: document.filePath, label: document.label };
    if (parsed.problems.length > 0 || !parsed.root) {
      out.problems.push({ ...where, message: `not valid JSON: ${parsed.problems[0]?.message ?? 'empty'}` });
      continue;
    }
    const policy = buildPolicy(parsed.root);
    if (!policy.isObject || !policy.statementMember) {
      out.problems.push({ ...where, message: 'not a RAM policy (no Statement)' });
      continue;
    }
    const source = new SourceText(document.text);
    const originOf = (s: Statement) => {
      const at = (offset: number) => (document.offsetToHost ? document.offsetToHost(offset) : source.position(offset));
      const start = at(s.node.offset);
      const end = at(s.node.offset + s.node.length);
      return { filePath: document.filePath, label: document.label, line: start.line, column: start.column, path: formatPath(s.path), endLine: end.line, endColumn: end.column, offset: s.node.offset, endOffset: s.node.offset + s.node.length };
    };
    const { statements, skipped } = evalStatements(policy, originOf);
    for (const s of skipped) out.problems.push({ ...where, message: `${formatPath(s.path)} was left out: it needs "Effect": "Allow" or "Deny", exactly one of Action/NotAction, and at most one of Resource/NotResource (one is required without a Principal)` });
    out.policies.push({ document, policy, statements });
  }
  return out;
}
