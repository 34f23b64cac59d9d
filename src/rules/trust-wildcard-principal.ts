import { isAllow } from '../engine/analysis/actions';
import { conditionMayHoldAnyKey, publicAccessConfinement } from '../engine/analysis/conditions';
import { everyonePrincipals } from '../engine/analysis/principals';
import { replaceNode } from '../engine/edits';
import { defineRule } from '../engine/rule';

/** What to write instead of "everyone", as a placeholder a person completes. */
function namedPrincipal(kind: string, type: string, wholePrincipal: boolean): { text: string; placeholder: string } | undefined {
  if (kind === 'trust') {
    if (type === 'Service') return { text: '"<service>.aliyuncs.com"', placeholder: '<service>' };
    if (type === 'Federated') return { text: '"acs:ram::<account-id>:saml-provider/<provider-name>"', placeholder: '<account-id> and <provider-name>' };
    const root = '"acs:ram::<account-id>:root"';
    return { text: wholePrincipal ? `{"RAM": [${root}]}` : root, placeholder: '<account-id>' };
  }
  if (kind === 'bucket' && type === 'Principal') return { text: wholePrincipal ? '["<account-uid>"]' : '"<account-uid>"', placeholder: '<account-uid>' };
  return undefined;
}

export default defineRule({
  meta: {
    id: 'trust-wildcard-principal',
    category: 'security',
    defaultSeverity: 'error',
    description: 'Disallow a trust policy or resource policy that allows everyone as its principal.',
    fixable: 'none',
    hasSuggestions: true,
    kinds: ['trust', 'bucket', 'resource'],
    messages: {
      trust:
        'Principal {{value}} lets {{who}} assume this role; name the account (acs:ram::<account-id>:root), RAM user or role, or the service (<service>.aliyuncs.com) that needs it.',
      public:
        'Principal {{value}} makes this policy public, allowing {{who}}; name the account or RAM user UIDs, or confine the statement with a fixed acs:SourceVpc, acs:SourceVpcId or acs:AccessId, or acs:SourceIp no wider than /8.',
      publicEmpty:
        'An empty Principal list means everyone to OSS, so this policy is public; name the account or RAM user UIDs that need access.',
      confined:
        'Principal {{value}} allows {{who}}, confined by {{condition}}; OSS does not count this as public, but anyone who meets the condition gets access, so prefer naming the principals.',
      unknownCondition:
        'Principal {{value}} allows {{who}} unless the Condition, a value the host file computes, confines the statement; check that it fixes acs:SourceVpc, acs:SourceVpcId or acs:AccessId, or limits acs:SourceIp to /8 or narrower (OSS does not count that as public), or name the principals.',
    },
    messageSeverityCap: { confined: 'warning', unknownCondition: 'warning' },
  },
  check(context) {
    const { kind } = context.policy;
    for (const statement of context.policy.statements) {
      if (!isAllow(statement) || !statement.principal) continue;
      const principal = statement.principal;
      const confinement = kind === 'trust' ? undefined : publicAccessConfinement(statement);
      // A Condition the host file computes may be the one that confines the statement: not known to be public.
      const mayBeConfined = kind !== 'trust' && !confinement && conditionMayHoldAnyKey(statement);
      if (principal.empty && kind !== 'trust') {
        const data = { value: '[] (empty, which OSS reads as everyone)', who: 'anyone', condition: confinement ?? '' };
        if (confinement) context.report({ messageId: 'confined', node: principal.keyNode, data });
        else if (mayBeConfined) context.report({ messageId: 'unknownCondition', node: principal.keyNode, data });
        else context.report({ messageId: 'publicEmpty', node: principal.keyNode });
        continue;
      }
      for (const found of everyonePrincipals(principal)) {
        const value = found.value;
        if (!value) continue;
        const shown = found.type === 'Principal' ? JSON.stringify(value.value) : `{"${found.type}": ${JSON.stringify(value.value)}}`;
        const data = { value: shown, who: found.who, condition: confinement ?? '' };
        const messageId = kind === 'trust' ? 'trust' : confinement ? 'confined' : mayBeConfined ? 'unknownCondition' : 'public';
        const named = namedPrincipal(kind, found.type, value.node === principal.valueNode);
        const suggestions = named ? [{ desc: `Name the principal instead (replace the ${named.placeholder} placeholder).`, edits: [replaceNode(value.node, named.text)] }] : undefined;
        context.report({ messageId, node: value.node, data, suggestions });
      }
    }
  },
});
