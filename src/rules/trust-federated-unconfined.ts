import { isAllow } from '../engine/analysis/actions';
import { federatedProviderType } from '../engine/analysis/principals';
import { conditionMayHoldAnyKey, matchesEveryValue, pinningClause } from '../engine/analysis/conditions';
import type { ConditionClause, ConditionScalar, Located } from '../engine/model';
import { defineRule } from '../engine/rule';

export default defineRule({
  meta: {
    id: 'trust-federated-unconfined',
    category: 'security',
    defaultSeverity: 'error',
    description: 'Require conditions on oidc:aud and oidc:sub for an OIDC identity provider, and on saml:recipient for a SAML one, wherever a trust policy lets it assume the role.',
    fixable: 'none',
    kinds: ['trust'],
    messages: {
      oidc:
        'OIDC provider "{{value}}" may assume this role without a condition on oidc:aud and oidc:sub, so anyone holding a token from that issuer, for any client and any subject, can assume it; add "Condition": {"StringEquals": {"oidc:aud": "<client-id>", "oidc:sub": "<subject>"}} (for RRSA, "sts.aliyuncs.com" and "system:serviceaccount:<namespace>:<service-account>").',
      oidcAud:
        'OIDC provider "{{value}}" may assume this role without a condition on oidc:aud, so a token that issuer minted for any other client can assume it; add "StringEquals": {"oidc:aud": "<client-id>"} ("sts.aliyuncs.com" for RRSA).',
      oidcSub:
        'OIDC provider "{{value}}" may assume this role without a condition on oidc:sub, so every workload or user that issuer signs tokens for can assume it; add "StringEquals": {"oidc:sub": "<subject>"} ("system:serviceaccount:<namespace>:<service-account>" for RRSA).',
      saml:
        'SAML provider "{{value}}" may assume this role without a condition on saml:recipient, so an assertion it issued for any relying party can; add "Condition": {"StringEquals": {"saml:recipient": "https://signin.aliyun.com/saml-role/sso"}}.',
      oidcAny:
        'OIDC provider "{{value}}" may assume this role with neither oidc:aud nor oidc:sub limited to named values ({{wildcards}}), so anyone holding a token from that issuer, for any client and any subject, can assume it; use "Condition": {"StringEquals": {"oidc:aud": "<client-id>", "oidc:sub": "<subject>"}} (for RRSA, "sts.aliyuncs.com" and "system:serviceaccount:<namespace>:<service-account>").',
      oidcAudAny:
        'OIDC provider "{{value}}" may assume this role, and its condition {{condition}} matches every audience, so a token that issuer minted for any other client can assume it; replace it with "StringEquals": {"oidc:aud": "<client-id>"} ("sts.aliyuncs.com" for RRSA).',
      oidcSubAny:
        'OIDC provider "{{value}}" may assume this role, and its condition {{condition}} matches every subject, so every workload or user that issuer signs tokens for can assume it; replace it with "StringEquals": {"oidc:sub": "<subject>"} ("system:serviceaccount:<namespace>:<service-account>" for RRSA).',
      samlAny:
        'SAML provider "{{value}}" may assume this role, and its condition {{condition}} matches every recipient, so an assertion it issued for any relying party can; replace it with "StringEquals": {"saml:recipient": "https://signin.aliyun.com/saml-role/sso"}.',
    },
  },
  check(context) {
    for (const statement of context.policy.statements) {
      if (!isAllow(statement) || !statement.principal) continue;
      // A Condition the host file computes may pin the audience, subject or recipient (unresolved-value notes it).
      if (conditionMayHoldAnyKey(statement)) continue;
      for (const entry of statement.principal.entries) {
        if (entry.type !== 'Federated') continue;
        for (const v of entry.values) {
          // A placeholder or another form names no provider type we can judge.
          const type = v.placeholder ? undefined : federatedProviderType(v.value);
          if (type === 'saml' && !pinningClause(statement, 'saml:recipient')) {
            // A condition that is there but lets every value through is not "no condition".
            const every = matchesEveryValue(statement, 'saml:recipient');
            if (every) context.report({ messageId: 'samlAny', node: v.node, data: { value: v.value, condition: written(every) } });
            else context.report({ messageId: 'saml', node: v.node, data: { value: v.value } });
          }
          if (type !== 'oidc') continue;
          // An OIDC (RRSA) trust must pin the client the token was issued to and the workload it names.
          const aud = !!pinningClause(statement, 'oidc:aud');
          const sub = !!pinningClause(statement, 'oidc:sub');
          if (aud && sub) continue;
          const audEvery = aud ? undefined : matchesEveryValue(statement, 'oidc:aud');
          const subEvery = sub ? undefined : matchesEveryValue(statement, 'oidc:sub');
          const data = { value: v.value };
          if (!aud && !sub && (audEvery || subEvery)) {
            const shown = [audEvery, subEvery].filter((w) => w !== undefined).map(written);
            const wildcards = `${shown.join(' and ')} ${shown.length === 1 ? 'matches' : 'match'} every value`;
            context.report({ messageId: 'oidcAny', node: v.node, data: { ...data, wildcards } });
          } else if (subEvery) {
            context.report({ messageId: 'oidcSubAny', node: v.node, data: { ...data, condition: written(subEvery) } });
          } else if (audEvery) {
            context.report({ messageId: 'oidcAudAny', node: v.node, data: { ...data, condition: written(audEvery) } });
          } else {
            context.report({ messageId: !aud && !sub ? 'oidc' : aud ? 'oidcSub' : 'oidcAud', node: v.node, data });
          }
        }
      }
    }
  },
});

/** `"StringLike": {"oidc:sub": "*"}`, as the policy writes the operator, key and value. */
function written(found: { clause: ConditionClause; value: Located<ConditionScalar> }): string {
  return `"${found.clause.operator}": {"${found.clause.key}": ${JSON.stringify(found.value.value)}}`;
}
