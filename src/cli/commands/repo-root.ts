import fs from 'node:fs';
import path from 'node:path';

/** The nearest directory at or above `cwd` with a .git entry, else `cwd`: CI formats make paths relative to it. */
export function findRepoRoot(cwd: string): string {
  for (let dir = cwd; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return cwd;
  }
}
