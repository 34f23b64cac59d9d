/**
 * Running git on a checkout ramlint does not trust (docs/security.md). Every
 * git that ramlint runs (the committed-cache check, `diff --base`) goes
 * through `runGit`, which keeps git's own repository discovery from ever
 * starting inside the tree:
 *
 * - git runs in the directory that holds the checkout's `.git` (a directory,
 *   or a gitfile for a worktree or submodule), which ramlint finds itself by
 *   walking up (`findRepositoryTop`); paths are given relative to it. git
 *   never runs with a tree directory as its cwd, where a committed `HEAD`,
 *   `objects/` and `refs/` would be taken for a bare repository whose `config`
 *   the pull request wrote. (A tree cannot hold a `.git` of its own: git
 *   refuses to check out any path named `.git`.)
 * - `GIT_CEILING_DIRECTORIES` is the parent of that directory, so if the
 *   `.git` there is not one git accepts, git stops instead of searching above.
 * - `-c safe.bareRepository=explicit` (git 2.38 and later; older gits ignore a
 *   key they do not know) refuses any bare repository git would find on its
 *   own, so the top directory itself is never taken for one either.
 * - `-c core.fsmonitor=` turns off the one program-running setting the
 *   commands used here can reach: `ls-files` reads the index, and reading the
 *   index runs the fsmonitor hook. The empty value means "off" to every git
 *   (a boolean false since 2.36, no hook before), where `false` would run a
 *   program called false on the older ones. The other commands used
 *   (`rev-parse`, `ls-tree`, `cat-file`) do not read the index, run no
 *   hooks, pager (`--no-pager`; stdout is a pipe anyway), textconv or filter,
 *   so `core.hooksPath`, `core.pager` and the like need no override.
 * - `--literal-pathspecs`: a file name with `*` or `:(` in it is that name,
 *   not a pattern.
 *
 * git runs without a shell (execFileSync with an argument list), so no ref
 * or path can inject a command, with stdin closed and LC_ALL=C so that its
 * messages can be matched.
 */
import fs from 'node:fs';
import path from 'node:path';
import { toPosix } from '../paths';

/** The options before the subcommand on every git command line. Exported for its test. */
export const GIT_SAFETY_OPTIONS: readonly string[] = ['-c', 'safe.bareRepository=explicit', '-c', 'core.fsmonitor=', '--no-pager', '--literal-pathspecs'];

/** The nearest directory at or above `start` with a `.git` entry (directory or gitfile), or undefined. */
export function findRepositoryTop(start: string): string | undefined {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** `file` relative to the repository's top directory, with forward slashes ('.' for the top itself); undefined when it lies outside. */
export function pathInRepository(top: string, file: string): string | undefined {
  const rel = path.relative(top, path.resolve(top, file));
  if (rel === '') return '.';
  if (rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) return undefined;
  return toPosix(rel);
}

/** A git that exited with an error, or could not be started. */
export class GitError extends Error {
  constructor(
    message: string,
    /** The exit status; undefined when git did not run (not installed, killed, timed out). */
    readonly status: number | undefined,
    /** ENOENT when git is not installed. */
    readonly code: string | undefined,
    /** git's first line on stderr, trimmed. */
    readonly firstLine: string,
  ) {
    super(message);
  }
}

export interface GitOptions {
  maxBuffer?: number;
  timeout?: number;
  /** 'ignore' when only the exit status matters. */
  stdout?: 'pipe' | 'ignore';
}

/** The environment git runs in: the caller's, with discovery bounded above `top`. Exported for its test. */
export function gitEnvironment(top: string, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const ceiling = path.dirname(top);
  const existing = env.GIT_CEILING_DIRECTORIES;
  return {
    ...env,
    LC_ALL: 'C',
    // The top's parent, not the top: git must still look at the top (its .git), and never above it.
    ...(ceiling !== top ? { GIT_CEILING_DIRECTORIES: existing ? `${ceiling}${path.delimiter}${existing}` : ceiling } : {}),
  };
}

/** Runs `git <safety options> <args>` in `top` (from findRepositoryTop); its stdout. Throws a GitError. */
export function runGit(top: string, args: readonly string[], options: GitOptions = {}): Buffer {
  // Required here, not imported at the top: only a run that asks git spawns anything.
  const { execFileSync } = require('node:child_process') as typeof import('node:child_process');
  try {
    const out = execFileSync('git', [...GIT_SAFETY_OPTIONS, ...args], {
      cwd: top,
      env: gitEnvironment(top),
      stdio: ['ignore', options.stdout ?? 'pipe', 'pipe'],
      ...(options.maxBuffer !== undefined ? { maxBuffer: options.maxBuffer } : {}),
      ...(options.timeout !== undefined ? { timeout: options.timeout } : {}),
    });
    return out ?? Buffer.alloc(0);
  } catch (error) {
    const e = error as { status?: number | null; code?: string; stderr?: unknown };
    const firstLine = String(e.stderr ?? '').trim().split('\n')[0] ?? '';
    const status = typeof e.status === 'number' ? e.status : undefined;
    throw new GitError(`git ${args[0]} failed${firstLine ? `: ${firstLine}` : ''}`, status, e.code, firstLine);
  }
}
