import { everythingExcluded, fullWildcardEntry, isAllow } from '../engine/analysis/actions';
import { coversEverything } from '../engine/analysis/arn';
import { defineRule } from '../engine/rule';

export default defineRule({
  meta: {
    id: 'admin-access',
    category: 'security',
    defaultSeverity: 'error',
    description: 'Disallow statements that allow every action on every resource (administrator access).',
    fixable: 'none',
    messages: {
      star:
        'Action "{{action}}" on Resource "{{resource}}" allows every action on every resource, which is full administrator access; grant the actions and resources the task needs.',
      starNotResource:
        'Action "{{action}}" on every resource outside NotResource allows every action on every resource, which is full administrator access; grant the actions and resources the task needs.',
      notAction:
        'NotAction on Resource "{{resource}}" allows every action it does not list on every resource, which is close to administrator access; grant the actions the task needs with Action instead.',
      notActionNotResource:
        'NotAction on every resource outside NotResource allows every action it does not list on every resource, which is close to administrator access; grant the actions the task needs with Action instead.',
    },
  },
  check(context) {
    // Every kind of document, with or without a Principal: a resource policy that
    // grants `*` on `*` hands its principal everything the policy governs.
    for (const statement of context.policy.statements) {
      // NotAction "*" or NotResource "*" grants nothing (allow-with-not-element says so).
      if (!isAllow(statement) || everythingExcluded(statement)) continue;
      const everyResource = statement.notResource
        ? 'NotResource'
        : statement.resource?.values.find((r) => coversEverything(r.value));
      if (!everyResource) continue;
      const viaNotResource = typeof everyResource === 'string';
      const resource = viaNotResource ? '' : everyResource.value;
      const star = fullWildcardEntry(statement);
      if (star) {
        context.report({ messageId: viaNotResource ? 'starNotResource' : 'star', node: star.node, data: { action: star.value, resource } });
      } else if (statement.notAction && !statement.action) {
        context.report({ messageId: viaNotResource ? 'notActionNotResource' : 'notAction', node: statement.notAction.keyNode, data: { resource } });
      }
    }
  },
});
