import { policyPhrase, principalPhrase } from '../engine/analysis/host-resources';
import { defineRule } from '../engine/rule';

export default defineRule({
  meta: {
    id: 'policy-attached-to-user',
    category: 'suggestion',
    defaultSeverity: 'info',
    description: 'Suggest attaching policies to RAM groups or roles rather than directly to RAM users.',
    fixable: 'none',
    resources: ['policy-attachment'],
    messages: {
      user: '{{policy}} is attached directly to {{target}}; attach it to a RAM group the user belongs to, or to a role the user assumes, so that permissions follow the job rather than the person.',
    },
  },
  checkResources(context) {
    for (const attachment of context.resources) {
      if (attachment.type !== 'policy-attachment' || attachment.principalType !== 'user') continue;
      // Whatever the policy, and whether or not its name is known: the attachment is to a user. A computed
      // principal type (Resource Management's `principal_type = var.t`) is not guessed to be a user.
      // Placed on the user's entry where that is what makes the attachment (a ManagedPolicy's `Users`).
      context.report({ messageId: 'user', resource: attachment, value: attachment.anchor ?? attachment.policyName, data: { policy: policyPhrase(attachment), target: principalPhrase(attachment) } });
    }
  },
});
