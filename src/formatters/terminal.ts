/**
 * Terminal-safe text for the human formats (stylish, compact). Everything they
 * print from a policy or a file name goes through `terminalSafe`, so that no
 * policy can start a line (a fake `::error` annotation or `✖ 0 problems`),
 * colour the terminal, open an OSC-8 link, ring the bell or reorder the text
 * with bidi controls. Escapes are JSON-style (`\n`, `\u001b`) and unambiguous
 * enough for a reader; the other formats have their own escaping.
 */

/** C0 controls, DEL, C1 controls, line/paragraph separators, bidi marks, embeddings, overrides and isolates. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const SHORT: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

function escapeChar(c: string): string {
  return SHORT[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

export function terminalSafe(s: string): string {
  return s.replace(UNSAFE, escapeChar);
}
