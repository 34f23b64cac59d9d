import { isAllow } from '../engine/analysis/actions';
import { isConcreteAccount, principalParts, resourceOwnerAccounts } from '../engine/analysis/principals';
import type { LocatedString } from '../engine/model';
import { defineRule } from '../engine/rule';
import type { PolicyKind } from '../engine/types';
import { wildcardMatch } from '../engine/wildcard';

function listed(list: readonly string[], value: string): boolean {
  return list.some((pattern) => wildcardMatch(pattern, value, true));
}

/** What the policy gives the principal, and to what, worded for the kind of policy. */
function wording(kind: PolicyKind, account: string, uid: boolean): { grant: string; belongs: string; access: string } {
  if (kind === 'trust') return { grant: `lets account ${account} assume this role`, belongs: `belongs to account ${account}`, access: 'cross-account trust' };
  const what = kind === 'bucket' ? 'bucket' : 'resource';
  // A bare UID in a bucket policy may be a RAM user's: which account that user belongs to is not written.
  if (uid) return { grant: `gives the account or RAM user with this UID access to this ${what}`, belongs: 'is the UID of an account or RAM user', access: `access to the ${what}` };
  return { grant: `gives account ${account} access to this ${what}`, belongs: `belongs to account ${account}`, access: `cross-account access to the ${what}` };
}

export default defineRule({
  meta: {
    id: 'trust-external-principal',
    category: 'security',
    defaultSeverity: 'warning',
    description:
      'Report the accounts a trust policy or resource policy lets in (at info), and, once configured, principals outside the trusted accounts and services.',
    fixable: 'none',
    kinds: ['trust', 'bucket', 'resource'],
    options: {
      trustedAccounts: {
        type: 'string[]',
        description:
          'Account ids that principals may belong to (RAM and Federated ARNs, <account>@service, STS role sessions), and the UIDs a bucket policy may name (accounts or RAM users); wildcards allowed. Empty: each account named is reported at info.',
        default: [],
      },
      trustedServices: {
        type: 'string[]',
        description: 'Service principals that may assume roles, such as "ecs.aliyuncs.com" or "*.dataworks.aliyuncs.com". Empty: services are not checked.',
        default: [],
      },
    },
    messages: {
      accountListed: 'Principal "{{value}}" {{grant}}; list your own accounts in trustedAccounts so that only others are reported, as warnings.',
      account: 'Principal "{{value}}" {{belongs}}, which is not among the trusted accounts ({{trusted}}); check that this {{access}} is intended.',
      service: 'Service principal "{{value}}" is not among the trusted services ({{trusted}}); check that this service should assume the role.',
    },
    // Without configuration nothing says which accounts are the owner's: the reader is shown each, not warned.
    messageSeverityCap: { accountListed: 'info' },
  },
  check(context) {
    const { kind } = context.policy;
    const accounts = context.options.trustedAccounts;
    const services = context.options.trustedServices;
    // The bucket (or other resource) owner's own account, where the policy's ARNs name it: never external.
    const owners = kind === 'trust' ? new Set<string>() : resourceOwnerAccounts(context.policy);
    const judge = (type: string, v: LocatedString) => {
      // Everyone is trust-wildcard-principal's finding; a placeholder is one unknown account.
      if (v.value.trim() === '*' || v.placeholder) return;
      const parts = principalParts(type, v.value);
      if (kind === 'trust' && type === 'Service' && services.length > 0 && parts.service !== undefined && !listed(services, parts.service)) {
        context.report({ messageId: 'service', node: v.node, data: { value: v.value, trusted: services.join(', ') } });
      }
      const account = parts.account?.trim();
      if (!account || !isConcreteAccount(account) || owners.has(account.toLowerCase())) return;
      const words = wording(kind, account, parts.uid === true);
      if (accounts.length === 0) context.report({ messageId: 'accountListed', node: v.node, data: { value: v.value, grant: words.grant } });
      else if (!listed(accounts, account)) context.report({ messageId: 'account', node: v.node, data: { value: v.value, belongs: words.belongs, access: words.access, trusted: accounts.join(', ') } });
    };
    for (const statement of context.policy.statements) {
      if (!isAllow(statement) || !statement.principal) continue;
      // The list form (`["<uid>", "arn:sts::<uid>:assumed-role/…"]`) is a bucket policy's; a trust policy's is invalid-principal's finding.
      if (kind !== 'trust') for (const v of statement.principal.list?.values ?? []) judge('Principal', v);
      for (const entry of statement.principal.entries) for (const v of entry.values) judge(entry.type, v);
    }
  },
});
