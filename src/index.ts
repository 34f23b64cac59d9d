/**
 * ramlint's programmatic API. The engine is pure: give it text, get findings.
 */
import { lintText, type LintOptions } from './engine/linter';
import { builtinRules } from './rules';
import type { LintResult } from './engine/types';

export { lintText, type LintOptions, type RuleSetting } from './engine/linter';
export { builtinRules } from './rules';
export { defineRule, type Rule, type RuleMeta, type RuleContext, type ReportDescriptor } from './engine/rule';
export { CORE_DIAGNOSTICS } from './engine/core-diagnostics';
export type { Policy, Statement, ListMember, LocatedString, PrincipalMember, ConditionMember } from './engine/model';
export * from './engine/types';
/** The action catalogue's date and source (for SARIF and reports), and what an action pattern grants. */
export { catalogueInfo, type AccessLevel, type CatalogueTier } from './engine/catalog/catalogue';
export { describeActionPattern, type PatternDescription } from './engine/analysis/action-catalogue';

/** Lints one policy document with the built-in rules (plus any given). */
export function lint(text: string, options: Partial<LintOptions> = {}): LintResult {
  return lintText(text, { ...options, rules: options.rules ?? builtinRules });
}

export { RamLint, NoFilesFoundError, BaselineError, nodeFileSystem, type BaselineRun, type LoadedFormatter } from './api';
export type { DirEntry, FileLintResult, FileStat, FileSystem, LintRun, LintTextOptions, RamLintApi, RamLintOptions } from './api';
