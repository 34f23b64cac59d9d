/**
 * Text edits that keep the file's own formatting and comments, computed from
 * node offsets (no re-parse). Rules describe fixes with these; the engine
 * applies them.
 */
import type { JsonNode } from './parse';
import type { TextEdit } from './types';

export function replaceNode(node: JsonNode, replacement: string): TextEdit {
  return { offset: node.offset, length: node.length, text: replacement };
}

/**
 * Applies non-overlapping edits in one pass: sorted by offset, the text
 * between them copied once, so the cost is linear in the text and the edits
 * (splicing the string once per edit is quadratic for 64k edits).
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.offset - b.offset || a.length - b.length);
  const parts: string[] = [];
  let at = 0;
  for (const e of sorted) {
    parts.push(text.slice(at, e.offset), e.text);
    at = Math.max(at, e.offset + e.length);
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/**
 * Appends `member` as the last member of an object, on a line of its own when
 * the object's members are on lines of their own. Built from the node's
 * offsets alone: no re-parse, so a rule can offer it for every statement of a
 * large file.
 */
export function appendMember(text: string, objectNode: JsonNode, member: string): TextEdit {
  const children = objectNode.children ?? [];
  const last = children[children.length - 1];
  if (!last) return { offset: objectNode.offset + 1, length: 0, text: member };
  const first = children[0] as JsonNode;
  const lineStart = text.lastIndexOf('\n', first.offset - 1) + 1;
  const lead = text.slice(lineStart, first.offset);
  const separator = /^[ \t]*$/.test(lead) && lineStart > objectNode.offset ? `${text.includes('\r\n') ? '\r\n' : '\n'}${lead}` : ' ';
  const end = last.offset + last.length;
  return { offset: end, length: 0, text: `,${separator}${member}` };
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
