/**
 * Escape-aware copies of string literals into a DocumentBuilder: every plain
 * unit is copied, every escape becomes one `encoded` piece, so positions map
 * back to the escape's characters and edits can be re-escaped exactly.
 */
import type { DocumentBuilder } from './offset-map';

const JSON_SIMPLE_ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
const HCL_SIMPLE_ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', n: '\n', r: '\r', t: '\t' };

/** The body of a JSON string (host[start, end), quotes excluded) decoded into `out`. */
export function decodeJsonStringBody(host: string, start: number, end: number, out: DocumentBuilder): void {
  decodeBody(host, start, end, out, JSON_SIMPLE_ESCAPES, false);
}

/** A literal part of a heredoc: only `$${` and `%%{` are escapes there. */
export function decodeHeredocLiteral(host: string, start: number, end: number, out: DocumentBuilder): void {
  decodeBody(host, start, end, out, {}, true, false);
}

/** A literal part of an HCL quoted template (no interpolations in it) decoded into `out`. */
export function decodeHclLiteral(host: string, start: number, end: number, out: DocumentBuilder): void {
  decodeBody(host, start, end, out, HCL_SIMPLE_ESCAPES, true);
}

function decodeBody(host: string, start: number, end: number, out: DocumentBuilder, simple: Readonly<Record<string, string>>, hcl: boolean, backslash = true): void {
  let run = start;
  const flush = (to: number): void => {
    if (to > run) out.copy(host.slice(run, to), run);
  };
  let i = start;
  while (i < end) {
    const c = host[i] as string;
    if (hcl && (c === '$' || c === '%') && host[i + 1] === c && host[i + 2] === '{') {
      // `$${` and `%%{` are HCL's escapes for a literal `${` and `%{`.
      flush(i);
      out.piece(`${c}{`, i, i + 3, 'encoded');
      i += 3;
      run = i;
      continue;
    }
    if (!backslash || c !== '\\' || i + 1 >= end) {
      i++;
      continue;
    }
    flush(i);
    const e = host[i + 1] as string;
    const simpleValue = simple[e];
    let width = 2;
    let value: string | undefined = simpleValue;
    if (value === undefined && e === 'u') {
      value = hexUnit(host, i + 2, 4, end);
      width = 6;
    } else if (value === undefined && hcl && e === 'U') {
      value = hexUnit(host, i + 2, 8, end);
      width = 10;
    }
    if (value === undefined) {
      // Not an escape the format knows: the host parser has already said so; keep the text as it is.
      out.copy(host.slice(i, i + 2), i);
    } else {
      out.piece(value, i, i + width, 'encoded');
    }
    i += value === undefined ? 2 : width;
    run = i;
  }
  flush(end);
}

function hexUnit(host: string, at: number, digits: number, end: number): string | undefined {
  if (at + digits > end) return undefined;
  const hex = host.slice(at, at + digits);
  if (!/^[0-9a-fA-F]+$/.test(hex)) return undefined;
  const code = Number.parseInt(hex, 16);
  return code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
}

/** How a replacement is written inside a JSON string. */
export function encodeJsonString(replacement: string): string {
  return JSON.stringify(replacement).slice(1, -1);
}

/** How a replacement is written inside an HCL quoted string: JSON's escapes plus `$${` and `%%{`. */
export function encodeHclQuoted(replacement: string): string {
  return escapeTemplateSequences(encodeJsonString(replacement));
}

/** `${` and `%{` written as HCL's literal forms `$${` and `%%{` (heredocs and quoted strings alike). */
export function escapeTemplateSequences(text: string): string {
  return text.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
}
