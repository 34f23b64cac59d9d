import { defineRule } from '../engine/rule';

export default defineRule({
  meta: {
    id: 'duplicate-key',
    category: 'syntax',
    defaultSeverity: 'error',
    description: 'Disallow duplicate keys in one JSON object.',
    fixable: 'none',
    messages: {
      duplicate:
        'Duplicate key "{{key}}" (first at line {{line}}); JSON readers disagree about which one wins, so RAM may store a different policy from the one reviewed. Keep one.',
    },
  },
  check(context) {
    for (const dup of context.parsed.duplicateKeys) {
      // The engine words the line, in the host file's lines for a policy embedded in one.
      context.report({ messageId: 'duplicate', node: dup.node, data: { key: dup.key }, related: { line: dup.first } });
    }
  },
});
