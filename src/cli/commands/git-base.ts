/**
 * Policy files as they were at a git ref, for `ramlint diff --base`. git runs
 * through src/api/git.ts: without a shell, so a ref or path cannot inject a
 * command, and in the directory that holds the checkout's `.git` with paths
 * relative to it, never in the working directory, so a fake bare repository
 * committed in the tree cannot stand in for the real one (whose history is
 * what the pull request is compared with).
 *
 * Files at the ref are held to what the working tree is (src/api/read.ts): at
 * most MAX_FILE_BYTES, decoded the same way; a larger or undecodable one is an
 * error of the run (exit 2), not read and not skipped. Only blobs are read:
 * a gitlink (a submodule, mode 160000) names a commit of another repository,
 * and a symbolic link (mode 120000) holds a path, not a policy.
 */
import path from 'node:path';
import { GitError, findRepositoryTop, pathInRepository, runGit } from '../../api/git';
import { decodeBytes } from '../../api/read';
import { MAX_FILE_BYTES, tooLargeMessage } from '../../engine/decode';
import { UsageError } from '../errors';
import { type ReadDocuments, documentsOfFile, isCandidate, merge } from './load-policies';

/** ls-tree's listing is names and sizes only; a blob is read only once its size is known to be within the limit. */
const MAX_LISTING = 64 * 1024 * 1024;

/** Where git runs for paths given relative to `cwd`: the top of the checkout holding it. */
interface Repository {
  top: string;
  cwd: string;
}

function repositoryOf(cwd: string): Repository {
  const top = findRepositoryTop(cwd);
  if (top === undefined) throw new UsageError(`--base needs a git repository: no .git at or above ${cwd}`);
  return { top, cwd };
}

function git(repo: Repository, args: readonly string[], maxBuffer = MAX_LISTING): Buffer {
  try {
    return runGit(repo.top, args, { maxBuffer });
  } catch (error) {
    if (error instanceof GitError) throw new UsageError(error.message);
    throw error;
  }
}

/** A path given relative to cwd, relative to the top instead (git's pathspec there). */
function inRepository(repo: Repository, p: string): string {
  const rel = pathInRepository(repo.top, path.resolve(repo.cwd, p));
  if (rel === undefined) throw new UsageError(`${p} is outside the git repository ${repo.top}`);
  return rel;
}

/** A path git printed (relative to the top), relative to cwd again, as the rest of ramlint shows paths. */
function fromRepository(repo: Repository, file: string): string {
  return path.relative(repo.cwd, path.join(repo.top, file)).split(path.sep).join('/');
}

interface TreeEntry {
  mode: string;
  type: string;
  object: string;
  /** Bytes, for a blob. */
  size: number;
  /** Relative to cwd. */
  file: string;
}

/** `git ls-tree -r -z -l`: "<mode> <type> <object> <size>\t<path>" per entry (the size padded, "-" for a non-blob). */
function listTree(repo: Repository, ref: string, paths: readonly string[]): TreeEntry[] {
  const out: TreeEntry[] = [];
  const specs = paths.map((p) => inRepository(repo, p));
  // Run in the top, ls-tree prints paths relative to it: turned back into paths relative to cwd.
  for (const line of git(repo, ['ls-tree', '-r', '-z', '-l', '--full-tree', ref, '--', ...specs]).toString('utf8').split('\0')) {
    const tab = line.indexOf('\t');
    if (tab < 0) continue;
    const [mode = '', type = '', object = '', size = ''] = line.slice(0, tab).split(/ +/);
    out.push({ mode, type, object, size: Number(size), file: fromRepository(repo, line.slice(tab + 1)) });
  }
  return out;
}

/** Does `path` name anything at `ref` (a file, or a directory with files)? */
export function existsAtRef(ref: string, p: string, cwd: string): boolean {
  return listTree(repositoryOf(cwd), ref, [p]).length > 0;
}

/** Checks that `ref` is a commit; a UsageError when it is not. */
export function verifyRef(ref: string, cwd: string): void {
  if (ref.startsWith('-')) throw new UsageError(`--base "${ref}" is not a git ref`);
  git(repositoryOf(cwd), ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
}

/** The policy documents under `paths` at `ref`, file paths relative to `cwd`. */
export async function documentsAtRef(ref: string, paths: readonly string[], cwd: string): Promise<ReadDocuments> {
  verifyRef(ref, cwd);
  const repo = repositoryOf(cwd);
  const out: ReadDocuments = { documents: [], notes: [], errors: [] };
  for (const entry of listTree(repo, ref, paths)) {
    if (!isCandidate(entry.file)) continue;
    if (entry.type !== 'blob') continue;
    if (entry.mode === '120000') {
      out.notes.push(`${entry.file}: a symbolic link at ${ref}, not read there; the file now is compared with nothing`);
      continue;
    }
    if (!(entry.size <= MAX_FILE_BYTES)) {
      out.errors.push(`${entry.file} at ${ref}: ${Number.isFinite(entry.size) ? tooLargeMessage(entry.size) : 'git did not give its size'}`);
      continue;
    }
    const decoded = decodeBytes(entry.file, git(repo, ['cat-file', 'blob', entry.object], MAX_FILE_BYTES + 1));
    if (!decoded.ok) {
      out.errors.push(`${entry.file} at ${ref}: ${decoded.result.messages[0]?.message ?? 'cannot read the file'}`);
      continue;
    }
    const found = await documentsOfFile(entry.file, decoded.text, false);
    // "<file>…: why" → "<file> at <ref>…: why"
    found.errors = found.errors.map((e) => (e.startsWith(entry.file) ? `${entry.file} at ${ref}${e.slice(entry.file.length)}` : e));
    merge(out, found);
  }
  return out;
}
