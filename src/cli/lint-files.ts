/**
 * Linting a list of files: read, pick the config, lint (and fix), collect.
 * Shared by the main thread and by worker threads, so it touches no stdout:
 * what would go to stderr is collected as notes, in order.
 */
import * as path from 'node:path';
import type { ConfigResolver } from '../config/resolve';
import { looksLikePolicy } from '../engine/detect';
import { fixText } from '../engine/fix';
import { lintText, type LintOptions } from '../engine/linter';
import type { Rule } from '../engine/rule';
import type { LintResult } from '../engine/types';
import type { CliOptions } from './args';
import { unifiedDiff } from './diff';
import { UsageError } from './errors';
import { readPolicyFile } from './read';
import type { Target } from './targets';
import { writeFileAtomic } from './write';

/** What the files of one run share. */
export interface FileRun {
  options: CliOptions;
  resolver: ConfigResolver;
  rules: ReadonlyMap<string, Rule>;
  /** One date for the whole run, so a run across midnight judges every waiver alike. */
  today: string;
  /** Keep each file's text (for formats that hash source lines: SARIF). */
  keepSources: boolean;
}

/** What linting some files produced; plain data, so a worker can send it back. */
export interface FileBatch {
  results: LintResult[];
  /** Unified diffs of --fix-dry-run. */
  diffs: string[];
  sources: [string, string][];
  /** Configuration waivers whose files were linted, for --report-unused-waivers. */
  coveredWaivers: string[];
  /** Lines for stderr (ignored files named on the command line). */
  notes: string[];
  /** Files that --fix rewrote. */
  fixed: string[];
}

export function emptyBatch(): FileBatch {
  return { results: [], diffs: [], sources: [], coveredWaivers: [], notes: [], fixed: [] };
}

export function lintTargets(targets: readonly Target[], run: FileRun, batch: FileBatch = emptyBatch()): FileBatch {
  const covered = new Set<string>(batch.coveredWaivers);
  for (const target of targets) {
    const read = readPolicyFile(target.path, target.regular);
    if (!read.ok) {
      batch.results.push(read.result);
      continue;
    }
    // A directory walk passes over JSON that is not a policy (package.json, tsconfig.json),
    // and so do hooks that name every staged file (--policies-only).
    if ((!target.explicit || run.options.policiesOnly) && !looksLikePolicy(read.text)) continue;
    const result = lintFile(target.path, read.text, target.explicit, run, batch, covered);
    if (result) batch.results.push(result);
  }
  batch.coveredWaivers = [...covered];
  return batch;
}

export function lintFile(filePath: string, text: string, explicit: boolean, run: FileRun, batch: FileBatch, covered: Set<string>): LintResult | undefined {
  const { options, resolver, rules } = run;
  const config = resolver.resolve(filePath);
  if (config.ignoredBy && options.ignore) {
    // lint-staged and pre-commit pass ignored files by name: a note, not an error.
    if (explicit) batch.notes.push(`${resolver.display(filePath)}: ignored by ${config.ignoredBy}; use --no-ignore to lint it`);
    return undefined;
  }
  const lintOptions: LintOptions = {
    rules,
    settings: config.settings,
    filePath,
    kind: options.kind ?? config.kind,
    waivers: config.waivers,
    today: run.today,
    reportUnusedWaivers: options.reportUnusedWaivers,
  };
  if (run.keepSources) batch.sources.push([filePath, text]);
  for (const w of config.waivers) covered.add(w.id);
  if (!options.fix && !options.fixDryRun) return lintText(text, lintOptions);
  const outcome = fixText(text, lintOptions);
  if (outcome.changed) {
    if (options.fix && path.isAbsolute(filePath)) {
      try {
        writeFileAtomic(filePath, outcome.output);
        batch.fixed.push(filePath);
      } catch (error) {
        throw new UsageError(`${resolver.display(filePath)}: could not write the fixed file: ${(error as Error).message}`);
      }
    } else if (options.fixDryRun) {
      batch.diffs.push(unifiedDiff(resolver.display(filePath), text, outcome.output));
    }
  }
  return outcome.result;
}
