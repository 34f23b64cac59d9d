/**
 * Reading and writing the baseline file for --baseline and --update-baseline.
 * Paths in it are relative to the baseline file's directory, so it can be
 * committed and used from any working directory.
 */
import fs from 'node:fs';
import path from 'node:path';
import { applyBaseline, type Baseline, BASELINE_VERSION, baselineMatcher, buildBaseline, compareEntries, parseBaseline } from '../engine/baseline';
import type { LintResult } from '../engine/types';
import { displayPath, toPosix } from '../paths';
import { writeFileAtomic } from './write';
import { terminalSafe } from '../formatters/terminal';
import { withCommas } from '../engine/numbers';

export const DEFAULT_BASELINE = '.ramlint-baseline.json';

/** The baseline cannot be read or written; the message is for the user. */
export class BaselineError extends Error {}

export interface BaselineRun {
  results: LintResult[];
  /** Stale entries reported (counted as warnings). */
  stale: number;
  /** Lines for people: stale entries, what was written. */
  notes: string[];
}

function relativeTo(file: string): (filePath: string) => string {
  const dir = path.dirname(file);
  return (filePath) => toPosix(path.isAbsolute(filePath) ? path.relative(dir, filePath) : filePath);
}

/**
 * A baseline larger than this is not read (exit 2): ~150,000 entries, far
 * more than any repository adopting ramlint has findings.
 */
export const MAX_BASELINE_BYTES = 32 * 1024 * 1024;

/**
 * The baseline's bytes, read as configuration files are: through a symbolic
 * link to a regular file, but never from a FIFO or a device (`/dev/zero`,
 * which never ends) and never beyond MAX_BASELINE_BYTES. The file is opened
 * without blocking and judged by fstat on the open descriptor, so what is
 * checked is what is read.
 */
function readBaselineText(file: string, cwd: string): string {
  const fail = (why: string) => new BaselineError(`cannot read the baseline ${shown(file, cwd)}: ${why}`);
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO with no writer would otherwise wait forever.
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw code === 'ENOENT' ? fail('it does not exist; create it with --update-baseline') : fail(`${code ?? (error as Error).message}`);
  }
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) throw fail('it is a directory');
    if (!stat.isFile()) throw fail('it is not a regular file (a FIFO, a socket or a device)');
    if (stat.size > MAX_BASELINE_BYTES) throw fail(`it is ${withCommas(stat.size)} bytes; a baseline may be at most ${withCommas(MAX_BASELINE_BYTES)}`);
    // Read to the end, but never past the limit: a file that grows while it is read is refused too.
    const chunks: Buffer[] = [];
    let length = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.max(64 * 1024, Math.min(stat.size - length + 1, MAX_BASELINE_BYTES + 1 - length)));
      const n = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      length += n;
      if (length > MAX_BASELINE_BYTES) throw fail(`it is more than ${withCommas(MAX_BASELINE_BYTES)} bytes, the limit for a baseline`);
      chunks.push(chunk.subarray(0, n));
    }
    return Buffer.concat(chunks, length).toString('utf8');
  } catch (error) {
    if (error instanceof BaselineError) throw error;
    throw fail(`${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  } finally {
    fs.closeSync(fd);
  }
}

function readBaseline(file: string, cwd: string): Baseline {
  const text = readBaselineText(file, cwd);
  try {
    return parseBaseline(JSON.parse(text));
  } catch (error) {
    // JSON.parse quotes the text it stopped at: escaped, and kept on one line.
    throw new BaselineError(`the baseline ${shown(file, cwd)} is invalid: ${terminalSafe((error as Error).message)}`);
  }
}

export function applyBaselineFile(file: string, results: LintResult[], cwd: string): BaselineRun {
  const matcher = openBaselineFile(file, cwd);
  const out = results.map((r) => matcher.apply(r));
  const { stale, notes } = matcher.finish();
  return { results: out, stale, notes };
}

export interface OpenBaseline {
  apply(result: LintResult): LintResult;
  /** Stale entries (counted as warnings) and lines for people, once every result has been applied. */
  finish(): { stale: number; notes: string[] };
}

/** The baseline file, applied one result at a time (a streamed run). Throws BaselineError when the file cannot be read. */
export function openBaselineFile(file: string, cwd: string): OpenBaseline {
  const matcher = baselineMatcher(readBaseline(file, cwd), relativeTo(file));
  return {
    apply: (result) => matcher.apply(result),
    finish: () => {
      const stale = matcher.stale();
      const notes = stale.map(
        (entry) =>
          // The file, path and rule come from a committed file anyone may edit: escaped for the terminal.
          `warning: baseline entry no longer found: ${terminalSafe(`${entry.rule} at ${entry.file} ${entry.path || '(document)'}`)}${entry.count > 1 ? ` (${entry.count}×)` : ''}; run with --update-baseline to drop it`,
      );
      return { stale: stale.length, notes };
    },
  };
}

/**
 * Rewrites the baseline with the current findings. Entries for files not
 * linted in this run are kept, so updating from a partial run loses nothing.
 */
export function updateBaselineFile(file: string, results: LintResult[], cwd: string): BaselineRun {
  const relative = relativeTo(file);
  const fresh = buildBaseline(results, relative);
  const linted = new Set(results.map((r) => relative(r.filePath)));
  const previous = fs.existsSync(file) ? readBaseline(file, cwd).entries.filter((e) => !linted.has(e.file)) : [];
  const entries = [...previous, ...fresh.entries].sort(compareEntries);
  const baseline: Baseline = { version: BASELINE_VERSION, entries };
  try {
    writeFileAtomic(file, `${JSON.stringify(baseline, null, 2)}\n`, cwd);
  } catch (error) {
    throw new BaselineError(`cannot write the baseline ${shown(file, cwd)}: ${(error as Error).message}`);
  }
  const findings = fresh.entries.reduce((n, e) => n + e.count, 0);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const kept = previous.length > 0 ? `, and kept ${plural(previous.length, 'entry').replace(/entrys$/, 'entries')} for files not linted in this run` : '';
  const notes = [`wrote ${shown(file, cwd)} with ${plural(findings, 'finding')} from this run${kept}`];
  return { results: applyBaseline(results, baseline, relative).results, stale: 0, notes };
}

function shown(file: string, cwd: string): string {
  return displayPath(file, cwd);
}
