/**
 * Code actions for ramlint diagnostics: the safe fix, the suggestions (which
 * change access, so never preferred), waive, and show documentation. Built
 * from each diagnostic's `data`; a diagnostic from an older version of the
 * document gets no edit, since its offsets no longer fit the text.
 */
import { type CodeAction, CodeActionKind, type Diagnostic, type TextEdit as LspTextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isCoreDiagnostic } from '../engine/core-diagnostics';
import type { TextEdit } from '../engine/types';
import { type FindingData, findingData } from './diagnostics';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.ramlint`;
export const SHOW_DOCUMENTATION = 'ramlint.showDocumentation';
/** Moves the cursor to where the user types next (a waiver's reason). */
export const REVEAL = 'ramlint.reveal';

export function toLspEdits(document: TextDocument, edits: readonly TextEdit[]): LspTextEdit[] {
  return edits.map((e) => ({ range: { start: document.positionAt(e.offset), end: document.positionAt(e.offset + e.length) }, newText: e.text }));
}

/** The fix and suggestions of one diagnostic, and its documentation action. */
export function findingActions(document: TextDocument, diagnostic: Diagnostic): CodeAction[] {
  const data = findingData(diagnostic);
  if (!data) return [];
  const actions: CodeAction[] = [];
  const current = data.version === document.version;
  const edit = (edits: readonly TextEdit[]) => ({ changes: { [document.uri]: toLspEdits(document, edits) } });
  if (current && data.fix) {
    actions.push({ title: `Fix this ${data.ruleId} problem`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true, edit: edit(data.fix) });
  }
  if (current) {
    for (const suggestion of data.suggestions ?? []) {
      // A suggestion without edits (a fix a processor cannot make in place, described in words) would be a
      // quick fix that does nothing, under a label that says it changes access.
      if (suggestion.edits.length === 0) continue;
      actions.push({ title: `${suggestion.desc} (changes who can do what)`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: false, edit: edit(suggestion.edits) });
    }
  }
  const href: unknown = diagnostic.codeDescription?.href;
  if (typeof href === 'string' && href !== '') {
    actions.push({ title: `Show documentation for ${data.ruleId}`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title: `Show documentation for ${data.ruleId}`, command: SHOW_DOCUMENTATION, arguments: [href] } });
  }
  return actions;
}

/** Core diagnostics mean the file was not checked: they cannot be waived. */
export function canWaive(data: FindingData | undefined): data is FindingData {
  return data !== undefined && !isCoreDiagnostic(data.ruleId);
}

/** The single edit that turns `before` into `after`: the changed middle, so the cursor and folds elsewhere stay put. */
export function minimalEdit(document: TextDocument, before: string, after: string): LspTextEdit | undefined {
  if (before === after) return undefined;
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  // Never cut a surrogate pair in two: a position inside one is not a character boundary.
  if (start > 0 && isHighSurrogate(before.charCodeAt(start - 1))) start--;
  if (end > 0 && isLowSurrogate(before.charCodeAt(before.length - end))) end--;
  return { range: { start: document.positionAt(start), end: document.positionAt(before.length - end) }, newText: after.slice(start, after.length - end) };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
