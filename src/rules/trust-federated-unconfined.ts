import { isAllow } from '../engine/analysis/actions';
import { federatedProviderType } from '../engine/analysis/principals';
import { pinningClause } from '../engine/analysis/conditions';
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
          // An OIDC (RRSA) trust must pin the client the token was issued to and the workload it names.
          const aud = !!pinningClause(statement, 'oidc:aud');
          const sub = !!pinningClause(statement, 'oidc:sub');
          if (aud && sub) continue;
          context.report({ messageId: !aud && !sub ? 'oidc' : aud ? 'oidcSub' : 'oidcAud', node: v.node, data: { value: v.value } });
        }
      }
    }
  },
});
