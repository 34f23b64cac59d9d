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
}

export type Formatter = (results: readonly LintResult[], context: FormatContext) => string;
