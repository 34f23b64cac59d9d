/**
 * The report formats, exactly, for one small policy with a warning and an
 * error beside a clean one: stylish (the default), compact and json; colour
 * (FORCE_COLOR, NO_COLOR, pipes) and --quiet. stdout carries only the report.
 */
import * as path from 'node:path';
import { ramlint } from '../helpers/cli';
import { ADMIN_MESSAGE, adminLine, CLEAN, DUPLICATE_MESSAGE, duplicateLine, MIXED, project, WARN_ON_DUPLICATES } from './support';

const s = project({ ...WARN_ON_DUPLICATES, 'policies/mixed.json': MIXED, 'policies/clean.json': CLEAN });
afterAll(() => s.cleanup());
const run = (args: string[], env?: NodeJS.ProcessEnv) => ramlint(args, { cwd: s.dir, env });
const FILES = ['policies/mixed.json', 'policies/clean.json'];

const STYLISH = [
  'policies/mixed.json (detected: permission policy)',
  `   6:43  warning  ${DUPLICATE_MESSAGE.replace(/\.$/, '')}  duplicate-list-entry`,
  `  11:17  error    ${ADMIN_MESSAGE.replace(/\.$/, '')}  admin-access`,
  '',
  '✖ 2 problems (1 error, 1 warning, 0 info)',
  '  1 problem can be fixed safely with the `--fix` option.',
  '',
].join('\n');

const DUPLICATE_ENTRY = ', "ecs:DescribeInstances"';

describe('stylish (the default)', () => {
  it('groups findings under the file, aligned, with a summary; a clean file prints nothing', () => {
    expect(run(FILES)).toEqual({ code: 1, stdout: STYLISH, stderr: '' });
  });

  it('--format stylish is the same report', () => {
    expect(run([...FILES, '--format', 'stylish']).stdout).toBe(STYLISH);
  });

  it('is coloured with FORCE_COLOR when NO_COLOR is not set', () => {
    const e = (code: number) => `\u001b[${code}m`;
    const r = run(FILES, { FORCE_COLOR: '1', NO_COLOR: undefined });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      [
        `${e(4)}policies/mixed.json${e(24)}${e(2)} (detected: permission policy)${e(22)}`,
        `  ${e(2)} 6:43${e(22)}  ${e(33)}warning${e(39)}  ${DUPLICATE_MESSAGE.replace(/\.$/, '')}  ${e(2)}duplicate-list-entry${e(22)}`,
        `  ${e(2)}11:17${e(22)}  ${e(31)}error  ${e(39)}  ${ADMIN_MESSAGE.replace(/\.$/, '')}  ${e(2)}admin-access${e(22)}`,
        '',
        `${e(31)}${e(1)}✖ 2 problems (1 error, 1 warning, 0 info)${e(22)}${e(39)}`,
        `${e(2)}  1 problem can be fixed safely with the \`--fix\` option.${e(22)}`,
        '',
      ].join('\n'),
    );
    // Colour goes into the report only; the plain text underneath is unchanged.
    expect(r.stdout.replace(/\u001b\[\d+m/g, '')).toBe(STYLISH);
  });

  it('is plain with NO_COLOR, even when FORCE_COLOR is set', () => {
    expect(run(FILES, { FORCE_COLOR: '1', NO_COLOR: '1' }).stdout).toBe(STYLISH);
  });

  it('is plain when piped, with neither NO_COLOR nor FORCE_COLOR', () => {
    expect(run(FILES, { NO_COLOR: undefined }).stdout).toBe(STYLISH);
  });

  it('is plain with --no-color, even when FORCE_COLOR is set', () => {
    expect(run([...FILES, '--no-color'], { FORCE_COLOR: '1', NO_COLOR: undefined }).stdout).toBe(STYLISH);
  });

  it('--quiet shows errors only, and counts only what it shows', () => {
    const r = run([...FILES, '--quiet']);
    expect(r).toEqual({
      code: 1,
      stdout: ['policies/mixed.json (detected: permission policy)', `  11:17  error  ${ADMIN_MESSAGE.replace(/\.$/, '')}  admin-access`, '', '✖ 1 problem (1 error, 0 warnings, 0 info)', ''].join('\n'),
      stderr: '',
    });
  });
});

describe('compact', () => {
  it('prints file:line:col: severity message [rule], one line per finding, and nothing else', () => {
    expect(run([...FILES, '--format', 'compact'])).toEqual({
      code: 1,
      stdout: `${duplicateLine('policies/mixed.json')}\n${adminLine('policies/mixed.json', 11, 17)}\n`,
      stderr: '',
    });
  });

  it('is never coloured, and --quiet drops the warning', () => {
    const r = run([...FILES, '--format', 'compact', '--quiet'], { FORCE_COLOR: '1', NO_COLOR: undefined });
    expect(r).toEqual({ code: 1, stdout: `${adminLine('policies/mixed.json', 11, 17)}\n`, stderr: '' });
  });
});

describe('json', () => {
  const mixedPath = path.join(s.dir, 'policies', 'mixed.json');
  const cleanPath = path.join(s.dir, 'policies', 'clean.json');
  const fixOffset = MIXED.indexOf(DUPLICATE_ENTRY);

  it('has one entry per file linted, clean files included, with exact positions and paths', () => {
    const r = run([...FILES, '--format', 'json'], { FORCE_COLOR: '1', NO_COLOR: undefined });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout.endsWith('}\n]\n')).toBe(true);
    expect(r.stdout).not.toContain('\u001b[');
    expect(JSON.parse(r.stdout)).toEqual([
      {
        filePath: mixedPath,
        kind: 'permission',
        messages: [
          {
            ruleId: 'duplicate-list-entry',
            category: 'suggestion',
            severity: 'warning',
            message: DUPLICATE_MESSAGE,
            line: 6,
            column: 43,
            endLine: 6,
            endColumn: 66,
            path: 'Statement[0].Action[1]',
            messageId: 'duplicate',
            fix: [{ offset: fixOffset, length: DUPLICATE_ENTRY.length, text: '', range: { line: 6, column: 41, endLine: 6, endColumn: 41 + DUPLICATE_ENTRY.length } }],
          },
          {
            ruleId: 'admin-access',
            category: 'security',
            severity: 'error',
            message: ADMIN_MESSAGE,
            line: 11,
            column: 17,
            endLine: 11,
            endColumn: 20,
            path: 'Statement[1].Action',
            messageId: 'star',
          },
        ],
        suppressedMessages: [],
        errorCount: 1,
        warningCount: 1,
        infoCount: 0,
        fixableCount: 1,
      },
      {
        filePath: cleanPath,
        kind: 'permission',
        messages: [],
        suppressedMessages: [],
        errorCount: 0,
        warningCount: 0,
        infoCount: 0,
        fixableCount: 0,
      },
    ]);
  });

  it('--quiet keeps the entries but only their errors', () => {
    const r = run([...FILES, '--format', 'json', '--quiet']);
    const report = JSON.parse(r.stdout) as { filePath: string; messages: { ruleId: string }[]; errorCount: number; warningCount: number; fixableCount: number }[];
    expect(report.map((e) => [e.filePath, e.messages.map((m) => m.ruleId), e.errorCount, e.warningCount, e.fixableCount])).toEqual([
      [mixedPath, ['admin-access'], 1, 0, 0],
      [cleanPath, [], 0, 0, 0],
    ]);
  });

  it('with nothing to report is an entry with no messages, exit 0', () => {
    const r = run(['policies/clean.json', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([expect.objectContaining({ filePath: cleanPath, messages: [], errorCount: 0 })]);
  });
});

describe('--format github on a hostile policy', () => {
  it('a policy with ESC and BEL in an action (a colour, an OSC-8 link) reaches the Actions log escaped', () => {
    const hostile = project({ 'p.json': '{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "ecs:\\u001b]8;;https://evil.example\\u0007Run\\u001b[31m", "Resource": "*"}]}\n' });
    const r = ramlint(['--format', 'github', 'p.json'], { cwd: hostile.dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error file=p\.json,/);
    expect(r.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(r.stdout).toContain('ecs:\\u001b]8;;https://evil.example\\u0007Run\\u001b[31m');
    hostile.cleanup();
  });
});
