/**
 * What a statement's Condition guarantees. Keys compare case-insensitively
 * (their case rule is unconfirmed, so we do not let a case variant slip past).
 * Several values for one key are OR-ed, several keys and operators AND-ed, so
 * one confining clause is enough to confine the statement.
 */
import type { ConditionClause, Located, ConditionScalar, Statement } from '../model';
import { hasWildcard } from '../wildcard';
import { isMaskedIp, maskPlaceholders } from './placeholders';

/** Operators under which a list of literal values pins a key to exactly those values. */
const PINNING_OPERATORS = new Set(['StringEquals', 'StringEqualsIgnoreCase', 'StringLike']);

/**
 * Part of the Condition is a value the host file computes (`Condition = var.cond`,
 * `"StringEquals": ${jsonencode(var.keys)}`): it may compare any key, so no
 * rule may read the statement as lacking a condition on one.
 */
export function conditionMayHoldAnyKey(statement: Statement): boolean {
  const c = statement.condition;
  return !!c && (c.unknown || c.unknownOperators.length > 0);
}

export function clausesFor(statement: Statement, key: string): ConditionClause[] {
  const wanted = key.toLowerCase();
  return (statement.condition?.clauses ?? []).filter((c) => c.key.toLowerCase() === wanted);
}

/** A literal string value: no `*`/`?` under StringLike, and not empty. */
function isLiteral(clause: ConditionClause, v: Located<ConditionScalar>): boolean {
  if (typeof v.value !== 'string' || v.value.trim() === '') return false;
  return clause.operator !== 'StringLike' || !hasWildcard(v.value);
}

/** A clause that restricts `key` to named values; undefined when none does. */
export function pinningClause(statement: Statement, key: string): ConditionClause | undefined {
  return clausesFor(statement, key).find(
    (c) => PINNING_OPERATORS.has(c.operator) && c.values.length > 0 && c.nonScalars.length === 0 && c.values.every((v) => isLiteral(c, v)),
  );
}

/**
 * A StringLike clause on `key` with a value of stars only (`*`): since a
 * clause's values are OR-ed, it lets every value of the key through. The
 * clause and that value, or undefined.
 */
export function matchesEveryValue(statement: Statement, key: string): { clause: ConditionClause; value: Located<ConditionScalar> } | undefined {
  for (const clause of clausesFor(statement, key)) {
    if (clause.operator !== 'StringLike') continue;
    const value = clause.values.find((v) => typeof v.value === 'string' && /^\*+$/.test(v.value));
    if (value) return { clause, value };
  }
  return undefined;
}

/** The services `acs:Service` is pinned to, or undefined when it is not pinned. */
export function pinnedServices(statement: Statement): string[] | undefined {
  const clause = pinningClause(statement, 'acs:Service');
  return clause?.values.map((v) => String(v.value));
}

/** Values under a string operator that match anything (`*`, `*.aliyuncs.com`), which pin nothing. */
export function wildcardConditionValues(statement: Statement, key: string): { clause: ConditionClause; value: Located<ConditionScalar> }[] {
  const out: { clause: ConditionClause; value: Located<ConditionScalar> }[] = [];
  for (const clause of clausesFor(statement, key)) {
    if (clause.operator !== 'StringLike') continue;
    for (const v of clause.values) if (typeof v.value === 'string' && hasWildcard(v.value)) out.push({ clause, value: v });
  }
  return out;
}

/**
 * The string operators that compare exactly, each with the Like operator that
 * reads `*` and `?` as wildcards. RAM has no case-insensitive Like operator
 * (../shared/docs/ram-policy-language.md §2.1; Alibaba's "Condition
 * operators" page lists StringLike and StringNotLike, both case-sensitive), so
 * the IgnoreCase variants map to the case-sensitive one.
 */
export const LIKE_OPERATOR_OF: ReadonlyMap<string, { like: string; negated: boolean; ignoreCase: boolean }> = new Map([
  ['StringEquals', { like: 'StringLike', negated: false, ignoreCase: false }],
  ['StringNotEquals', { like: 'StringNotLike', negated: true, ignoreCase: false }],
  ['StringEqualsIgnoreCase', { like: 'StringLike', negated: false, ignoreCase: true }],
  ['StringNotEqualsIgnoreCase', { like: 'StringNotLike', negated: true, ignoreCase: true }],
]);

/** A run of three or more `*`: how Alibaba's documents mask part of a value (`https://oidc-ack-***.aliyuncs.com`, `1234****`). */
const MASK_RUN = /\*{3,}/g;

/**
 * Does a condition value hold a `*` or `?` that a Like operator would read as
 * a wildcard, and that an exact operator (StringEquals …) therefore compares
 * as literal text? Not counted: characters inside placeholders
 * (`${var.a ? var.b : var.c}`), documentation masks (a run of three or more
 * `*`), and a `?` in a URL (`https://host/path?query`), where it opens the
 * query and is meant literally.
 */
export function hasLikeWildcard(value: string): boolean {
  const mask = maskPlaceholders(value).replace(MASK_RUN, '');
  if (mask.includes('*')) return true;
  return mask.includes('?') && !mask.includes('://');
}

const IP_KEYS = new Set(['acs:sourceip', 'acs:sourcevpcip']);
const FIXED_KEYS = new Set(['acs:sourcevpc', 'acs:sourcevpcid', 'acs:accessid']);
const IP_OPERATORS = new Set(['IpAddress', 'IpAddressIncludeBorder']);

/**
 * OSS Block Public Access: an Allow to everyone is not public when a condition
 * fixes acs:SourceVpc/acs:SourceVpcId/acs:AccessId to literal values, or
 * limits acs:SourceIp/acs:SourceVpcIp to ranges no wider than /8 (IPv4) or /32 (IPv6).
 * Returns a short description of the confining clause, or undefined.
 */
export function publicAccessConfinement(statement: Statement): string | undefined {
  for (const clause of statement.condition?.clauses ?? []) {
    const key = clause.key.toLowerCase();
    if (clause.values.length === 0 || clause.nonScalars.length > 0) continue;
    if (FIXED_KEYS.has(key) && PINNING_OPERATORS.has(clause.operator) && clause.values.every((v) => isLiteral(clause, v))) {
      return `${clause.key} ${clause.operator} ${clause.values.map((v) => JSON.stringify(v.value)).join(', ')}`;
    }
    // A masked documentation range (`42.120.XX.X/24`) stands for one real range, as a masked id stands for one account.
    if (IP_KEYS.has(key) && IP_OPERATORS.has(clause.operator) && clause.values.every((v) => typeof v.value === 'string' && (isNarrowIpRange(v.value) || isMaskedIp(v.value)))) {
      return `${clause.key} ${clause.operator} ${clause.values.map((v) => JSON.stringify(v.value)).join(', ')}`;
    }
  }
  return undefined;
}

/** A valid address or CIDR with a mask of at least /8 (IPv4) or /32 (IPv6). */
export function isNarrowIpRange(value: string): boolean {
  const parsed = parseCidr(value);
  if (!parsed) return false;
  // An IPv4-mapped IPv6 range (::ffff:a.b.c.d/n, 0:0:0:0:0:ffff:0:0/n) is an IPv4 range of n - 96 bits.
  if (parsed.version === 6 && isIPv4Mapped(value.trim().split('/')[0] ?? '')) return parsed.mask - 96 >= 8;
  return parsed.version === 4 ? parsed.mask >= 8 : parsed.mask >= 32;
}

export function parseCidr(value: string): { version: 4 | 6; mask: number } | undefined {
  const [address, maskText, extra] = value.trim().split('/');
  if (extra !== undefined || address === undefined) return undefined;
  const version = isIPv4(address) ? 4 : isIPv6(address) ? 6 : undefined;
  if (!version) return undefined;
  const max = version === 4 ? 32 : 128;
  if (maskText === undefined) return { version, mask: max };
  if (!/^\d{1,3}$/.test(maskText)) return undefined;
  const mask = Number(maskText);
  return mask <= max ? { version, mask } : undefined;
}

export function isIPv4(value: string): boolean {
  const parts = value.split('.');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}

/**
 * The eight 16-bit groups of an IPv6 address, with `::` expanded and an IPv4
 * tail (`::ffff:1.2.3.4`) as two groups; undefined when it is not one.
 */
export function ipv6Groups(value: string): number[] | undefined {
  if (!value.includes(':')) return undefined;
  let text = value;
  const lastColon = text.lastIndexOf(':');
  const tail = text.slice(lastColon + 1);
  if (tail.includes('.')) {
    if (!isIPv4(tail)) return undefined;
    const [a, b, c, d] = tail.split('.').map(Number) as [number, number, number, number];
    text = `${text.slice(0, lastColon + 1)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = text.split('::').map((h) => (h === '' ? [] : h.split(':')));
  if (halves.length > 2 || !halves.flat().every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
  const [left = [], right] = halves.map((h) => h.map((g) => parseInt(g, 16)));
  if (right === undefined) return left.length === 8 ? left : undefined;
  const zeros = 8 - left.length - right.length;
  return zeros >= 1 ? [...left, ...new Array<number>(zeros).fill(0), ...right] : undefined;
}

/** `::ffff:0:0/96` in any spelling: an IPv4 address written as IPv6. */
function isIPv4Mapped(address: string): boolean {
  const groups = ipv6Groups(address);
  return !!groups && groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
}

export function isIPv6(value: string): boolean {
  return ipv6Groups(value) !== undefined;
}
