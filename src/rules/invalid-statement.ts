import { replaceNode } from '../engine/edits';
import { defineRule } from '../engine/rule';

export default defineRule({
  meta: {
    id: 'invalid-statement',
    category: 'syntax',
    defaultSeverity: 'error',
    description: 'Require "Statement" to be a non-empty array of statement objects.',
    fixable: 'safe',
    messages: {
      missing: 'The policy has no "Statement"; add "Statement": [ … ] with at least one statement.',
      empty: '"Statement" is empty, so the policy grants and denies nothing; add a statement or delete the policy.',
      notArray:
        '"Statement" is a single object; RAM documents it as an array, and other forms may be rejected. Wrap it in [ ].',
      wrongType: '"Statement" must be an array of statement objects, not {{type}}.',
      notObject: 'Statement entry {{index}} is {{type}}, not a statement object.',
    },
    messageSeverityCap: { notArray: 'warning' },
  },
  check(context) {
    const { policy, source } = context;
    if (!policy.isObject || !policy.root) return;
    const member = policy.statementMember;
    if (!member) {
      context.report({ messageId: 'missing', node: { offset: policy.root.offset, length: 1 }, path: [] });
      return;
    }
    const value = member.valueNode;
    if (value.type === 'object') {
      const text = source.text.slice(value.offset, value.offset + value.length);
      context.report({ messageId: 'notArray', node: member.keyNode, path: member.path, fix: [replaceNode(value, `[${text}]`)] });
      return;
    }
    if (value.type !== 'array') {
      context.report({ messageId: 'wrongType', node: value, path: member.path, data: { type: describeType(value.type) } });
      return;
    }
    const items = value.children ?? [];
    if (items.length === 0) {
      context.report({ messageId: 'empty', node: value, path: member.path });
      return;
    }
    items.forEach((item, index) => {
      if (item.type !== 'object') {
        context.report({ messageId: 'notObject', node: item, path: [...member.path, index], data: { index, type: describeType(item.type) } });
      }
    });
  },
});

export function describeType(type: string): string {
  return type === 'array' || type === 'object' ? `an ${type}` : type === 'null' ? 'null' : `a ${type}`;
}
