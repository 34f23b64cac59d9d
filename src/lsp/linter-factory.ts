/**
 * The one place the language server gets its linter: the file-level API, the
 * same one the CLI drives, so configuration, waivers, plugins, processors and
 * kinds behave exactly as on the command line.
 */
import { RamLint } from '../api/ramlint';
import type { FileLintResult, RamLintApi, RamLintOptions } from '../api/types';
import { BOM } from '../engine/linter';
import type { LintMessage, TextEdit } from '../engine/types';

export function createLinter(options: RamLintOptions): RamLintApi {
  const linter = new RamLint(options);
  return {
    lintFiles: (patterns) => linter.lintFiles(patterns),
    // Results count positions after a byte-order mark, as the CLI reports them; an editor's offsets count the mark.
    lintText: async (text, textOptions) => {
      const results = await linter.lintText(text, textOptions);
      return text.startsWith(BOM) ? results.map(shiftPastBom) : results;
    },
    getRulesForFile: (filePath) => linter.getRulesForFile(filePath),
    calculateConfigForFile: (filePath) => linter.calculateConfigForFile(filePath),
    isPathIgnored: (filePath) => linter.isPathIgnored(filePath),
  };
}

function shiftEdit(edit: TextEdit): TextEdit {
  const range = edit.range && {
    ...edit.range,
    column: edit.range.line === 1 ? edit.range.column + 1 : edit.range.column,
    endColumn: edit.range.endLine === 1 ? edit.range.endColumn + 1 : edit.range.endColumn,
  };
  return range ? { ...edit, offset: edit.offset + 1, range } : { ...edit, offset: edit.offset + 1 };
}

function shiftPastBom(result: FileLintResult): FileLintResult {
  const shift = (m: LintMessage): LintMessage => ({
    ...m,
    offset: m.offset + 1,
    endOffset: m.endOffset + 1,
    column: m.line === 1 ? m.column + 1 : m.column,
    endColumn: m.endLine === 1 ? m.endColumn + 1 : m.endColumn,
    fix: m.fix?.map(shiftEdit),
    suggestions: m.suggestions?.map((s) => ({ ...s, edits: s.edits.map(shiftEdit) })),
  });
  return { ...result, messages: result.messages.map(shift), suppressedMessages: result.suppressedMessages.map(shift) };
}
