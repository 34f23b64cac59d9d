import { isPlaceholder } from '../engine/analysis/placeholders';
import { insertFirstMember, replaceNode } from '../engine/edits';
import { describeType, hasCaseVariant, intrinsicName } from '../engine/model';
import { defineRule } from '../engine/rule';

export default defineRule({
  meta: {
    id: 'invalid-version',
    category: 'syntax',
    defaultSeverity: 'error',
    description: 'Require "Version": "1", the only policy language version RAM accepts.',
    fixable: 'safe',
    hasSuggestions: true,
    messages: {
      missing: 'The policy has no "Version"; RAM requires "Version": "1".',
      notString: '"Version" must be the string "1", not {{value}}.',
      wrongValue: 'Version {{value}} is not valid; RAM accepts only "1" (there is no other version).',
      awsVersion: 'Version {{value}} is not valid; RAM accepts only "1" (dated versions belong to AWS IAM).',
    },
  },
  check(context) {
    const { policy, source } = context;
    if (!policy.isObject || !policy.root) return;
    const version = policy.version;
    if (!version) {
      // "version" in another case is unknown-element's to rename; inserting too would duplicate it.
      if (hasCaseVariant(policy.members, 'Version')) return;
      context.report({
        messageId: 'missing',
        node: { offset: policy.root.offset, length: 1 },
        path: [],
        fix: [insertFirstMember(source.text, policy.root, '"Version": "1"')],
      });
      return;
    }
    const value = version.valueNode;
    if (value.type === 'string') {
      if (value.value === '1' || isPlaceholder(String(value.value))) return;
      const dated = /^\d{4}-\d{2}-\d{2}$/.test(String(value.value));
      context.report({
        messageId: dated ? 'awsVersion' : 'wrongValue',
        node: value,
        data: { value: JSON.stringify(value.value) },
        suggestions: [{ desc: 'Set "Version" to "1".', edits: [replaceNode(value, '"1"')] }],
      });
      return;
    }
    if (intrinsicName(value)) return; // reported once, by invalid-element-type
    const raw = source.text.slice(value.offset, value.offset + value.length);
    const isOne = value.type === 'number' && value.value === 1;
    context.report({
      messageId: 'notString',
      node: value,
      data: { value: value.type === 'number' ? `the number ${raw}` : describeType(value.type) },
      ...(isOne ? { fix: [replaceNode(value, '"1"')] } : {}),
    });
  },
});
