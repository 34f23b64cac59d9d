import { everythingExcluded, isAllow } from '../engine/analysis/actions';
import { defineRule } from '../engine/rule';
import { BOUNDARY_KINDS } from '../engine/types';

export default defineRule({
  meta: {
    id: 'allow-with-not-element',
    category: 'security',
    defaultSeverity: 'warning',
    description: 'Warn on Allow statements that use NotAction or NotResource, which grant everything they do not list.',
    fixable: 'none',
    foldsInto: ['admin-access'],
    messages: {
      notAction:
        'Allow with NotAction grants every action not listed, including actions that services add later; list the allowed actions under Action instead.',
      notResource:
        'Allow with NotResource grants access to every resource not listed, including resources created later; list the allowed resources under Resource instead.',
      notActionEverything: 'NotAction "{{value}}" leaves out every action, so this Allow grants nothing; list the allowed actions under Action, or remove the statement.',
      notResourceEverything: 'NotResource "{{value}}" leaves out every resource, so this Allow grants nothing; list the allowed resources under Resource, or remove the statement.',
      endpointNotAction:
        'Allow with NotAction lets every action not listed through this VPC endpoint, including actions that services add later; list the actions the VPC needs under Action instead.',
      endpointNotResource:
        'Allow with NotResource lets requests for every resource not listed through this VPC endpoint, including resources created later; list the resources the VPC needs under Resource instead.',
    },
  },
  check(context) {
    // An endpoint policy grants nothing; it filters the requests that pass through the endpoint.
    const endpoint = context.policy.kind === 'endpoint';
    // A control or session policy only bounds what others grant: an Allow with NotAction there widens no grant.
    const bounding = BOUNDARY_KINDS.includes(context.policy.kind);
    for (const statement of context.policy.statements) {
      if (!isAllow(statement)) continue;
      // An entry that leaves out everything makes the statement match nothing: said as that, not as a broad grant.
      const excluded = everythingExcluded(statement);
      if (excluded) {
        const messageId = statement.notAction?.values.includes(excluded) ? 'notActionEverything' : 'notResourceEverything';
        context.report({ messageId, node: excluded.node, data: { value: excluded.value } });
      } else if (!bounding) {
        if (statement.notAction) context.report({ messageId: endpoint ? 'endpointNotAction' : 'notAction', node: statement.notAction.keyNode });
        if (statement.notResource) context.report({ messageId: endpoint ? 'endpointNotResource' : 'notResource', node: statement.notResource.keyNode });
      }
    }
  },
});
