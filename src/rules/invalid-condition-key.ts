import { defineRule } from '../engine/rule';

/** `<service>:<key>`; tag keys (acs:RequestTag/<tag>, kms:tag/<tag>) may carry any tag name, colons included. */
const KEY_FORMAT = /^[A-Za-z0-9_-]+:[^\s:/]+(\/\S+)?$/;

export default defineRule({
  meta: {
    id: 'invalid-condition-key',
    category: 'syntax',
    defaultSeverity: 'error',
    description: 'Require condition keys of the form <service>:<key> (RAM rejects others as "Invalid condition key format").',
    fixable: 'none',
    messages: {
      format: 'Condition key "{{key}}" is not in the form <service>:<key>, for example "acs:SourceIp" or "oss:Prefix".',
      awsKey: 'Condition key "{{key}}" is an AWS key; Alibaba Cloud uses "acs:{{name}}" for its global keys.',
    },
  },
  check(context) {
    for (const statement of context.policy.statements) {
      for (const clause of statement.condition?.clauses ?? []) {
        const key = clause.key;
        if (clause.keyPlaceholder) continue;
        if (!KEY_FORMAT.test(key)) {
          context.report({ messageId: 'format', node: clause.keyNode, data: { key } });
        } else if (/^aws:/i.test(key)) {
          context.report({ messageId: 'awsKey', node: clause.keyNode, data: { key, name: key.slice(4) } });
        }
      }
    }
  },
});
