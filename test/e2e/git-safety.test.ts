/**
 * git on a tree ramlint does not trust (docs/security.md, src/api/git.ts): a
 * directory holding HEAD, objects/ and refs/ is a bare repository to git, and
 * a pull request can commit one, with a config of its choosing. ramlint must
 * ask the checkout's real repository, from the directory holding its .git,
 * and no config may run a program on the way.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { GIT_SAFETY_OPTIONS, findRepositoryTop, gitEnvironment, pathInRepository } from '../../src/api/git';
import { ramlint, scratch } from '../helpers/cli';
import { ADMIN, CLEAN } from './support';

let hasGit = true;
try {
  execFileSync('git', ['--version'], { stdio: 'ignore' });
} catch {
  hasGit = false;
}
if (!hasGit) process.stderr.write('note: git is not installed, so the fake-repository tests are skipped (test/e2e/git-safety.test.ts)\n');
const withGit = hasGit ? it : it.skip;

/** A real repository in a scratch directory; `git` runs in its top. */
function repository() {
  const s = scratch('ramlint-git-');
  const dir = fs.realpathSync(s.dir);
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', '-c', 'core.fsmonitor=', ...args], { cwd: dir, stdio: 'pipe' });
  git('init', '-q', '-b', 'main');
  const write = (rel: string, content: string) => s.write(rel, content);
  return { dir, git, write, cleanup: s.cleanup };
}

/** A marker the hostile config's fsmonitor would create: outside the repository, so git never lists it. */
function marker(): { file: string; cleanup(): void } {
  const s = scratch('ramlint-marker-');
  return { file: path.join(s.dir, 'PWNED'), cleanup: s.cleanup };
}

/** The fake bare repository of the review: HEAD, objects/, refs/ and a config whose fsmonitor runs a command. */
function fakeBareRepository(write: (rel: string, content: string) => void, dir: string, markerFile: string): void {
  write(`${dir}/HEAD`, 'ref: refs/heads/main\n');
  write(`${dir}/objects/info/keep`, '');
  write(`${dir}/refs/heads/keep`, '');
  write(`${dir}/config`, `[core]\n bare=false\n worktree=.\n fsmonitor = "touch ${markerFile}; false"\n`);
}

describe('the committed-cache check asks the real repository', () => {
  withGit('a fake bare repository beside a committed cache does not make the cache untracked, and its config runs nothing', () => {
    const repo = repository();
    const mark = marker();
    fakeBareRepository(repo.write, 'infra', mark.file);
    repo.write('infra/p.json', ADMIN);
    const infra = path.join(repo.dir, 'infra');
    // The pull request's author builds a cache, then forges p.json's entry: same key, no finding.
    expect(ramlint(['--cache', '.'], { cwd: infra }).code).toBe(1);
    const cacheFile = path.join(infra, '.ramlintcache');
    const forged = fs
      .readFileSync(cacheFile, 'utf8')
      .split('\n')
      .map((line) => (line.includes('p.json') ? line.replace(/\t[^\t]*$/, `\t${JSON.stringify({ filePath: path.join(infra, 'p.json'), messages: [], suppressedMessages: [], errorCount: 0, warningCount: 0, infoCount: 0, fixableCount: 0 })}`) : line))
      .join('\n');
    fs.writeFileSync(cacheFile, forged);
    repo.git('add', '.');
    repo.git('commit', '-qm', 'a policy, a cache and a repository of my own');

    const run = ramlint(['--cache', '.'], { cwd: infra });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('admin-access');
    expect(run.stderr).toMatch(/\.ramlintcache is committed to the repository.*neither read nor written/);
    expect(fs.readFileSync(cacheFile, 'utf8')).toBe(forged);
    expect(fs.existsSync(mark.file)).toBe(false);
    mark.cleanup();
    repo.cleanup();
  });

  withGit("the repository's own core.fsmonitor is not run either: every git ramlint starts has it off", () => {
    const repo = repository();
    const mark = marker();
    repo.write('p.json', CLEAN);
    repo.write('.ramlintcache', 'not a cache\n');
    repo.git('add', '.');
    repo.git('commit', '-qm', 'base');
    repo.git('config', 'core.fsmonitor', `touch ${mark.file}; false`);
    const run = ramlint(['--cache', 'p.json'], { cwd: repo.dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/is committed to the repository/);
    expect(fs.existsSync(mark.file)).toBe(false);
    mark.cleanup();
    repo.cleanup();
  });
});

describe('diff --base compares with the real repository', () => {
  withGit('a bare repository copied into the tree, with the new policy at its main, does not make the new policy old', () => {
    // The fake: a repository whose main holds the pull request's admin policy at p.json.
    const fake = repository();
    fake.write('p.json', ADMIN);
    fake.git('add', '.');
    fake.git('commit', '-qm', 'fake history');
    const bare = scratch('ramlint-bare-');
    execFileSync('git', ['clone', '-q', '--bare', fake.dir, path.join(bare.dir, 'fake.git')], { stdio: 'pipe' });

    const repo = repository();
    repo.write('README.md', 'base\n');
    repo.git('add', '.');
    repo.git('commit', '-qm', 'base');
    repo.git('checkout', '-q', '-b', 'pull-request');
    repo.write('infra/p.json', ADMIN);
    fs.cpSync(path.join(bare.dir, 'fake.git'), path.join(repo.dir, 'infra'), { recursive: true });
    repo.git('add', '.');
    repo.git('commit', '-qm', 'an admin policy, and a history in which it is old');

    const infra = path.join(repo.dir, 'infra');
    const run = ramlint(['diff', '--base', 'main', '--format', 'json', '.'], { cwd: infra });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const newAccess = JSON.parse(run.stdout).newAccess as { action: string; statement: { filePath: string } }[];
    expect(newAccess.map((f) => f.statement.filePath)).toEqual(['p.json']);
    // Unchanged at the ref, relative to a subdirectory: nothing new.
    const same = ramlint(['diff', '--base', 'pull-request', '.'], { cwd: infra });
    expect(same).toMatchObject({ code: 0, stdout: 'No new access.\n' });
    // A path above the working directory is given to git relative to the top, and shown relative to cwd.
    const above = ramlint(['diff', '--base', 'main', '--format', 'json', '../infra'], { cwd: infra });
    expect(above.code).toBe(1);
    expect(JSON.parse(above.stdout).newAccess.map((f: { statement: { filePath: string } }) => f.statement.filePath)).toEqual(['p.json']);
    bare.cleanup();
    fake.cleanup();
    repo.cleanup();
  });

  withGit('outside any repository, --base is a one-line usage error', () => {
    const s = scratch('ramlint-nogit-');
    s.write('p.json', ADMIN);
    const run = ramlint(['diff', '--base', 'main', '.'], { cwd: s.dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^ramlint diff: --base needs a git repository: no \.git at or above /);
    s.cleanup();
  });
});

describe('how git is run', () => {
  it('refuses bare repositories it finds on its own, turns fsmonitor off (empty, not "false": old gits would run a program of that name), and reads paths literally', () => {
    const pairs = GIT_SAFETY_OPTIONS.flatMap((o, i) => (GIT_SAFETY_OPTIONS[i - 1] === '-c' ? [o] : []));
    expect(pairs).toEqual(['safe.bareRepository=explicit', 'core.fsmonitor=']);
    expect(GIT_SAFETY_OPTIONS).toContain('--literal-pathspecs');
  });

  it('bounds discovery just above the top: the top is searched, nothing above it', () => {
    const top = path.join(path.sep, 'work', 'repo');
    expect(gitEnvironment(top, {}).GIT_CEILING_DIRECTORIES).toBe(path.join(path.sep, 'work'));
    expect(gitEnvironment(top, { GIT_CEILING_DIRECTORIES: '/x' }).GIT_CEILING_DIRECTORIES).toBe(`${path.join(path.sep, 'work')}${path.delimiter}/x`);
    expect(gitEnvironment(top, {}).LC_ALL).toBe('C');
  });

  it('finds the top by its .git, a gitfile included, and gives paths relative to it', () => {
    const s = scratch('ramlint-top-');
    const dir = fs.realpathSync(s.dir);
    s.write('wt/.git', 'gitdir: /elsewhere/.git/worktrees/wt\n');
    s.write('wt/infra/HEAD', 'ref: refs/heads/main\n');
    fs.mkdirSync(path.join(dir, 'wt/infra/objects'));
    fs.mkdirSync(path.join(dir, 'wt/infra/refs'));
    expect(findRepositoryTop(path.join(dir, 'wt/infra'))).toBe(path.join(dir, 'wt'));
    expect(pathInRepository(path.join(dir, 'wt'), path.join(dir, 'wt/infra/.ramlintcache'))).toBe('infra/.ramlintcache');
    expect(pathInRepository(path.join(dir, 'wt'), path.join(dir, 'wt'))).toBe('.');
    expect(pathInRepository(path.join(dir, 'wt'), dir)).toBeUndefined();
    s.cleanup();
  });
});
