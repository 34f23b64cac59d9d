/**
 * Bugs found by the end-to-end review, each pinned with the command that
 * showed it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ramlint, scratch } from '../helpers/cli';
import { ACME, ADMIN, STACK_FRAME, WARN_ON_DUPLICATES, WARNING } from './support';

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

  it('a walk passes over npm lockfiles, which are often over the size limit; named, one is still read and reported', () => {
    // Over 4 MB, as a real project's lockfile often is: before, every walk of such a project reported it.
    const lock = JSON.stringify({ name: 'x', lockfileVersion: 3, packages: Object.fromEntries(Array.from({ length: 45000 }, (_, i) => [`node_modules/p${i}`, { version: `1.0.${i}`, integrity: 'sha512-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' }])) });
    expect(lock.length).toBeGreaterThan(4 * 1024 * 1024);
    s.write('lock/package-lock.json', lock);
    s.write('lock/sub/npm-shrinkwrap.json', '{"Version": "1", "Statement": []}');
    s.write('lock/admin.json', ADMIN);
    const walked = ramlint(['lock/', '--format', 'json'], { cwd: s.dir });
    expect(walked.code).toBe(1);
    expect((JSON.parse(walked.stdout) as { filePath: string }[]).map((r) => r.filePath.split(/[\\/]/).slice(-2).join('/'))).toEqual(['lock/admin.json']);
    const named = ramlint(['lock/package-lock.json', '--format', 'compact'], { cwd: s.dir });
    expect(named.code).toBe(1);
    expect(named.stdout).toMatch(/^lock\/package-lock\.json:1:1: error The file is [\d,]+ bytes .*\[unreadable-file\]\n$/);
  });

  it('an asynchronous plugin rule is an internal-error finding, not an unhandled rejection', () => {
    s.write('async/ramlint-plugin-late.js', `module.exports = { name: 'late', rules: { late: {
      meta: { category: 'security', defaultSeverity: 'error', description: 'Reports too late.', messages: { m: 'late' } },
      async check(context) { await null; context.report({ messageId: 'm', node: { offset: 0, length: 1 }, path: [] }); throw new Error('boom'); },
    } } };`);
    s.write('async/warning.json', WARNING);
    for (const [name, text] of Object.entries(WARN_ON_DUPLICATES)) s.write(`async/${name}`, text);
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
    for (const [name, text] of Object.entries(WARN_ON_DUPLICATES)) s.write(`warn/${name}`, text);
    const run = ramlint(['--quiet', '--max-warnings', '0', 'warn/warning.json'], { cwd: s.dir });
    expect(run).toEqual({ code: 1, stdout: '', stderr: 'ramlint: too many warnings (1); --max-warnings allows 0\n' });
  });
});

describe('regression: the default VPC endpoint policy in Terraform', () => {
  const s = scratch();
  afterAll(() => s.cleanup());

  it('was two errors each (administrator access, public); it is one warning per endpoint, and the exit code is 0', () => {
    s.write('infra/endpoints.tf', readFileSync(join(__dirname, '..', '..', 'fixtures', 'hosts', 'terraform', 'endpoints.tf'), 'utf8'));
    s.write('infra/endpoint.json', '{"Version": "1", "Statement": [{"Effect": "Allow", "Action": ["*"], "Resource": ["*"], "Principal": ["*"]}]}\n');
    const tf = ramlint(['infra/endpoints.tf', '--format', 'compact'], { cwd: s.dir });
    expect(tf.code).toBe(0);
    expect(tf.stdout.trim().split('\n').map((l) => l.replace(/ lets every request .*\[/, ' … ['))).toEqual([
      'infra/endpoints.tf:6:100: warning Action "*" on Resource "*" … [admin-access]',
      'infra/endpoints.tf:18:16: warning Action "*" on Resource "*" … [admin-access]',
    ]);
    // The same document as a bare file: nothing says it is an endpoint policy, so nothing changes.
    const bare = ramlint(['infra/endpoint.json', '--format', 'compact'], { cwd: s.dir });
    expect(bare.code).toBe(1);
    expect(bare.stdout).toContain('infra/endpoint.json:1:63: error Action "*" on Resource "*" allows every action on every resource, which is full administrator access');
    expect(bare.stdout).toContain('infra/endpoint.json:1:102: error Principal "*" makes this policy public');
    const given = ramlint(['infra/endpoint.json', '--kind', 'endpoint', '--format', 'compact'], { cwd: s.dir });
    expect(given.code).toBe(0);
    expect(given.stdout).toContain('infra/endpoint.json:1:63: warning Action "*" on Resource "*" lets every request through this VPC endpoint');
  });
});

describe('regressions found in the configuration, baseline and fix review', () => {
  const s = scratch();
  afterAll(() => s.cleanup());

  it('a nearer config\'s own settings win over an outer config\'s overrides', () => {
    s.write('cascade/.git/HEAD', 'ref: refs/heads/main\n');
    s.write('cascade/ramlint.config.jsonc', '{ "overrides": [{ "files": ["**/*.json"], "rules": { "policy-size": "off" }, "kind": "trust" }] }');
    s.write('cascade/sub/.ramlintrc.json', '{ "rules": { "policy-size": "error" }, "kind": "bucket" }');
    s.write('cascade/sub/p.json', ADMIN);
    const printed = JSON.parse(ramlint(['--print-config', 'sub/p.json'], { cwd: `${s.dir}/cascade` }).stdout) as { kind: string; rules: Record<string, unknown> };
    expect(printed.kind).toBe('bucket');
    expect(printed.rules['policy-size']).toBe('error');
  });

  it('--update-baseline creates the baseline\'s directory', () => {
    s.write('baseline/p.json', ADMIN);
    const run = ramlint(['--update-baseline', '--baseline', 'ci/state/baseline.json', 'p.json'], { cwd: `${s.dir}/baseline` });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('ramlint: wrote ci/state/baseline.json with 1 finding from this run\n');
  });

  it('--fix lints a symbolic link named on the command line but never writes through it (issue #10)', () => {
    const original = '{"Statement": [{"Effect": "allow", "Action": "ecs:DescribeInstances", "Resource": "*"}], "Version": "1"}';
    const real = s.write('symlink/real/p.json', original);
    require('node:fs').symlinkSync('real/p.json', `${s.dir}/symlink/link.json`);
    const run = ramlint(['--fix', 'link.json', '--format', 'compact'], { cwd: `${s.dir}/symlink` });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('link.json:1:1: error The fixes were not written: it is a symbolic link; name the file it points to, to fix that file. [unwritable-file]');
    const fs = require('node:fs') as typeof import('node:fs');
    expect(fs.lstatSync(`${s.dir}/symlink/link.json`).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(real, 'utf8')).toBe(original);
    // Named by its own name, the file is fixed.
    expect(ramlint(['--fix', 'real/p.json'], { cwd: `${s.dir}/symlink` }).code).toBe(0);
    expect(fs.readFileSync(real, 'utf8')).toContain('"Effect": "Allow"');
  });

  it('an empty or comment-only config file says it is empty', () => {
    s.write('empty-config/.git/HEAD', 'ref: refs/heads/main\n');
    s.write('empty-config/ramlint.config.jsonc', '// nothing yet\n');
    s.write('empty-config/p.json', ADMIN);
    const run = ramlint(['p.json'], { cwd: `${s.dir}/empty-config` });
    expect(run).toEqual({ code: 2, stdout: '', stderr: 'ramlint: ramlint.config.jsonc:1:1: the config file is empty; it must hold a JSON object\n' });
  });

  it('a misspelt config key gets a suggestion', () => {
    s.write('typo-config/.git/HEAD', 'ref: refs/heads/main\n');
    s.write('typo-config/ramlint.config.jsonc', '{ "rulse": {} }');
    s.write('typo-config/p.json', ADMIN);
    const run = ramlint(['p.json'], { cwd: `${s.dir}/typo-config` });
    expect(run.stderr).toBe('ramlint: ramlint.config.jsonc:1:3: unknown setting "rulse" in the config; did you mean "rules"?\n');
  });
});

describe('regressions found by the new-user walkthrough', () => {
  const s = scratch();
  afterAll(() => s.cleanup());

  it('a misspelt "Statement" key does not make a policy invisible to a walk or to --policies-only', () => {
    s.write('typo/.git/HEAD', 'ref: refs/heads/main\n');
    const file = s.write('typo/policies/p.json', '{"Version": "1", "Statment": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}');
    const walk = ramlint(['policies/', '--format', 'compact'], { cwd: `${s.dir}/typo` });
    expect(walk.code).toBe(1);
    expect(walk.stdout).toContain('policies/p.json:1:18: error Unknown element "Statment" in the policy; did you mean "Statement"? [unknown-element]');
    const hook = ramlint(['--policies-only', file, '--format', 'compact'], { cwd: `${s.dir}/typo` });
    expect(hook.code).toBe(1);
  });

  it('--policies-only passes over a blank YAML file a hook names, and still stops on a blank .json', () => {
    s.write('blank/.git/HEAD', 'ref: refs/heads/main\n');
    s.write('blank/roles/web/defaults/main.yml', '');
    s.write('blank/templates/empty.yaml', '\n  \n');
    s.write('blank/policies/emptied.json', '');
    const yaml = ramlint(['--policies-only', 'roles/web/defaults/main.yml', 'templates/empty.yaml', '--format', 'compact'], { cwd: `${s.dir}/blank` });
    expect({ code: yaml.code, stdout: yaml.stdout }).toEqual({ code: 0, stdout: '' });
    const json = ramlint(['--policies-only', 'policies/emptied.json', '--format', 'compact'], { cwd: `${s.dir}/blank` });
    expect({ code: json.code, stdout: json.stdout }).toEqual({ code: 1, stdout: 'policies/emptied.json:1:1: error The file is empty; a RAM policy is a JSON object. [invalid-json]\n' });
  });

  it('a baseline never holds a file that could not be parsed', () => {
    s.write('parse/.git/HEAD', 'ref: refs/heads/main\n');
    s.write('parse/p.json', '{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"},]}');
    expect(ramlint(['--update-baseline', 'p.json'], { cwd: `${s.dir}/parse` }).stderr).toBe('ramlint: wrote .ramlint-baseline.json with 0 findings from this run\n');
    const run = ramlint(['--baseline', '.ramlint-baseline.json', 'p.json', '--format', 'compact'], { cwd: `${s.dir}/parse` });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('[invalid-json]');
  });

  it('says which of two config files in one directory it reads', () => {
    s.write('two/.git/HEAD', 'ref: refs/heads/main\n');
    s.write('two/ramlint.config.jsonc', '{}');
    s.write('two/.ramlintrc.json', '{}');
    s.write('two/p.json', ADMIN);
    expect(ramlint(['p.json'], { cwd: `${s.dir}/two` }).stderr).toBe('ramlint: note: ramlint.config.jsonc is used; .ramlintrc.json beside it is not read\n');
  });

  it('"ramlint rules" beside a rules/ directory says how to lint it', () => {
    s.write('shadow/rules/p.json', ADMIN);
    const run = ramlint(['rules'], { cwd: `${s.dir}/shadow` });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('ramlint: note: "rules" lists the rules; to lint the directory rules/, run ramlint ./rules\n');
  });
});

describe('regressions found in the host-file review', () => {
  const s = scratch();
  afterAll(() => s.cleanup());
  const admin = (values: string[], key = 'acs:UserAgent') =>
    `{"Version":"1","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},\n {"Effect":"Deny","Action":"ecs:DescribeRegions","Resource":"*","Condition":{"StringEquals":{${JSON.stringify(key)}:${JSON.stringify(values)}}}}]}\n`;
  const DISGUISED: ReadonlyArray<[string, string]> = [
    ['plan-planned.json', admin(['format_version', 'planned_values'])],
    ['plan-changes.json', admin(['format_version', 'resource_changes'])],
    ['ros.json', admin(['ROSTemplateFormatVersion: x'])],
    ['api.json', admin(['{"a":1}'], 'PolicyDocument')],
  ];

  it.each(DISGUISED)('a policy that mentions a host format (%s) is linted, named or walked, and evaluated', (file, text) => {
    s.write(`disguised/${file}`, text);
    for (const target of [`disguised/${file}`, 'disguised/']) {
      const run = ramlint([target, '--format', 'compact'], { cwd: s.dir });
      expect(run.code).toBe(1);
      expect(run.stdout).toContain(`disguised/${file}:1:56: error`);
      expect(run.stdout).toContain('[admin-access]');
    }
    const can = ramlint(['can', '--action', 'ram:CreateUser', '--resource', '*', `disguised/${file}`], { cwd: s.dir });
    expect([can.code, can.stdout.split('\n')[0]]).toEqual([0, 'ram:CreateUser on *: allowed']);
    const escalation = ramlint(['escalation', `disguised/${file}`], { cwd: s.dir });
    expect(escalation.code).toBe(1);
    expect(escalation.stdout).toContain('ram:AttachPolicyToUser');
  });
});
