import { replaceNode } from '../engine/edits';
import { defineRule } from '../engine/rule';

export default defineRule({
  meta: {
    id: 'invalid-effect',
    category: 'syntax',
    defaultSeverity: 'error',
    description: 'Require every statement to have "Effect": "Allow" or "Effect": "Deny", spelled exactly so.',
    fixable: 'safe',
    messages: {
      missing: 'The statement has no "Effect"; add "Effect": "Allow" or "Effect": "Deny".',
      wrongCase: 'Effect {{value}} must be spelled {{expected}}; RAM compares it case-sensitively.',
      invalid: 'Effect {{value}} is not valid; use "Allow" or "Deny".',
    },
  },
  check(context) {
    for (const statement of context.policy.statements) {
      const effect = statement.effect;
      if (!effect) {
        context.report({ messageId: 'missing', node: { offset: statement.node.offset, length: 1 }, path: statement.path });
        continue;
      }
      const raw = context.source.text.slice(effect.valueNode.offset, effect.valueNode.offset + effect.valueNode.length);
      const value = statement.effectValue;
      if (value === 'Allow' || value === 'Deny') continue;
      const canonical = value === undefined ? undefined : ['Allow', 'Deny'].find((e) => e.toLowerCase() === value.trim().toLowerCase());
      if (canonical) {
        context.report({
          messageId: 'wrongCase',
          node: effect.valueNode,
          path: effect.path,
          data: { value: raw, expected: `"${canonical}"` },
          fix: [replaceNode(effect.valueNode, `"${canonical}"`)],
        });
      } else {
        context.report({ messageId: 'invalid', node: effect.valueNode, path: effect.path, data: { value: raw } });
      }
    }
  },
});
