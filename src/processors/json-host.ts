/**
 * Host files that are JSON (plan files, API responses, .tf.json): a located
 * tree of the host, and policies held in its JSON strings, decoded with an
 * escape-aware map so a finding lands on the escaped text in the host.
 */
import { type Node, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import { MAX_NESTING_DEPTH } from '../engine/parse';
import { decodeJsonStringBody, encodeJsonString } from './escapes';
import { invalidHost, withoutBom } from './notes';
import { DocumentBuilder } from './offset-map';
import type { PolicyKind } from '../engine/types';
import type { EmbeddedDocument, HostNote } from './types';

export type { Node as JsonHostNode };

export function parseHostJson(input: string, what: string): { root: Node; notes: HostNote[] } | { root: undefined; notes: HostNote[] } {
  const text = withoutBom(input);
  const depth = nestingTooDeep(text);
  if (depth !== undefined) return { root: undefined, notes: [invalidHost(`This ${what} nests deeper than ${MAX_NESTING_DEPTH} levels, so it was not read.`, depth, 1)] };
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  const first = errors[0];
  if (first || !root) {
    const why = first ? printParseErrorCode(first.error) : 'no JSON value';
    return { root: undefined, notes: [invalidHost(`This ${what} is not valid JSON (${why}), so the policies in it were not checked.`, first?.offset ?? 0, first?.length ?? 0)] };
  }
  return { root, notes: [] };
}

/** Offset of the first bracket past the depth limit, found without recursion. */
function nestingTooDeep(text: string): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') {
      if (++depth > MAX_NESTING_DEPTH) return i;
    } else if (c === '}' || c === ']') depth--;
  }
  return undefined;
}

/** The member `key` of an object node. */
export function member(node: Node | undefined, key: string): Node | undefined {
  if (node?.type !== 'object') return undefined;
  for (const prop of node.children ?? []) {
    const [k, v] = prop.children ?? [];
    if (k?.value === key) return v;
  }
  return undefined;
}

export function members(node: Node | undefined): Array<[string, Node]> {
  if (node?.type !== 'object') return [];
  const out: Array<[string, Node]> = [];
  for (const prop of node.children ?? []) {
    const [k, v] = prop.children ?? [];
    if (k && v && typeof k.value === 'string') out.push([k.value, v]);
  }
  return out;
}

export function elements(node: Node | undefined): Node[] {
  return node?.type === 'array' ? (node.children ?? []) : [];
}

/** A policy held in a JSON string value: decoded, mapped back through its escapes. */
export function stringDocument(host: string, node: Node, label: string, kind: PolicyKind | undefined): EmbeddedDocument {
  const out = new DocumentBuilder();
  decodeJsonStringBody(host, node.offset + 1, node.offset + node.length - 1, out);
  const { text, map } = out.build(node.offset + 1);
  const doc: EmbeddedDocument = { text, label, map, encode: encodeJsonString };
  if (kind) doc.kind = kind;
  return doc;
}

/** A string whose content is a JSON object: the shape of an embedded policy. */
export function holdsJsonObject(node: Node | undefined): boolean {
  return node?.type === 'string' && typeof node.value === 'string' && node.value.trimStart().startsWith('{');
}
