import { defineRule } from '../engine/rule';

export default defineRule({
  meta: {
    id: 'unexpected-principal',
    category: 'syntax',
    defaultSeverity: 'error',
    description: 'Disallow Principal in permission policies, which apply to the identity they are attached to.',
    fixable: 'none',
    kinds: ['permission'],
    messages: {
      unexpected:
        '"Principal" belongs in trust policies and resource policies; a permission policy applies to the user, group or role it is attached to. Remove it, or lint this file with the right --kind.',
    },
  },
  check(context) {
    for (const statement of context.policy.statements) {
      const principal = statement.principal;
      if (principal) context.report({ messageId: 'unexpected', node: principal.keyNode });
    }
  },
});
