import { isAllow } from '../engine/analysis/actions';
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
    },
  },
  check(context) {
    for (const statement of context.policy.statements) {
      if (!isAllow(statement)) continue;
      if (statement.notAction) {
        context.report({ messageId: 'notAction', node: statement.notAction.keyNode });
      }
      if (statement.notResource) {
        context.report({ messageId: 'notResource', node: statement.notResource.keyNode });
      }
    }
  },
});
