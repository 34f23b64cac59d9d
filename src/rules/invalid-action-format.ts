import { withoutPlaceholders } from '../engine/analysis/placeholders';
import { replaceNode } from '../engine/edits';
import { defineRule } from '../engine/rule';

/** `<service>:<action>`, wildcards allowed in either part, or the bare `*`. */
const ACTION_FORMAT = /^[A-Za-z0-9_.*?-]+:[A-Za-z0-9_.*?/-]+$/;

/** Service prefixes that exist only in AWS IAM: a policy copied across clouds. */
const AWS_ONLY_SERVICE = /^(iam|s3|ec2|lambda|dynamodb|cloudformation|cloudwatch|cloudtrail):/i;

export default defineRule({
  meta: {
    id: 'invalid-action-format',
    category: 'syntax',
    defaultSeverity: 'error',
    description: 'Require every action to have the form <service>:<action> (RAM rejects others as "Invalid action format").',
    fixable: 'safe',
    messages: {
      format: 'Action "{{value}}" is not in the form <service>:<action>, for example "oss:GetObject" or "ecs:Describe*".',
      whitespace: 'Action "{{value}}" contains whitespace; write it as "{{fixed}}".',
      awsService: 'Action "{{value}}" names an AWS service; Alibaba Cloud actions use RAM codes such as "oss", "ecs" or "ram".',
    },
  },
  check(context) {
    for (const statement of context.policy.statements) {
      for (const member of [statement.action, statement.notAction]) {
        for (const entry of member?.values ?? []) {
          const value = entry.value;
          if (value === '*' || entry.placeholder) continue;
          const flat = withoutPlaceholders(value, 'X');
          const squeezed = value.replace(/\s+/g, '');
          if (ACTION_FORMAT.test(flat)) {
            if (AWS_ONLY_SERVICE.test(value)) context.report({ messageId: 'awsService', node: entry.node, data: { value } });
          } else if (squeezed !== value && ACTION_FORMAT.test(withoutPlaceholders(squeezed, 'X'))) {
            // The service rejects the spaced form, so removing the spaces cannot widen what is granted.
            context.report({ messageId: 'whitespace', node: entry.node, data: { value, fixed: squeezed }, fix: [replaceNode(entry.node, JSON.stringify(squeezed))] });
          } else {
            context.report({ messageId: 'format', node: entry.node, data: { value } });
          }
        }
      }
    }
  },
});
