import { describeType, hasCaseVariant, intrinsicName, isUnknownValue } from '../engine/model';
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
    const { policy } = context;
    if (!policy.isObject || !policy.root) return;
    const member = policy.statementMember;
    if (!member) {
      // "statement" in another case is unknown-element's to rename.
      if (!hasCaseVariant(policy.members, 'Statement')) {
        context.report({ messageId: 'missing', node: { offset: policy.root.offset, length: 1 }, path: [] });
      }
      return;
    }
    const value = member.valueNode;
    // A ROS template function is resolved at deployment; invalid-element-type notes it once.
    // A value the host file computes (Terraform, ROS) may be any array: unresolved-value notes it.
    if (intrinsicName(value) || isUnknownValue(policy, value)) return;
    if (value.type === 'object') {
      // Two insertions rather than one replacement, so fixes inside the statement do not overlap it.
      const fix = [
        { offset: value.offset, length: 0, text: '[' },
        { offset: value.offset + value.length, length: 0, text: ']' },
      ];
      context.report({ messageId: 'notArray', node: member.keyNode, fix });
      return;
    }
    if (value.type !== 'array') {
      context.report({ messageId: 'wrongType', node: value, data: { type: describeType(value.type) } });
      return;
    }
    const items = value.children ?? [];
    if (items.length === 0) {
      context.report({ messageId: 'empty', node: value });
      return;
    }
    items.forEach((item, index) => {
      if (item.type !== 'object' && !intrinsicName(item) && !isUnknownValue(policy, item)) {
        context.report({ messageId: 'notObject', node: item, data: { index, type: describeType(item.type) } });
      }
    });
  },
});
