/**
 * The formats that existed before the CI formats: stylish, compact and json,
 * pinned as they are.
 */
import { FORMAT_NAMES } from '../../src/formatters';
import { compact } from '../../src/formatters/compact';
import { json } from '../../src/formatters/json';
import { stylish } from '../../src/formatters/stylish';
import type { LintResult } from '../../src/engine/types';
import { ADMIN, BROKEN, CLEAN, ROOT, TRUST, context, msg, result } from './sample';

const RESULTS: LintResult[] = [
  result(
    ADMIN,
    [
      msg('admin-access', 'security', 'error', 'Action "*" grants every action.', [4, 36, 4, 39], 'Statement[0].Action', { fingerprintValue: '*' }),
      msg('invalid-arn', 'syntax', 'warning', 'Resource "a<b>" & 100% odd', [4, 53, 4, 75], 'Statement[0].Resource'),
      msg('prefer-list', 'suggestion', 'info', 'Write the action as a list.', [12, 16, 12, 19], 'Statement[1].Action', {
        fix: [{ offset: 72, length: 0, text: '[' }],
      }),
    ],
    [msg('acme/no-foo', 'correctness', 'warning', 'Foo is not allowed.', [2, 3, 2, 17], 'Version', { suppressed: { kind: 'waiver', reason: 'Legacy', source: '.ramlintrc.json' } })],
  ),
  result(TRUST, [msg('trust-wildcard-principal', 'security', 'warning', '任何账号都可以扮演此角色。', [3, 5, 5, 6], 'Statement[0].Principal')], [], 'trust'),
  result(CLEAN, []),
  { ...result(BROKEN, [msg('invalid-json', 'syntax', 'error', 'Expected a comma or closing brace.', [1, 10, 1, 11], '')]), kind: undefined },
];

describe('the format registry', () => {
  it('names every format', () => {
    expect([...FORMAT_NAMES]).toEqual(['stylish', 'json', 'compact', 'sarif', 'github', 'junit', 'checkstyle', 'gitlab']);
  });
});

describe('stylish formatter', () => {
  it('groups findings by file with aligned columns and a summary, without colour', () => {
    expect(stylish(RESULTS, context())).toBe(
      [
        'policies/admin.json',
        '   4:36  error    Action "*" grants every action  admin-access',
        '   4:53  warning  Resource "a<b>" & 100% odd  invalid-arn',
        '  12:16  info     Write the action as a list  prefer-list',
        '',
        'policies/with space/trust policy.json',
        '  3:5  warning  任何账号都可以扮演此角色。  trust-wildcard-principal',
        '',
        'broken.json',
        '  1:10  error  Expected a comma or closing brace  invalid-json',
        '',
        '✖ 5 problems (2 errors, 2 warnings, 1 info)',
        '  1 problem can be fixed safely with the `--fix` option.',
        '  1 problem suppressed by waivers, directives or the baseline.',
        '',
      ].join('\n'),
    );
  });

  it('colours file names, severities, positions and the summary with ANSI codes', () => {
    const e = (code: string) => `\u001b[${code}m`;
    const out = stylish([RESULTS[1]!, RESULTS[3]!], context({ color: true }));
    expect(out).toBe(
      [
        `${e('4')}policies/with space/trust policy.json${e('24')}`,
        `  ${e('2')}3:5${e('22')}  ${e('33')}warning${e('39')}  任何账号都可以扮演此角色。  ${e('2')}trust-wildcard-principal${e('22')}`,
        '',
        `${e('4')}broken.json${e('24')}`,
        `  ${e('2')}1:10${e('22')}  ${e('31')}error${e('39')}  Expected a comma or closing brace  ${e('2')}invalid-json${e('22')}`,
        '',
        `${e('31')}${e('1')}✖ 2 problems (1 error, 1 warning, 0 info)${e('22')}${e('39')}`,
        '',
      ].join('\n'),
    );
  });

  it('colours info in cyan and a warnings-only summary in yellow', () => {
    const e = (code: string) => `\u001b[${code}m`;
    const out = stylish([result(ADMIN, [msg('prefer-list', 'suggestion', 'info', 'Write the action as a list.', [1, 1, 1, 2], '')])], context({ color: true }));
    expect(out).toContain(`${e('36')}info${e('39')}`);
    expect(out).toContain(`${e('33')}${e('1')}✖ 1 problem (0 errors, 0 warnings, 1 info)${e('22')}${e('39')}`);
  });

  it('prints nothing when there is nothing to report', () => {
    expect(stylish([], context())).toBe('');
    expect(stylish([result(CLEAN, [])], context({ color: true }))).toBe('');
  });

  it('still mentions suppressed findings when nothing else is shown', () => {
    expect(stylish([result(CLEAN, [], RESULTS[0]!.suppressedMessages)], context())).toBe('  1 problem suppressed by waivers, directives or the baseline.\n');
  });

  it('shows the kind beside the file name when it was detected, not when it was given', () => {
    const finding = msg('admin-access', 'security', 'error', 'Action "*" grants every action.', [4, 36, 4, 39], 'Statement[0].Action');
    const detected = { ...result(ADMIN, [finding], [], 'resource'), kindSource: 'detected' as const };
    const given = { ...result(ADMIN, [finding], [], 'resource'), kindSource: 'given' as const };
    expect(stylish([detected], context()).split('\n')[0]).toBe('policies/admin.json (detected: resource policy)');
    expect(stylish([given], context()).split('\n')[0]).toBe('policies/admin.json');
  });

  it('shows files outside cwd with their absolute path', () => {
    expect(stylish([RESULTS[3]!], context({ cwd: '/elsewhere' }))).toMatch(/^\/repo\/broken\.json\n/);
  });
});

describe('compact formatter', () => {
  it('writes file:line:col: severity message [rule], one line per finding', () => {
    expect(compact(RESULTS, context())).toBe(
      [
        'policies/admin.json:4:36: error Action "*" grants every action. [admin-access]',
        'policies/admin.json:4:53: warning Resource "a<b>" & 100% odd [invalid-arn]',
        'policies/admin.json:12:16: info Write the action as a list. [prefer-list]',
        'policies/with space/trust policy.json:3:5: warning 任何账号都可以扮演此角色。 [trust-wildcard-principal]',
        'broken.json:1:10: error Expected a comma or closing brace. [invalid-json]',
        '',
      ].join('\n'),
    );
  });

  it('keeps a multi-line message on one line, its line break escaped', () => {
    expect(compact([result(ADMIN, [msg('invalid-arn', 'syntax', 'warning', 'first\n  second', [1, 1, 1, 2], '')])], context())).toBe(
      'policies/admin.json:1:1: warning first\\n  second [invalid-arn]\n',
    );
  });

  it('prints nothing when there is nothing to report', () => {
    expect(compact([], context())).toBe('');
    expect(compact([result(CLEAN, [])], context())).toBe('');
  });
});

describe('json formatter', () => {
  it('writes one entry per file, suppressed findings included, positions and JSON paths as given', () => {
    const out = json(RESULTS, context());
    expect(out.endsWith(']\n')).toBe(true);
    const parsed = JSON.parse(out);
    expect(parsed).toHaveLength(4);
    expect(parsed[0]).toEqual({
      filePath: ADMIN,
      kind: 'permission',
      messages: [
        { ruleId: 'admin-access', category: 'security', severity: 'error', message: 'Action "*" grants every action.', line: 4, column: 36, endLine: 4, endColumn: 39, path: 'Statement[0].Action' },
        { ruleId: 'invalid-arn', category: 'syntax', severity: 'warning', message: 'Resource "a<b>" & 100% odd', line: 4, column: 53, endLine: 4, endColumn: 75, path: 'Statement[0].Resource' },
        {
          ruleId: 'prefer-list',
          category: 'suggestion',
          severity: 'info',
          message: 'Write the action as a list.',
          line: 12,
          column: 16,
          endLine: 12,
          endColumn: 19,
          path: 'Statement[1].Action',
          fix: [{ offset: 72, length: 0, text: '[' }],
        },
      ],
      suppressedMessages: [
        {
          ruleId: 'acme/no-foo',
          category: 'correctness',
          severity: 'warning',
          message: 'Foo is not allowed.',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 17,
          path: 'Version',
          suppressed: { kind: 'waiver', reason: 'Legacy', source: '.ramlintrc.json' },
        },
      ],
      errorCount: 1,
      warningCount: 1,
      infoCount: 1,
      fixableCount: 1,
    });
    expect(parsed[2]).toEqual({ filePath: CLEAN, kind: 'permission', messages: [], suppressedMessages: [], errorCount: 0, warningCount: 0, infoCount: 0, fixableCount: 0 });
    expect(parsed[3].kind).toBeNull();
  });

  it('keeps the absolute file path and adds output when fixes were applied', () => {
    const parsed = JSON.parse(json([{ ...result(`${ROOT}/a.json`, []), output: '{}\n' }], context()));
    expect(parsed[0].filePath).toBe('/repo/a.json');
    expect(parsed[0].output).toBe('{}\n');
  });

  it('pretty-prints with two spaces and writes [] for no files', () => {
    expect(json([], context())).toBe('[]\n');
    expect(json([result(CLEAN, [])], context())).toBe(
      `[\n  {\n    "filePath": "${CLEAN}",\n    "kind": "permission",\n    "messages": [],\n    "suppressedMessages": [],\n    "errorCount": 0,\n    "warningCount": 0,\n    "infoCount": 0,\n    "fixableCount": 0\n  }\n]\n`,
    );
  });
});
