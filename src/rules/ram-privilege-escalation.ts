import { everythingExcluded, identityStatements, isAllow } from '../engine/analysis/actions';
import {
  createsPolicies,
  type EscalationGrant,
  escalationGrants,
  escalationReach,
  everyResourceEntry,
  type FullServiceGrant,
  fullServiceGrants,
  isAdminPolicy,
  namedPolicies,
} from '../engine/analysis/escalation';
import { defineRule } from '../engine/rule';

/** `"ram:*" (ram:AttachPolicyToUser, ram:CreateAccessKey and 3 more)`: how the statement grants the actions. */
function describeActions(grants: readonly EscalationGrant[]): string {
  const actions = grants.map((g) => g.action);
  const shown = actions.length > 3 ? `${actions.slice(0, 3).join(', ')} and ${actions.length - 3} more` : actions.join(', ');
  const first = grants[0]?.grant;
  if (!first?.entry) return `NotAction (${shown})`;
  return first.entry.value.toLowerCase() === actions[0]?.toLowerCase() ? shown : `"${first.entry.value}" (${shown})`;
}

/** `"ims:*"`, or how NotAction grants the whole service. */
function describeFullService(g: FullServiceGrant): string {
  return g.entry ? `"${g.entry.value}"` : `NotAction (which excludes no ${g.service} action)`;
}


export default defineRule({
  meta: {
    id: 'ram-privilege-escalation',
    category: 'security',
    defaultSeverity: 'error',
    description: 'Disallow RAM actions that let the holder grant themselves more access, on resources that are not named one by one.',
    fixable: 'none',
    foldsInto: ['admin-access'],
    messages: {
      escalation:
        '{{actions}} on "{{resource}}" lets the holder {{how}}, which amounts to administrator access; keep these actions for RAM administrators and name the users, groups, roles or policies they apply to.',
      notResource:
        '{{actions}} with NotResource lets the holder {{how}} on everything not listed, which amounts to administrator access; name the users, groups, roles or policies under Resource instead.',
      attachAdminPolicy:
        '{{actions}} on "{{resource}}" lets the holder attach {{policy}}, which is administrator access, to the users, groups or roles it can name; keep this for RAM administrators.',
      attachNamedPolicies:
        '{{actions}} is limited to named policies ({{policies}}), so the holder can attach only those; check that they grant no more than the holder may have, and name the users, groups or roles they go to.',
      attachPolicyPattern:
        '{{actions}} on "{{resource}}" lets the holder attach any policy whose name matches "{{pattern}}" to the users, groups or roles it can name; the pattern cannot name AdministratorAccess, but check that no matching policy grants more than the holder may have and that the holder cannot create one by such a name, or name the policies one by one.',
      attachCreatedPolicy:
        '{{actions}} on "{{resource}}" lets the holder attach any policy whose name matches "{{pattern}}", and this policy also allows ram:CreatePolicy, so the holder can create such a policy with any content and attach it, which amounts to administrator access; name the policies that may be attached, and keep ram:CreatePolicy for RAM administrators.',
      fullService:
        '{{actions}} on "{{resource}}" allows every {{service}} action ({{what}}): the holder can {{how}}, which amounts to administrator access; keep it for RAM administrators and grant others only the actions they need.',
      fullServiceNotResource:
        '{{actions}} with NotResource allows every {{service}} action ({{what}}) on everything not listed: the holder can {{how}}, which amounts to administrator access; grant the actions the task needs on resources named under Resource instead.',
    },
    messageSeverityCap: { attachNamedPolicies: 'warning', attachPolicyPattern: 'warning' },
  },
  check(context) {
    for (const statement of identityStatements(context.policy)) {
      // NotResource "*" leaves out every resource: the statement grants nothing (allow-with-not-element says so).
      if (!isAllow(statement) || everythingExcluded(statement)) continue;
      const grants = escalationGrants(statement);
      // ims:* and resourcemanager:*: every action of a service that is full control, judged as a whole.
      const whole = fullServiceGrants(statement);
      if (grants.length === 0 && whole.length === 0) continue;
      if (statement.notResource) {
        const w = whole[0];
        if (grants.length > 0) {
          context.report({ messageId: 'notResource', node: statement.notResource.keyNode, data: { actions: describeActions(grants), how: grants[0]?.how ?? '' } });
        } else if (w) {
          context.report({ messageId: 'fullServiceNotResource', node: statement.notResource.keyNode, data: { actions: describeFullService(w), service: w.service, what: w.what, how: w.how } });
        }
        continue;
      }
      // Judged by resource type (escalationReach, which `ramlint escalation` reads too): ram:* on
      // acs:ram:*:*:domain/* reaches no user, group, role or policy, and an attach limited to a name pattern that
      // cannot name an administrator policy reaches only the policies that match.
      const reaches = grants.map((g) => ({ g, reach: escalationReach(statement, g) }));
      const escalating = reaches.flatMap(({ g, reach }) => (reach.kind === 'broad' && reach.resource ? [{ g, resource: reach.resource }] : []));
      const first = escalating[0];
      if (first) {
        const data = { actions: describeActions(escalating.map((b) => b.g)), resource: first.resource.value, how: first.g.how };
        context.report({ messageId: 'escalation', node: first.resource.node, data });
        continue;
      }
      const byPattern = reaches.flatMap(({ g, reach }) => (reach.kind === 'pattern' ? [{ g, reach }] : []));
      const firstPattern = byPattern[0];
      if (firstPattern) {
        const messageId = createsPolicies(identityStatements(context.policy)) ? 'attachCreatedPolicy' : 'attachPolicyPattern';
        const { resource, pattern } = firstPattern.reach;
        context.report({ messageId, node: resource.node, data: { actions: describeActions(byPattern.map((b) => b.g)), resource: resource.value, pattern } });
        continue;
      }
      // The resource types of ims and resourcemanager actions are not catalogued: only a Resource over everything counts.
      const w = whole[0];
      const everything = w ? everyResourceEntry(statement) : undefined;
      if (w && everything) {
        context.report({ messageId: 'fullService', node: everything.node, data: { actions: describeFullService(w), resource: everything.value, service: w.service, what: w.what, how: w.how } });
        continue;
      }
      // RAM checks the policy resource of an attach too: named policies limit what can be attached.
      const attaches = grants.filter((g) => g.attachesPolicy);
      const policies = attaches.length > 0 ? namedPolicies(statement) : [];
      const firstPolicy = policies[0];
      if (!firstPolicy) continue;
      const admin = policies.find((p) => isAdminPolicy(p.name));
      if (admin) {
        context.report({ messageId: 'attachAdminPolicy', node: admin.entry.node, data: { actions: describeActions(attaches), resource: admin.entry.value, policy: admin.name } });
      } else {
        const names = policies.map((p) => p.name).join(', ');
        context.report({ messageId: 'attachNamedPolicies', node: firstPolicy.entry.node, data: { actions: describeActions(attaches), policies: names } });
      }
    }
  },
});
