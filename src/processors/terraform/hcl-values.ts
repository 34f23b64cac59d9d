/**
 * HCL expressions (tree-sitter nodes) turned into policy documents.
 * - A heredoc or quoted string is the policy text itself: copied piece by
 *   piece, with `<<-` indents stripped and escapes decoded, so positions and
 *   fixes map back exactly.
 * - `jsonencode({...})` and the policy-document data source are HCL values:
 *   JSON is generated from them, each token mapped to the HCL node it came
 *   from. There is no text to write a fix into, so fixes become suggestions.
 * `${...}` interpolations stay `${...}` inside a JSON string (one unknown
 * value to the engine) and become a `"${...}"` string where they stand for a
 * whole value.
 */
import type { Node } from 'web-tree-sitter';
import { decodeHclLiteral, decodeHeredocLiteral, encodeHclQuoted, escapeTemplateSequences } from '../escapes';
import { DocumentBuilder, type SegmentMap } from '../offset-map';

export type DocumentResult = { type: 'document'; text: string; map: SegmentMap; encode?: (replacement: string) => string };

export type ValueResult =
  | DocumentResult
  /** Linted elsewhere: a file() the walk reads itself, a reference to the policy-document data source. */
  | { type: 'elsewhere' }
  | { type: 'unresolved'; why: string };

/** HCL nesting beyond this becomes one unknown value: no policy is that deep, and recursion stays bounded. */
const MAX_DEPTH = 64;
/** Longest expression text kept in a placeholder. */
const MAX_PLACEHOLDER = 200;

/** The expression node under `expression` wrappers and parentheses. */
export function unwrap(node: Node): Node {
  let n = node;
  while (n.type === 'expression' && n.namedChildCount === 1) n = n.namedChildren[0] as Node;
  return n;
}

export function policyFromExpression(host: string, expression: Node): ValueResult {
  const n = unwrap(expression);
  const inner = n.type === 'template_expr' || n.type === 'literal_value' ? (n.namedChildren[0] ?? n) : n;
  if (inner.type === 'heredoc_template') return heredocDocument(host, inner);
  if (inner.type === 'quoted_template' || inner.type === 'string_lit') {
    const only = soleInterpolation(host, inner);
    return only ? policyFromExpression(host, only) : quotedDocument(host, inner);
  }
  if (n.type === 'function_call') {
    const name = n.namedChildren[0]?.text ?? '';
    if (name === 'file' || name === 'templatefile') return { type: 'elsewhere' };
    if (name === 'jsonencode') {
      const args = n.namedChildren.find((c) => c.type === 'function_arguments');
      const arg = args?.namedChildren.filter((c) => c.type === 'expression');
      const value = arg?.length === 1 ? unwrap(arg[0] as Node) : undefined;
      // Only an object written out here is a policy to read; jsonencode(var.policy) is known only when Terraform plans.
      if (value?.type === 'collection_value' && value.namedChildren[0]?.type === 'object') return generatedDocument(host, (emit) => emit.value(value, 0), n.startIndex);
      if (value) return { type: 'unresolved', why: `jsonencode(${shorten(value.text)}), a value Terraform knows only when it plans` };
    }
    return { type: 'unresolved', why: `the result of ${name}(), which Terraform computes` };
  }
  const text = n.text;
  if (/^data\.alicloud_ram_policy_document\./.test(text)) return { type: 'elsewhere' };
  return { type: 'unresolved', why: `${shorten(text)}, a value Terraform knows only when it plans` };
}

/** The expression under wrappers and `"${...}"`: `"${local.a}"` is `local.a` to Terraform. */
export function peel(host: string, expression: Node): Node {
  let n = unwrap(expression);
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const inner = n.type === 'template_expr' || n.type === 'literal_value' ? n.namedChildren[0] : undefined;
    const only = inner && (inner.type === 'quoted_template' || inner.type === 'string_lit') ? soleInterpolation(host, inner) : undefined;
    if (!only) return n;
    n = unwrap(only);
  }
  return n;
}

/** The value of a quoted string without interpolations (`"RAM"`, an object key), else undefined. */
export function literalString(host: string, expression: Node): string | undefined {
  const n = unwrap(expression);
  const inner = n.type === 'template_expr' || n.type === 'literal_value' ? n.namedChildren[0] : undefined;
  if (!inner || (inner.type !== 'quoted_template' && inner.type !== 'string_lit')) return undefined;
  if (inner.namedChildren.some((c) => c.type === 'template_interpolation' || c.type === 'template_directive')) return undefined;
  return hclStringValue(host, inner);
}

/** The expression of `"${expr}"`, a string that is nothing but one interpolation. */
function soleInterpolation(host: string, node: Node): Node | undefined {
  const parts = node.namedChildren.filter((c) => c.type !== 'quoted_template_start' && c.type !== 'quoted_template_end');
  const interpolations = parts.filter((c) => c.type === 'template_interpolation');
  if (interpolations.length !== 1 || parts.some((c) => c.type === 'template_literal' && host.slice(c.startIndex, c.endIndex).trim() !== '')) return undefined;
  return interpolations[0]?.namedChildren.find((c) => c.type === 'expression');
}

/** Tracks whether generated text ends inside a JSON string, so an interpolation is placed correctly. */
class JsonStringState {
  inString = false;
  private escaped = false;

  feed(text: string): void {
    for (const ch of text) {
      if (!this.inString) {
        if (ch === '"') this.inString = true;
      } else if (this.escaped) this.escaped = false;
      else if (ch === '\\') this.escaped = true;
      else if (ch === '"') this.inString = false;
    }
  }
}

/** Expression text made safe inside a JSON string and for the engine's `${...}` matcher; same length. */
function sanitize(text: string): string {
  return text.replace(/["\\{}\u0000-\u001f]/g, '_');
}

export function shorten(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > MAX_PLACEHOLDER ? `${oneLine.slice(0, MAX_PLACEHOLDER)}…` : oneLine;
}

/**
 * The text Terraform renders for `${"*"}`, `${1}` or `${true}`: an interpolation of a literal is
 * no unknown value, and reading it as one would let `${"*"}` hide a wildcard.
 */
function literalInterpolation(host: string, node: Node): string | undefined {
  const expression = node.namedChildren.find((c) => c.type === 'expression');
  const value = expression && unwrap(expression);
  const literal = value?.type === 'literal_value' ? value.namedChildren[0] : undefined;
  if (literal?.type === 'string_lit') return hclStringValue(host, literal);
  if (literal?.type === 'numeric_lit' || literal?.type === 'bool_lit') return literal.text;
  return undefined;
}

function emitInterpolation(host: string, node: Node, out: DocumentBuilder, state: JsonStringState): void {
  const literal = literalInterpolation(host, node);
  if (literal !== undefined) {
    // Rendered into the text as it stands, inside a JSON string or not, as Terraform renders it.
    out.piece(literal, node.startIndex, node.endIndex, 'synthetic');
    state.feed(literal);
    return;
  }
  const text = host.slice(node.startIndex, node.endIndex);
  const wellFormed = text.startsWith('${') && text.endsWith('}');
  if (state.inString && wellFormed) {
    out.piece(`\${${sanitize(text.slice(2, -1))}}`, node.startIndex, node.endIndex, 'aligned');
  } else {
    const placeholder = JSON.stringify(`\${${sanitize(shorten(text.replace(/^\$\{|\}$/g, '')))}}`);
    out.piece(state.inString ? placeholder.slice(1, -1) : placeholder, node.startIndex, node.endIndex, 'synthetic');
  }
}

function heredocDocument(host: string, node: Node): ValueResult {
  const children = node.namedChildren;
  if (children.some((c) => c.type === 'template_directive')) return { type: 'unresolved', why: 'a heredoc with %{ } directives, whose text Terraform renders when it plans' };
  const markers = children.filter((c) => c.type === 'heredoc_identifier');
  const open = markers[0];
  const close = markers[markers.length - 1];
  if (!open || !close || open === close) return { type: 'unresolved', why: 'an unterminated heredoc' };
  let bodyStart = open.endIndex;
  if (host[bodyStart] === '\r') bodyStart++;
  if (host[bodyStart] === '\n') bodyStart++;
  const bodyEnd = Math.max(bodyStart, host.lastIndexOf('\n', close.startIndex - 1) + 1);
  const strip = children.some((c) => c.type === 'heredoc_start' && c.text.includes('-')) ? heredocIndent(host, bodyStart, bodyEnd) : '';
  const out = new DocumentBuilder();
  const state = new JsonStringState();
  let atLineStart = true;
  const literal = (from: number, to: number): void => {
    let i = from;
    while (i < to) {
      if (atLineStart) {
        let skip = 0;
        while (skip < strip.length && i + skip < to && (host[i + skip] === ' ' || host[i + skip] === '\t')) skip++;
        i += skip;
        atLineStart = false;
        if (i >= to) break;
      }
      const newline = host.indexOf('\n', i);
      const lineEnd = newline >= 0 && newline < to ? newline + 1 : to;
      decodeHeredocLiteral(host, i, lineEnd, out);
      state.feed(host.slice(i, lineEnd));
      atLineStart = lineEnd === newline + 1 && newline >= 0;
      i = lineEnd;
    }
  };
  let pos = bodyStart;
  for (const part of children) {
    if (part.type !== 'template_interpolation' || part.startIndex < bodyStart || part.endIndex > bodyEnd) continue;
    literal(pos, part.startIndex);
    emitInterpolation(host, part, out, state);
    atLineStart = false;
    pos = part.endIndex;
  }
  literal(pos, bodyEnd);
  const { text, map } = out.build(bodyStart);
  const marker = open.text;
  const encode = (replacement: string): string => {
    // A line that is the closing marker would end the heredoc early and spill the rest into HCL.
    if (replacement.split(/\r?\n/).some((line) => line.trim() === marker)) throw new Error(`the text holds the heredoc marker ${marker}`);
    const escaped = escapeTemplateSequences(replacement);
    return strip ? escaped.replace(/\n/g, `\n${strip}`) : escaped;
  };
  return { type: 'document', text, map, encode };
}

/** The indent `<<-` strips: the least leading whitespace of the body's non-blank lines. */
function heredocIndent(host: string, start: number, end: number): string {
  let best: string | undefined;
  for (const line of host.slice(start, end).split('\n')) {
    if (line.trim() === '') continue;
    const lead = /^[ \t]*/.exec(line)?.[0] ?? '';
    if (best === undefined || lead.length < best.length) best = lead;
  }
  return best ?? '';
}

function quotedDocument(host: string, node: Node): ValueResult {
  const out = new DocumentBuilder();
  const state = new JsonStringState();
  for (const part of node.namedChildren) {
    if (part.type === 'template_literal') {
      const before = out.length;
      decodeHclLiteral(host, part.startIndex, part.endIndex, out);
      state.feed(out.textSince(before));
    } else if (part.type === 'template_interpolation') {
      emitInterpolation(host, part, out, state);
    } else if (part.type === 'template_directive') {
      return { type: 'unresolved', why: 'a string with %{ } directives, whose text Terraform renders when it plans' };
    }
  }
  const { text, map } = out.build(node.startIndex + 1);
  return { type: 'document', text, map, encode: encodeHclQuoted };
}

/** The value of an HCL string as Terraform would see it, interpolations kept as `${...}`. */
export function hclStringValue(host: string, node: Node): string {
  const out = new DocumentBuilder();
  for (const part of node.namedChildren) {
    if (part.type === 'template_literal') decodeHclLiteral(host, part.startIndex, part.endIndex, out);
    else if (part.type === 'template_interpolation' || part.type === 'template_directive') {
      const literal = part.type === 'template_interpolation' ? literalInterpolation(host, part) : undefined;
      out.raw(literal ?? `\${${sanitize(shorten(part.text.slice(2, -1)))}}`);
    }
  }
  return out.text;
}

/** Writes JSON for HCL values, each token a piece mapped to its node. */
export class JsonEmitter {
  constructor(
    readonly host: string,
    readonly out: DocumentBuilder,
  ) {}

  token(text: string, node: Node): void {
    this.out.piece(text, node.startIndex, node.endIndex, 'synthetic');
  }

  placeholder(node: Node): void {
    this.token(JSON.stringify(`\${${sanitize(shorten(node.text))}}`), node);
  }

  string(node: Node): void {
    this.token(JSON.stringify(hclStringValue(this.host, node)), node);
  }

  value(expression: Node, depth: number): void {
    const n = unwrap(expression);
    const child = n.namedChildren[0];
    if (depth > MAX_DEPTH || !child) return this.placeholder(n);
    if (n.type === 'literal_value') {
      if (child.type === 'string_lit') return this.string(child);
      if (child.type === 'bool_lit' || child.type === 'null_lit') return this.token(child.text === 'true' || child.text === 'false' ? child.text : 'null', child);
      if (child.type === 'numeric_lit' && /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/.test(child.text)) return this.token(child.text, child);
    }
    if (n.type === 'template_expr' && child.type === 'quoted_template') return this.string(child);
    if (n.type === 'collection_value' && child.type === 'tuple') return this.tuple(child, depth);
    if (n.type === 'collection_value' && child.type === 'object') return this.object(child, depth);
    return this.placeholder(n);
  }

  private tuple(node: Node, depth: number): void {
    this.delimiter('[', node, 'tuple_start');
    this.elements(node, depth + 1, 0);
    this.delimiter(']', node, 'tuple_end');
  }

  /**
   * The elements of a tuple (node or `[...]` expression) without its brackets,
   * or any other value as one element: for lists the provider merges. Returns
   * `written` plus the elements written, commas placed after the first.
   */
  elements(node: Node, depth: number, written: number): number {
    const n = unwrap(node);
    const tuple = n.type === 'tuple' ? n : n.type === 'collection_value' && n.namedChildren[0]?.type === 'tuple' ? n.namedChildren[0] : undefined;
    const items = tuple ? tuple.namedChildren.filter((c) => c.type === 'expression') : [n];
    for (const item of items) {
      if (written++ > 0) this.out.raw(',');
      this.value(item, depth);
    }
    return written;
  }

  private object(node: Node, depth: number): void {
    this.delimiter('{', node, 'object_start');
    node.namedChildren
      .filter((c) => c.type === 'object_elem')
      .forEach((elem, i) => {
        const key = elem.namedChildren[0];
        const value = elem.namedChildren[elem.namedChildCount - 1];
        if (!key || !value || key === value) return;
        if (i > 0) this.out.raw(',');
        this.key(key);
        this.out.raw(':');
        this.value(value, depth + 1);
      });
    this.delimiter('}', node, 'object_end');
  }

  /** `Version = …` and `"Version" = …` both name the key Version. */
  key(expression: Node): void {
    const k = unwrap(expression);
    if (k.type === 'variable_expr') return this.token(JSON.stringify(k.text), k);
    const child = k.namedChildren[0];
    if (k.type === 'literal_value' && child?.type === 'string_lit') return this.string(child);
    if (k.type === 'template_expr' && child?.type === 'quoted_template') return this.string(child);
    this.placeholder(k);
  }

  /** `[` or `]` at a tuple's bracket (node or `[...]` expression); raw when there is none. */
  bracket(text: '[' | ']', node: Node): void {
    const n = unwrap(node);
    const tuple = n.type === 'collection_value' ? n.namedChildren[0] : n;
    if (tuple?.type === 'tuple') this.delimiter(text, tuple, text === '[' ? 'tuple_start' : 'tuple_end');
    else this.out.raw(text);
  }

  private delimiter(text: string, node: Node, type: string): void {
    const mark = node.namedChildren.find((c) => c.type === type);
    if (mark) this.token(text, mark);
    else this.out.raw(text);
  }
}

export function generatedDocument(host: string, write: (emit: JsonEmitter) => void, fallback: number): DocumentResult {
  const out = new DocumentBuilder();
  write(new JsonEmitter(host, out));
  const { text, map } = out.build(fallback);
  return { type: 'document', text, map };
}

/** An object value as the JSON jsonencode() renders of it. */
export function objectDocument(host: string, object: Node): DocumentResult {
  return generatedDocument(host, (emit) => emit.value(object, 0), object.startIndex);
}
