import { withCommas } from '../engine/numbers';
import { defineRule } from '../engine/rule';
import type { PolicyKind } from '../engine/types';

/** RAM custom policies: 1–6,144 characters. OSS bucket policies: 16 KB. */
const LIMITS: Partial<Record<PolicyKind, { limit: number; unit: 'characters' | 'bytes'; what: string }>> = {
  permission: { limit: 6144, unit: 'characters', what: 'RAM accepts at most 6,144 characters in a policy document' },
  trust: { limit: 6144, unit: 'characters', what: 'RAM documents 6,144 characters for policy documents' },
  bucket: { limit: 16 * 1024, unit: 'bytes', what: 'OSS accepts bucket policies of at most 16 KB' },
  control: { limit: 4096, unit: 'characters', what: 'Resource Directory accepts control policies of at most 4,096 characters' },
};

/**
 * The length of the document without insignificant whitespace or comments,
 * in the unit given. One pass over the characters, marking what jsonc-parser's
 * scanner takes for trivia (spaces, tabs, line breaks, comments) and skipping
 * strings as it does (a string also ends before a line break): a 1 MB policy
 * cost ~35 ms token by token, a few ms this way. The test holds it to the
 * scanner on broken JSON too.
 */
export function minifiedSize(text: string, unit: 'characters' | 'bytes'): number {
  const length = text.length;
  let whitespace = 0;
  let commentChars = 0;
  /** UTF-8 bytes of the comments; only counted when the unit is bytes and the text is not ASCII. */
  let commentBytes = 0;
  const countBytes = unit === 'bytes' && /[^\x00-\x7f]/.test(text);
  let i = 0;
  while (i < length) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      whitespace++;
      i++;
    } else if (c === 34 /* " */) {
      i++;
      while (i < length) {
        const s = text.charCodeAt(i);
        if (s === 34) {
          i++;
          break;
        }
        if (s === 10 || s === 13) break;
        // A backslash takes the next character with it, whatever it is.
        i += s === 92 ? 2 : 1;
      }
    } else if (c === 47 /* / */ && (text.charCodeAt(i + 1) === 47 || text.charCodeAt(i + 1) === 42)) {
      let end: number;
      if (text.charCodeAt(i + 1) === 47) {
        end = i + 2;
        while (end < length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
      } else {
        const close = text.indexOf('*/', i + 2);
        end = close === -1 ? length : close + 2;
      }
      commentChars += end - i;
      if (countBytes) commentBytes += Buffer.byteLength(text.slice(i, end), 'utf8');
      i = end;
    } else {
      i++;
    }
  }
  if (!countBytes) return length - whitespace - commentChars;
  // Whitespace is ASCII, a byte a character; a comment counts its own bytes.
  return Buffer.byteLength(text, 'utf8') - whitespace - commentBytes;
}

export default defineRule({
  meta: {
    id: 'policy-size',
    category: 'syntax',
    defaultSeverity: 'error',
    description: 'Disallow policy documents longer than RAM (6,144 characters) or OSS (16 KB) accepts.',
    fixable: 'none',
    kinds: ['permission', 'trust', 'bucket', 'control'],
    messages: {
      tooLong: 'The policy is {{size}} {{unit}} even without whitespace; {{what}}. Split it into several policies.',
      mayBeTooLong:
        'The policy is {{raw}} {{unit}} as written ({{size}} without whitespace); {{what}}, and whether whitespace counts is not documented. Minify it or split it.',
      trustTooLong:
        'The trust policy is {{raw}} {{unit}} as written ({{size}} without whitespace); the limit for trust policies is not documented, but {{what}}. Keep it shorter.',
    },
    messageSeverityCap: { mayBeTooLong: 'warning', trustTooLong: 'warning' },
  },
  check(context) {
    const { policy, source } = context;
    const spec = LIMITS[policy.kind];
    if (!spec || !policy.root) return;
    const measure = (s: string) => (spec.unit === 'bytes' ? Buffer.byteLength(s, 'utf8') : s.length);
    const raw = measure(source.text);
    if (raw <= spec.limit) return;
    const size = minifiedSize(source.text, spec.unit);
    const statementKey = policy.statementMember?.keyNode;
    const data = { size: withCommas(size), raw: withCommas(raw), unit: spec.unit, what: spec.what };
    const messageId = policy.kind === 'trust' ? 'trustTooLong' : size > spec.limit ? 'tooLong' : 'mayBeTooLong';
    if (statementKey) context.report({ messageId, node: statementKey, data });
    else context.report({ messageId, node: { offset: policy.root.offset, length: 1 }, data });
  },
});
