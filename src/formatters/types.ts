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
