/**
 * What the CI formats need to know about a rule id that appears in results:
 * a loaded rule, a core diagnostic (invalid-json, unreadable-file,
 * internal-error), or an id no loaded rule declares.
 */
import { CORE_DIAGNOSTICS, INTERNAL_ERROR, INVALID_JSON, UNREADABLE_FILE } from '../engine/core-diagnostics';
import { docsUrl, type Rule } from '../engine/rule';
import type { Category, LintMessage, PolicyKind, Severity } from '../engine/types';

export interface RuleInfo {
  id: string;
  category: Category;
  defaultSeverity: Severity;
  description: string;
  helpUri: string | undefined;
  kinds: readonly PolicyKind[] | undefined;
  fixable: boolean;
  hasSuggestions: boolean;
  origin: 'rule' | 'core' | 'unknown';
}

export function ruleInfo(id: string, rules: ReadonlyMap<string, Rule>, sample?: LintMessage): RuleInfo {
  const rule = rules.get(id);
  if (rule) {
    const { meta } = rule;
    return {
      id,
      category: meta.category,
      defaultSeverity: meta.defaultSeverity,
      description: meta.description,
      helpUri: docsUrl(meta),
      kinds: meta.kinds,
      fixable: meta.fixable === 'safe',
      hasSuggestions: meta.hasSuggestions === true,
      origin: 'rule',
    };
  }
  const core = CORE_DIAGNOSTICS.find((d) => d.id === id);
  if (core) {
    return { id, category: core.category, defaultSeverity: core.severity, description: core.description, helpUri: docsUrl({ id }), kinds: undefined, fixable: false, hasSuggestions: false, origin: 'core' };
  }
  return {
    id,
    category: sample?.category ?? 'correctness',
    defaultSeverity: sample?.severity ?? 'warning',
    description: `Findings of the rule "${id}", which no loaded rule or plugin describes.`,
    helpUri: undefined,
    kinds: undefined,
    fixable: false,
    hasSuggestions: false,
    origin: 'unknown',
  };
}

const NOT_CHECKED: ReadonlySet<string> = new Set([INTERNAL_ERROR.id, INVALID_JSON.id, UNREADABLE_FILE.id]);

/** Diagnostics meaning "this file was not (fully) checked": JUnit reports them as errors, not failures. */
export function meansNotChecked(id: string): boolean {
  return NOT_CHECKED.has(id);
}
