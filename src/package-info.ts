/**
 * Which ramlint this is: the package root and its version. Shared by the API
 * (the cache keys on the version) and the clients (--version, SARIF, LSP).
 */
import fs from 'node:fs';
import path from 'node:path';

/** The package root, found by walking up from this file (the depth differs between src/ and dist/src/). */
export function packageRoot(): string {
  let dir = __dirname;
  for (;;) {
    const candidate = path.join(dir, 'package.json');
    if (fs.existsSync(candidate)) {
      try {
        if (JSON.parse(fs.readFileSync(candidate, 'utf8')).name === 'ramlint') return dir;
      } catch {
        // keep looking
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve(__dirname, '..');
    dir = parent;
  }
}

export function packageVersion(): string {
  try {
    return String(JSON.parse(fs.readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')).version);
  } catch {
    return '0.0.0';
  }
}

/**
 * Which build of ramlint this is: a digest of the compiled files, written by
 * scripts/bundle.js into dist/src/build-id.json. The results cache keys on it
 * besides the version, so a build from another commit of the same version
 * (a git checkout, a pre-release) never serves results its rules did not
 * compute. '' when there is none (a checkout not built yet).
 */
export function buildId(): string {
  try {
    const id: unknown = JSON.parse(fs.readFileSync(path.join(packageRoot(), 'dist', 'src', 'build-id.json'), 'utf8')).build;
    return typeof id === 'string' ? id : '';
  } catch {
    return '';
  }
}
