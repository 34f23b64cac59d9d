import { isAllow } from '../engine/analysis/actions';
import { isConcreteAccount, principalParts } from '../engine/analysis/principals';
import { defineRule } from '../engine/rule';
import { wildcardMatch } from '../engine/wildcard';

function listed(list: readonly string[], value: string): boolean {
  return list.some((pattern) => wildcardMatch(pattern, value, true));
}

export default defineRule({
  meta: {
    id: 'trust-external-principal',
    category: 'security',
    defaultSeverity: 'warning',
    description: 'Report the accounts a trust policy lets in (at info), and, once configured, principals outside the trusted accounts and services.',
    fixable: 'none',
    kinds: ['trust'],
    options: {
      trustedAccounts: {
        type: 'string[]',
        description: 'Account ids that RAM and Federated principals (and <account>@service principals) may belong to; wildcards allowed. Empty: each account named is reported at info.',
        default: [],
      },
      trustedServices: {
        type: 'string[]',
        description: 'Service principals that may assume roles, such as "ecs.aliyuncs.com" or "*.dataworks.aliyuncs.com". Empty: services are not checked.',
        default: [],
      },
    },
    messages: {
      accountListed:
        'Principal "{{value}}" lets account {{account}} assume this role; list your own accounts in trustedAccounts so that only others are reported, as warnings.',
      account: 'Principal "{{value}}" belongs to account {{account}}, which is not among the trusted accounts ({{trusted}}); check that this cross-account trust is intended.',
      service: 'Service principal "{{value}}" is not among the trusted services ({{trusted}}); check that this service should assume the role.',
    },
    // Without configuration nothing says which accounts are the owner's: the reader is shown each, not warned.
    messageSeverityCap: { accountListed: 'info' },
  },
  check(context) {
    const accounts = context.options.trustedAccounts;
    const services = context.options.trustedServices;
    for (const statement of context.policy.statements) {
      if (!isAllow(statement) || !statement.principal) continue;
      for (const entry of statement.principal.entries) {
        for (const v of entry.values) {
          // Everyone is trust-wildcard-principal's finding; a placeholder is one unknown account.
          if (v.value.trim() === '*' || v.placeholder) continue;
          const parts = principalParts(entry.type, v.value);
          if (entry.type === 'Service' && services.length > 0 && parts.service !== undefined && !listed(services, parts.service)) {
            context.report({ messageId: 'service', node: v.node, data: { value: v.value, trusted: services.join(', ') } });
          }
          const account = parts.account;
          if (!account || !isConcreteAccount(account)) continue;
          if (accounts.length === 0) context.report({ messageId: 'accountListed', node: v.node, data: { value: v.value, account } });
          else if (!listed(accounts, account)) context.report({ messageId: 'account', node: v.node, data: { value: v.value, account, trusted: accounts.join(', ') } });
        }
      }
    }
  },
});
