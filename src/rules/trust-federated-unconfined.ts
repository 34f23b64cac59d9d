import { isAllow } from '../engine/analysis/actions';
import { federatedProviderType } from '../engine/analysis/principals';
import { pinningClause } from '../engine/analysis/conditions';
import { defineRule } from '../engine/rule';

/** Keys an OIDC (RRSA) trust must pin: the client the token was issued to, and the workload it names. */
const OIDC_KEYS = ['oidc:aud', 'oidc:sub'] as const;

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
        'OIDC provider "{{value}}" may assume this role without a condition on {{missing}}, so {{consequence}}; add "Condition": {"StringEquals": {"oidc:aud": "<client-id>", "oidc:sub": "<subject>"}} (for RRSA, "sts.aliyuncs.com" and "system:serviceaccount:<namespace>:<service-account>").',
      saml:
        'SAML provider "{{value}}" may assume this role without a condition on saml:recipient, so an assertion it issued for any relying party can; add "Condition": {"StringEquals": {"saml:recipient": "https://signin.aliyun.com/saml-role/sso"}}.',
    },
  },
  check(context) {
    for (const statement of context.policy.statements) {
      if (!isAllow(statement) || !statement.principal) continue;
      for (const entry of statement.principal.entries) {
        if (entry.type !== 'Federated') continue;
        for (const v of entry.values) {
          // A placeholder or another form names no provider type we can judge.
          const type = v.placeholder ? undefined : federatedProviderType(v.value);
          if (type === 'saml' && !pinningClause(statement, 'saml:recipient')) {
            context.report({ messageId: 'saml', node: v.node, data: { value: v.value } });
          }
          if (type !== 'oidc') continue;
          const missing = OIDC_KEYS.filter((key) => !pinningClause(statement, key));
          if (missing.length === 0) continue;
          const consequence =
            missing.length === 2
              ? 'anyone holding a token from that issuer, for any client and any subject, can assume it'
              : missing[0] === 'oidc:aud'
                ? 'a token that issuer minted for any other client can assume it'
                : 'every workload or user that issuer signs tokens for can assume it';
          context.report({ messageId: 'oidc', node: v.node, data: { value: v.value, missing: missing.join(' and '), consequence } });
        }
      }
    }
  },
});
