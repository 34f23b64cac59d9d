import { hasCaseVariant } from '../engine/model';
import { defineRule } from '../engine/rule';

export default defineRule({
  meta: {
    id: 'missing-action',
    category: 'syntax',
    defaultSeverity: 'error',
    description: 'Require exactly one of Action or NotAction in every statement, with at least one entry.',
    fixable: 'none',
    messages: {
      missing: 'The statement has neither "Action" nor "NotAction"; name the actions it applies to.',
      both: 'The statement has both "Action" and "NotAction"; RAM accepts only one of them.',
      empty: '"{{key}}" is an empty list, so the statement matches no action; name at least one action.',
    },
  },
  check(context) {
    for (const statement of context.policy.statements) {
      const { action, notAction } = statement;
      if (!action && !notAction) {
        if (hasCaseVariant(statement.members, 'Action') || hasCaseVariant(statement.members, 'NotAction')) continue;
        context.report({ messageId: 'missing', node: { offset: statement.node.offset, length: 1 }, path: statement.path });
        continue;
      }
      if (action && notAction) context.report({ messageId: 'both', node: notAction.keyNode });
      for (const member of [action, notAction]) {
        if (member?.isArray && (member.valueNode.children ?? []).length === 0) {
          context.report({ messageId: 'empty', node: member.valueNode, data: { key: member.key } });
        }
      }
    }
  },
});
