/**
 * Paths, directories and globs → the files to lint. Directory walks and glob
 * matches only offer .json/.jsonc candidates; whether a candidate is a policy
 * is decided after reading it. node_modules and .git are never entered, and
 * a directory reached twice (a symlink loop) is entered once.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Minimatch } from 'minimatch';
import { displayPath, toPosix } from '../paths';

export interface Target {
  /** Absolute path. */
  path: string;
  /** Named on the command line: always linted, whatever its content or extension. */
  explicit: boolean;
  /** Found by a walk, which already knows it is a regular file (no stat needed before reading). */
  regular: boolean;
}

export interface Expansion {
  targets: Target[];
  /** Things passed over, for stderr. */
  notes: string[];
  /** Globs that matched nothing. */
  unmatched: string[];
  /** Paths (not globs) that do not exist. */
  missing: string[];
}

const SKIPPED_DIRS = new Set(['node_modules', '.git']);
const CANDIDATE = /\.jsonc?$/i;
const GLOB_CHARS = /[*?[\]{}]/;

export function expandPaths(args: readonly string[], cwd: string): Expansion {
  const out: Expansion = { targets: [], notes: [], unmatched: [], missing: [] };
  const seen = new Map<string, Target>();
  const add = (file: string, explicit: boolean) => {
    const existing = seen.get(file);
    if (existing) existing.explicit ||= explicit;
    else {
      const t = { path: file, explicit, regular: !explicit };
      seen.set(file, t);
      out.targets.push(t);
    }
  };
  for (const arg of args) {
    const abs = path.resolve(cwd, arg);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(abs);
    } catch {
      stat = undefined;
    }
    if (stat?.isDirectory()) {
      walk(abs, out.notes, cwd, (file) => add(file, false));
    } else if (!stat && GLOB_CHARS.test(arg)) {
      const before = out.targets.length;
      expandGlob(arg, cwd, out.notes, (file) => add(file, false));
      if (out.targets.length === before) out.unmatched.push(arg);
    } else if (!stat && !isBrokenLink(abs)) {
      out.missing.push(arg);
    } else {
      add(abs, true);
    }
  }
  return out;
}

function walk(root: string, notes: string[], cwd: string, onFile: (file: string) => void, accept: (file: string) => boolean = (f) => CANDIDATE.test(f)): void {
  const visited = new Set<string>();
  const stack = [root];
  while (stack.length > 0) {
    const dir = stack.pop() as string;
    let real: string;
    try {
      real = fs.realpathSync(dir);
    } catch (error) {
      notes.push(`${shown(dir, cwd)}: skipped, ${reason(error)}`);
      continue;
    }
    if (visited.has(real)) continue;
    visited.add(real);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      notes.push(`${shown(dir, cwd)}: skipped, ${reason(error)}`);
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subdirs: string[] = [];
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const target = fs.statSync(full);
          isDir = target.isDirectory();
          isFile = target.isFile();
        } catch (error) {
          notes.push(`${shown(full, cwd)}: skipped, ${reason(error)}`);
          continue;
        }
      }
      if (isDir) {
        if (!SKIPPED_DIRS.has(entry.name)) subdirs.push(full);
      } else if (isFile && accept(full)) {
        onFile(full);
      }
    }
    // Depth-first in name order: push in reverse so the first name is walked first.
    for (let i = subdirs.length - 1; i >= 0; i--) stack.push(subdirs[i] as string);
  }
}

function expandGlob(pattern: string, cwd: string, notes: string[], onFile: (file: string) => void): void {
  const normalized = pattern.split(path.sep).join('/');
  const absolute = path.isAbsolute(pattern);
  const parts = normalized.split('/');
  const staticParts: string[] = [];
  for (const part of parts) {
    if (GLOB_CHARS.test(part)) break;
    staticParts.push(part);
  }
  const base = path.resolve(cwd, staticParts.join('/') || '.');
  // Loaded here, not at start-up: only globs need it.
  const { Minimatch: Matcher } = require('minimatch') as { Minimatch: typeof Minimatch };
  const matcher = new Matcher(absolute ? normalized : path.posix.join(toPosix(cwd), normalized), { dot: true });
  if (!fs.existsSync(base)) return;
  // A glob says which names it wants, so it is not limited to .json/.jsonc.
  walk(base, notes, cwd, onFile, (file) => matcher.match(toPosix(file)));
}

/** A symbolic link whose target is gone exists as a path: reading it gives the clearer message. */
function isBrokenLink(p: string): boolean {
  try {
    return fs.lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

function shown(p: string, cwd: string): string {
  return displayPath(p, cwd);
}

export function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ELOOP':
      return 'it is a symbolic link loop';
    case 'ENOENT':
      return 'it does not exist (a broken symbolic link?)';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
      return 'a path component is not a directory';
    case 'EISDIR':
      return 'it is a directory';
    default:
      return (error as Error)?.message ?? String(error);
  }
}
