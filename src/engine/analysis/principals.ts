/**
 * Principal values: which mean "everyone", which provider type a Federated
 * principal is, and which account and service a principal belongs to.
 */
import type { LocatedString, Policy, PrincipalMember } from '../model';
import { hasWildcard } from '../wildcard';
import { isAnyAccount, isMaskedAccount, splitArn } from './arn';
import { hasPlaceholder, hasWildcardOutsidePlaceholders, maskPlaceholders } from './placeholders';

/** Where `<account>@<service>` splits: the first `@` outside placeholders, or -1. */
function atSign(value: string): number {
  return maskPlaceholders(value).indexOf('@');
}

export interface EveryonePrincipal {
  /** The offending value; absent for an empty Principal list, reported at the Principal key. */
  value?: LocatedString;
  /** `RAM`, `Service`, `Federated`, or `Principal` for the bare and list forms. */
  type: string;
  /** Who it lets in, for messages. */
  who: string;
}

/** `acs:ram::*:root`, `acs:ram::*:role/x`, `arn:sts::*:assumed-role/…`: a wildcard account. */
function arnWithAnyAccount(value: string): boolean {
  const arn = splitArn(value.trim());
  return !!arn && isAnyAccount(arn.account);
}

function everyoneValue(type: string, value: string): string | undefined {
  const v = value.trim();
  if (v === '*') return type === 'Service' ? 'any cloud service' : 'anyone, in any account';
  switch (type) {
    case 'RAM':
    case 'Federated':
      return arnWithAnyAccount(v) ? `any ${type === 'RAM' ? 'RAM identity' : 'identity provider'} in any account` : undefined;
    case 'Service': {
      // `19122324****@cdp.aliyuncs.com`: a documentation mask for one account, not a wildcard.
      const at = atSign(v);
      const service = at > 0 && isMaskedAccount(v.slice(0, at)) ? v.slice(at + 1) : v;
      return hasWildcardOutsidePlaceholders(service) ? `any service matching "${v}"` : undefined;
    }
    default:
      // OSS list form: account UIDs, "*", or STS assumed-role ARNs.
      if (!maskPlaceholders(v).includes(':')) return isAnyAccount(v) ? `any account matching "${v}"` : undefined;
      return arnWithAnyAccount(v) ? 'any role session in any account' : undefined;
  }
}

/** Every value of the Principal that opens the policy to everyone. */
export function everyonePrincipals(principal: PrincipalMember): EveryonePrincipal[] {
  const out: EveryonePrincipal[] = [];
  if (principal.star) out.push({ value: principal.star, type: 'Principal', who: 'anyone, in any account' });
  if (principal.list) {
    for (const v of principal.list.values) {
      const who = everyoneValue('Principal', v.value);
      if (who) out.push({ value: v, type: 'Principal', who });
    }
  }
  for (const entry of principal.entries) {
    for (const v of entry.values) {
      const who = everyoneValue(entry.type, v.value);
      if (who) out.push({ value: v, type: entry.type, who });
    }
  }
  return out;
}

/**
 * `saml` or `oidc` for a Federated principal `acs:ram::<account>:saml-provider/<name>`
 * or `…:oidc-provider/<name>`; undefined for anything else.
 */
export function federatedProviderType(value: string): 'saml' | 'oidc' | undefined {
  const relative = splitArn(value.trim())?.relative.toLowerCase() ?? '';
  if (relative.startsWith('saml-provider/')) return 'saml';
  if (relative.startsWith('oidc-provider/')) return 'oidc';
  return undefined;
}

/** A principal value split into what trust decisions are made on. */
export interface PrincipalParts {
  /** The account the principal belongs to, when it names one (`acs:ram::<account>:…`, `<account>@service`). */
  account?: string;
  /** For `Service` principals, the service name without any `<account>@` prefix. */
  service?: string;
  /**
   * The value is a bare UID of the list form (OSS bucket policies: `["1234567890123456"]`),
   * which OSS reads as an account's or a RAM user's; `account` is then the UID
   * itself, though for a RAM user it is not the account the user belongs to.
   */
  uid?: boolean;
}

/**
 * The account of a RAM or Federated ARN, and the account and service of a
 * `Service` principal (`ecs.aliyuncs.com`, `<account>@cdp.aliyuncs.com`).
 * For the list form (type `Principal`, as everyonePrincipals names it): the
 * account of an ARN (`arn:sts::<account>:assumed-role/<role>/<session>`,
 * `acs:ram::<account>:…`), or a bare UID of digits.
 */
export function principalParts(type: string, value: string): PrincipalParts {
  const v = value.trim();
  if (type === 'Service') {
    const at = atSign(v);
    return at > 0 ? { account: v.slice(0, at), service: v.slice(at + 1) } : { service: v };
  }
  if (type === 'Principal' && !maskPlaceholders(v).includes(':')) return /^\d+$/.test(v) ? { account: v, uid: true } : {};
  const account = splitArn(v)?.account;
  return account ? { account } : {};
}

/**
 * An account id that names one concrete account: not `*` or a pattern, and
 * no placeholder or mask anywhere in it (`${ALIYUN::AccountId}`,
 * `12${var.suffix}` and `1234****` are not known).
 */
export function isConcreteAccount(account: string): boolean {
  return !hasWildcard(account) && !hasPlaceholder(account) && account.trim() !== '';
}

/**
 * The accounts a resource policy's own resources belong to: the concrete
 * account field of each `acs:` ARN in its Resource and NotResource lists
 * (`acs:oss:*:123456789012:logs/*` names the bucket owner, the account the
 * bucket policy is set in). A principal of one of these accounts is the
 * owner's own, not another account. Empty when every ARN has `*`, an empty
 * field or a placeholder there.
 */
export function resourceOwnerAccounts(policy: Policy): ReadonlySet<string> {
  const owners = new Set<string>();
  for (const statement of policy.statements) {
    for (const r of [...(statement.resource?.values ?? []), ...(statement.notResource?.values ?? [])]) {
      const arn = splitArn(r.value.trim());
      if (arn && arn.prefix.toLowerCase() === 'acs' && isConcreteAccount(arn.account)) owners.add(arn.account.trim().toLowerCase());
    }
  }
  return owners;
}
