/**
 * Paths, directories and globs → the files to lint. Walks and glob matches
 * offer only candidates: .json/.jsonc, and the endings the chosen processors
 * claim; whether a candidate is linted is decided after reading it.
 * node_modules and .git are never entered, and npm's lockfiles are never
 * offered: generated, never a policy, and often over the 4 MB limit, which
 * would make every walk of a Node project report them. A walk never follows a symbolic
 * link to a directory, nor reads a linked file that lies outside the path it
 * was given, so a link to / cannot make ramlint read the machine.
 */
import path from 'node:path';
import type { Minimatch } from 'minimatch';
import { displayPath, relativeInside, toPosix } from '../paths';
import type { FileSystem, FileStat } from './types';

export interface Target {
  /** Absolute path. */
  path: string;
  /** Named on the command line: linted whatever its extension, and never passed over quietly. */
  explicit: boolean;
  /** Found by a walk, which saw a regular file: read through readRegularFile when the FileSystem has it (its size still checked before the read). */
  regular: boolean;
  /** Matched by a glob, which names the files it wants: read as a policy whatever its ending. */
  byGlob: boolean;
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
/** npm writes these; named on the command line, they are still read (and reported). */
const SKIPPED_FILES = new Set(['package-lock.json', 'npm-shrinkwrap.json']);
const GLOB_CHARS = /[*?[\]{}]/;

/** `extensions`: lower-case endings a walk offers ('.json', '.tf', '.tf.json'). */
export async function expandPaths(args: readonly string[], cwd: string, fs: FileSystem, extensions: readonly string[]): Promise<Expansion> {
  const out: Expansion = { targets: [], notes: [], unmatched: [], missing: [] };
  const seen = new Map<string, Target>();
  const add = (file: string, explicit: boolean, byGlob = false) => {
    const existing = seen.get(file);
    if (existing) {
      existing.explicit ||= explicit;
      existing.byGlob ||= byGlob;
    } else {
      const t = { path: file, explicit, regular: !explicit, byGlob };
      seen.set(file, t);
      out.targets.push(t);
    }
  };
  const candidate = (file: string) => {
    const lower = file.toLowerCase();
    return extensions.some((e) => lower.endsWith(e)) && !SKIPPED_FILES.has(path.basename(lower));
  };
  for (const arg of args) {
    const abs = path.resolve(cwd, arg);
    const stat = await fs.stat(abs).catch(() => undefined);
    if (stat?.isDirectory) {
      await walk(fs, abs, out.notes, cwd, (file) => add(file, false), candidate);
    } else if (!stat && GLOB_CHARS.test(arg)) {
      const before = out.targets.length;
      await expandGlob(fs, arg, cwd, out.notes, (file) => add(file, false, true));
      if (out.targets.length === before) out.unmatched.push(arg);
    } else if (!stat && !(await isBrokenLink(fs, abs))) {
      out.missing.push(arg);
    } else {
      add(abs, true);
    }
  }
  return out;
}

async function walk(fs: FileSystem, root: string, notes: string[], cwd: string, onFile: (file: string) => void, accept: (file: string) => boolean): Promise<void> {
  // Linked files are read only when they stay inside the real root of the walk.
  const realRoot = await fs.realpath(root).catch(() => root);
  const stack = [root];
  while (stack.length > 0) {
    const dir = stack.pop() as string;
    let entries;
    try {
      entries = await fs.readdir(dir);
    } catch (error) {
      notes.push(`${shown(dir, cwd)}: skipped, ${reason(error)}`);
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subdirs: string[] = [];
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory) {
        if (!SKIPPED_DIRS.has(entry.name)) subdirs.push(full);
        continue;
      }
      if (!accept(full)) continue;
      if (entry.isFile) {
        onFile(full);
        continue;
      }
      if (!entry.isSymbolicLink) continue;
      const linked = await linkedFile(fs, full, realRoot);
      if (linked === true) onFile(full);
      else if (typeof linked === 'string') notes.push(`${shown(full, cwd)}: skipped, ${linked}`);
    }
    // Depth-first in name order: push in reverse so the first name is walked first.
    for (let i = subdirs.length - 1; i >= 0; i--) stack.push(subdirs[i] as string);
  }
}

/** true: a linked regular file inside the walk's root; a string: why it is skipped; false: a link to a directory, passed over quietly. */
async function linkedFile(fs: FileSystem, link: string, realRoot: string): Promise<true | false | string> {
  let target: FileStat;
  let real: string;
  try {
    target = await fs.stat(link);
    real = await fs.realpath(link);
  } catch (error) {
    return reason(error);
  }
  if (target.isDirectory) return false;
  if (!target.isFile) return false;
  if (relativeInside(realRoot, real) === undefined) return 'it is a symbolic link to a file outside the directory being linted; name it to lint it';
  return true;
}

async function expandGlob(fs: FileSystem, pattern: string, cwd: string, notes: string[], onFile: (file: string) => void): Promise<void> {
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
  const stat = await fs.stat(base).catch(() => undefined);
  if (!stat?.isDirectory) return;
  // A glob says which names it wants, so it is not limited to the walk's endings.
  await walk(fs, base, notes, cwd, onFile, (file) => matcher.match(toPosix(file)));
}

/** A symbolic link whose target is gone exists as a path: reading it gives the clearer message. */
async function isBrokenLink(fs: FileSystem, p: string): Promise<boolean> {
  return (await fs.lstat(p).catch(() => undefined))?.isSymbolicLink ?? false;
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
