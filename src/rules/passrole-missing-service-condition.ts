import { describeGrant, grantOf, isAllow } from '../engine/analysis/actions';
import { roleReach } from '../engine/analysis/arn';
import { wildcardConditionValues, pinnedServices } from '../engine/analysis/conditions';
import type { Statement } from '../engine/model';
import { setMember } from '../engine/edits';
import { defineRule } from '../engine/rule';

/** PassRole on `acs:oss:…` passes nothing; only resources that may name a role matter. */
function mayNameARole(statement: Statement): boolean {
  if (statement.notResource || !statement.resource) return true;
  return statement.resource.values.some((r) => roleReach(r.value).kind !== 'none');
}

export default defineRule({
  meta: {
    id: 'passrole-missing-service-condition',
    category: 'security',
    defaultSeverity: 'warning',
    description: 'Require a condition that limits acs:Service to named services wherever ram:PassRole is allowed.',
    fixable: 'none',
    hasSuggestions: true,
    kinds: ['permission'],
    supersededBy: ['admin-access'],
    messages: {
      missing:
        '{{action}} is allowed without a condition on acs:Service, so the role can be passed to any service; add "Condition": {"StringEquals": {"acs:Service": "<service>.aliyuncs.com"}} naming the service that receives the role.',
      wildcardValue:
        'acs:Service is compared with "{{value}}" under StringLike, which matches any service; list the services by name under StringEquals.',
    },
  },
  check(context) {
    for (const statement of context.policy.statements) {
      if (!isAllow(statement)) continue;
      const grant = grantOf(statement, 'ram:PassRole');
      if (!grant || pinnedServices(statement) || !mayNameARole(statement)) continue;
      // Adding a condition narrows access, so it is a suggestion for a person to finish, never a fix.
      const suggestions =
        !statement.condition || statement.condition.valueNode.type === 'object'
          ? [
              {
                desc: 'Add "Condition": {"StringEquals": {"acs:Service": "<service>.aliyuncs.com"}} and name the service that receives the role.',
                edits: setMember(context.source.text, [...statement.path, 'Condition', 'StringEquals', 'acs:Service'], '<service>.aliyuncs.com'),
              },
            ]
          : undefined;
      const wildcards = wildcardConditionValues(statement, 'acs:Service');
      if (wildcards.length > 0) {
        for (const { value } of wildcards) {
          context.report({ messageId: 'wildcardValue', node: value.node, path: value.path, data: { value: String(value.value) }, suggestions });
        }
        continue;
      }
      const node = grant.entry?.node ?? grant.member.keyNode;
      const path = grant.entry?.path ?? grant.member.path;
      context.report({ messageId: 'missing', node, path, data: { action: describeGrant('ram:PassRole', grant) }, suggestions });
    }
  },
});
