import { removeAt } from '../engine/edits';
import { defineRule } from '../engine/rule';

export default defineRule({
  meta: {
    id: 'duplicate-list-entry',
    category: 'suggestion',
    defaultSeverity: 'warning',
    description: 'Disallow the same entry twice in an Action, NotAction, Resource or NotResource list.',
    fixable: 'safe',
    messages: {
      duplicate: '{{key}} lists "{{value}}" twice (first at line {{line}}); remove the repeat.',
    },
  },
  check(context) {
    for (const statement of context.policy.statements) {
      for (const member of [statement.action, statement.notAction, statement.resource, statement.notResource]) {
        if (!member?.isArray) continue;
        // Actions compare case-insensitively, resources exactly.
        const fold = member.key.endsWith('Action') ? (s: string) => s.toLowerCase() : (s: string) => s;
        const seen = new Map<string, number>();
        for (const entry of member.values) {
          const key = fold(entry.value);
          const first = seen.get(key);
          if (first === undefined) {
            seen.set(key, entry.node.offset);
            continue;
          }
          context.report({
            messageId: 'duplicate',
            node: entry.node,
            path: entry.path,
            data: { key: member.key, value: entry.value, line: context.source.position(first).line },
            fix: removeAt(context.source.text, [...entry.path]),
          });
        }
      }
    }
  },
});
