/**
 * Reading one file: the only place that touches a policy file's bytes.
 * Whatever goes wrong becomes a finding for that file, never an exception.
 */
import * as fs from 'node:fs';
import { UNREADABLE_FILE } from '../engine/core-diagnostics';
import { decodePolicyBytes, MAX_FILE_BYTES, tooLargeMessage } from '../engine/decode';
import { fileProblemResult } from '../engine/linter';
import type { LintResult } from '../engine/types';
import { reason } from './targets';

export type ReadOutcome = { ok: true; text: string } | { ok: false; result: LintResult };

export function unreadable(filePath: string, message: string, line = 1, column = 1): LintResult {
  return fileProblemResult(filePath, UNREADABLE_FILE.id, UNREADABLE_FILE.category, message, line, column);
}

/** `regular`: the caller knows it is a regular file (a directory walk saw it), so no stat is needed. */
export function readPolicyFile(filePath: string, regular = false): ReadOutcome {
  let bytes: Buffer;
  try {
    if (!regular) {
      const stat = fs.statSync(filePath);
      if (stat.isDirectory()) return { ok: false, result: unreadable(filePath, 'Cannot read the file: it is a directory.') };
      // A FIFO or a device such as /dev/zero could block or never end.
      if (!stat.isFile()) return { ok: false, result: unreadable(filePath, 'Cannot read the file: it is not a regular file.') };
      // The size alone rules it out: do not read megabytes that will not be linted.
      if (stat.size > MAX_FILE_BYTES) return { ok: false, result: unreadable(filePath, tooLargeMessage(stat.size)) };
    }
    bytes = fs.readFileSync(filePath);
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
