/**
 * Atomic file writes: write a temporary file beside the target, then rename
 * it over the target, so a crash or a full disk never leaves a half-written
 * policy. The original file's permissions are kept.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export function writeFileAtomic(target: string, content: string): void {
  // Write through a symbolic link to the file it names, rather than replacing the link.
  let file = target;
  try {
    file = fs.realpathSync(target);
  } catch {
    fs.mkdirSync(path.dirname(target), { recursive: true }); // a new file, perhaps in a new directory
  }
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.ramlint-${process.pid}-${Date.now().toString(36)}.tmp`);
  let mode: number | undefined;
  try {
    mode = fs.statSync(file).mode & 0o7777;
  } catch {
    mode = undefined;
  }
  try {
    fs.writeFileSync(temp, content, { encoding: 'utf8', mode: mode ?? 0o644 });
    if (mode !== undefined) fs.chmodSync(temp, mode);
    fs.renameSync(temp, file);
  } catch (error) {
    try {
      fs.rmSync(temp, { force: true });
    } catch {
      // the temporary file may not exist; nothing else to clean up
    }
    throw error;
  }
}
