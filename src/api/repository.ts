/** The nearest directory at or above cwd with .git, else cwd; SARIF and CI formats make paths relative to it. */
import { findRepositoryTop } from './git';

export function repositoryRoot(cwd: string): string {
  return findRepositoryTop(cwd) ?? cwd;
}
