import { createScanner, SyntaxKind } from 'jsonc-parser';
import { defineRule } from '../engine/rule';
import type { PolicyKind } from '../engine/types';

/** RAM custom policies: 1–6,144 characters. OSS bucket policies: 16 KB. */
const LIMITS: Partial<Record<PolicyKind, { limit: number; unit: 'characters' | 'bytes'; what: string }>> = {
  permission: { limit: 6144, unit: 'characters', what: 'RAM accepts at most 6,144 characters in a policy document' },
  trust: { limit: 6144, unit: 'characters', what: 'RAM documents 6,144 characters for policy documents' },
  bucket: { limit: 16 * 1024, unit: 'bytes', what: 'OSS accepts bucket policies of at most 16 KB' },
};

/** Whitespace, line breaks and comments: what minifying drops. */
export function isTrivia(kind: SyntaxKind): boolean {
  return kind === SyntaxKind.Trivia || kind === SyntaxKind.LineBreakTrivia || kind === SyntaxKind.LineCommentTrivia || kind === SyntaxKind.BlockCommentTrivia;
}

/**
 * The length of the document without insignificant whitespace or comments,
 * in the unit given, counted token by token: on a 1 MB policy, cutting and
 * joining every token into the minified text was a tenth of the lint.
 */
export function minifiedSize(text: string, unit: 'characters' | 'bytes'): number {
  const scanner = createScanner(text, false);
  // Only a string token can hold non-ASCII; an ASCII document is as many bytes as characters.
  const countBytes = unit === 'bytes' && /[^\x00-\x7f]/.test(text);
  let size = 0;
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (isTrivia(kind)) continue;
    size += countBytes ? Buffer.byteLength(text.substr(scanner.getTokenOffset(), scanner.getTokenLength()), 'utf8') : scanner.getTokenLength();
  }
  return size;
}

export default defineRule({
  meta: {
    id: 'policy-size',
    category: 'syntax',
    defaultSeverity: 'error',
    description: 'Disallow policy documents longer than RAM (6,144 characters) or OSS (16 KB) accepts.',
    fixable: 'none',
    kinds: ['permission', 'trust', 'bucket'],
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
    const data = { size: size.toLocaleString('en-US'), raw: raw.toLocaleString('en-US'), unit: spec.unit, what: spec.what };
    const messageId = policy.kind === 'trust' ? 'trustTooLong' : size > spec.limit ? 'tooLong' : 'mayBeTooLong';
    if (statementKey) context.report({ messageId, node: statementKey, data });
    else context.report({ messageId, node: { offset: policy.root.offset, length: 1 }, data });
  },
});
