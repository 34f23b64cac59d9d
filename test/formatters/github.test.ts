import { loadFormatter } from '../../src/formatters';
import { escapeData, escapeProperty, github } from '../../src/formatters/github';
import { ADMIN, RESULTS, ROOT, context, msg, result } from './sample';

describe('github formatter', () => {
  it('is registered as "github"', () => {
    expect(loadFormatter('github')).toBe(github);
  });

  it('writes one workflow command per unsuppressed finding, escaped like @actions/core', () => {
    expect(github(RESULTS, context())).toBe(
      [
        '::error file=policies/admin.json,line=4,col=36,endLine=4,endColumn=39,title=ramlint%3A admin-access::Action "*" grants every action.',
        '::warning file=policies/admin.json,line=4,col=53,endLine=4,endColumn=75,title=ramlint%3A invalid-arn::Resource "acs:ram::1:role/a<b>" & 100%25 odd,%0Asee: docs',
        '::notice file=policies/admin.json,line=4,col=36,endLine=4,endColumn=39,title=ramlint%3A prefer-list::Write the action as a list.',
        // A range over several lines: @actions/core forbids columns then.
        '::warning file=policies/with space/trust policy.json,line=3,endLine=5,title=ramlint%3A trust-wildcard-principal::任何账号都可以扮演此角色：Principal 为 “*”。',
        '::error file=broken.json,line=1,col=10,endLine=1,endColumn=11,title=ramlint%3A invalid-json::Expected a comma or closing brace.',
        '',
      ].join('\n'),
    );
  });

  it('omits suppressed findings and clean files', () => {
    const out = github(RESULTS, context());
    expect(out).not.toContain('acme/no-foo');
    expect(out).not.toContain('Statement[1]');
    expect(out).not.toContain('clean.json');
    expect(out.split('\n').filter((l) => l.startsWith('::'))).toHaveLength(5);
  });

  it('prints nothing when there is nothing to report', () => {
    expect(github([], context())).toBe('');
    expect(github([result(`${ROOT}/a.json`, [])], context())).toBe('');
  });

  it('escapes property values: %, CR, LF, colon and comma', () => {
    const out = github([result(`${ROOT}/a,b:c%d.json`, [msg('acme/no-foo', 'correctness', 'warning', 'a\r\nb: 50%, ok', [1, 1, 1, 2], '')])], context());
    expect(out).toBe('::warning file=a%2Cb%3Ac%25d.json,line=1,col=1,endLine=1,endColumn=2,title=ramlint%3A acme/no-foo::a%0D%0Ab: 50%25, ok\n');
  });

  it('escapes ESC, BEL, the other C0 and C1 controls and bidi overrides, as stylish does; line breaks stay the encoding\'s', () => {
    const text = 'colour \u001b[31mred\u001b[0m, link \u001b]8;;https://evil.example\u0007here\u001b]8;;\u0007, tab\there, C1 \u009b, bidi \u202e, NUL \u0000, line\u2028sep\r\nnext';
    const out = github([result(`${ROOT}/a\u001b[2J.json`, [msg('acme/\u0007rule', 'correctness', 'error', text, [1, 1, 1, 2], '')])], context());
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
    expect(out).toBe(
      '::error file=a\\u001b[2J.json,line=1,col=1,endLine=1,endColumn=2,title=ramlint%3A acme/\\u0007rule::' +
        'colour \\u001b[31mred\\u001b[0m, link \\u001b]8;;https://evil.example\\u0007here\\u001b]8;;\\u0007, tab\\there, C1 \\u009b, bidi \\u202e, NUL \\u0000, line\\u2028sep%0D%0Anext\n',
    );
  });

  it('implements escapeData and escapeProperty as @actions/core does', () => {
    expect(escapeData('100% \r\n : ,')).toBe('100%25 %0D%0A : ,');
    expect(escapeProperty('100% \r\n : ,')).toBe('100%25 %0D%0A %3A %2C');
    // % first, so that escapes are not escaped again.
    expect(escapeProperty('%3A')).toBe('%253A');
  });

  it('makes the file relative to repoRoot, falling back to cwd', () => {
    const r = [result(ADMIN, [msg('admin-access', 'security', 'error', 'x', [1, 1, 1, 2], '')])];
    expect(github(r, context({ cwd: `${ROOT}/policies` }))).toContain('file=admin.json,');
    expect(github(r, context({ cwd: `${ROOT}/policies`, repoRoot: ROOT }))).toContain('file=policies/admin.json,');
    expect(github(r, context({ cwd: '/other' }))).toContain('file=/repo/policies/admin.json,');
  });
});
