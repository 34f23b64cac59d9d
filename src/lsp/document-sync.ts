/**
 * The document notifications (didOpen, didChange, didClose, didSave), checked
 * before the library's TextDocuments reads them: a malformed one (a didOpen
 * whose text is not a string, a didChange whose contentChanges are not an
 * array) and a change to a document that is not open are dropped, each with
 * one line saying why, where TextDocuments would throw, or keep a document
 * whose text is a number, or say nothing.
 */
import { type Connection, ErrorCodes, ResponseError, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { didChangeParams, didOpenParams, documentParams, InvalidParamsError } from './params';

/** The part of a connection TextDocuments.listen uses (the library does not export its name). */
type TextDocumentConnection = Parameters<TextDocuments<TextDocument>['listen']>[0];

export interface SyncOptions {
  /** The document is open (TextDocuments holds it). */
  isOpen(uri: string): boolean;
  /** A malformed notification was dropped: `why` is one line. */
  dropped(method: string, why: string): void;
  /** A didChange for a document that is not open was dropped. */
  notOpen(uri: string): void;
}

/** What TextDocuments.listen needs of a connection, with every message checked first. */
export function checkedDocumentSync(connection: Connection, options: SyncOptions): TextDocumentConnection {
  /** Runs `handler` on the checked params; a malformed message is dropped and said. */
  const checked =
    <P>(method: string, check: (value: unknown) => P, handler: (params: P) => void) =>
    (value: unknown) => {
      let params: P;
      try {
        params = check(value);
      } catch (error) {
        if (!(error instanceof InvalidParamsError)) throw error;
        options.dropped(method, error.message);
        return;
      }
      handler(params);
    };
  return {
    onDidOpenTextDocument: (handler) => connection.onDidOpenTextDocument(checked('textDocument/didOpen', didOpenParams, handler)),
    onDidChangeTextDocument: (handler) =>
      connection.onDidChangeTextDocument(
        checked('textDocument/didChange', didChangeParams, (params) => {
          // TextDocuments passes over it in silence; the client's idea of what is open is wrong, which its log should say.
          if (!options.isOpen(params.textDocument.uri)) options.notOpen(params.textDocument.uri);
          else handler(params);
        }),
      ),
    onDidCloseTextDocument: (handler) => connection.onDidCloseTextDocument(checked('textDocument/didClose', documentParams, handler)),
    onWillSaveTextDocument: (handler) => connection.onWillSaveTextDocument(checked('textDocument/willSave', documentParams, handler)),
    onWillSaveTextDocumentWaitUntil: (handler) =>
      connection.onWillSaveTextDocumentWaitUntil((value, token) => {
        try {
          return handler(documentParams(value), token);
        } catch (error) {
          if (error instanceof InvalidParamsError) throw new ResponseError(ErrorCodes.InvalidParams, `ramlint: textDocument/willSaveWaitUntil: ${error.message}`);
          throw error;
        }
      }),
    onDidSaveTextDocument: (handler) => connection.onDidSaveTextDocument(checked('textDocument/didSave', documentParams, handler)),
  };
}
