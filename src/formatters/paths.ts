import * as path from 'node:path';

/** `policies/a.json` for a file under cwd; the absolute path otherwise; never backslashes. */
export function displayPath(filePath: string, cwd: string): string {
  if (!path.isAbsolute(filePath)) return filePath.split(path.sep).join('/');
  const rel = path.relative(cwd, filePath);
  const shown = rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? filePath : rel;
  return shown.split(path.sep).join('/');
}

export interface RepoPath {
  /** Forward slashes; relative to the root when `relative`, absolute (or as given) otherwise. */
  path: string;
  relative: boolean;
}

/**
 * Where a file is, for CI formats: relative to `root` when it lies inside it,
 * else the absolute path. A path that is not absolute (`<stdin>`) is kept.
 */
export function repoPath(filePath: string, root: string): RepoPath {
  if (!path.isAbsolute(filePath)) return { path: filePath.split(path.sep).join('/'), relative: true };
  const rel = path.relative(root, filePath);
  const outside = rel === '' || rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel);
  return outside ? { path: filePath.split(path.sep).join('/'), relative: false } : { path: rel.split(path.sep).join('/'), relative: true };
}
