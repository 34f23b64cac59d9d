import { describeGrant, everythingExcluded, grantOf, identityStatements, isAllow } from '../engine/analysis/actions';
import { roleReach } from '../engine/analysis/arn';
import { conditionMayHoldAnyKey, wildcardConditionValues, pinnedServices } from '../engine/analysis/conditions';
import { membersOf, type Statement } from '../engine/model';
import type { TextEdit } from '../engine/types';
import { appendMember, replaceNode } from '../engine/edits';
import { defineRule } from '../engine/rule';

const SERVICE = '"<service>.aliyuncs.com"';
const PINNED = `"StringEquals": {"acs:Service": ${SERVICE}}`;

/** Adds the acs:Service condition: a new Condition, or a clause in the existing one. */
function conditionSuggestion(text: string, statement: Statement): { desc: string; edits: TextEdit[] }[] | undefined {
  const desc = 'Add "Condition": {"StringEquals": {"acs:Service": "<service>.aliyuncs.com"}} and name the service that receives the role.';
  const condition = statement.condition;
  if (!condition) return [{ desc, edits: [appendMember(text, statement.node, `"Condition": {${PINNED}}`)] }];
  if (condition.valueNode.type !== 'object') return undefined;
  // JSON's last duplicate wins, so edit the last StringEquals and the last acs:Service in it.
  const equals = membersOf(condition.valueNode, condition.path).findLast((m) => m.key === 'StringEquals');
  if (!equals) return [{ desc, edits: [appendMember(text, condition.valueNode, PINNED)] }];
  if (equals.valueNode.type !== 'object') return undefined;
  const service = membersOf(equals.valueNode, equals.path).findLast((m) => m.key.toLowerCase() === 'acs:service');
  if (service) return [{ desc, edits: [replaceNode(service.valueNode, SERVICE)] }];
  return [{ desc, edits: [appendMember(text, equals.valueNode, `"acs:Service": ${SERVICE}`)] }];
}

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
    foldsInto: ['admin-access'],
    messages: {
      missing:
        '{{action}} is allowed without a condition on acs:Service, so the role can be passed to any service; add "Condition": {"StringEquals": {"acs:Service": "<service>.aliyuncs.com"}} naming the service that receives the role.',
      wildcardValue:
        'acs:Service is compared with "{{value}}" under StringLike, which matches any service; list the services by name under StringEquals.',
    },
  },
  check(context) {
    for (const statement of identityStatements(context.policy)) {
      // NotAction "*" or NotResource "*" grants nothing (allow-with-not-element says so).
      if (!isAllow(statement) || everythingExcluded(statement)) continue;
      const grant = grantOf(statement, 'ram:PassRole');
      if (!grant || pinnedServices(statement) || !mayNameARole(statement)) continue;
      // A Condition the host file computes may pin acs:Service: not "without a condition" (unresolved-value notes it).
      if (conditionMayHoldAnyKey(statement)) continue;
      // Adding a condition narrows access, so it is a suggestion for a person to finish, never a fix.
      const suggestions = conditionSuggestion(context.source.text, statement);
      const wildcards = wildcardConditionValues(statement, 'acs:Service');
      if (wildcards.length > 0) {
        for (const { value } of wildcards) {
          context.report({ messageId: 'wildcardValue', node: value.node, data: { value: String(value.value) }, suggestions });
        }
        continue;
      }
      const node = grant.entry?.node ?? grant.member.keyNode;
      context.report({ messageId: 'missing', node, data: { action: describeGrant('ram:PassRole', grant) }, suggestions });
    }
  },
});
