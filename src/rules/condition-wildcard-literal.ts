import { hasLikeWildcard, LIKE_OPERATOR_OF } from '../engine/analysis/conditions';
import { replaceNode } from '../engine/edits';
import { type ConditionClause, type ConditionMember, membersOf } from '../engine/model';
import { defineRule } from '../engine/rule';
import type { Suggestion } from '../engine/types';
import { hasWildcard } from '../engine/wildcard';

/** `ForAnyValue:` / `ForAllValues:` as written; invalid-condition-operator judges the prefix itself. */
const SET_PREFIX = /^(ForAnyValue:|ForAllValues:)/;

/** What the literal comparison does to the statement, by effect and by operator. */
function outcome(effect: string | undefined, negated: boolean): string {
  if (negated) {
    if (effect === 'Deny') return 'the Deny also blocks the requests the pattern was meant to let through';
    if (effect === 'Allow') return 'the statement also allows the requests the pattern was meant to exclude';
    return 'the condition also holds for the values the pattern was meant to exclude';
  }
  if (effect === 'Deny') return 'the Deny does not block the requests the pattern was meant to match';
  if (effect === 'Allow') return 'the statement does not allow the requests the pattern was meant to match';
  return 'the condition does not hold for the values the pattern was meant to match';
}

/**
 * Renames the operator to its Like operator, when that changes nothing but
 * the wildcard values: the Condition has no member of that name already (the
 * rename would write a duplicate key), and every other value under the
 * operator is free of `*` and `?`, so it compares under the Like operator as
 * it did before. An IgnoreCase operator is renamed only when it holds this
 * one key: StringLike also makes the comparison case-sensitive.
 */
function likeSuggestion(condition: ConditionMember, clause: ConditionClause, like: string, ignoreCase: boolean): Suggestion[] {
  if (condition.valueNode.type !== 'object') return [];
  const operators = membersOf(condition.valueNode, condition.path);
  if (operators.some((m) => m.key === like)) return [];
  const siblings = condition.clauses.filter((c) => c.operatorNode === clause.operatorNode);
  if (ignoreCase && siblings.length > 1) return [];
  const othersLiteral = siblings.every(
    (c) => c.nonScalars.length === 0 && c.values.every((v) => typeof v.value !== 'string' || hasLikeWildcard(v.value) || !hasWildcard(v.value)),
  );
  if (!othersLiteral) return [];
  const caseNote = ignoreCase ? ', which also makes the comparison case-sensitive (RAM has no case-insensitive Like operator)' : '';
  return [{ desc: `Use ${like} instead of ${clause.operator}, so that * and ? match as wildcards${caseNote}.`, edits: [replaceNode(clause.operatorNode, JSON.stringify(like))] }];
}

export default defineRule({
  meta: {
    id: 'condition-wildcard-literal',
    category: 'correctness',
    defaultSeverity: 'warning',
    description: 'Warn on * or ? in a StringEquals or StringNotEquals condition value, which RAM compares as literal text, not as a wildcard.',
    fixable: 'none',
    hasSuggestions: true,
    messages: {
      equals: '{{operator}} reads "{{value}}" as literal text, not as a pattern: {{key}} must be exactly "{{value}}", so {{outcome}}; use {{like}} to match a pattern.',
      notEquals: '{{operator}} reads "{{value}}" as literal text, not as a pattern: it excludes only the exact value "{{value}}" of {{key}}, so {{outcome}}; use {{like}} to exclude a pattern.',
    },
  },
  check(context) {
    for (const statement of context.policy.statements) {
      const condition = statement.condition;
      if (!condition) continue;
      for (const clause of condition.clauses) {
        // Operators in another case are invalid-condition-operator's: which one RAM would read is unknown.
        const prefix = SET_PREFIX.exec(clause.operator)?.[1] ?? '';
        const exact = LIKE_OPERATOR_OF.get(clause.operator.slice(prefix.length));
        if (!exact) continue;
        const like = `${prefix}${exact.like}`;
        let suggestions: Suggestion[] | undefined;
        for (const v of clause.values) {
          if (typeof v.value !== 'string' || v.placeholder || !hasLikeWildcard(v.value)) continue;
          // Changing the operator changes what the condition matches: a suggestion for a person, never a fix.
          suggestions ??= likeSuggestion(condition, clause, like, exact.ignoreCase);
          context.report({
            messageId: exact.negated ? 'notEquals' : 'equals',
            node: v.node,
            data: {
              operator: clause.operator,
              value: v.value,
              key: clause.key,
              like: exact.ignoreCase ? `${like} (which compares case-sensitively)` : like,
              outcome: outcome(statement.effectValue, exact.negated),
            },
            suggestions: suggestions.length > 0 ? suggestions : undefined,
          });
        }
      }
    }
  },
});
