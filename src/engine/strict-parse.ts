/**
 * A fast path for parse.ts: strict JSON (no comments, no trailing commas,
 * whitespace only space, tab, CR and LF) parsed straight into the tree that
 * jsonc-parser's parseTree builds, node for node (the same types, offsets,
 * lengths, values, colonOffset and parent links, and the same property order
 * in each node object). jsonc-parser builds it through a visitor of closures
 * and a general scanner; this direct descent is a few times faster, and the
 * parse was the largest single cost of linting a small file.
 *
 * It never reports errors: on anything it does not accept, whether invalid or
 * merely outside its subset (a comment, a \v, a BOM), it returns undefined and
 * the caller runs jsonc-parser, which finds and describes the problem. So a
 * text it accepts is one jsonc-parser accepts without error, and
 * test/engine/strict-parse.test.ts holds the two trees equal on the corpus,
 * the examples and random texts.
 *
 * Not re-entrant (module state, no recursion into other parses): fine for a
 * synchronous parse. Depth is bounded by parse.ts's nesting check first.
 */
import type { Node } from 'jsonc-parser';

/** A node while it is built: jsonc-parser's Node type is read-only. */
type Building = { -readonly [K in keyof Node]: Node[K] } & { children: Node[] };

let src = '';
let pos = 0;

/** Characters a string's raw text may hold for its value to be that text: none of these. */
const NEEDS_DECODING = /[\\\x00-\x1f]/;
/** A JSON number, as jsonc-parser's scanner reads one. */
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

/** The tree of `text`, or undefined when the text is not strict JSON of the accepted subset. */
export function parseStrictTree(text: string): Node | undefined {
  src = text;
  pos = 0;
  try {
    skipWhitespace();
    const root = parseValue(undefined);
    if (root === undefined) return undefined;
    skipWhitespace();
    if (pos !== text.length) return undefined;
    // As parseTree leaves it: the root has no parent property at all.
    delete (root as { parent?: Node }).parent;
    return root;
  } finally {
    src = '';
  }
}

function skipWhitespace(): void {
  for (;;) {
    const c = src.charCodeAt(pos);
    if (c === 32 || c === 10 || c === 13 || c === 9) pos++;
    else return;
  }
}

function parseValue(parent: Node | undefined): Node | undefined {
  const c = src.charCodeAt(pos);
  if (c === 123 /* { */) return parseObject(parent);
  if (c === 91 /* [ */) return parseArray(parent);
  const offset = pos;
  if (c === 34 /* " */) {
    const value = readString();
    if (value === undefined) return undefined;
    // The property order of parseTree's literal nodes.
    return { type: 'string', offset, length: pos - offset, parent, value } as Node;
  }
  let value: boolean | null | number;
  if (c === 116 /* t */ && src.startsWith('true', pos)) {
    value = true;
    pos += 4;
  } else if (c === 102 /* f */ && src.startsWith('false', pos)) {
    value = false;
    pos += 5;
  } else if (c === 110 /* n */ && src.startsWith('null', pos)) {
    value = null;
    pos += 4;
  } else if (c === 45 /* - */ || (c >= 48 && c <= 57)) {
    NUMBER.lastIndex = pos;
    const match = NUMBER.exec(src);
    if (match === null) return undefined;
    value = Number(match[0]);
    pos += match[0].length;
  } else {
    return undefined;
  }
  return { type: value === null ? 'null' : typeof value === 'boolean' ? 'boolean' : 'number', offset, length: pos - offset, parent, value } as Node;
}

function parseObject(parent: Node | undefined): Node | undefined {
  const node = { type: 'object', offset: pos, length: -1, parent, children: [] as Node[] } as Building;
  pos++;
  skipWhitespace();
  if (src.charCodeAt(pos) === 125 /* } */) {
    pos++;
    node.length = pos - node.offset;
    return node;
  }
  for (;;) {
    const keyOffset = pos;
    if (src.charCodeAt(pos) !== 34) return undefined;
    const name = readString();
    if (name === undefined) return undefined;
    const property = { type: 'property', offset: keyOffset, length: -1, parent: node, children: [] as Node[] } as Building;
    node.children.push(property);
    // The property order of parseTree's key nodes (value before offset).
    property.children.push({ type: 'string', value: name, offset: keyOffset, length: pos - keyOffset, parent: property } as Node);
    skipWhitespace();
    if (src.charCodeAt(pos) !== 58 /* : */) return undefined;
    property.colonOffset = pos;
    pos++;
    skipWhitespace();
    const value = parseValue(property);
    if (value === undefined) return undefined;
    property.children.push(value);
    property.length = value.offset + value.length - keyOffset;
    skipWhitespace();
    const c = src.charCodeAt(pos);
    pos++;
    if (c === 44 /* , */) {
      skipWhitespace();
      continue;
    }
    if (c !== 125 /* } */) return undefined;
    node.length = pos - node.offset;
    return node;
  }
}

function parseArray(parent: Node | undefined): Node | undefined {
  const node = { type: 'array', offset: pos, length: -1, parent, children: [] as Node[] } as Building;
  pos++;
  skipWhitespace();
  if (src.charCodeAt(pos) === 93 /* ] */) {
    pos++;
    node.length = pos - node.offset;
    return node;
  }
  for (;;) {
    const value = parseValue(node);
    if (value === undefined) return undefined;
    node.children.push(value);
    skipWhitespace();
    const c = src.charCodeAt(pos);
    pos++;
    if (c === 44 /* , */) {
      skipWhitespace();
      continue;
    }
    if (c !== 93 /* ] */) return undefined;
    node.length = pos - node.offset;
    return node;
  }
}

/** The value of the string token at `pos` (an opening quote), moving past it; undefined when it is not a valid string. */
function readString(): string | undefined {
  const start = pos + 1;
  const end = src.indexOf('"', start);
  if (end === -1) return undefined;
  const raw = src.slice(start, end);
  if (!NEEDS_DECODING.test(raw)) {
    pos = end + 1;
    return raw;
  }
  // Escapes (or a control character, which JSON.parse rejects as jsonc-parser does): find the real end.
  let i = start;
  for (;;) {
    if (i >= src.length) return undefined;
    const c = src.charCodeAt(i);
    if (c === 34) break;
    i += c === 92 /* \ */ ? 2 : 1;
  }
  let value: unknown;
  try {
    value = JSON.parse(src.slice(pos, i + 1));
  } catch {
    return undefined;
  }
  pos = i + 1;
  return value as string;
}
