/**
 * For tools: one entry per file. Positions are 1-based with an exclusive end;
 * `path` is the JSON path of the offending value. Suppressed findings stay
 * visible under `suppressedMessages` with the reason they were suppressed.
 */
import type { LintMessage, LintResult } from '../engine/types';
import { collected, JsonArrayWriter } from './streaming';
import type { StreamingFormat } from './types';

function publicMessage(m: LintMessage): Record<string, unknown> {
  const out: Record<string, unknown> = {
    ruleId: m.ruleId,
    category: m.category,
    severity: m.severity,
    message: m.message,
    line: m.line,
    column: m.column,
    endLine: m.endLine,
    endColumn: m.endColumn,
    path: m.path,
  };
  if (m.messageId) out.messageId = m.messageId;
  if (m.fix) out.fix = m.fix;
  if (m.suggestions) out.suggestions = m.suggestions;
  if (m.suppressed) out.suppressed = m.suppressed;
  if (m.document !== undefined) out.document = m.document;
  return out;
}

export function jsonResults(results: readonly LintResult[]): Record<string, unknown>[] {
  return results.map(jsonResult);
}

function jsonResult(r: LintResult): Record<string, unknown> {
  const out: Record<string, unknown> = {
    filePath: r.filePath,
    kind: r.kind ?? null,
    messages: r.messages.map(publicMessage),
    suppressedMessages: r.suppressedMessages.map(publicMessage),
    errorCount: r.errorCount,
    warningCount: r.warningCount,
    infoCount: r.infoCount,
    fixableCount: r.fixableCount,
  };
  if (r.output !== undefined) out.output = r.output;
  return out;
}

/** `JSON.stringify(jsonResults(results), null, 2)`, one file at a time. */
export const jsonStream: StreamingFormat = () => {
  const array = new JsonArrayWriter();
  return { file: (r) => array.elements([jsonResult(r)]), end: () => array.end() };
};

export const json = collected(jsonStream);
