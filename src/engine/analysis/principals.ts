/**
 * Principal values: which mean "everyone", which provider type a Federated
 * principal is, and which account and service a principal belongs to.
 */
import type { LocatedString, PrincipalMember } from '../model';
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
}

/**
 * The account of a RAM or Federated ARN, and the account and service of a
 * `Service` principal (`ecs.aliyuncs.com`, `<account>@cdp.aliyuncs.com`).
 */
export function principalParts(type: string, value: string): PrincipalParts {
  const v = value.trim();
  if (type === 'Service') {
    const at = atSign(v);
    return at > 0 ? { account: v.slice(0, at), service: v.slice(at + 1) } : { service: v };
  }
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
