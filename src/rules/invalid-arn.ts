import { splitArn } from '../engine/analysis/arn';
import { withoutPlaceholders } from '../engine/analysis/placeholders';
import { defineRule } from '../engine/rule';

export default defineRule({
  meta: {
    id: 'invalid-arn',
    category: 'syntax',
    defaultSeverity: 'error',
    description: 'Require every resource to be "*" or an ARN of the form acs:<service>:<region>:<account>:<resource>.',
    fixable: 'none',
    messages: {
      prefix: 'Resource "{{value}}" must start with "acs:"; Alibaba Cloud ARNs read acs:<service>:<region>:<account>:<resource>.',
      awsArn: 'Resource "{{value}}" is an AWS ARN; Alibaba Cloud ARNs read acs:<service>:<region>:<account>:<resource>.',
      fields:
        'Resource "{{value}}" has {{count}} of the five fields of an ARN; write acs:<service>:<region>:<account>:<resource> (region and account may be empty or "*").',
      emptyField: 'Resource "{{value}}" has an empty {{field}}; name it, or use "*".',
      maxCompute:
        'Resource "{{value}}" has the four-field form of MaxCompute project policies; a RAM policy needs acs:odps:<region>:<account>:projects/<project>. If this file is a MaxCompute project policy, exclude it from ramlint.',
    },
  },
  check(context) {
    for (const statement of context.policy.statements) {
      for (const member of [statement.resource, statement.notResource]) {
        for (const entry of member?.values ?? []) {
          const value = entry.value;
          if (value === '*' || entry.placeholder) continue;
          const report = (messageId: 'prefix' | 'awsArn' | 'fields' | 'emptyField' | 'maxCompute', data: Record<string, string | number> = {}) =>
            context.report({ messageId, node: entry.node, data: { value, ...data } });
          const flat = withoutPlaceholders(value, 'X');
          if (/^arn:aws/i.test(flat)) {
            report('awsArn');
            continue;
          }
          const arn = splitArn(flat);
          if (!flat.startsWith('acs:')) {
            report('prefix');
          } else if (!arn && /^acs:odps:[^:]*:projects\//.test(flat)) {
            report('maxCompute');
          } else if (!arn) {
            report('fields', { count: flat.split(':').length });
          } else if (arn.service === '') {
            report('emptyField', { field: 'service' });
          } else if (arn.relative === '') {
            report('emptyField', { field: 'resource part' });
          }
        }
      }
    }
  },
});
