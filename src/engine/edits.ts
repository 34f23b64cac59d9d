/**
 * Text edits that keep the file's own formatting and comments, built on
 * jsonc-parser's modify(). Rules describe fixes with these; nothing here
 * applies them.
 */
import { type FormattingOptions, type JSONPath, modify } from 'jsonc-parser';
import type { JsonNode } from './parse';
import type { TextEdit } from './types';

export function replaceNode(node: JsonNode, replacement: string): TextEdit {
  return { offset: node.offset, length: node.length, text: replacement };
}

/** Guesses indentation and line ending from the text, so inserted members look like their neighbours. */
export function formattingOf(text: string): FormattingOptions {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const indents = text.match(/^[ \t]+(?=\S)/gm) ?? [];
  const tabs = indents.filter((s) => s.startsWith('\t')).length;
  const spaceIndents = indents.filter((s) => s.startsWith(' ')).map((s) => s.length);
  const tabSize = spaceIndents.length > 0 ? Math.max(1, Math.min(...spaceIndents)) : 2;
  return { insertSpaces: tabs <= spaceIndents.length, tabSize, eol, insertFinalNewline: text.endsWith('\n') };
}

/** Adds (or replaces) a member; `first` puts a new member at the top of its object. */
export function setMember(text: string, path: JSONPath, value: unknown, first = false): TextEdit[] {
  const edits = modify(text, path, value, {
    formattingOptions: formattingOf(text),
    getInsertionIndex: first ? () => 0 : undefined,
  });
  return edits.map((e) => ({ offset: e.offset, length: e.length, text: e.content }));
}

/** Applies non-overlapping edits (later ones first, so offsets stay valid). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.offset - a.offset || b.length - a.length);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.offset) + e.text + out.slice(e.offset + e.length);
  return out;
}

/**
 * Inserts `member` as the first member of an object, copying the whitespace
 * that precedes the current first member so the file keeps its layout.
 */
export function insertFirstMember(text: string, objectNode: JsonNode, member: string): TextEdit {
  const open = objectNode.offset + 1;
  const first = objectNode.children?.[0];
  if (!first) return { offset: open, length: 0, text: member };
  const gap = text.slice(open, first.offset);
  const lead = /^\s*$/.test(gap) ? gap : (/\r?\n[ \t]*$/.exec(gap)?.[0] ?? ' ');
  return { offset: first.offset, length: 0, text: `${member},${lead === '' ? ' ' : lead}` };
}
