/**
 * How ramlint shows and compares file paths: forward slashes everywhere, and
 * relative to a directory only for files strictly inside it. One place, so
 * that a directory named `..x` is not mistaken for a parent.
 */
import path from 'node:path';

export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/** The path of `filePath` relative to `dir` (native separators), or undefined unless strictly inside it. */
export function relativeInside(dir: string, filePath: string): string | undefined {
  const rel = path.relative(dir, filePath);
  const outside = rel === '' || rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel);
  return outside ? undefined : rel;
}

/** `policies/a.json` for a file under cwd; the path as given otherwise; never backslashes. */
export function displayPath(filePath: string, cwd: string): string {
  if (!path.isAbsolute(filePath)) return toPosix(filePath);
  return toPosix(relativeInside(cwd, filePath) ?? filePath);
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
  if (!path.isAbsolute(filePath)) return { path: toPosix(filePath), relative: true };
  const rel = relativeInside(root, filePath);
  return rel === undefined ? { path: toPosix(filePath), relative: false } : { path: toPosix(rel), relative: true };
}
