import { hasCaseVariant } from '../engine/model';
import { defineRule } from '../engine/rule';

export default defineRule({
  meta: {
    id: 'missing-resource',
    category: 'syntax',
    defaultSeverity: 'error',
    description: 'Require exactly one of Resource or NotResource in permission and bucket policy statements, with at least one entry.',
    fixable: 'none',
    kinds: ['permission', 'bucket', 'control', 'session'],
    messages: {
      missing: 'The statement has neither "Resource" nor "NotResource"; name the resources it applies to ("*" only if the actions cannot be scoped).',
      both: 'The statement has both "Resource" and "NotResource"; RAM accepts only one of them.',
      empty: '"{{key}}" is an empty list, so the statement matches no resource; name at least one resource.',
    },
  },
  check(context) {
    for (const statement of context.policy.statements) {
      const { resource, notResource } = statement;
      if (!resource && !notResource) {
        if (hasCaseVariant(statement.members, 'Resource') || hasCaseVariant(statement.members, 'NotResource')) continue;
        context.report({ messageId: 'missing', node: { offset: statement.node.offset, length: 1 }, path: statement.path });
        continue;
      }
      if (resource && notResource) context.report({ messageId: 'both', node: notResource.keyNode });
      for (const member of [resource, notResource]) {
        if (member?.isArray && (member.valueNode.children ?? []).length === 0) {
          context.report({ messageId: 'empty', node: member.valueNode, data: { key: member.key } });
        }
      }
    }
  },
});
