import { describeGrant, everythingExcluded, grantOf, identityStatements, isAllow } from '../engine/analysis/actions';
import { roleReach } from '../engine/analysis/arn';
import { pinnedServices } from '../engine/analysis/conditions';
import { replaceNode } from '../engine/edits';
import { defineRule } from '../engine/rule';

export default defineRule({
  meta: {
    id: 'passrole-wildcard-resource',
    category: 'security',
    defaultSeverity: 'error',
    description: 'Disallow ram:PassRole on a resource that matches more than one role.',
    fixable: 'none',
    hasSuggestions: true,
    foldsInto: ['admin-access'],
    messages: {
      wildcard:
        '{{action}} is allowed on "{{resource}}", which matches {{scope}}; the holder can hand any of those roles to a service. Name the one role instead: "acs:ram::<account-id>:role/<role-name>".',
      wildcardServiceScoped:
        '{{action}} is allowed on "{{resource}}", which matches {{scope}}, limited to {{services}} by acs:Service; use with caution and prefer naming the one role: "acs:ram::<account-id>:role/<role-name>".',
      notResource:
        '{{action}} is allowed with NotResource, which matches every role it does not list; use Resource with the one role: "acs:ram::<account-id>:role/<role-name>".',
    },
    messageSeverityCap: { wildcardServiceScoped: 'warning' },
  },
  check(context) {
    for (const statement of identityStatements(context.policy)) {
      // NotAction "*" or NotResource "*" grants nothing (allow-with-not-element says so).
      if (!isAllow(statement) || everythingExcluded(statement)) continue;
      const grant = grantOf(statement, 'ram:PassRole');
      if (!grant) continue;
      const action = describeGrant('ram:PassRole', grant);
      const services = pinnedServices(statement);
      if (statement.notResource) {
        context.report({ messageId: 'notResource', node: statement.notResource.keyNode, data: { action } });
        continue;
      }
      // Narrowing Resource changes access for every action of the statement: only suggested
      // where PassRole is the statement's only action.
      const passRoleOnly = statement.action?.values.length === 1 && !grant.viaNotAction;
      for (const resource of statement.resource?.values ?? []) {
        const reach = roleReach(resource.value);
        if (reach.kind !== 'many') continue;
        const suggestions = passRoleOnly
          ? [{ desc: 'Name the one role that is passed (replace <account-id> and <role-name>).', edits: [replaceNode(resource.node, '"acs:ram::<account-id>:role/<role-name>"')] }]
          : undefined;
        context.report({
          suggestions,
          messageId: services ? 'wildcardServiceScoped' : 'wildcard',
          node: resource.node,
          data: { action, resource: resource.value, scope: reach.scope, services: (services ?? []).join(', ') },
        });
      }
    }
  },
});
