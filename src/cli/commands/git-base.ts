/**
 * Policy files as they were at a git ref, for `ramlint diff --base`. git runs
 * through execFileSync with an argument list, never a shell, so a ref or path
 * cannot inject a command.
 *
 * Files at the ref are held to what the working tree is (src/api/read.ts): at
 * most MAX_FILE_BYTES, decoded the same way; a larger or undecodable one is an
 * error of the run (exit 2), not read and not skipped. Only blobs are read:
 * a gitlink (a submodule, mode 160000) names a commit of another repository,
 * and a symbolic link (mode 120000) holds a path, not a policy.
 */
import { execFileSync } from 'node:child_process';
import { decodeBytes } from '../../api/read';
import { MAX_FILE_BYTES, tooLargeMessage } from '../../engine/decode';
import { UsageError } from '../errors';
import { type ReadDocuments, documentsOfFile, isCandidate, merge } from './load-policies';

/** ls-tree's listing is names and sizes only; a blob is read only once its size is known to be within the limit. */
const MAX_LISTING = 64 * 1024 * 1024;

function git(args: readonly string[], cwd: string, maxBuffer = MAX_LISTING): Buffer {
  try {
    return execFileSync('git', [...args], { cwd, maxBuffer, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? '').trim().split('\n')[0];
    throw new UsageError(`git ${args[0]} failed${stderr ? `: ${stderr}` : ''}`);
  }
}

interface TreeEntry {
  mode: string;
  type: string;
  object: string;
  /** Bytes, for a blob. */
  size: number;
  /** Relative to cwd, as git ls-tree prints it. */
  file: string;
}

/** `git ls-tree -r -z -l`: "<mode> <type> <object> <size>\t<path>" per entry (the size padded, "-" for a non-blob). */
function listTree(ref: string, paths: readonly string[], cwd: string): TreeEntry[] {
  const out: TreeEntry[] = [];
  for (const line of git(['ls-tree', '-r', '-z', '-l', ref, '--', ...paths], cwd).toString('utf8').split('\0')) {
    const tab = line.indexOf('\t');
    if (tab < 0) continue;
    const [mode = '', type = '', object = '', size = ''] = line.slice(0, tab).split(/ +/);
    out.push({ mode, type, object, size: Number(size), file: line.slice(tab + 1) });
  }
  return out;
}

/** Does `path` name anything at `ref` (a file, or a directory with files)? */
export function existsAtRef(ref: string, path: string, cwd: string): boolean {
  return listTree(ref, [path], cwd).length > 0;
}

/** Checks that `ref` is a commit; a UsageError when it is not. */
export function verifyRef(ref: string, cwd: string): void {
  if (ref.startsWith('-')) throw new UsageError(`--base "${ref}" is not a git ref`);
  git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], cwd);
}

/** The policy documents under `paths` at `ref`, file paths relative to `cwd` (as git ls-tree prints them). */
export async function documentsAtRef(ref: string, paths: readonly string[], cwd: string): Promise<ReadDocuments> {
  verifyRef(ref, cwd);
  const out: ReadDocuments = { documents: [], notes: [], errors: [] };
  for (const entry of listTree(ref, paths, cwd)) {
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
    const decoded = decodeBytes(entry.file, git(['cat-file', 'blob', entry.object], cwd, MAX_FILE_BYTES + 1));
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
