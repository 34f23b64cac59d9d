import { defineRule } from '../engine/rule';

export default defineRule({
  meta: {
    id: 'bool-condition-multiple-values',
    category: 'syntax',
    defaultSeverity: 'error',
    description: 'Require a Bool condition to have exactly one value (RAM rejects more as "Invalid condition multiple Boolean").',
    fixable: 'none',
    messages: {
      multiple: 'Bool condition "{{key}}" has {{count}} values; a Bool key takes exactly one, "true" or "false".',
    },
  },
  check(context) {
    for (const statement of context.policy.statements) {
      for (const clause of statement.condition?.clauses ?? []) {
        if (clause.operator !== 'Bool' || clause.valueNode.type !== 'array') continue;
        const count = (clause.valueNode.children ?? []).length;
        if (count > 1) context.report({ messageId: 'multiple', node: clause.valueNode, data: { key: clause.key, count } });
      }
    }
  },
});
