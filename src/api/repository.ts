/** The nearest directory at or above cwd with .git; SARIF and CI formats make paths relative to it. */
import fs from 'node:fs';
import path from 'node:path';

export function repositoryRoot(cwd: string): string {
  let dir = cwd;
  for (;;) {
    if (fs.existsSync(path.join(dir, '.git'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return cwd;
    dir = parent;
  }
}
