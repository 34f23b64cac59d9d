/**
 * stylish and compact print policy text and file names to a terminal or a CI
 * log: nothing taken from a policy may start a line, colour the output, open a
 * link or reorder the text.
 */
import { compact } from '../../src/formatters/compact';
import { stylish } from '../../src/formatters/stylish';
import { terminalSafe } from '../../src/formatters/terminal';
import { ADMIN, ROOT, context, msg, result } from './sample';

const HOSTILE = [
  ['a GitHub annotation after a line feed', 'ram:Get\n::error file=README.md,line=1::Injected', 'ram:Get\\n::error file=README.md,line=1::Injected'],
  ['a fake summary after a carriage return', 'x\r✖ 0 problems', 'x\\r✖ 0 problems'],
  ['an ANSI colour sequence', '\u001b[32mok\u001b[0m', '\\u001b[32mok\\u001b[0m'],
  ['an OSC-8 hyperlink', '\u001b]8;;https://evil.example\u0007click\u001b]8;;\u0007', '\\u001b]8;;https://evil.example\\u0007click\\u001b]8;;\\u0007'],
  ['a bell', 'ding\u0007', 'ding\\u0007'],
  ['DEL and a C1 CSI', 'a\u007fb\u009b31m', 'a\\u007fb\\u009b31m'],
  ['line and paragraph separators', 'a\u2028b\u2029c', 'a\\u2028b\\u2029c'],
  ['bidi overrides and isolates', 'x\u202egnp.exe\u2066y\u2069\u200f', 'x\\u202egnp.exe\\u2066y\\u2069\\u200f'],
  ['a tab and NUL', 'a\tb\u0000', 'a\\tb\\u0000'],
] as const;

function finding(text: string) {
  return msg('invalid-action-format', 'syntax', 'error', `Action "${text}" is not of the form <service>:<action>.`, [3, 5, 3, 9], 'Statement[0].Action');
}

/** Every character a terminal or a log parser would act on. */
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;

describe('terminalSafe', () => {
  it.each(HOSTILE)('escapes %s', (_name, input, escaped) => {
    expect(terminalSafe(input)).toBe(escaped);
  });

  it('leaves ordinary text, quotes, backslashes and non-Latin scripts alone', () => {
    const text = 'Action "oss:Get*" \\ 任何账号 ✖ — émoji 🚀';
    expect(terminalSafe(text)).toBe(text);
  });
});

describe.each([
  ['stylish', stylish],
  ['compact', compact],
] as const)('the %s formatter with hostile policy text', (_name, format) => {
  it.each(HOSTILE)('prints %s on the finding\'s own line, escaped', (_case, input, escaped) => {
    const out = format([result(ADMIN, [finding(input)])], context());
    expect(out).toContain(`Action "${escaped}" is not of the form`);
    const lines = out.split('\n');
    const findingLines = lines.filter((l) => l.includes('is not of the form'));
    expect(findingLines).toHaveLength(1);
    expect(lines.some((l) => l.startsWith('::error') || l.startsWith('✖ 0'))).toBe(false);
    expect(CONTROL.test(out)).toBe(false);
  });

  it('escapes a file name with a line break and an escape sequence', () => {
    const out = format([result(`${ROOT}/evil\n::error file=x,line=1::Injected\u001b[2J.json`, [finding('ram:Get')])], context());
    expect(out).toContain('evil\\n::error file=x,line=1::Injected\\u001b[2J.json');
    expect(out.split('\n').some((l) => l.startsWith('::error'))).toBe(false);
    expect(CONTROL.test(out)).toBe(false);
  });

  it('escapes a plugin rule id', () => {
    const out = format([result(ADMIN, [{ ...finding('x'), ruleId: 'acme/\u001b[31mrule' }])], context());
    expect(out).toContain('acme/\\u001b[31mrule');
    expect(CONTROL.test(out)).toBe(false);
  });
});

describe('stylish with colour on', () => {
  it('emits only its own escape sequences', () => {
    const out = stylish([result(ADMIN, [finding('\u001b]8;;https://evil.example\u0007x')])], context({ color: true }));
    // ramlint's own SGR sequences are ESC [ digits m; the policy's OSC sequence is escaped.
    expect(out.replace(/\u001b\[\d+m/g, '')).not.toMatch(CONTROL);
    expect(out).toContain('\\u001b]8;;https://evil.example\\u0007x');
  });
});

describe('stylish with many findings in one file', () => {
  it('aligns 200,000 rows without spreading them into Math.max', () => {
    const many = Array.from({ length: 200_000 }, (_, i) => msg('admin-access', 'security', 'error', 'x', [i + 1, 1, i + 1, 2], ''));
    const out = stylish([result(ADMIN, many)], context());
    expect(out.split('\n')[1]).toBe('       1:1  error  x  admin-access');
    expect(out).toContain('✖ 200000 problems (200000 errors, 0 warnings, 0 info)');
  });
});
