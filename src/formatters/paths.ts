import * as path from 'node:path';

/** `policies/a.json` for a file under cwd; the absolute path otherwise; never backslashes. */
export function displayPath(filePath: string, cwd: string): string {
  if (!path.isAbsolute(filePath)) return filePath.split(path.sep).join('/');
  const rel = path.relative(cwd, filePath);
  const shown = rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? filePath : rel;
  return shown.split(path.sep).join('/');
}
