/**
 * Resource ARNs: `acs:<service>:<region>:<account>:<relative-id>`, and what a
 * resource pattern reaches: how many roles, whether every bucket.
 */
import { canMatchWithPrefix, hasWildcard, wildcardMatch } from '../wildcard';
import { firstWildcardOutsidePlaceholders, isPlaceholderAccount, maskPlaceholders, PLACEHOLDER_FILL, placeholdersAsWildcards } from './placeholders';

export interface Arn {
  prefix: string;
  service: string;
  region: string;
  account: string;
  /** Everything after the fourth colon; OSS object keys may contain colons. */
  relative: string;
}

/**
 * Splits at the first four colons outside placeholders; undefined when there
 * are fewer than five fields. `acs:ram::${ALIYUN::AccountId}:role/x` and
 * `acs:ram::${var.flag ? var.a : var.b}:root` have the placeholder as their
 * account: the colons inside `${...}` belong to the template language.
 */
export function splitArn(value: string): Arn | undefined {
  // Colons are looked for in the mask, which has the value's length and offsets.
  const mask = maskPlaceholders(value);
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < 4; i++) {
    const colon = mask.indexOf(':', start);
    if (colon < 0) return undefined;
    parts.push(value.slice(start, colon));
    start = colon + 1;
  }
  const [prefix, service, region, account] = parts as [string, string, string, string];
  return { prefix, service, region, account, relative: value.slice(start) };
}

/**
 * Alibaba's documentation masks account ids as `19122324****`, `113***` or
 * `174649****602745`, or writes them as `<uid>` or `主账号ID`; read that as a
 * placeholder for one account, not as a wildcard over accounts. Short forms
 * (`1*`, `12**`) are real wildcards: they match a tenth or a hundredth of all
 * accounts.
 */
export function isMaskedAccount(account: string): boolean {
  return isPlaceholderAccount(account);
}

/** `*` or any wildcard that is not a documentation mask; a `?` or `*` inside a placeholder is not one. */
export function isAnyAccount(account: string): boolean {
  return hasWildcard(maskPlaceholders(account)) && !isMaskedAccount(account);
}

export type RoleReach =
  | { kind: 'none' }
  | { kind: 'unknown' }
  | { kind: 'one' }
  | { kind: 'many'; scope: string };

/**
 * How many RAM roles can a resource pattern name? `none` when it cannot name a
 * role at all. A RAM identity passes only roles of its own account, so the
 * account field does not widen the reach: `acs:ram:*:*:role/<name>` is one role.
 */
export function roleReach(resource: string): RoleReach {
  const value = resource.trim();
  if (value === '*') return { kind: 'many', scope: 'every role in the account' };
  const arn = splitArn(value);
  // A template expression or a malformed ARN may still name a role once resolved.
  if (!arn || arn.prefix.toLowerCase() !== 'acs') return { kind: 'unknown' };
  // A placeholder in the service or in front of the resource type may turn out to be `ram` or `role/…`.
  if (!wildcardMatch(placeholdersAsWildcards(arn.service), 'ram', true)) return { kind: 'none' };
  if (!canMatchWithPrefix(placeholdersAsWildcards(arn.relative), 'role/', true)) return { kind: 'none' };
  // RAM is global: its ARNs have an empty region, which `acs:*:cn-hangzhou:*:*` cannot match (admin-access reads it so too).
  if (!reachesGlobalRegion(arn.region)) return { kind: 'none' };
  if (!wildcardMatch(maskPlaceholders(arn.service), 'ram', true)) return { kind: 'unknown' };

  const where = 'in the account';
  if (arn.relative.toLowerCase().startsWith('role/')) {
    const name = arn.relative.slice('role/'.length);
    if (name === '*') return { kind: 'many', scope: `every role ${where}` };
    const wildcard = firstWildcardOutsidePlaceholders(name);
    if (wildcard >= 0) {
      const literal = name.slice(0, wildcard);
      return { kind: 'many', scope: literal ? `every role whose name starts with "${literal}" ${where}` : `every role matching "${name}" ${where}` };
    }
    return { kind: 'one' };
  }
  // `acs:ram::1:${var.kind}/x`: a placeholder before any wildcard decides whether this names one role.
  const fill = maskPlaceholders(arn.relative).indexOf(PLACEHOLDER_FILL);
  const wildcard = firstWildcardOutsidePlaceholders(arn.relative);
  if (fill >= 0 && (wildcard < 0 || fill < wildcard)) return { kind: 'unknown' };
  return { kind: 'many', scope: `every role ${where}` };
}

/** Can the region field match the empty region of a global service (RAM)? A placeholder may be empty. */
export function reachesGlobalRegion(region: string): boolean {
  return wildcardMatch(placeholdersAsWildcards(region), '', true);
}

/** Does a resource pattern cover every OSS bucket: `*`, `acs:oss:*:*:*`, and the same with a key part? */
export function coversEveryBucket(resource: string): boolean {
  const value = resource.trim();
  if (/^\*+$/.test(value)) return true;
  const arn = splitArn(value);
  if (!arn || arn.prefix.toLowerCase() !== 'acs') return false;
  if (!wildcardMatch(arn.service, 'oss', true)) return false;
  const bucket = arn.relative.split('/')[0] ?? '';
  // Only wildcards, with a star and at most three `?`: bucket names have 3 to 63 characters.
  let stars = 0;
  let questions = 0;
  for (const c of bucket) {
    if (c === '*') stars++;
    else if (c === '?') questions++;
    else return false;
  }
  return stars > 0 && questions <= 3;
}

/**
 * Does a resource pattern cover everything (`*`, `acs:*:*:*:*`)? Whatever the
 * account field says: `acs:*:*:123456789012:*` is every resource of the
 * account, which for a policy in that account is everything.
 */
export function coversEverything(resource: string): boolean {
  const value = resource.trim();
  if (/^\*+$/.test(value)) return true;
  const arn = splitArn(value);
  const any = (field: string) => field === '' || /^\*+$/.test(field);
  return !!arn && arn.prefix.toLowerCase() === 'acs' && /^\*+$/.test(arn.service) && /^\*+$/.test(arn.relative) && any(arn.region);
}
