/**
 * Policy files as they were at a git ref, for `ramlint diff --base`. git runs
 * through execFileSync with an argument list, never a shell, so a ref or path
 * cannot inject a command.
 */
import { execFileSync } from 'node:child_process';
import { UsageError } from '../errors';
import { type ReadDocuments, documentsOfFile, isCandidate } from './load-policies';
const MAX_BUFFER = 64 * 1024 * 1024;

function git(args: readonly string[], cwd: string): string {
  try {
    return execFileSync('git', [...args], { cwd, encoding: 'utf8', maxBuffer: MAX_BUFFER, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? '').trim().split('\n')[0];
    throw new UsageError(`git ${args[0]} failed${stderr ? `: ${stderr}` : ''}`);
  }
}

/** The policy documents under `paths` at `ref`, file paths relative to `cwd` (as git ls-tree prints them). */
export async function documentsAtRef(ref: string, paths: readonly string[], cwd: string): Promise<ReadDocuments> {
  if (ref.startsWith('-')) throw new UsageError(`--base "${ref}" is not a git ref`);
  git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], cwd);
  const listed = git(['ls-tree', '-r', '-z', '--name-only', ref, '--', ...paths], cwd).split('\0').filter((f) => f !== '' && isCandidate(f));
  const out: ReadDocuments = { documents: [], notes: [] };
  for (const file of listed) {
    const found = await documentsOfFile(file, git(['show', `${ref}:./${file}`], cwd), false);
    out.documents.push(...found.documents);
    out.notes.push(...found.notes);
  }
  return out;
}
