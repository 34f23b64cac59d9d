/**
 * Reading and writing the baseline file for --baseline and --update-baseline.
 * Paths in it are relative to the baseline file's directory, so it can be
 * committed and used from any working directory.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyBaseline, type Baseline, BASELINE_VERSION, buildBaseline, compareEntries, parseBaseline } from '../engine/baseline';
import type { LintResult } from '../engine/types';
import { DEFAULT_BASELINE, type CliOptions } from './args';
import type { Io } from './io';
import { UsageError } from './errors';
import { displayPath, toPosix } from '../paths';
import { writeFileAtomic } from './write';
import { terminalSafe } from '../formatters/terminal';

export interface BaselineRun {
  results: LintResult[];
  /** Stale entries reported (counted as warnings). */
  stale: number;
}

function baselinePath(options: CliOptions, io: Io): string {
  return path.resolve(io.cwd, typeof options.baseline === 'string' ? options.baseline : DEFAULT_BASELINE);
}

/**
 * Whether this run reads or writes a baseline: --update-baseline, --baseline
 * <file>, or, with neither and no --no-baseline, a baseline at the default
 * location (as ESLint uses its suppressions file without a flag).
 */
export function baselineWanted(options: CliOptions, io: Io): boolean {
  if (options.updateBaseline || typeof options.baseline === 'string') return true;
  return options.baseline === undefined && fs.existsSync(baselinePath(options, io));
}

function relativeTo(file: string): (filePath: string) => string {
  const dir = path.dirname(file);
  return (filePath) => toPosix(path.isAbsolute(filePath) ? path.relative(dir, filePath) : filePath);
}

function readBaseline(file: string, io: Io): Baseline {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read the baseline ${shown(file, io)}${code === 'ENOENT' ? ': it does not exist; create it with --update-baseline' : ` (${code})`}`);
  }
  try {
    return parseBaseline(JSON.parse(text));
  } catch (error) {
    throw new UsageError(`the baseline ${shown(file, io)} is invalid: ${(error as Error).message}`);
  }
}

export function applyBaselineFile(options: CliOptions, results: LintResult[], io: Io): BaselineRun {
  const file = baselinePath(options, io);
  const outcome = applyBaseline(results, readBaseline(file, io), relativeTo(file));
  for (const entry of outcome.stale) {
    io.stderr(
      // The file, path and rule come from a committed file anyone may edit: escaped for the terminal.
      `ramlint: warning: baseline entry no longer found: ${terminalSafe(`${entry.rule} at ${entry.file} ${entry.path || '(document)'}`)}${entry.count > 1 ? ` (${entry.count}×)` : ''}; run with --update-baseline to drop it\n`,
    );
  }
  return { results: outcome.results, stale: outcome.stale.length };
}

/**
 * Rewrites the baseline with the current findings. Entries for files not
 * linted in this run are kept, so updating from a partial run loses nothing.
 */
export function updateBaselineFile(options: CliOptions, results: LintResult[], io: Io): BaselineRun {
  const file = baselinePath(options, io);
  const relative = relativeTo(file);
  const fresh = buildBaseline(results, relative);
  const linted = new Set(results.map((r) => relative(r.filePath)));
  const previous = fs.existsSync(file) ? readBaseline(file, io).entries.filter((e) => !linted.has(e.file)) : [];
  const entries = [...previous, ...fresh.entries].sort(compareEntries);
  const baseline: Baseline = { version: BASELINE_VERSION, entries };
  try {
    writeFileAtomic(file, `${JSON.stringify(baseline, null, 2)}\n`);
  } catch (error) {
    throw new UsageError(`cannot write the baseline ${shown(file, io)}: ${(error as Error).message}`);
  }
  const findings = fresh.entries.reduce((n, e) => n + e.count, 0);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const kept = previous.length > 0 ? `, and kept ${plural(previous.length, 'entry').replace(/entrys$/, 'entries')} for files not linted in this run` : '';
  io.stderr(`ramlint: wrote ${shown(file, io)} with ${plural(findings, 'finding')} from this run${kept}\n`);
  return { results: applyBaseline(results, baseline, relative).results, stale: 0 };
}

function shown(file: string, io: Io): string {
  return displayPath(file, io.cwd);
}
