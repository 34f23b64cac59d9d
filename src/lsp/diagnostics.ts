/**
 * Lint messages → LSP diagnostics. Ranges come from the UTF-16 offsets (what
 * LSP counts by default), never from line/column arithmetic. Each diagnostic
 * carries in `data` what its code actions need, so a code action request can
 * be answered without linting again.
 */
import { pathToFileURL } from 'node:url';
import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { docsUrl } from '../engine/rule';
import type { LintMessage, Severity, Suggestion, TextEdit } from '../engine/types';

export const SOURCE = 'ramlint';

export interface FindingData {
  ruleId: string;
  /** The document version the offsets refer to; a fix for another version is not offered. */
  version: number;
  path: string;
  offset: number;
  fix?: TextEdit[];
  suggestions?: Suggestion[];
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** Rule pages by id; plugin rules bring their own url, or none. */
export type RuleUrl = (ruleId: string) => string | undefined;

export function defaultRuleUrl(ruleId: string): string | undefined {
  return docsUrl({ id: ruleId });
}

export function toDiagnostic(document: TextDocument, message: LintMessage, ruleUrl: RuleUrl): Diagnostic {
  const href = ruleUrl(message.ruleId);
  const data: FindingData = { ruleId: message.ruleId, version: document.version, path: message.path, offset: message.offset };
  if (message.fix?.length) data.fix = message.fix;
  if (message.suggestions?.length) data.suggestions = message.suggestions;
  return {
    range: { start: document.positionAt(message.offset), end: document.positionAt(message.endOffset) },
    severity: SEVERITY[message.severity],
    code: message.ruleId,
    ...(href ? { codeDescription: { href } } : {}),
    source: SOURCE,
    message: message.document ? `${message.message} (in ${message.document})` : message.message,
    data,
  };
}

function isOffset(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function isEdits(value: unknown): value is TextEdit[] {
  return Array.isArray(value) && value.every((e) => typeof e === 'object' && e !== null && isOffset(e.offset) && isOffset(e.length) && typeof e.text === 'string');
}

function isSuggestions(value: unknown): value is Suggestion[] {
  return Array.isArray(value) && value.every((s) => typeof s === 'object' && s !== null && typeof s.desc === 'string' && isEdits(s.edits));
}

/**
 * Type guard for data coming back from the client, which may have been altered: every field a code action
 * reads is checked, so a diagnostic the client made up is passed over, not a failure with a stack trace.
 */
export function findingData(diagnostic: Diagnostic): FindingData | undefined {
  const data = diagnostic.data as Record<string, unknown> | undefined;
  if (diagnostic.source !== SOURCE || typeof data !== 'object' || data === null) return undefined;
  if (typeof data.ruleId !== 'string' || typeof data.version !== 'number' || typeof data.path !== 'string' || !isOffset(data.offset)) return undefined;
  if ((data.fix !== undefined && !isEdits(data.fix)) || (data.suggestions !== undefined && !isSuggestions(data.suggestions))) return undefined;
  return data as unknown as FindingData;
}

/**
 * A diagnostic for a file that could not be linted at all (an invalid config):
 * never a silent pass. `at`: the place in a config file the error is about,
 * given as related information, so the editor links to it.
 */
export function failureDiagnostic(reason: string, at?: { file: string; line: number; column: number; message: string }): Diagnostic {
  const diagnostic: Diagnostic = {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Error,
    source: SOURCE,
    message: `ramlint could not lint this file: ${reason}`,
  };
  if (at) {
    const start = { line: Math.max(0, at.line - 1), character: Math.max(0, at.column - 1) };
    diagnostic.relatedInformation = [{ location: { uri: pathToFileURL(at.file).href, range: { start, end: start } }, message: at.message }];
  }
  return diagnostic;
}
