/**
 * A ceiling on the findings of one rule in one file (so on the file too: at
 * most rules × the ceiling). Past it, the rule's further findings are
 * counted, not built, and one summary finding of that rule says how many were
 * left out: a generated policy with 130k repeats is still reported (and still
 * fails), in bounded memory, instead of overflowing the stack. Per rule, so a
 * flood of one rule's findings never hides another rule's error.
 */
import type { Rule } from './rule';
import type { JsonPath } from './model';
import type { Category, Severity } from './types';
import { withCommas } from './numbers';

export const MAX_FINDINGS_PER_RULE = 10_000;

export interface CapSummary {
  ruleId: string;
  category: Category;
  severity: Severity;
  message: string;
  messageId: string;
  offset: number;
  length: number;
  path: JsonPath;
}

export function findingsCapped(ruleId: string, rule: Rule, severity: Severity, dropped: number): CapSummary {
  return {
    ruleId,
    category: rule.meta.category,
    severity,
    message: `${dropped} more ${dropped === 1 ? 'finding' : 'findings'} of ${ruleId} in this file not shown: ramlint reports at most ${withCommas(MAX_FINDINGS_PER_RULE)} findings of one rule per file.`,
    messageId: 'findingsCapped',
    offset: 0,
    length: 0,
    path: [],
  };
}
