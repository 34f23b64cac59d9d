/** Results the API makes itself, beside the engine's. */
import { UNWRITABLE_FILE } from '../engine/core-diagnostics';
import { summarize } from '../engine/linter';
import type { LintMessage } from '../engine/types';
import type { FileLintResult } from './types';

export function emptyResult(filePath: string): FileLintResult {
  return summarize({ filePath, kind: undefined, messages: [], suppressedMessages: [] });
}

/** The result of a file whose fixes could not be written: its findings, plus one saying so; no output. */
export function unwritable(result: FileLintResult, message: string): FileLintResult {
  const note: LintMessage = {
    ruleId: UNWRITABLE_FILE.id,
    category: UNWRITABLE_FILE.category,
    severity: UNWRITABLE_FILE.severity,
    message,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    path: '',
    offset: 0,
    endOffset: 0,
  };
  const { output: _notWritten, ...rest } = result;
  return summarize({ ...rest, messages: [note, ...result.messages] });
}
