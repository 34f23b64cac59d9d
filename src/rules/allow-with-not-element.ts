import { everythingExcluded, isAllow } from '../engine/analysis/actions';
import { defineRule } from '../engine/rule';

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
    },
  },
  check(context) {
    for (const statement of context.policy.statements) {
      if (!isAllow(statement)) continue;
      // An entry that leaves out everything makes the statement grant nothing: said as that, not as a broad grant.
      const excluded = everythingExcluded(statement);
      if (excluded) {
        const messageId = statement.notAction?.values.includes(excluded) ? 'notActionEverything' : 'notResourceEverything';
        context.report({ messageId, node: excluded.node, data: { value: excluded.value } });
      } else {
        if (statement.notAction) context.report({ messageId: 'notAction', node: statement.notAction.keyNode });
        if (statement.notResource) context.report({ messageId: 'notResource', node: statement.notResource.keyNode });
      }
    }
  },
});
