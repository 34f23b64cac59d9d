/**
 * The file layer through the command line, in-process (run(argv, io)):
 * regressions of issues #6 and #10 that a user sees on the terminal.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ramlint } from '../helpers/cli';
import { ACME, CLEAN, WARNING, listing, project } from './support';

const NOT_A_POLICY = 'info This JSON file has no top-level "Statement", so it is not a RAM policy and no rule ran; it is never changed by --fix. Give --kind to lint it as a RAM policy anyway. [not-a-ram-policy]';

const AWS_POLICY = `{
  "Version": "2012-10-17",
  "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::bucket/*"}]
}
`;
const ECS_STAR = '{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "ecs:*", "Resource": "acs:ecs:*:*:instance/i-1"}]}\n';

describe('files that are not RAM policies', () => {
  it('--fix package.json tsconfig.json: one note each, exit 0, both byte-identical (issue #6)', async () => {
    const s = project({
      'package.json': '{"name": "x", "version": "1.0.0", "private": true}\n',
      'tsconfig.json': '{\n  // strict\n  "compilerOptions": {"strict": true},\n}\n',
    });
    const before = listing(s.dir);
    const run = ramlint(['--fix', 'package.json', 'tsconfig.json', '--format', 'compact'], { cwd: s.dir });
    expect(run).toEqual({ code: 0, stdout: `package.json:1:1: ${NOT_A_POLICY}\ntsconfig.json:1:1: ${NOT_A_POLICY}\n`, stderr: '' });
    expect(listing(s.dir)).toEqual(before);
    s.cleanup();
  });

  it('an AWS IAM policy gets one note, not errors; --kind still reads it as RAM (issue #6)', async () => {
    const s = project({ 'aws.json': AWS_POLICY });
    const run = ramlint(['aws.json', '--format', 'compact'], { cwd: s.dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      'aws.json:2:14: info This is an AWS IAM policy ("Version": "2012-10-17"), not an Alibaba Cloud RAM policy; ramlint checks RAM policies, so no rule ran. Give --kind to lint it as a RAM policy anyway. [not-a-ram-policy]\n',
    );
    const forced = ramlint(['aws.json', '--kind', 'permission', '--format', 'compact'], { cwd: s.dir });
    expect(forced.code).toBe(1);
    expect(forced.stdout).toContain('[invalid-version]');
    s.cleanup();
  });
});

describe('a plugin named by a config judges only the files that config covers', () => {
  it('ramlint p.json b/p.json and ramlint b/p.json agree on b/p.json (issue #6)', async () => {
    const s = project({
      'tools/acme.js': fs.readFileSync(ACME, 'utf8'),
      'ramlint.config.json': '{"plugins": ["./tools/acme.js"]}',
      'p.json': ECS_STAR,
      'b/.ramlintrc.json': '{"root": true}',
      'b/p.json': ECS_STAR,
    });
    const both = ramlint(['p.json', 'b/p.json', '--format', 'compact'], { cwd: s.dir });
    const alone = ramlint(['b/p.json', '--format', 'compact'], { cwd: s.dir });
    const bLines = (out: string) => out.split('\n').filter((l) => l.startsWith('b/p.json'));
    expect(both.stdout.split('\n')[0]).toMatch(/^p\.json:1:62: warning .*\[acme\/no-ecs-wildcard\]$/);
    expect(bLines(both.stdout)).toEqual(bLines(alone.stdout));
    expect(alone.stdout).not.toContain('acme/');
    s.cleanup();
  });
});

describe('plugins off for untrusted changes', () => {
  const files = () => ({ 'tools/acme.js': fs.readFileSync(ACME, 'utf8'), 'ramlint.config.json': '{"plugins": ["./tools/acme.js"]}', 'p.json': ECS_STAR });

  it.each([
    ['--no-plugins', ['--no-plugins'], {}],
    ['RAMLINT_NO_PLUGINS=1', [], { RAMLINT_NO_PLUGINS: '1' }],
  ])('%s loads no plugin, not even the root config\'s', async (_name, flags, env) => {
    const s = project(files());
    expect((ramlint(['p.json', '--format', 'compact'], { cwd: s.dir })).stdout).toContain('acme/no-ecs-wildcard');
    const off = ramlint(['p.json', '--format', 'compact', ...flags], { cwd: s.dir, env });
    expect(off).toEqual({ code: 0, stdout: '', stderr: '' });
    s.cleanup();
  });

  it('a nested config that loads a plugin is a config error (exit 2)', async () => {
    const s = project({ 'tools/acme.js': fs.readFileSync(ACME, 'utf8'), 'sub/.ramlintrc.json': '{"plugins": ["../tools/acme.js"]}', 'sub/p.json': ECS_STAR });
    const run = ramlint(['sub/p.json'], { cwd: s.dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `ramlint: sub/.ramlintrc.json:1:14: plugin "../tools/acme.js" is not loaded: plugins load only from --plugin, a config named with --config, or the config at the project root (${s.dir}); a nested config may configure their rules\n`,
    );
    s.cleanup();
  });
});

describe('the walk stays inside the paths given (issue #10)', () => {
  it('does not follow a symbolic link to a directory, nor read a linked file outside the walk', async () => {
    const s = project({ 'outside/secret.json': WARNING, 'tree/p.json': CLEAN });
    fs.symlinkSync(path.join(s.dir, 'outside'), path.join(s.dir, 'tree', 'linked-dir'));
    fs.symlinkSync(path.join(s.dir, 'outside', 'secret.json'), path.join(s.dir, 'tree', 'linked.json'));
    const run = ramlint(['tree', '--format', 'compact'], { cwd: s.dir });
    expect(run).toEqual({
      code: 0,
      stdout: '',
      stderr: 'ramlint: tree/linked.json: skipped, it is a symbolic link to a file outside the directory being linted; name it to lint it\n',
    });
    // Named, the linked file is linted.
    expect((ramlint(['tree/linked.json', '--format', 'compact'], { cwd: s.dir })).stdout).toContain('[duplicate-list-entry]');
    s.cleanup();
  });
});

describe('-o into a device (issue #10)', () => {
  it('writes the report into /dev/null as a stream, leaving it a character device', () => {
    const s = project({ 'p.json': WARNING });
    const run = ramlint(['p.json', '--format', 'json', '-o', '/dev/null'], { cwd: s.dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('duplicate-list-entry');
    expect(fs.statSync('/dev/null').isCharacterDevice()).toBe(true);
    s.cleanup();
  });
});

describe('--processor', () => {
  it('an unknown processor is a usage error', async () => {
    const run = ramlint(['--processor', 'cobol', 'p.json'], { cwd: '/' });
    expect(run.code).toBe(2);
    // The list that follows depends on the processors built in.
    expect(run.stderr).toMatch(/^ramlint: --processor: unknown processor "cobol"; the processors are .*\n$/);
  });
});
