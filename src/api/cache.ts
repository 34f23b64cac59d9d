/**
 * The results cache (`--cache`, `--cache-location`, ESLint's flags). An entry
 * per file holds the result and the key it was computed under: a hash of the
 * file's text and of everything else that decides the result (the resolved
 * configuration, the rules' plugins, the processors, the options that change
 * what is reported, and today's date when a waiver can expire). The file as a
 * whole is tied to the ramlint version and the action catalogue's date: any
 * other version's cache is ignored and rewritten.
 *
 * The cache file is ramlint's own. It is read with a size limit and never
 * trusted: anything unreadable, unparsable or of another shape is an empty
 * cache. It is written atomically (temp + rename) and never through a
 * symbolic link: not one at the file, not one at a directory on the way to it
 * inside the working directory. node:crypto is loaded only when the cache is on.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CATEGORIES, type LintMessage, POLICY_KINDS, SEVERITIES, type Suggestion, type Suppression, type TextEdit } from '../engine/types';
import type { FileLintResult } from './types';
import { type GitError, findRepositoryTop, pathInRepository, runGit } from './git';
import { displayPath } from '../paths';
import { linkedDirectory, WriteRefusedError } from './write';

/** The default file name, in the working directory or inside a directory given as the location. */
export const DEFAULT_CACHE_FILE = '.ramlintcache';

/**
 * Bumped when the file's shape changes. Format 2 is JSON lines: a header
 * object, then one line per file, `<file as a JSON string>\t<key>\t<result
 * as JSON, or null>`. A line is split, not parsed, when the cache is read: a
 * result is parsed only when it is served, so an unchanged file costs its
 * own entry and not the whole cache's.
 */
const CACHE_FORMAT = 2;
const KEY = /^[A-Za-z0-9_-]+$/;

/** A cache file larger than this is not read (it is rebuilt): the size of ~100k small results. */
const MAX_CACHE_BYTES = 256 * 1024 * 1024;

interface Entry {
  key: string;
  /** The result as JSON; "null": the file is not one ramlint lints (a walk's package.json), passed over quietly. */
  result: string;
}

/** What the run seen of the cache; for tests and for notes. */
export interface CacheStats {
  hits: number;
  misses: number;
}

/**
 * Where the cache lives: the location as given (relative to cwd), or the
 * default file inside it when it names a directory (an existing one, or a
 * path ending in a separator), as ESLint does.
 */
export function cacheFilePath(location: string | undefined, cwd: string): string {
  if (location === undefined || location === '') return path.join(cwd, DEFAULT_CACHE_FILE);
  const resolved = path.resolve(cwd, location);
  if (/[\\/]$/.test(location)) return path.join(resolved, DEFAULT_CACHE_FILE);
  try {
    if (fs.lstatSync(resolved).isDirectory()) return path.join(resolved, DEFAULT_CACHE_FILE);
  } catch {
    // Not there yet: a file of that name.
  }
  return resolved;
}

type Hash = (text: string) => string;

export class ResultsCache {
  readonly stats: CacheStats = { hits: 0, misses: 0 };
  /** Lines for people: a cache that could not be used or written. */
  readonly notes: string[] = [];
  private entries = new Map<string, Entry>();
  private readonly seen = new Set<string>();
  private changed = false;
  /** A cache ramlint must not use (committed to the repository): neither read nor written. */
  private refused = false;
  private readonly hash: Hash;

  constructor(
    readonly file: string,
    /** The ramlint version, build and catalogue date: a cache of any other is ignored. */
    private readonly identity: { version: string; build: string; catalogue: string },
    /** The working directory: below it, no directory on the way to the cache may be a symbolic link. */
    private readonly cwd: string,
  ) {
    // Required here, not imported at the top: a run without the cache does not load crypto.
    const crypto = require('node:crypto') as typeof import('node:crypto');
    // crypto.hash (Node 20.12+) is one call instead of a Hash object per file.
    const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: 'base64url') => string }).hash;
    this.hash = oneShot ? (text) => oneShot('sha256', text, 'base64url') : (text) => crypto.createHash('sha256').update(text).digest('base64url');
    this.load();
  }

  /** Digests of contexts: a run has a few (one per configuration), each the same for thousands of files. */
  private readonly contextDigests = new Map<string, string>();

  /** The key of a file's result: its text and everything else that decides the result (`context`, a JSON-able value). */
  keyOf(text: string, context: string): string {
    let digest = this.contextDigests.get(context);
    if (digest === undefined) {
      if (this.contextDigests.size >= 1000) this.contextDigests.clear();
      digest = this.hash(context);
      this.contextDigests.set(context, digest);
    }
    return this.hash(`${digest}\0${text}`);
  }

  /** The cached result of `filePath` under `key`: a result, null (passed over), or undefined (not cached). */
  get(filePath: string, key: string): FileLintResult | null | undefined {
    this.seen.add(filePath);
    const entry = this.entries.get(filePath);
    const result = entry && entry.key === key ? parseResult(entry.result) : undefined;
    if (result === undefined) {
      // Not there, another key, or an entry that does not read as a result: linted again, and rewritten.
      if (entry) this.entries.delete(filePath);
      this.stats.misses++;
      return undefined;
    }
    this.stats.hits++;
    // Parsed afresh for each call: the caller may change the result (baseline, fixes written), the cache does not change with it.
    return result;
  }

  set(filePath: string, key: string, result: FileLintResult | undefined): void {
    this.seen.add(filePath);
    this.entries.set(filePath, { key, result: result === undefined ? 'null' : JSON.stringify(withoutSource(result)) });
    this.changed = true;
  }

  /**
   * Writes the cache when it changed. Entries for files this run did not see
   * are kept (a hook that lints the staged files must not throw the rest
   * away), unless `exists` says the file is gone. Never throws: a cache that
   * cannot be written is a note.
   */
  async save(exists: (file: string) => Promise<boolean>): Promise<void> {
    for (const file of [...this.entries.keys()]) {
      if (this.seen.has(file)) continue;
      if (!(await exists(file))) {
        this.entries.delete(file);
        this.changed = true;
      }
    }
    if (!this.changed || this.refused) return;
    const header = JSON.stringify({ ramlintCache: CACHE_FORMAT, version: this.identity.version, build: this.identity.build, catalogue: this.identity.catalogue });
    const files = [...this.entries.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const lines = [header];
    for (const file of files) {
      const entry = this.entries.get(file) as Entry;
      lines.push(`${JSON.stringify(file)}\t${entry.key}\t${entry.result}`);
    }
    try {
      writeOwnFile(this.file, `${lines.join('\n')}\n`);
      this.changed = false;
    } catch (error) {
      this.notes.push(`cannot write the cache ${this.file}: ${(error as Error).message}`);
    }
  }

  private load(): void {
    // A directory the tree committed as a link (.cache -> /tmp/outside) would take the cache, read and write, out of the checkout.
    const linked = linkedDirectory(this.file, this.cwd);
    if (linked !== undefined) {
      this.refused = true;
      this.notes.push(
        `the cache location ${displayPath(this.file, this.cwd)} goes through ${displayPath(linked, this.cwd)}, a symbolic link inside the working directory; the cache is neither read nor written (give --cache-location a path without links, or one outside the checkout)`,
      );
      return;
    }
    let text: string;
    try {
      const stat = fs.lstatSync(this.file);
      if (stat.isSymbolicLink()) {
        this.notes.push(`the cache ${this.file} is a symbolic link; it is neither read nor written (remove it, or give --cache-location)`);
        return;
      }
      if (!stat.isFile() || stat.size > MAX_CACHE_BYTES) return;
      const committed = committedToGit(this.file);
      if (committed !== false) {
        // A pull request can commit a cache whose keys it computed itself, each with a clean result for its own policy.
        this.refused = true;
        this.notes.push(
          committed === true
            ? `the cache ${this.file} is committed to the repository, and a committed cache could claim any result; it is neither read nor written (remove it from git and add it to .gitignore, or give --cache-location)`
            : `cannot tell whether the cache ${this.file} is committed to the repository (${committed}); it is neither read nor written (give --cache-location outside the checkout)`,
        );
        return;
      }
      text = fs.readFileSync(this.file, 'utf8');
    } catch {
      return; // No cache yet, or unreadable: start empty and write a new one.
    }
    const lines = text.split('\n');
    let header: unknown;
    try {
      header = JSON.parse(lines[0] ?? '');
    } catch {
      header = undefined;
    }
    const h = header as { ramlintCache?: unknown; version?: unknown; build?: unknown; catalogue?: unknown } | null | undefined;
    const fits =
      typeof h === 'object' &&
      h !== null &&
      h.ramlintCache === CACHE_FORMAT &&
      h.version === this.identity.version &&
      h.build === this.identity.build &&
      h.catalogue === this.identity.catalogue;
    if (!fits) {
      this.changed = true; // Corrupt, or another version's: rewritten at the end of the run.
      return;
    }
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i] as string;
      const first = line.indexOf('\t');
      const second = first < 0 ? -1 : line.indexOf('\t', first + 1);
      const file = second < 0 ? undefined : parseString(line.slice(0, first));
      const key = line.slice(first + 1, second);
      if (file === undefined || !KEY.test(key)) {
        if (line !== '') this.changed = true;
        continue;
      }
      this.entries.set(file, { key, result: line.slice(second + 1) });
    }
  }
}

/** A JSON string with nothing to decode: its value is the text between the quotes. */
const PLAIN_JSON_STRING = /^"[^"\\\x00-\x1f]*"$/;

/** The string a JSON string literal spells, or undefined when `text` is not one. Exported for its test. */
export function parseString(text: string): string | undefined {
  // Most file names: no JSON.parse per line of a 10,000-file cache.
  if (PLAIN_JSON_STRING.test(text)) return text.slice(1, -1);
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** A stored result (or null), or undefined when the text is not one. */
function parseResult(text: string): FileLintResult | null | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (value === null) return null;
  return isResult(value) ? value : undefined;
}

/**
 * Whether git tracks the file: true, false (not tracked, or not in a
 * repository), or why it cannot tell. git runs without a shell, only when a
 * cache file exists, and only for a file under a directory with .git: in that
 * directory, never in the cache's own (src/api/git.ts), so a fake bare
 * repository committed beside the cache cannot answer for the real one.
 */
function committedToGit(file: string): boolean | string {
  const top = findRepositoryTop(path.dirname(file));
  if (top === undefined) return false;
  const relative = pathInRepository(top, file);
  if (relative === undefined) return false;
  try {
    runGit(top, ['ls-files', '--error-unmatch', '--', relative], { stdout: 'ignore', timeout: 10_000 });
    return true;
  } catch (error) {
    const e = error as GitError;
    if (e.status === 1) return false; // --error-unmatch: not tracked
    // A .git that git does not take for a repository (a bare marker) tracks nothing; dubious ownership and the like cannot tell.
    if (/not a git repository/i.test(e.firstLine)) return false;
    return e.code === 'ENOENT' ? 'git is not installed' : 'git could not answer';
  }
}

function withoutSource(result: FileLintResult): FileLintResult {
  if (result.source === undefined) return result;
  const { source: _source, ...rest } = result;
  return rest;
}

/**
 * The shape of a stored result, checked down to each message, edit and
 * suggestion: a damaged entry (`messages: [null]`, a `message` that is a
 * number) would otherwise crash a formatter or the exit-code count on every
 * run. One that fails is a miss, linted again and rewritten.
 */
function isResult(value: unknown): value is FileLintResult {
  const r = value as Partial<FileLintResult> | undefined;
  return (
    isObject(r) && typeof r.filePath === 'string' && isArrayOf(r.messages, isMessage) && isArrayOf(r.suppressedMessages, isMessage) &&
    isCount(r.errorCount) && isCount(r.warningCount) && isCount(r.infoCount) && isCount(r.fixableCount) &&
    optional(r.kind, (k) => typeof k === 'string' && (POLICY_KINDS as readonly string[]).includes(k)) &&
    optional(r.kindSource, (k) => k === 'detected' || k === 'given') &&
    optional(r.output, isString) &&
    optional(r.waiversMatched, (w) => isArrayOf(w, isString)) &&
    optional(r.documents, (d) => isArrayOf(d, isDocument))
  );
}

function isMessage(value: unknown): value is LintMessage {
  const m = value as Partial<LintMessage> | null;
  return (
    isObject(m) && typeof m.ruleId === 'string' && typeof m.message === 'string' && typeof m.path === 'string' &&
    (SEVERITIES as readonly unknown[]).includes(m.severity) && (CATEGORIES as readonly unknown[]).includes(m.category) &&
    isCount(m.line) && isCount(m.column) && isCount(m.endLine) && isCount(m.endColumn) && isCount(m.offset) && isCount(m.endOffset) &&
    optional(m.messageId, isString) && optional(m.fingerprintValue, isString) && optional(m.statement, isString) && optional(m.document, isString) &&
    optional(m.fix, (f) => isArrayOf(f, isEdit)) &&
    optional(m.suggestions, (list) => isArrayOf(list, isSuggestion)) &&
    optional(m.suppressed, isSuppression)
  );
}

function isSuggestion(value: unknown): boolean {
  const x = value as Partial<Suggestion> | null;
  return isObject(x) && typeof x.desc === 'string' && isArrayOf(x.edits, isEdit);
}

function isSuppression(value: unknown): boolean {
  const x = value as Partial<Suppression> | null;
  return isObject(x) && ['directive', 'waiver', 'baseline'].includes(x.kind as string) && typeof x.reason === 'string' && optional(x.source, isString);
}

function isEdit(value: unknown): value is TextEdit {
  const e = value as Partial<TextEdit> | null;
  if (!isObject(e) || !isCount(e.offset) || !isCount(e.length) || typeof e.text !== 'string') return false;
  return optional(e.range, (range) => {
    const r = range as Partial<NonNullable<TextEdit['range']>> | null;
    return isObject(r) && isCount(r.line) && isCount(r.column) && isCount(r.endLine) && isCount(r.endColumn);
  });
}

function isDocument(value: unknown): boolean {
  const d = value as { label?: unknown; kind?: unknown; kindSource?: unknown } | null;
  return (
    isObject(d) && typeof d.label === 'string' && optional(d.kind, (k) => (POLICY_KINDS as readonly unknown[]).includes(k)) &&
    ['detected', 'configured', 'host'].includes(d.kindSource as string)
  );
}

function isObject<T>(value: T): value is NonNullable<T> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function isString(value: unknown): value is string {
  return typeof value === 'string';
}
/** A count, a line, a column or an offset: a whole number, not negative. */
function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
function isArrayOf(value: unknown, item: (x: unknown) => boolean): boolean {
  return Array.isArray(value) && value.every(item);
}
function optional(value: unknown, check: (x: unknown) => boolean): boolean {
  return value === undefined || check(value);
}

/**
 * Temp file beside the target, then rename over it. The target must be a
 * regular file or absent: a symbolic link (or anything else) there is refused,
 * so the cache never writes through a link to somewhere else. The rename
 * itself replaces a directory entry, never follows one.
 */
function writeOwnFile(file: string, content: string): void {
  let stat: fs.Stats | undefined;
  try {
    stat = fs.lstatSync(file);
  } catch {
    stat = undefined;
  }
  if (stat && stat.isSymbolicLink()) throw new WriteRefusedError('it is a symbolic link');
  if (stat && !stat.isFile()) throw new WriteRefusedError('it is not a regular file');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}.tmp`);
  try {
    fs.writeFileSync(temp, content, { encoding: 'utf8', mode: 0o644, flag: 'wx' });
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}
