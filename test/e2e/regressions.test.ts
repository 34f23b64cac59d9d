/**
 * Bugs found by the end-to-end review, each pinned with the command that
 * showed it.
 */
import { ramlint, scratch } from '../helpers/cli';
import { ACME, ADMIN, STACK_FRAME, WARNING } from './support';

describe('regressions', () => {
  const s = scratch();
  afterAll(() => s.cleanup());

  it('--plugin before the paths does not swallow them', () => {
    s.write('plugin-first/admin.json', ADMIN);
    const run = ramlint(['--plugin', ACME, 'plugin-first/', '--format', 'compact'], { cwd: s.dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('plugin-first/admin.json:6:17: error');
    const repeated = ramlint(['--plugin', ACME, '--plugin', ACME, 'plugin-first/admin.json', '--format', 'compact'], { cwd: s.dir });
    expect(repeated.code).toBe(1);
  });

  it('a directory walk reports a policy with a syntax error and an empty .json file, and passes over non-policy JSON behind a BOM', () => {
    s.write('walk/missing-comma.json', '{"Version": "1"\n"Statement": []}');
    s.write('walk/empty.json', '');
    s.write('walk/bom-package.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"name":"x","config":{"Statement":1}}')]));
    const run = ramlint(['walk/', '--format', 'compact'], { cwd: s.dir });
    expect(run.code).toBe(1);
    expect(run.stdout.trim().split('\n')).toEqual([
      'walk/empty.json:1:1: error The file is empty; a RAM policy is a JSON object. [invalid-json]',
      'walk/missing-comma.json:2:1: error Expected \',\' between elements but found "Statement"; add the missing comma. [invalid-json]',
    ]);
  });

  it('an asynchronous plugin rule is an internal-error finding, not an unhandled rejection', () => {
    s.write('async/ramlint-plugin-late.js', `module.exports = { name: 'late', rules: { late: {
      meta: { category: 'security', defaultSeverity: 'error', description: 'Reports too late.', messages: { m: 'late' } },
      async check(context) { await null; context.report({ messageId: 'm', node: { offset: 0, length: 1 }, path: [] }); throw new Error('boom'); },
    } } };`);
    s.write('async/warning.json', WARNING);
    const run = ramlint(['async/warning.json', '--plugin', './async/ramlint-plugin-late.js', '--format', 'compact'], { cwd: s.dir });
    expect(run.code).toBe(1);
    expect(run.stdout.trim().split('\n')).toEqual([
      'async/warning.json:1:1: error Rule "late/late" failed on this file, so the file was not fully checked: its check() returned a promise; rules must be synchronous [internal-error]',
      'async/warning.json:6:43: warning Action lists "ecs:DescribeInstances" twice (first at line 6); remove the repeat. [duplicate-list-entry]',
    ]);
    expect(run.stderr).not.toMatch(STACK_FRAME);
  });

  it('too many warnings says why it exits 1', () => {
    s.write('warn/warning.json', WARNING);
    const run = ramlint(['--quiet', '--max-warnings', '0', 'warn/warning.json'], { cwd: s.dir });
    expect(run).toEqual({ code: 1, stdout: '', stderr: 'ramlint: too many warnings (1); --max-warnings allows 0\n' });
  });
});
