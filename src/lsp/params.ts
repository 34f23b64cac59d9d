/**
 * The shape of what a client sends, checked before a handler reads it. A
 * client is input, not code to trust: a request whose params do not have the
 * shape the protocol gives them is answered with InvalidParams (-32602) and a
 * short message, a notification of that kind is dropped with one log line,
 * and neither reaches a handler that would throw on it (a stack trace in the
 * log for a malformed message, not a bug).
 *
 * Each check returns the params as the protocol's type, having checked the
 * fields the server reads, or throws an InvalidParamsError saying what is
 * wrong, in the protocol's own names.
 */

import type {
  CodeAction,
  CodeActionParams,
  DidChangeTextDocumentParams,
  DidOpenTextDocumentParams,
  Position,
  Range,
  TextDocumentPositionParams,
} from 'vscode-languageserver/node';

/** Params that do not have the protocol's shape; its message is one line for the client. */
export class InvalidParamsError extends Error {}

type Fields = Record<string, unknown>;

function fail(message: string): never {
  throw new InvalidParamsError(message);
}

function object(value: unknown, what: string): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(`${what} must be an object`);
  return value as Fields;
}

function string(value: unknown, what: string): string {
  if (typeof value !== 'string') fail(`${what} must be a string`);
  return value;
}

/** LSP's `integer` and `uinteger` are 32-bit: a version or a line past them is no editor's. */
const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;
const UINT_MAX = 2 ** 32 - 1;

function integer(value: unknown, what: string, min = INT_MIN, max = INT_MAX): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) fail(`${what} must be an integer from ${min} to ${max}`);
  return value;
}

/** A URI as the protocol means it: a string with a scheme (`file:`, `untitled:`, …). */
function uri(value: unknown, what: string): string {
  const text = string(value, what);
  if (!/^[a-z][a-z0-9+.-]*:/i.test(text)) fail(`${what} must be a URI with a scheme, such as file:///path/policy.json`);
  return text;
}

function position(value: unknown, what = 'position'): Position {
  const p = object(value, what);
  integer(p.line, `${what}.line`, 0, UINT_MAX);
  integer(p.character, `${what}.character`, 0, UINT_MAX);
  return p as unknown as Position;
}

function range(value: unknown, what = 'range'): Range {
  const r = object(value, what);
  position(r.start, `${what}.start`);
  position(r.end, `${what}.end`);
  return r as unknown as Range;
}

function textDocument(params: Fields): void {
  uri(object(params.textDocument, 'textDocument').uri, 'textDocument.uri');
}

/** hover, completion: a document and a place in it. */
export function textDocumentPosition(value: unknown): TextDocumentPositionParams {
  const params = object(value, 'params');
  textDocument(params);
  position(params.position);
  return params as unknown as TextDocumentPositionParams;
}

/** codeAction. The diagnostics are the client's copies of ours: what a code action reads of one is checked by findingData. */
export function codeActionParams(value: unknown): CodeActionParams {
  const params = object(value, 'params');
  textDocument(params);
  range(params.range);
  const context = object(params.context, 'context');
  if (!Array.isArray(context.diagnostics)) fail('context.diagnostics must be an array');
  context.diagnostics.forEach((d, i) => object(d, `context.diagnostics[${i}]`));
  if (context.only !== undefined && context.only !== null) {
    if (!Array.isArray(context.only)) fail('context.only must be an array of strings');
    context.only.forEach((kind, i) => string(kind, `context.only[${i}]`));
  }
  return params as unknown as CodeActionParams;
}

/** codeAction/resolve: a code action, as the server gave it. */
export function codeAction(value: unknown): CodeAction {
  const action = object(value, 'params');
  string(action.title, 'title');
  return action as unknown as CodeAction;
}

/** workspace/executeCommand: a command name and its arguments (each command checks its own). */
export function executeCommandParams(value: unknown): { command: string; arguments: unknown[] } {
  const params = object(value, 'params');
  const args = params.arguments ?? [];
  if (!Array.isArray(args)) fail('arguments must be an array');
  return { command: string(params.command, 'command'), arguments: args };
}

/** The arguments of ramlint.reveal: a document, and where its selection starts (and ends). */
export function revealArguments(args: readonly unknown[]): { uri: string; start: Position; end: Position } {
  const target = uri(args[0], 'arguments[0]');
  const start = position(args[1], 'arguments[1]');
  return { uri: target, start, end: args[2] === undefined ? start : position(args[2], 'arguments[2]') };
}

/** The argument of ramlint.showDocumentation: the https page of a rule. */
export function documentationArguments(args: readonly unknown[]): string {
  const url = string(args[0], 'arguments[0]');
  if (!/^https:\/\//.test(url)) fail('arguments[0] must be an https:// URL');
  return url;
}

export function didOpenParams(value: unknown): DidOpenTextDocumentParams {
  const params = object(value, 'params');
  const document = object(params.textDocument, 'textDocument');
  uri(document.uri, 'textDocument.uri');
  string(document.languageId, 'textDocument.languageId');
  integer(document.version, 'textDocument.version');
  string(document.text, 'textDocument.text');
  return params as unknown as DidOpenTextDocumentParams;
}

export function didChangeParams(value: unknown): DidChangeTextDocumentParams {
  const params = object(value, 'params');
  const document = object(params.textDocument, 'textDocument');
  uri(document.uri, 'textDocument.uri');
  integer(document.version, 'textDocument.version');
  if (!Array.isArray(params.contentChanges)) fail('contentChanges must be an array');
  params.contentChanges.forEach((change, i) => {
    const c = object(change, `contentChanges[${i}]`);
    string(c.text, `contentChanges[${i}].text`);
    if (c.range !== undefined) range(c.range, `contentChanges[${i}].range`);
  });
  return params as unknown as DidChangeTextDocumentParams;
}

/** didClose, didSave, willSave: the document is what is read. */
export function documentParams<P extends { textDocument: { uri: string } }>(value: unknown): P {
  const params = object(value, 'params');
  textDocument(params);
  return params as unknown as P;
}
