import { everythingExcluded, fullWildcardEntry, isAllow } from '../engine/analysis/actions';
import { coversEverything } from '../engine/analysis/arn';
import { defineRule } from '../engine/rule';
import { BOUNDARY_KINDS } from '../engine/types';

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
      endpointStar:
        'Action "{{action}}" on Resource "{{resource}}" lets every request through this VPC endpoint, as the default endpoint policy does; it grants no access (RAM and bucket policies still decide that), but limit Action and Resource to what the VPC needs, such as the OSS actions on its own buckets.',
      endpointStarNotResource:
        'Action "{{action}}" on every resource outside NotResource lets every request for those resources through this VPC endpoint; it grants no access (RAM and bucket policies still decide that), but limit Action and Resource to what the VPC needs, such as the OSS actions on its own buckets.',
      endpointNotAction:
        'NotAction on Resource "{{resource}}" lets every action it does not list through this VPC endpoint, on every resource; it grants no access (RAM and bucket policies still decide that), but list the actions the VPC needs under Action instead.',
      endpointNotActionNotResource:
        'NotAction on every resource outside NotResource lets every action it does not list through this VPC endpoint; it grants no access (RAM and bucket policies still decide that), but list the actions the VPC needs under Action instead.',
    },
    // An endpoint policy only filters what passes through the endpoint: wide open is its documented default, not a grant.
    messageSeverityCap: { endpointStar: 'warning', endpointStarNotResource: 'warning', endpointNotAction: 'warning', endpointNotActionNotResource: 'warning' },
  },
  check(context) {
    // Every kind of document, with or without a Principal: a resource policy that
    // grants `*` on `*` hands its principal everything the policy governs. An
    // endpoint policy grants nothing: there the same statement is said for what it is.
    const endpoint = context.policy.kind === 'endpoint';
    // A control policy or a session policy grants nothing: `*` on `*` there is the limit that leaves all (FullAliyunAccess).
    if (BOUNDARY_KINDS.includes(context.policy.kind)) return;
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
        const messageId = endpoint ? (viaNotResource ? 'endpointStarNotResource' : 'endpointStar') : viaNotResource ? 'starNotResource' : 'star';
        context.report({ messageId, node: star.node, data: { action: star.value, resource } });
      } else if (statement.notAction && !statement.action) {
        const messageId = endpoint ? (viaNotResource ? 'endpointNotActionNotResource' : 'endpointNotAction') : viaNotResource ? 'notActionNotResource' : 'notAction';
        context.report({ messageId, node: statement.notAction.keyNode, data: { resource } });
      }
    }
  },
});
