import { hasCaseVariant } from '../engine/model';
import { defineRule } from '../engine/rule';

export default defineRule({
  meta: {
    id: 'missing-principal',
    category: 'syntax',
    defaultSeverity: 'error',
    description: 'Require a Principal in every statement of a trust policy or resource policy.',
    fixable: 'none',
    kinds: ['trust', 'bucket', 'resource'],
    messages: {
      missing: 'The statement has no "Principal"; in a {{kind}} policy every statement names whom it applies to.',
    },
  },
  check(context) {
    const kind = { trust: 'trust', bucket: 'bucket', resource: 'resource', permission: 'permission' }[context.policy.kind];
    for (const statement of context.policy.statements) {
      if (!statement.principal && !hasCaseVariant(statement.members, 'Principal')) {
        context.report({ messageId: 'missing', node: { offset: statement.node.offset, length: 1 }, path: statement.path, data: { kind } });
      }
    }
  },
});
