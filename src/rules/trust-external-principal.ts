import { isAllow } from '../engine/analysis/actions';
import { isMaskedAccount, splitArn } from '../engine/analysis/arn';
import { defineRule } from '../engine/rule';
import { wildcardMatch } from '../engine/wildcard';

/** The account a RAM/Federated ARN or a `<uid>@service` principal belongs to, if it names one. */
function accountOf(type: string, value: string): string | undefined {
  const v = value.trim();
  if (type === 'Service') return /^([^@]+)@/.exec(v)?.[1];
  return splitArn(v)?.account || undefined;
}

function listed(list: readonly string[], value: string): boolean {
  return list.some((pattern) => wildcardMatch(pattern, value, true));
}

export default defineRule({
  meta: {
    id: 'trust-external-principal',
    category: 'security',
    defaultSeverity: 'warning',
    description: 'Report trust policy principals outside the accounts and services the configuration trusts (inactive until configured).',
    fixable: 'none',
    kinds: ['trust'],
    options: {
      trustedAccounts: {
        type: 'string[]',
        description: 'Account ids that RAM and Federated principals (and <account>@service principals) may belong to; wildcards allowed. Empty: accounts are not checked.',
        default: [],
      },
      trustedServices: {
        type: 'string[]',
        description: 'Service principals that may assume roles, such as "ecs.aliyuncs.com" or "*.dataworks.aliyuncs.com". Empty: services are not checked.',
        default: [],
      },
    },
    messages: {
      account: 'Principal "{{value}}" belongs to account {{account}}, which is not among the trusted accounts ({{trusted}}); check that this cross-account trust is intended.',
      service: 'Service principal "{{value}}" is not among the trusted services ({{trusted}}); check that this service should assume the role.',
    },
  },
  check(context) {
    const accounts = (context.options.trustedAccounts as string[] | undefined) ?? [];
    const services = (context.options.trustedServices as string[] | undefined) ?? [];
    if (accounts.length === 0 && services.length === 0) return;
    for (const statement of context.policy.statements) {
      if (!isAllow(statement) || !statement.principal) continue;
      for (const entry of statement.principal.entries) {
        for (const v of entry.values) {
          if (v.value.trim() === '*') continue; // everyone: trust-wildcard-principal's finding
          if (entry.type === 'Service' && services.length > 0) {
            const name = v.value.trim().replace(/^[^@]+@/, '');
            if (!listed(services, name)) context.report({ messageId: 'service', node: v.node, data: { value: v.value, trusted: services.join(', ') } });
          }
          const account = accountOf(entry.type, v.value);
          if (accounts.length > 0 && account && account !== '*' && !isMaskedAccount(account) && !listed(accounts, account)) {
            context.report({ messageId: 'account', node: v.node, data: { value: v.value, account, trusted: accounts.join(', ') } });
          }
        }
      }
    }
  },
});
