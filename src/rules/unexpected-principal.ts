import { serviceOf } from '../engine/analysis/actions';
import type { Statement } from '../engine/model';
import { defineRule } from '../engine/rule';

/** Services whose resources carry policies of their own: KMS key policies, MaxCompute project policies, OSS (vector) bucket policies. */
const RESOURCE_POLICY_SERVICES = new Set(['kms', 'odps', 'oss', 'ossvector']);

function ofResourcePolicyServices(statements: readonly Statement[]): boolean {
  const actions = statements.flatMap((s) => s.action?.values ?? []);
  return actions.length > 0 && actions.every((a) => a.placeholder || RESOURCE_POLICY_SERVICES.has(serviceOf(a.value.trim())));
}

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
    if (kind === 'permission') {
      for (const statement of context.policy.statements) {
        if (statement.principal) context.report({ messageId: 'unexpected', node: statement.principal.keyNode });
      }
      return;
    }
    // A resource policy named as such (--kind, config), or one of a service that has them, is what it says it is.
    if (kindSource === 'given' || ofResourcePolicyServices(context.policy.statements)) return;
    for (const statement of context.policy.statements) {
      const principal = statement.principal;
      // `"*"` and the list form are resource-policy idioms (endpoint, bucket); the object form is what strays in.
      if (principal && principal.entries.length > 0) context.report({ messageId: 'detectedResource', node: principal.keyNode });
    }
  },
});
