/**
 * Which files a run lints: directories are walked for .json/.jsonc files that
 * look like policies (a top-level "Statement"); other JSON is passed over
 * quietly; node_modules and .git are never entered; a file named on the
 * command line is always linted; globs; unmatched globs exit 2.
 */
import * as path from 'node:path';
import { ramlint } from '../helpers/cli';
import { ADMIN, adminLine, CLEAN, duplicateLine, lines, listing, project, TRUST, WARNING } from './support';

const s = project({
  'package.json': '{"name": "acme-policies", "version": "1.0.0", "private": true}\n',
  'tsconfig.json': '{\n  // strict mode\n  "compilerOptions": {"strict": true}\n}\n',
  '.git/policy.json': ADMIN,
  'node_modules/some-dep/policy.json': ADMIN,
  'policies/clean.json': CLEAN,
  'policies/warning.json': WARNING,
  'policies/notes.txt': ADMIN,
  'policies/settings.json': '{"theme": "dark", "notes": {"Statement": "not a policy"}}\n',
  'policies/nested/admin.jsonc': `// break-glass role\n${ADMIN}`,
  'policies/nested/trust.json': TRUST,
  'policies/nested/node_modules/x/policy.json': ADMIN,
  'docs/readme.json': '{"title": "Policies"}\n',
});
const before = listing(s.dir);
afterAll(() => s.cleanup());
const run = (...args: string[]) => ramlint(args, { cwd: s.dir });

interface Entry {
  filePath: string;
  messages: { ruleId: string; line: number; column: number }[];
}
/** `relative/path: rule@line:col, …` for each file in a json report, in report order. */
function summary(stdout: string): string[] {
  return (JSON.parse(stdout) as Entry[]).map(
    (e) => `${path.relative(s.dir, e.filePath)}:${e.messages.map((m) => ` ${m.ruleId}@${m.line}:${m.column}`).join(',')}`,
  );
}

const NOT_A_POLICY = 'info This JSON file has no top-level "Statement", so it is not a RAM policy and no rule ran; it is never changed by --fix. Give --kind to lint it as a RAM policy anyway. [not-a-ram-policy]';

describe('a directory walk', () => {
  it('lints the policies under it, depth first in name order, and passes over everything else quietly', () => {
    const r = run('.', '--format', 'json');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    // Not linted: package.json, tsconfig.json, settings.json and docs/readme.json (no top-level
    // "Statement"), notes.txt (not .json/.jsonc), anything under .git or node_modules.
    expect(summary(r.stdout)).toEqual([
      'policies/clean.json:',
      'policies/warning.json: duplicate-list-entry@6:43',
      'policies/nested/admin.jsonc: admin-access@7:17',
      'policies/nested/trust.json:',
    ]);
  });

  it('of a directory with no policies says so on stderr and exits 0', () => {
    expect(run('docs')).toEqual({ code: 0, stdout: '', stderr: 'ramlint: no RAM policy files found in "docs"\n' });
  });

  it('with --kind lints every file found as that kind', () => {
    const r = run('policies/nested', '--kind', 'permission', '--format', 'compact');
    expect(r.code).toBe(1);
    expect(lines(r.stdout)).toEqual([
      adminLine('policies/nested/admin.jsonc', 7, 17),
      'policies/nested/trust.json:4:5: error The statement has neither "Resource" nor "NotResource"; name the resources it applies to ("*" only if the actions cannot be scoped). [missing-resource]',
      'policies/nested/trust.json:7:7: error "Principal" belongs in trust policies and resource policies; a permission policy applies to the user, group or role it is attached to. Remove it, or lint this file with the right --kind. [unexpected-principal]',
    ]);
  });
});

describe('files named on the command line', () => {
  it('are always linted, whatever their content or extension; JSON that is no policy gets one note; a file also found by a walk is linted once', () => {
    const r = run('package.json', 'policies/notes.txt', path.join(s.dir, 'policies', 'warning.json'), 'policies', '--format', 'compact');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(lines(r.stdout)).toEqual([`package.json:1:1: ${NOT_A_POLICY}`, adminLine('policies/notes.txt'), duplicateLine('policies/warning.json'), adminLine('policies/nested/admin.jsonc', 7, 17)]);
  });

  it('a named tsconfig.json with comments is not a policy either (one note, exit 0); --kind still lints it as one', () => {
    expect(run('tsconfig.json', '--format', 'compact')).toEqual({ code: 0, stdout: `tsconfig.json:1:1: ${NOT_A_POLICY}\n`, stderr: '' });
    expect(run('tsconfig.json', '--kind', 'permission', '--format', 'compact')).toEqual({
      code: 1,
      stdout: 'tsconfig.json:2:3: error Comments are not allowed in JSON, and RAM rejects them; name the file .jsonc if a build step strips them. [invalid-json]\n',
      stderr: '',
    });
  });

  it('a path that does not exist is a usage error (exit 2); the other files are still linted', () => {
    const r = run('policies/missing.json', 'policies/warning.json', '--format', 'compact');
    expect(r).toEqual({
      code: 2,
      stdout: `${duplicateLine('policies/warning.json')}\n`,
      stderr: 'ramlint: no such file or directory: "policies/missing.json"\n',
    });
  });
});

describe('globs', () => {
  it('"**/*.json" matches .json files that look like policies, outside node_modules and .git', () => {
    const r = run('**/*.json', '--format', 'json');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(summary(r.stdout)).toEqual(['policies/clean.json:', 'policies/warning.json: duplicate-list-entry@6:43', 'policies/nested/trust.json:']);
  });

  it('a glob picks the names it wants, not only .json and .jsonc', () => {
    expect(run('policies/*.txt', '--format', 'compact')).toEqual({ code: 1, stdout: `${adminLine('policies/notes.txt')}\n`, stderr: '' });
  });

  it('a glob that matches nothing is a usage error (exit 2), and nothing is linted', () => {
    expect(run('policies', 'missing/*.json')).toEqual({ code: 2, stdout: '', stderr: 'ramlint: no files match the pattern "missing/*.json"\n' });
  });

  it('--no-error-on-unmatched-pattern turns that into a note', () => {
    expect(run('missing/*.json', '--no-error-on-unmatched-pattern')).toEqual({
      code: 0,
      stdout: '',
      stderr: 'ramlint: no RAM policy files found in "missing/*.json"\n',
    });
  });
});

describe('after every run above', () => {
  it('nothing was written', () => {
    expect(listing(s.dir)).toEqual(before);
  });
});
