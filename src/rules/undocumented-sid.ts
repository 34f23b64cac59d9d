import { defineRule } from '../engine/rule';

export default defineRule({
  meta: {
    id: 'undocumented-sid',
    category: 'correctness',
    defaultSeverity: 'warning',
    description: 'Warn on "Sid" in RAM permission, trust and bucket policies, where Alibaba does not document it.',
    fixable: 'none',
    kinds: ['permission', 'trust', 'bucket'],
    messages: {
      sid: '"Sid" is not documented for RAM policies and may be rejected; keep the statement\'s purpose in the policy description, or turn this rule off if your policies deploy with it.',
    },
  },
  check(context) {
    for (const statement of context.policy.statements) {
      for (const member of statement.members) {
        if (member.key === 'Sid') context.report({ messageId: 'sid', node: member.keyNode });
      }
    }
  },
});
