import { actionCovers } from '../engine/analysis/actions';
import { replaceNode } from '../engine/edits';
import { defineRule } from '../engine/rule';
import { hasWildcard } from '../engine/wildcard';

/** STS API names that people write as actions; RAM authorizes each of them as sts:AssumeRole. */
const STS_API_NAMES = new Set(['sts:assumerolewithsaml', 'sts:assumerolewithoidc']);

const ASSUME_ROLE = 'sts:AssumeRole';

/**
 * What a trust policy may allow: sts:AssumeRole, and sts:SetSourceIdentity,
 * the action the AssumeRole API associates with it (its RAM authorization
 * table) and that the Terraform provider's trust policies list beside it.
 */
const TRUST_ACTIONS = new Set(['sts:assumerole', 'sts:setsourceidentity']);

export default defineRule({
  meta: {
    id: 'trust-policy-action',
    category: 'security',
    defaultSeverity: 'error',
    description: 'Require trust policy statements to allow "sts:AssumeRole", not STS API names (sts:AssumeRoleWithSAML) or other actions.',
    fixable: 'none',
    hasSuggestions: true,
    kinds: ['trust'],
    messages: {
      apiName:
        '"{{action}}" is the name of an STS API, not an action: a trust policy allows "sts:AssumeRole", for SAML and OIDC federation too, so this entry lets no one assume the role. Write "sts:AssumeRole".',
      otherAction:
        'Action "{{action}}" is not "sts:AssumeRole", the action a trust policy allows (with sts:SetSourceIdentity beside it), so this entry lets no one assume the role; write "sts:AssumeRole".',
      wildcard:
        'Action "{{action}}" in a trust policy stands for "sts:AssumeRole", the only action a trust policy uses; write "sts:AssumeRole" so the policy says what it allows.',
      denyNothing:
        'Action "{{action}}" in a Deny of a trust policy denies nothing: "sts:AssumeRole" is the action a trust policy governs; write "sts:AssumeRole" to keep the principal from assuming the role.',
      notAction: 'A trust policy names its one action with "Action": "sts:AssumeRole"; "NotAction" here is not a trust policy RAM documents.',
    },
    messageSeverityCap: { wildcard: 'warning' },
  },
  check(context) {
    for (const statement of context.policy.statements) {
      if (statement.notAction && !statement.action) context.report({ messageId: 'notAction', node: statement.notAction.keyNode });
      for (const entry of statement.action?.values ?? []) {
        const action = entry.value.trim();
        // A placeholder is filled in later; a malformed action is invalid-action-format's finding.
        if (entry.placeholder || !/^[^:\s]+:[^:\s]+$/.test(action) && action !== '*') continue;
        if (TRUST_ACTIONS.has(action.toLowerCase())) continue;
        const suggestions = [{ desc: 'Replace the action with "sts:AssumeRole".', edits: [replaceNode(entry.node, `"${ASSUME_ROLE}"`)] }];
        const coversAssumeRole = hasWildcard(action) && actionCovers(action, ASSUME_ROLE);
        const messageId = coversAssumeRole
          ? 'wildcard'
          : statement.effectValue === 'Deny'
            ? 'denyNothing'
            : STS_API_NAMES.has(action.toLowerCase())
              ? 'apiName'
              : 'otherAction';
        context.report({ messageId, node: entry.node, data: { action: entry.value }, suggestions });
      }
    }
  },
});
