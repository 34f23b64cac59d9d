import { replaceNode } from '../engine/edits';
import { awsOnlyOperator, canonicalOperator, CONDITION_OPERATORS, OPERATOR_KINDS } from '../engine/catalog/condition-operators';
import { closest } from '../engine/closest';
import { membersOf } from '../engine/model';
import { defineRule } from '../engine/rule';

export default defineRule({
  meta: {
    id: 'invalid-condition-operator',
    category: 'syntax',
    defaultSeverity: 'error',
    description: 'Disallow condition operators that RAM does not define (rejected as "Invalid condition operator").',
    fixable: 'safe',
    messageSeverityCap: { setOperator: 'warning' },
    messages: {
      unknown: 'Condition operator "{{operator}}" does not exist in RAM; use one of StringEquals, StringLike, NumericEquals, DateLessThan, Bool, IpAddress and their variants.',
      awsOnly: 'Condition operator "{{operator}}" is not valid: {{reason}}.',
      setOperator:
        'Condition operator "{{operator}}" uses a set prefix that RAM does not document; Alibaba\'s own templates use it with multi-valued keys, but the validator may reject it. Prefer a plain operator where the key has one value.',
      unknownGuess: 'Condition operator "{{operator}}" does not exist in RAM; did you mean "{{guess}}"?',
      wrongCase: 'Condition operator "{{operator}}" must be spelled "{{expected}}"; operators are case-sensitive.',
      wrongKind: 'Condition operator "{{operator}}" is accepted only in OSS bucket policies, not in a {{kind}} policy.',
    },
  },
  check(context) {
    const { kind } = context.policy;
    for (const statement of context.policy.statements) {
      const condition = statement.condition;
      if (!condition || condition.valueNode.type !== 'object') continue;
      const operators = new Map(membersOf(condition.valueNode, condition.path).map((m) => [m.key, { keyNode: m.keyNode }]));
      // How many keys would be renamed to each canonical operator: renaming two
      // ("stringequals", "STRINGEQUALS") or one onto an existing key makes a duplicate.
      const renamesTo = new Map<string, number>();
      for (const operator of operators.keys()) {
        const canonical = CONDITION_OPERATORS.has(operator) ? undefined : canonicalOperator(operator);
        if (canonical) renamesTo.set(canonical, (renamesTo.get(canonical) ?? 0) + 1);
      }
      for (const [operator, { keyNode }] of operators) {
        if (CONDITION_OPERATORS.has(operator)) {
          const kinds = OPERATOR_KINDS.get(operator);
          if (kinds && !kinds.includes(kind)) context.report({ messageId: 'wrongKind', node: keyNode, data: { operator, kind } });
          continue;
        }
        const canonical = canonicalOperator(operator);
        const reason = awsOnlyOperator(operator);
        if (canonical) {
          const clash = operators.has(canonical) || (renamesTo.get(canonical) ?? 0) > 1;
          context.report({
            messageId: 'wrongCase',
            node: keyNode,
            data: { operator, expected: canonical },
            ...(clash ? {} : { fix: [replaceNode(keyNode, JSON.stringify(canonical))] }),
          });
        } else if (reason) {
          const messageId = /^For(AnyValue|AllValues):/i.test(operator) ? 'setOperator' : 'awsOnly';
          context.report({ messageId, node: keyNode, data: { operator, reason } });
        } else {
          const guess = closest(operator, [...CONDITION_OPERATORS.keys()]);
          if (guess) context.report({ messageId: 'unknownGuess', node: keyNode, data: { operator, guess } });
          else context.report({ messageId: 'unknown', node: keyNode, data: { operator } });
        }
      }
    }
  },
});
