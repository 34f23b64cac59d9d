'use strict';
/**
 * Character mutations of a seed text: the edits a hand, a merge or a broken
 * tool makes, plus characters that stress the parser, positions and output
 * (control characters, CR, BOM, surrogates, bidi controls).
 */
const NASTY = ['"', '\\', '{', '}', '[', ']', ',', ':', '*', '?', '/', '\n', '\r', '\r\n', '\t', '\u0000', '\u001b', '\u007f', '\u0085', '\u2028', '\u202e', '\uFEFF', '\uD800', '\uDC00', '😀', 'é', '0', '-1e999', 'null', 'true', '/*', '*/', '//', '\\u', '\\"', ' '];

const MUTATIONS = {
  deleteChar(text, r) {
    const i = r.int(text.length + 1);
    return text.slice(0, i) + text.slice(i + 1);
  },
  insertNasty(text, r) {
    const i = r.int(text.length + 1);
    return text.slice(0, i) + r.pick(NASTY) + text.slice(i);
  },
  replaceChar(text, r) {
    const i = r.int(text.length + 1);
    return text.slice(0, i) + r.pick(NASTY) + text.slice(i + 1);
  },
  duplicateSlice(text, r) {
    const i = r.int(text.length + 1);
    const j = Math.min(text.length, i + 1 + r.int(80));
    return text.slice(0, j) + text.slice(i, j) + text.slice(j);
  },
  moveSlice(text, r) {
    const i = r.int(text.length + 1);
    const j = Math.min(text.length, i + 1 + r.int(40));
    const rest = text.slice(0, i) + text.slice(j);
    const k = r.int(rest.length + 1);
    return rest.slice(0, k) + text.slice(i, j) + rest.slice(k);
  },
  truncate(text, r) {
    return text.slice(0, r.int(text.length + 1));
  },
  flipCase(text, r) {
    const i = r.int(text.length + 1);
    const j = Math.min(text.length, i + 1 + r.int(20));
    const s = text.slice(i, j);
    return text.slice(0, i) + (s === s.toUpperCase() ? s.toLowerCase() : s.toUpperCase()) + text.slice(j);
  },
  crlf(text) {
    return text.replace(/\r?\n/g, '\r\n');
  },
  bom(text) {
    return `\uFEFF${text}`;
  },
  repeatEntry(text, r) {
    // Grow a list: the same quoted string many times, for the duplicate and fix paths.
    const m = /"[^"\\\n]{1,60}"/.exec(text.slice(r.int(text.length)));
    if (!m) return text;
    const at = text.indexOf(m[0]);
    return text.slice(0, at) + Array(2 + r.int(300)).fill(m[0]).join(', ') + text.slice(at + m[0].length);
  },
};

const NAMES = Object.keys(MUTATIONS);

/** One to four mutations of `text`; returns the new text and what was done. */
function mutate(text, r) {
  const steps = [];
  let out = text;
  const n = 1 + r.int(4);
  for (let i = 0; i < n; i++) {
    const name = r.pick(NAMES);
    out = MUTATIONS[name](out, r);
    steps.push(name);
  }
  return { text: out, steps };
}

module.exports = { mutate, NASTY };
