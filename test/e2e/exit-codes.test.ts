/**
 * Exit codes: 0 no errors (warnings within --max-warnings), 1 lint errors or
 * too many warnings, 2 usage errors, unreadable configuration or internal
 * failure. A usage error prints one message on stderr and nothing on stdout.
 * (Exit 2 for plugins is in plugins.test.ts, for unmatched globs in
 * paths.test.ts.)
 */
import { spawnSync } from 'node:child_process';
import { BIN, ramlint, ramlintProcess } from '../helpers/cli';
import { ADMIN, CLEAN, duplicateLine, lines, project, STACK_FRAME, WARN_ON_DUPLICATES, WARNING } from './support';
import { catalogueInfo } from '../../src/engine/catalog/catalogue';

const s = project({ ...WARN_ON_DUPLICATES, 'clean.json': CLEAN, 'warning.json': WARNING, 'admin.json': ADMIN, 'broken-config.json': '{"rules": {\n' });
afterAll(() => s.cleanup());
/** Exit codes 0, 1 and 2 are the process's own: these runs spawn the binary. */
const run = (...args: string[]) => ramlintProcess(args, { cwd: s.dir });
/** The usage-error table checks messages; it runs in-process (the binary's exit 2 is checked above). */
const runInProcess = (...args: string[]) => ramlint(args, { cwd: s.dir });

describe('exit code 0', () => {
  it('a clean policy: no report at all, nothing on stderr', () => {
    expect(run('clean.json')).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('warnings only, with no --max-warnings', () => {
    const r = run('warning.json', '--format', 'compact');
    expect(r).toEqual({ code: 0, stdout: `${duplicateLine('warning.json')}\n`, stderr: '' });
  });

  it('warnings within --max-warnings', () => {
    expect(run('warning.json', '--max-warnings', '1', '--format', 'compact').code).toBe(0);
  });

  it('--max-warnings -1 means no limit', () => {
    expect(run('warning.json', '--max-warnings', '-1', '--format', 'compact').code).toBe(0);
  });

  it('--help and --version print to stdout', () => {
    const help = run('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: ramlint \[options\] \[paths\.\.\]\nramlint rules \[--format json\]\nramlint can /);
    expect(help.stdout).toContain('--max-warnings');
    expect(help.stderr).toBe('');
    const version = run('--version');
    // The package version first (scripts read the first line), then the action catalogue's date.
    expect(version).toEqual({ code: 0, stdout: `${require('../../package.json').version}\naction catalogue 2025-12-19: ${catalogueInfo.source}\n`, stderr: '' });
  });
});

describe('exit code 1', () => {
  it('a lint error', () => {
    const r = run('admin.json', 'clean.json', '--format', 'compact');
    expect(r.code).toBe(1);
    expect(lines(r.stdout)).toEqual([expect.stringMatching(/^admin\.json:6:17: error .* \[admin-access\]$/)]);
    expect(r.stderr).toBe('');
  });

  it('more warnings than --max-warnings, the warnings still reported', () => {
    const r = run('warning.json', 'clean.json', '--max-warnings', '0', '--format', 'compact');
    expect(r.code).toBe(1);
    expect(lines(r.stdout)).toEqual([duplicateLine('warning.json')]);
  });

  it('an error fails the run whatever --max-warnings says', () => {
    expect(run('admin.json', '--max-warnings', '10').code).toBe(1);
  });
});

describe('exit code 2: usage errors, one message on stderr, nothing on stdout', () => {
  it.each<[string, string[], string]>([
    ['an unknown option', ['clean.json', '--bogus'], 'ramlint: Unknown argument: bogus\nRun "ramlint --help" for usage.\n'],
    [
      'an unknown format',
      ['clean.json', '--format', 'xml'],
      'ramlint: Invalid values:\n  Argument: format, Given: "xml", Choices: "stylish", "json", "compact", "sarif", "github", "junit", "checkstyle", "gitlab"\nRun "ramlint --help" for usage.\n',
    ],
    [
      'an unknown kind',
      ['clean.json', '--kind', 'role'],
      'ramlint: Invalid values:\n  Argument: kind, Given: "role", Choices: "permission", "trust", "bucket", "resource", "endpoint", "control", "session"\nRun "ramlint --help" for usage.\n',
    ],
    ['--max-warnings that is not a number', ['clean.json', '--max-warnings', 'many'], 'ramlint: --max-warnings takes a whole number, -1 or more\n'],
    ['--max-warnings below -1', ['clean.json', '--max-warnings', '-2'], 'ramlint: --max-warnings takes a whole number, -1 or more\n'],
    ['--max-warnings that is not whole', ['clean.json', '--max-warnings', '1.5'], 'ramlint: --max-warnings takes a whole number, -1 or more\n'],
    ['--stdin with paths', ['--stdin', 'clean.json'], 'ramlint: give either --stdin or paths, not both\n'],
    ['--stdin-filename without --stdin', ['clean.json', '--stdin-filename', 'x.json'], 'ramlint: --stdin-filename needs --stdin\n'],
    [
      'no paths and no --stdin',
      [],
      'ramlint: name the files or directories to lint (for example "ramlint policies/"), or use --stdin\nRun "ramlint --help" for usage.\n',
    ],
    ['a config file that does not exist', ['clean.json', '--config', 'missing.json'], 'ramlint: missing.json: the config file does not exist\n'],
    ['a config file that is not valid JSON', ['clean.json', '--config', 'broken-config.json'], "ramlint: broken-config.json:2:1: invalid JSON: expected '}'\n"],
  ])('%s', (_name, args, stderr) => {
    const r = runInProcess(...args);
    expect(r).toEqual({ code: 2, stdout: '', stderr });
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });
});

describe('what only a process shows', () => {
  it('reads a policy piped to standard input', () => {
    const r = ramlintProcess(['--stdin', '--stdin-filename', 'admin.json', '--format', 'compact'], { cwd: s.dir, input: ADMIN });
    expect(r.code).toBe(1);
    expect(lines(r.stdout)).toEqual([expect.stringMatching(/^admin\.json:6:17: error .* \[admin-access\]$/)]);
  });

  it('a reader that closes the pipe early (| head) is no failure and prints no stack', () => {
    const many = project(Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`p${String(i).padStart(3, '0')}.json`, ADMIN])));
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" . --format compact | head -n 1; echo "status=\${PIPESTATUS[0]}" >&2`], { cwd: many.dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.stdout).toMatch(/^p000\.json:6:17: error .*\n$/);
    expect(r.stderr).toMatch(/^status=[01]\n$/);
    many.cleanup();
  });
});
