import { isPlaceholder } from '../engine/analysis/placeholders';
import { replaceNode } from '../engine/edits';
import { describeType, hasCaseVariant, intrinsicName } from '../engine/model';
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
      wrongCase: 'Effect {{value}} must be exactly {{expected}}; RAM compares it character by character, case and spaces included.',
      invalid: 'Effect {{value}} is not valid; use "Allow" or "Deny".',
      notString: 'Effect must be the string "Allow" or "Deny", not {{type}}.',
    },
  },
  check(context) {
    for (const statement of context.policy.statements) {
      const effect = statement.effect;
      if (!effect) {
        if (hasCaseVariant(statement.members, 'Effect')) continue;
        context.report({ messageId: 'missing', node: { offset: statement.node.offset, length: 1 }, path: statement.path });
        continue;
      }
      const node = effect.valueNode;
      const value = statement.effectValue;
      if (value === 'Allow' || value === 'Deny') continue;
      if (value === undefined) {
        // A ROS template function is reported once, by invalid-element-type.
        if (!intrinsicName(node)) context.report({ messageId: 'notString', node, data: { type: describeType(node.type) } });
        continue;
      }
      if (isPlaceholder(value)) continue;
      const canonical = ['Allow', 'Deny'].find((e) => e.toLowerCase() === value.trim().toLowerCase());
      const shown = JSON.stringify(value);
      if (canonical) {
        context.report({
          messageId: 'wrongCase',
          node,
          data: { value: shown, expected: `"${canonical}"` },
          fix: [replaceNode(node, `"${canonical}"`)],
        });
      } else {
        context.report({ messageId: 'invalid', node, data: { value: shown } });
      }
    }
  },
});
