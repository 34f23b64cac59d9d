/** Results the API makes itself, beside the engine's. */
import { type CoreDiagnostic, UNWRITABLE_FILE } from '../engine/core-diagnostics';
import { summarize } from '../engine/linter';
import type { LintMessage } from '../engine/types';
import type { FileLintResult } from './types';

export function emptyResult(filePath: string): FileLintResult {
  return summarize({ filePath, kind: undefined, messages: [], suppressedMessages: [] });
}

/** The result of a file whose fixes could not be written: its findings, plus one saying so; no output. */
export function unwritable(result: FileLintResult, message: string): FileLintResult {
  const note = fileMessage(UNWRITABLE_FILE, message);
  const { output: _notWritten, ...rest } = result;
  return summarize({ ...rest, messages: [note, ...result.messages] });
}

/** A core diagnostic about the file as a whole, at its start. */
export function fileMessage(diagnostic: CoreDiagnostic, message: string): LintMessage {
  return { ruleId: diagnostic.id, category: diagnostic.category, severity: diagnostic.severity, message, line: 1, column: 1, endLine: 1, endColumn: 1, path: '', offset: 0, endOffset: 0 };
}
