import type { Rule } from '../engine/rule';
import type { LintResult } from '../engine/types';

export interface FormatContext {
  /** Paths in reports are shown relative to this directory, with forward slashes. */
  cwd: string;
  color: boolean;
  /** Every rule that could have run, for formats that describe rules (SARIF). */
  rules: ReadonlyMap<string, Rule>;
  /** The tool's version, for formats that record it. */
  version: string;
  /**
   * The directory that CI formats (sarif, github, gitlab, junit, checkstyle)
   * make paths relative to, normally the repository root. Defaults to `cwd`.
   */
  repoRoot?: string;
  /**
   * The text of each linted file, keyed by `LintResult.filePath`, exactly as it
   * is on disk (BOM included). Optional: when given, SARIF pre-computes GitHub's
   * `primaryLocationLineHash` and emits safe fixes as SARIF `fixes`.
   */
  sources?: ReadonlyMap<string, string>;
}

export type Formatter = (results: readonly LintResult[], context: FormatContext) => string;

/** What a run found, summed over every result, for the lines a report ends with. */
export interface RunTotals {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
  fixable: number;
  suppressed: number;
}

/**
 * A format that prints each file's result as it arrives, so a run need not
 * keep every result until the end: memory stays flat however many files there
 * are. A stream is opened per report; `file` is called once per result in
 * report order, then `end` once. The text of all calls, concatenated, is the
 * report.
 */
export type StreamingFormat = (context: FormatContext) => ReportStream;

export interface ReportStream {
  file(result: LintResult): string;
  end(totals: RunTotals): string;
}
