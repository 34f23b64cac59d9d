import { Buffer } from 'node:buffer';
import fc from 'fast-check';
import { createScanner, SyntaxKind } from 'jsonc-parser';
import rule, { minifiedSize } from '../../src/rules/policy-size';
import { testRule } from '../helpers/rule-tester';

/** Whitespace, line breaks and comments: what minifying drops. */
function isTrivia(kind: SyntaxKind): boolean {
  return kind === SyntaxKind.Trivia || kind === SyntaxKind.LineBreakTrivia || kind === SyntaxKind.LineCommentTrivia || kind === SyntaxKind.BlockCommentTrivia;
}

/** The document without insignificant whitespace or comments, built from jsonc-parser's tokens: the reference minifiedSize is held to. */
function minified(text: string): string {
  const scanner = createScanner(text, false);
  const parts: string[] = [];
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (!isTrivia(kind)) parts.push(text.substr(scanner.getTokenOffset(), scanner.getTokenLength()));
  }
  return parts.join('');
}

/**
 * Long documents are built here, to an exact size. In every compact document
 * `"Statement"` is the second key, at 1:16-1:27; whitespace is inserted only
 * after `"Statement":`, so the reported range does not move.
 */
const PERMISSION_HEAD = '{"Version":"1","Statement":';
const PERMISSION_TAIL = (pad: string) => `[{"Effect":"Allow","Action":"ecs:DescribeInstances","Resource":"acs:ecs:*:*:instance/${pad}"}]}`;
const TRUST_TAIL = (pad: string) =>
  `[{"Effect":"Allow","Principal":{"RAM":["acs:ram::123456789012****:root"]},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:SourceIdentity":"${pad}"}}}]}`;
const BUCKET_TAIL = (pad: string) =>
  `[{"Effect":"Allow","Principal":["20214760404935xxxx"],"Action":["oss:GetObject"],"Resource":["acs:oss:*:174649585760xxxx:examplebucket/${pad}"]}]}`;

/**
 * A document of `size` units without whitespace (characters, or UTF-8 bytes when
 * `unit` is 'bytes'), plus `whitespace` spaces after "Statement":. `char` pads;
 * it must be one character whose UTF-8 length divides the padding.
 */
function build(tail: (pad: string) => string, size: number, whitespace = 0, char = 'a', unit: 'chars' | 'bytes' = 'chars'): string {
  const measure = (s: string) => (unit === 'bytes' ? Buffer.byteLength(s, 'utf8') : s.length);
  const fixed = measure(PERMISSION_HEAD + tail(''));
  const each = measure(char);
  if ((size - fixed) % each !== 0) throw new Error(`cannot pad ${size - fixed} units with ${JSON.stringify(char)}`);
  return PERMISSION_HEAD + ' '.repeat(whitespace) + tail(char.repeat((size - fixed) / each));
}

/** A pretty-printed permission policy (two-space indent) listing `count` actions of 24 characters each. */
function prettyPolicy(count: number): string {
  const actions = Array.from({ length: count }, (_, i) => `ecs:DescribeInstance${String(i).padStart(4, '0')}`);
  return JSON.stringify({ Version: '1', Statement: [{ Effect: 'Allow', Action: actions, Resource: '*' }] }, null, 2);
}

const statementKey = { line: 1, column: 16, endLine: 1, endColumn: 27, text: '"Statement"', path: 'Statement' };

describe('policy-size test documents', () => {
  it('have the sizes they are named after', () => {
    expect(build(PERMISSION_TAIL, 6144)).toHaveLength(6144);
    expect(minified(build(PERMISSION_TAIL, 6144, 1))).toHaveLength(6144);
    expect(build(PERMISSION_TAIL, 6144, 1)).toHaveLength(6145);
    expect(Buffer.byteLength(build(BUCKET_TAIL, 16384, 0, 'a', 'bytes'))).toBe(16384);
    expect(Buffer.byteLength(build(BUCKET_TAIL, 16385, 0, 'a', 'bytes'))).toBe(16385);
    const cjk = build(BUCKET_TAIL, 16499, 0, '中', 'bytes');
    expect(Buffer.byteLength(cjk)).toBe(16499);
    expect(cjk.length).toBeLessThan(6144);
    const pretty = prettyPolicy(200);
    expect(pretty.length).toBeGreaterThan(6144);
    expect(minified(pretty).length).toBeLessThanOrEqual(6144);
    expect(minified(prettyPolicy(260)).length).toBeGreaterThan(6144);
  });
});

testRule(rule, {
  valid: [
    { name: 'a short policy', code: { Version: '1', Statement: [{ Effect: 'Allow', Action: 'ecs:DescribeInstances', Resource: '*' }] } },
    { name: 'a permission policy of exactly 6,144 characters', code: build(PERMISSION_TAIL, 6144) },
    { name: '6,144 characters including whitespace', code: build(PERMISSION_TAIL, 6000, 144) },
    { name: 'a UTF-8 byte-order mark is not counted', code: `\uFEFF${build(PERMISSION_TAIL, 6144)}` },
    { name: 'a trust policy of exactly 6,144 characters', code: build(TRUST_TAIL, 6144) },
    { name: 'a bucket policy of exactly 16 KB (16,384 bytes)', code: build(BUCKET_TAIL, 16384, 0, 'a', 'bytes') },
    { name: 'a bucket policy of 10,000 characters', code: build(BUCKET_TAIL, 10000) },
    { name: 'resource policies (KMS, endpoint) have no documented limit', code: build(PERMISSION_TAIL, 20000), kind: 'resource' },
    { name: 'a control policy of exactly 4,096 characters', code: build(PERMISSION_TAIL, 4096), kind: 'control' },
  ],
  invalid: [
    {
      name: 'a control policy of 4,097 characters: Resource Directory accepts at most 4,096',
      code: build(PERMISSION_TAIL, 4097),
      kind: 'control',
      errors: [{ messageId: 'tooLong', ...statementKey, severity: 'error' }],
    },
    {
      name: '6,145 characters without whitespace',
      code: build(PERMISSION_TAIL, 6145),
      errors: [{ messageId: 'tooLong', ...statementKey, severity: 'error' }],
    },
    {
      name: '6,145 characters as written but 6,144 without whitespace is a warning',
      code: build(PERMISSION_TAIL, 6144, 1),
      errors: [{ messageId: 'mayBeTooLong', ...statementKey, severity: 'warning' }],
    },
    {
      name: 'a pretty-printed policy that fits only when minified is a warning',
      code: prettyPolicy(200),
      errors: [{ messageId: 'mayBeTooLong', line: 3, column: 3, endLine: 3, endColumn: 14, text: '"Statement"', path: 'Statement', severity: 'warning' }],
    },
    {
      name: 'a pretty-printed policy that is too long even minified is an error',
      code: prettyPolicy(260),
      errors: [{ messageId: 'tooLong', line: 3, column: 3, endLine: 3, endColumn: 14, text: '"Statement"', severity: 'error' }],
    },
    {
      name: 'a permission policy without a Statement is measured too, at its opening brace',
      code: `{"Version":"1","Description":"${'x'.repeat(7000)}"}`,
      errors: [{ messageId: 'tooLong', line: 1, column: 1, endLine: 1, endColumn: 2, text: '{', path: '', severity: 'error' }],
    },
    {
      name: 'a trust policy of 6,145 characters is a warning (its limit is undocumented)',
      code: build(TRUST_TAIL, 6145),
      errors: [{ messageId: 'trustTooLong', ...statementKey, severity: 'warning' }],
    },
    {
      name: 'a trust policy far over 6,144 characters is still a warning',
      code: build(TRUST_TAIL, 9000, 200),
      errors: [{ messageId: 'trustTooLong', ...statementKey, severity: 'warning' }],
    },
    {
      name: 'a bucket policy of 16,385 bytes',
      code: build(BUCKET_TAIL, 16385, 0, 'a', 'bytes'),
      errors: [{ messageId: 'tooLong', ...statementKey, severity: 'error' }],
    },
    {
      name: 'a bucket policy is measured in UTF-8 bytes, not characters',
      code: build(BUCKET_TAIL, 16499, 0, '中', 'bytes'),
      errors: [{ messageId: 'tooLong', ...statementKey }],
    },
    {
      name: 'a bucket policy over 16 KB only with its whitespace is a warning',
      code: build(BUCKET_TAIL, 16000, 1000, 'a', 'bytes'),
      errors: [{ messageId: 'mayBeTooLong', ...statementKey, severity: 'warning' }],
    },
    {
      name: '--kind bucket applies the 16 KB limit to any document',
      code: build(PERMISSION_TAIL, 17000),
      kind: 'bucket',
      errors: [{ messageId: 'tooLong', ...statementKey }],
    },
  ],
});

describe('minifiedSize', () => {
  it('is the length of minified() in characters and in UTF-8 bytes, comments, non-ASCII and broken JSON included', () => {
    // No lone surrogates: text decoded from a file has none (the reader replaces them).
    const piece = fc.constantFrom('{', '}', '[', ']', ':', ',', ' ', '\n', '\t', '\r\n', '"a b"', '"主账号"', '"é\\"x"', '12', '-3.5e2', 'true', 'null', '// c 注释\n', '/* 块 */', '"unterminated', '\u00a0', 'x',
      '/', '/*', '*/', '//', '\\', '"\\', '\r', '"', '😀', '"\\u12', '-', '1.', 'tru');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        const text = pieces.join('');
        const reference = minified(text);
        expect(minifiedSize(text, 'characters')).toBe(reference.length);
        expect(minifiedSize(text, 'bytes')).toBe(Buffer.byteLength(reference, 'utf8'));
      }),
      { numRuns: 2000, seed: 20261203 },
    );
  });
});
