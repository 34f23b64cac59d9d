/**
 * Writing fixed results back. A file that cannot be written (read-only,
 * vanished, a symbolic link, a disk error) keeps its contents and gets an
 * `unwritable-file` finding; the others are still written. Returns the
 * results as written: `output` only where it was.
 */
import path from 'node:path';
import { unwritable } from './results';
import type { FileLintResult, FileSystem } from './types';
import { WriteRefusedError } from './write';

export async function outputFixes(results: readonly FileLintResult[], fs: FileSystem): Promise<FileLintResult[]> {
  const out: FileLintResult[] = [];
  for (const result of results) {
    if (result.output === undefined || !path.isAbsolute(result.filePath)) {
      out.push(result);
      continue;
    }
    try {
      const stat = await fs.lstat(result.filePath);
      if (stat.isSymbolicLink) throw new WriteRefusedError('it is a symbolic link; name the file it points to, to fix that file');
      await fs.writeFile(result.filePath, result.output);
      out.push(result);
    } catch (error) {
      const why = error instanceof WriteRefusedError ? error.message : errorReason(error);
      out.push(unwritable(result, `The fixes were not written: ${why}.`));
    }
  }
  return out;
}

function errorReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOENT') return 'the file no longer exists, so it was not recreated';
  if (code === 'EROFS') return 'the file system is read-only';
  if (code === 'ENOSPC') return 'the disk is full';
  return (error as Error)?.message ?? String(error);
}
