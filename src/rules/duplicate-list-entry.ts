import { removeAt } from '../engine/edits';
import type { LocatedString } from '../engine/model';
import type { JsonNode } from '../engine/parse';
import { defineRule } from '../engine/rule';
import type { TextEdit } from '../engine/types';

/**
 * Deletes the entry and the comma before it, keeping the list's own layout.
 * When a comment sits in between, jsonc-parser's structural removal is used
 * instead, so that no comment is lost.
 */
function removeEntry(text: string, entry: LocatedString): TextEdit[] {
  const siblings = entry.node.parent?.children ?? [];
  const previous = siblings[siblings.indexOf(entry.node) - 1] as JsonNode | undefined;
  if (previous) {
    const start = previous.offset + previous.length;
    if (/^\s*,\s*$/.test(text.slice(start, entry.node.offset))) return [{ offset: start, length: entry.node.offset + entry.node.length - start, text: '' }];
  }
  return removeAt(text, [...entry.path]);
}

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
            fix: removeEntry(context.source.text, entry),
          });
        }
      }
    }
  },
});
