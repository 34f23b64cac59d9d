import { defineRule } from '../engine/rule';

export default defineRule({
  meta: {
    id: 'unexpected-principal',
    category: 'syntax',
    defaultSeverity: 'error',
    description: 'Disallow Principal in permission policies, which apply to the identity they are attached to.',
    fixable: 'none',
    kinds: ['permission', 'resource'],
    messages: {
      unexpected:
        '"Principal" belongs in trust policies and resource policies; a permission policy applies to the user, group or role it is attached to. Remove it, or lint this file with the right --kind.',
      detectedResource:
        '"Principal" is the only thing that makes this file a resource policy (such as a KMS key policy) rather than a permission policy, and ramlint checks the two differently; remove it from a permission policy, or give --kind resource if that is what the file is.',
    },
    // A guess about the file, not a proven error: the same file may be a legitimate resource policy.
    messageSeverityCap: { detectedResource: 'warning' },
  },
  check(context) {
    const { kind, kindSource } = context.policy;
    // A resource policy named as such (--kind, config) is what its author says it is.
    if (kind === 'resource' && kindSource === 'given') return;
    const messageId = kind === 'permission' ? 'unexpected' : 'detectedResource';
    for (const statement of context.policy.statements) {
      const principal = statement.principal;
      if (principal) context.report({ messageId, node: principal.keyNode });
    }
  },
});
