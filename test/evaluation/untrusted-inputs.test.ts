/**
 * `can`, `diff` and `escalation` on a tree someone else wrote (docs/security.md):
 * nothing from a file name or a policy forges a line or a colour, a file that
 * cannot be read or parsed is never taken as an empty policy (exit 2, named),
 * and `diff --base` reads the ref as the working tree is read (4 MB, blobs only).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCan } from '../../src/cli/commands/can';
import { runDiff } from '../../src/cli/commands/diff';
import { runEscalation } from '../../src/cli/commands/escalation';
import { policy, runIn, tempTree } from './helpers';

const FORGED_NAME = 'p\n::error file=a.json::FORGED\u001b[31m\u202e.json';
const FORGED_KEY = 'acs:x\n::error::FORGED2';

/** No raw control character, line separator or bidi override, so no forged line (only the real newlines). */
function expectNoForgery(text: string): void {
  expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
  expect(text.split('\n').filter((l) => l.startsWith('::'))).toEqual([]);
}

/** JSON and SARIF: serialisation escapes every control character (bidi marks stay, as in the linter's json format). */
function expectEscapedControls(text: string): void {
  expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
  expect(text.split('\n').filter((l) => l.startsWith('::'))).toEqual([]);
}

function repo(files: Record<string, unknown>): { dir: string; git: (...args: string[]) => string } {
  const dir = tempTree(files);
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: dir, stdio: 'pipe', encoding: 'utf8' });
  git('init', '-q');
  git('add', '.');
  git('commit', '-qm', 'base');
  return { dir, git };
}

describe('1. text output and stderr notes are escaped', () => {
  const escalating = policy({ Effect: 'Allow', Action: ['ram:PassRole', 'ecs:RunInstances'], Resource: '*', Condition: { StringEquals: { [FORGED_KEY]: '1' } } });

  it('can (stylish): file names and condition keys', async () => {
    const dir = tempTree({ [FORGED_NAME]: escalating });
    const out = await runIn(dir, runCan, ['-a', 'ecs:RunInstances', '-r', '*', '.']);
    expect(out.code).toBe(3);
    expectNoForgery(out.stdout);
    expect(out.stdout).toContain('acs:x\\n::error::FORGED2');
    expect(out.stdout).toContain('p\\n::error file=a.json::FORGED\\u001b[31m\\u202e.json:');
    // JSON is escaped by serialisation and keeps the real strings.
    const json = await runIn(dir, runCan, ['-a', 'ecs:RunInstances', '-r', '*', '-f', 'json', '.']);
    expectEscapedControls(json.stdout);
    expect(JSON.parse(json.stdout)).toMatchObject({ conditions: [expect.stringMatching(/^acs:x\n::error::FORGED2$/i)], statements: [{ filePath: FORGED_NAME }] });
  });

  it('escalation (stylish): file names and PassRole role ARNs', async () => {
    const role = 'acs:ram::1:role/r\n::error::FORGED3\u001b]8;;http://x\u0007';
    const dir = tempTree({
      [FORGED_NAME]: policy(
        { Effect: 'Allow', Action: 'ram:PassRole', Resource: role, Condition: { StringEquals: { 'acs:Service': 'ecs.aliyuncs.com' } } },
        { Effect: 'Allow', Action: 'ecs:RunInstances', Resource: '*' },
      ),
    });
    const out = await runIn(dir, runEscalation, ['.']);
    expect(out.code).toBe(1);
    expectNoForgery(out.stdout);
    expect(out.stdout).toContain('role/r\\n::error::FORGED3\\u001b]8;;http://x\\u0007');
    expect(out.stdout).toContain('p\\n::error file=a.json::FORGED\\u001b[31m\\u202e.json:');
    for (const format of ['json', 'sarif']) {
      const machine = await runIn(dir, runEscalation, ['-f', format, '.']);
      expectEscapedControls(machine.stdout);
      expect(JSON.stringify(JSON.parse(machine.stdout))).toContain('FORGED3');
    }
  });

  it.each([
    ['diff', runDiff, (f: string) => [f, f]],
    ['can', runCan, (f: string) => ['-a', 'x:y', '-r', '*', f]],
    ['escalation', runEscalation, (f: string) => [f]],
  ] as const)('%s: the note naming a file it cannot parse', async (_, run, argv) => {
    const dir = tempTree({ [FORGED_NAME]: '{"Statement": [' });
    const out = await runIn(dir, run, argv(FORGED_NAME));
    expectNoForgery(out.stderr);
    expect(out.stderr).toContain('p\\n::error file=a.json::FORGED\\u001b[31m\\u202e.json: not valid JSON');
  });

  it('diff: stderr notes of --base and the findings', async () => {
    const { dir } = repo({ 'keep.json': policy({ Effect: 'Allow', Action: 'oss:GetObject', Resource: '*' }) });
    fs.writeFileSync(path.join(dir, FORGED_NAME), JSON.stringify(policy({ Effect: 'Allow', Action: 'oss:*', Resource: 'acs:oss:*:1:b\n::error::FORGED4/*' }, { Effect: 'Allow', Action: 'a:b', NotAction: 'c:d', Resource: '*' })));
    for (const format of ['stylish', 'github']) {
      const out = await runIn(dir, runDiff, ['--base', 'HEAD', '-f', format, '.']);
      expect(out.code).toBe(1);
      expectNoForgery(out.stderr);
      expect(out.stderr).toContain('p\\n::error file=a.json::FORGED\\u001b[31m\\u202e.json: Statement[1] was left out');
      expect(out.stdout.split('\n').filter((l) => l.startsWith('::')).every((l) => l.startsWith('::error file='))).toBe(true);
      if (format === 'stylish') expectNoForgery(out.stdout);
    }
  });
});

describe('2. a file that cannot be read or parsed stops the run (exit 2), on either side', () => {
  const empty = policy();
  const truncatedAllowAll = '{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}';

  it('diff <old> <new>: an unterminated new Allow * is not "no new access"; nor is a broken old side', async () => {
    const dir = tempTree({ 'empty.json': empty, 'new.json': truncatedAllowAll, 'good.json': policy({ Effect: 'Allow', Action: '*', Resource: '*' }) });
    const out = await runIn(dir, runDiff, ['empty.json', 'new.json']);
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(/^ramlint diff: new\.json: not valid JSON/m);
    expect(out.stderr).toMatch(/cannot be read or parsed/);
    const old = await runIn(dir, runDiff, ['new.json', 'good.json']);
    expect(old.code).toBe(2);
    expect(old.stderr).toMatch(/new\.json: not valid JSON/);
  });

  it('diff --base: a Deny truncated to invalid JSON is not a lifted Deny hidden in a note', async () => {
    const { dir } = repo({ 'deny.json': policy({ Effect: 'Deny', Action: 'ram:*', Resource: '*' }) });
    fs.writeFileSync(path.join(dir, 'deny.json'), '{"Version": "1", "Statement": [{"Effect": "Deny"');
    const out = await runIn(dir, runDiff, ['--base', 'HEAD', '.']);
    expect(out.code).toBe(2);
    expect(out.stdout).not.toContain('No new access');
    expect(out.stderr).toMatch(/deny\.json: not valid JSON/);
  });

  it('diff --base: a file that does not parse at the ref is named with the ref', async () => {
    const { dir } = repo({ 'a.json': '{"Statement": [' });
    fs.writeFileSync(path.join(dir, 'a.json'), JSON.stringify(policy({ Effect: 'Allow', Action: 'oss:GetObject', Resource: '*' })));
    const out = await runIn(dir, runDiff, ['--base', 'HEAD', '.']);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/a\.json at HEAD: not valid JSON/);
  });

  it('can and escalation: the same exit 2 instead of an answer without the file', async () => {
    const dir = tempTree({ 'deny.json': '{"Statement": [{"Effect": "Deny", "Action": "*", "Resource": "*"}', 'grant.json': policy({ Effect: 'Allow', Action: ['ram:PassRole', 'ecs:RunInstances'], Resource: '*' }) });
    const can = await runIn(dir, runCan, ['-a', 'oss:GetObject', '-r', '*', '.']);
    expect(can).toMatchObject({ code: 2, stdout: '' });
    expect(can.stderr).toMatch(/deny\.json: not valid JSON/);
    const broken = tempTree({ 'grant.json': '{"Statement": [{"Effect": "Allow", "Action": ["ram:PassRole", "ecs:RunInstances"], "Resource": "*"}' });
    const escalation = await runIn(broken, runEscalation, ['.']);
    expect(escalation).toMatchObject({ code: 2, stdout: '' });
    expect(escalation.stderr).toMatch(/grant\.json: not valid JSON/);
  });

  it('the help of each command says so', async () => {
    for (const run of [runCan, runDiff, runEscalation]) expect((await runIn('.', run, ['--help'])).stdout).toMatch(/2 = usage error, or a policy file that\s+cannot be read or parsed/);
  });
});

describe('3. diff --base holds the ref to the 4 MB limit of the working tree', () => {
  it('a file over 4 MB at the ref is named and the run exits 2, without reading it', async () => {
    const big = JSON.stringify({ ...policy({ Effect: 'Deny', Action: 'ecs:*', Resource: '*' }), Padding: 'x'.repeat(4.5 * 1024 * 1024) });
    const { dir } = repo({ 'big.json': big, 'small.json': policy({ Effect: 'Allow', Action: 'oss:GetObject', Resource: '*' }) });
    fs.rmSync(path.join(dir, 'big.json'));
    const out = await runIn(dir, runDiff, ['--base', 'HEAD', '.']);
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(/big\.json at HEAD: The file is 4,718,\d{3} bytes \(4\.5 MB\); ramlint reads policy files up to 4,194,304 bytes/);
  });
});

describe('4. diff --base: submodules and deleted paths', () => {
  it('a gitlink whose name ends in .json is not read (it is a commit, not a blob)', async () => {
    const { dir, git } = repo({ 'a.json': policy({ Effect: 'Allow', Action: 'oss:GetObject', Resource: '*' }) });
    git('update-index', '--add', '--cacheinfo', '160000,1111111111111111111111111111111111111111,sub.json');
    git('commit', '-qm', 'submodule');
    const out = await runIn(dir, runDiff, ['--base', 'HEAD', '.']);
    expect(out).toMatchObject({ code: 0, stdout: 'No new access.\n' });
    expect(out.stderr).not.toMatch(/git/);
  });

  it('a deleted file named explicitly is reported as deleted, not "no such file"', async () => {
    const { dir } = repo({ 'y.json': policy({ Effect: 'Deny', Action: 'ram:*', Resource: '*' }), 'dir/z.json': policy({ Effect: 'Deny', Action: 'kms:*', Resource: '*' }), 'x.json': policy() });
    fs.rmSync(path.join(dir, 'y.json'));
    fs.rmSync(path.join(dir, 'dir'), { recursive: true });
    const out = await runIn(dir, runDiff, ['--base', 'HEAD', '-f', 'json', 'y.json', 'dir', 'x.json']);
    expect(out.code).toBe(1);
    const lifted = JSON.parse(out.stdout).liftedDenies;
    expect(lifted.map((l: { deniedAt: { filePath: string }; deleted: boolean }) => [l.deniedAt.filePath, l.deleted]).sort()).toEqual([['dir/z.json', true], ['y.json', true]]);
    // Only deleted alone: nothing to read in the tree, still reported.
    expect((await runIn(dir, runDiff, ['--base', 'HEAD', 'y.json'])).code).toBe(1);
    // Neither in the tree nor at the ref: still a usage error.
    const nowhere = await runIn(dir, runDiff, ['--base', 'HEAD', 'nope.json']);
    expect(nowhere.code).toBe(2);
    expect(nowhere.stderr).toMatch(/no such file or directory: nope\.json/);
  });
});

describe('5. a policy whose keys are written with JSON escapes is found by a walk, as the linter finds it', () => {
  // "\u0053tatement" is "Statement": the linter reports this file (admin-access); a walk must not pass over it.
  const ESCAPED_ADMIN = '{"Version":"1","\\u0053tatement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}';
  const readOnly = policy({ Effect: 'Allow', Action: 'oss:GetObject', Resource: '*' });

  it('can, escalation and diff <old> <new> on directories', async () => {
    const dir = tempTree({ 'old/p.json': readOnly, 'new/p.json': ESCAPED_ADMIN });
    const can = await runIn(dir, runCan, ['-a', 'ecs:RunInstances', '-r', '*', 'new']);
    expect(can.code).toBe(0);
    expect(can.stdout).toContain('new/p.json');
    const escalation = await runIn(dir, runEscalation, ['new']);
    expect(escalation.code).toBe(1);
    expect(escalation.stdout).toContain('ram:AttachPolicyToUser');
    const diff = await runIn(dir, runDiff, ['old', 'new']);
    expect(diff.code).toBe(1);
    expect(diff.stdout).toContain('new-access');
  });

  it('diff --base HEAD: the escaped policy at the ref is read too, so a Deny written that way is not lost either', async () => {
    const { dir, git } = repo({ 'p.json': readOnly, 'guard.json': '{"Version":"1","\\u0053tatement":[{"Effect":"Deny","Action":"ram:*","Resource":"*"}]}' });
    fs.writeFileSync(path.join(dir, 'p.json'), ESCAPED_ADMIN);
    fs.rmSync(path.join(dir, 'guard.json'));
    const out = await runIn(dir, runDiff, ['--base', 'HEAD', '-f', 'json', '.']);
    expect(out.code).toBe(1);
    const body = JSON.parse(out.stdout);
    expect(body.newAccess.map((f: { statement: { filePath: string } }) => f.statement.filePath)).toEqual(['p.json']);
    expect(body.liftedDenies.map((l: { deniedAt: { filePath: string }; deleted: boolean }) => [l.deniedAt.filePath, l.deleted])).toEqual([['guard.json', true]]);
    git('checkout', '-q', '--', '.');
    expect(await runIn(dir, runDiff, ['--base', 'HEAD', '.'])).toMatchObject({ code: 0, stdout: 'No new access.\n' });
  });

  it('a JSON file that is no policy (package.json) is still passed over', async () => {
    const dir = tempTree({ 'p.json': readOnly, 'package.json': { name: 'x', version: '1.0.0', description: 'the Statement of work' } });
    expect(await runIn(dir, runDiff, ['p.json', '.'])).toMatchObject({ code: 0, stdout: 'No new access.\n' });
  });
});
