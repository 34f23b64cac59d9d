import { actionCovers, identityStatements, isAllow } from '../engine/analysis/actions';
import { splitArn } from '../engine/analysis/arn';
import { ESCALATION_ACTIONS } from '../engine/catalog/ram-escalation';
import type { LocatedString, Statement } from '../engine/model';
import { defineRule } from '../engine/rule';
import { hasWildcard, wildcardMatch } from '../engine/wildcard';

/**
 * A RAM resource pattern that names more than one user, group, role or policy.
 * Only `*` and RAM ARNs count (RAM actions cannot act on `acs:oss:…`); an
 * account of `*` alone does not: RAM ARNs commonly write it, and these
 * actions act within the caller's own account.
 */
function isBroad(resource: string): boolean {
  const value = resource.trim();
  if (/^\*+$/.test(value)) return true;
  const arn = splitArn(value);
  return !!arn && wildcardMatch(arn.service, 'ram', true) && hasWildcard(arn.relative);
}

/** The escalation actions the statement grants, with the entry that grants the first. */
function escalations(statement: Statement): { actions: string[]; entry?: LocatedString } {
  const actions: string[] = [];
  let entry: LocatedString | undefined;
  for (const action of ESCALATION_ACTIONS.keys()) {
    if (statement.action) {
      const grant = statement.action.values.find((v) => actionCovers(v.value, action));
      if (!grant) continue;
      entry ??= grant;
      actions.push(action);
    } else if (statement.notAction && !statement.notAction.values.some((v) => actionCovers(v.value, action))) {
      actions.push(action);
    }
  }
  return { actions, entry };
}

export default defineRule({
  meta: {
    id: 'ram-privilege-escalation',
    category: 'security',
    defaultSeverity: 'error',
    description: 'Disallow RAM actions that let the holder grant themselves more access, on resources that are not named one by one.',
    fixable: 'none',
    supersededBy: ['admin-access'],
    messages: {
      escalation:
        '{{actions}} on "{{resource}}" lets the holder {{how}}, which amounts to administrator access; keep these actions for RAM administrators and name the users, groups, roles or policies they apply to.',
      notResource:
        '{{actions}} with NotResource lets the holder {{how}} on everything not listed, which amounts to administrator access; name the users, groups, roles or policies under Resource instead.',
    },
  },
  check(context) {
    for (const statement of identityStatements(context.policy)) {
      if (!isAllow(statement)) continue;
      const { actions, entry } = escalations(statement);
      if (actions.length === 0) continue;
      const shown = actions.length > 3 ? `${actions.slice(0, 3).join(', ')} and ${actions.length - 3} more` : actions.join(', ');
      const how = ESCALATION_ACTIONS.get(actions[0] as string) as string;
      const via = entry ? (entry.value.toLowerCase() === (actions[0] as string).toLowerCase() ? shown : `"${entry.value}" (${shown})`) : `NotAction (${shown})`;
      if (statement.notResource) {
        context.report({ messageId: 'notResource', node: statement.notResource.keyNode, data: { actions: via, how } });
        continue;
      }
      const broad = statement.resource?.values.find((r) => isBroad(r.value));
      if (!broad) continue;
      context.report({ messageId: 'escalation', node: broad.node, data: { actions: via, resource: broad.value, how } });
    }
  },
});
