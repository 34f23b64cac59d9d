/**
 * Reading one file: the only place that touches a policy file's bytes.
 * Whatever goes wrong becomes a finding for that file, never an exception.
 */
import { UNREADABLE_FILE } from '../engine/core-diagnostics';
import { decodedAsIs, decodePolicyBytes, MAX_FILE_BYTES, tooLargeMessage } from '../engine/decode';
import { fileProblemResult } from '../engine/linter';
import type { LintResult } from '../engine/types';
import { reason } from './targets';
import type { FileSystem } from './types';

export type ReadOutcome = { ok: true; text: string } | { ok: false; result: LintResult };

export function unreadable(filePath: string, message: string, line = 1, column = 1): LintResult {
  return fileProblemResult(filePath, UNREADABLE_FILE.id, UNREADABLE_FILE.category, message, line, column);
}

/**
 * `regular`: a directory walk found the file as a regular file (or a link to
 * one). It is still held to the size limit before anything is read: through
 * one descriptor when the FileSystem offers `readRegularFile`, else by a stat,
 * as for a file named on the command line.
 */
export async function readPolicyFile(fs: FileSystem, filePath: string, regular = false): Promise<ReadOutcome> {
  let bytes: Uint8Array;
  try {
    if (regular && fs.readRegularFile) {
      const read = await fs.readRegularFile(filePath, MAX_FILE_BYTES);
      if (read.kind === 'too-large') return { ok: false, result: unreadable(filePath, tooLargeMessage(read.size)) };
      if (read.kind === 'not-regular') return { ok: false, result: unreadable(filePath, `Cannot read the file: ${read.directory ? 'it is a directory' : 'it is not a regular file'}.`) };
      if (decodedAsIs(read.text)) return { ok: true, text: read.text };
      return decodeBytes(filePath, read.bytes);
    }
    const stat = await fs.stat(filePath);
    if (stat.isDirectory) return { ok: false, result: unreadable(filePath, 'Cannot read the file: it is a directory.') };
    // A FIFO or a device such as /dev/zero could block or never end.
    if (!stat.isFile) return { ok: false, result: unreadable(filePath, 'Cannot read the file: it is not a regular file.') };
    // The size alone rules it out: do not read megabytes that will not be linted.
    if (stat.size > MAX_FILE_BYTES) return { ok: false, result: unreadable(filePath, tooLargeMessage(stat.size)) };
    if (fs.readUtf8) {
      const text = await fs.readUtf8(filePath);
      if (decodedAsIs(text)) return { ok: true, text };
    }
    bytes = await fs.readFile(filePath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : reason(error);
    return { ok: false, result: unreadable(filePath, `Cannot read the file: ${why}.`) };
  }
  return decodeBytes(filePath, bytes);
}

export function decodeBytes(filePath: string, bytes: Uint8Array): ReadOutcome {
  const decoded = decodePolicyBytes(bytes);
  if (decoded.ok) return { ok: true, text: decoded.text };
  return { ok: false, result: unreadable(filePath, decoded.message, decoded.line, decoded.column) };
}
