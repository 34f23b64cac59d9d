/**
 * The "waive this finding" code action: an inline directive in files that
 * allow comments, a config waiver (edited, or a new config created) for plain
 * JSON. Its command then puts the cursor where the reason goes.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type CodeAction, CodeActionKind, type Diagnostic } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { canWaive, minimalEdit, REVEAL } from './code-actions';
import { findingData } from './diagnostics';
import { allowsComments, configWaiver, inlineWaiver, nearestConfig, REASON_PLACEHOLDER } from './waiver';

export interface WaiveContext {
  filePath: string;
  /** The workspace folder holding the file (or the file's directory). */
  folder: string;
  /** The config named in the editor settings, relative to the folder. */
  configFile?: string;
  /** The client can create files in a workspace edit. */
  canCreateFiles: boolean;
  /** The document is a file on disk (a file: URI); an unsaved buffer has no path a config waiver could name. */
  onDisk: boolean;
  /** A file's text: the editor's copy when it is open, else the disk's. */
  readText(uri: string, file: string): string;
}

export function waiveAction(document: TextDocument, diagnostic: Diagnostic, context: WaiveContext): CodeAction | undefined {
  const data = findingData(diagnostic);
  if (!canWaive(data) || data.version !== document.version) return undefined;
  if (allowsComments(context.filePath)) {
    const { edit, reasonAt } = inlineWaiver(document, document.positionAt(data.offset).line, data.ruleId);
    return {
      title: `Waive ${data.ruleId} on this line (ramlint-disable-next-line)`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: { changes: { [document.uri]: [edit] } },
      command: { title: 'Type the reason', command: REVEAL, arguments: [document.uri, reasonAt] },
    };
  }
  // An untitled buffer's path is made up (Untitled-1.json in the first folder): a waiver for it would name no file.
  if (!context.onDisk) return undefined;
  const { filePath, folder } = context;
  const configFile = context.configFile ? path.resolve(folder, context.configFile) : nearestConfig(filePath, folder);
  const configText = configFile ? context.readText(pathToFileURL(configFile).href, configFile) : undefined;
  const waiver = configWaiver({ filePath, ruleId: data.ruleId, jsonPath: data.path, configFile, configText, newConfigDir: folder, ...(context.configFile ? { globBase: folder } : {}) });
  if (waiver.create && !context.canCreateFiles) return undefined;
  const targetUri = pathToFileURL(waiver.configFile).href;
  const before = configText ?? '';
  const edit = minimalEdit(TextDocument.create(targetUri, 'jsonc', 0, before), before, waiver.newText);
  if (!edit) return undefined;
  const after = TextDocument.create(targetUri, 'jsonc', 0, waiver.newText);
  const reason = { start: after.positionAt(waiver.reasonOffset), end: after.positionAt(waiver.reasonOffset + REASON_PLACEHOLDER.length) };
  return {
    title: `Waive ${data.ruleId} for this file in ${path.basename(waiver.configFile)}`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: waiver.create
      ? { documentChanges: [{ kind: 'create', uri: targetUri, options: { ignoreIfExists: true } }, { textDocument: { uri: targetUri, version: null }, edits: [edit] }] }
      : { changes: { [targetUri]: [edit] } },
    command: { title: 'Type the reason', command: REVEAL, arguments: [targetUri, reason.start, reason.end] },
  };
}
