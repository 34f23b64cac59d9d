/**
 * RAM condition operators and the value type each expects. Source: RAM
 * "Condition operators" (../shared/docs/ram-policy-language.md §2.1).
 * `...IfExists`, `ForAnyValue:`/`ForAllValues:`, `Null` and `Arn*` are AWS
 * operators that Alibaba does not document; the RAM validator rejects them.
 */
import type { PolicyKind } from '../types';

export type ConditionValueType = 'string' | 'number' | 'date' | 'boolean' | 'ip';

export const CONDITION_OPERATORS: ReadonlyMap<string, ConditionValueType> = new Map<string, ConditionValueType>([
  ['StringEquals', 'string'],
  ['StringNotEquals', 'string'],
  ['StringEqualsIgnoreCase', 'string'],
  ['StringNotEqualsIgnoreCase', 'string'],
  ['StringLike', 'string'],
  ['StringNotLike', 'string'],
  ['NumericEquals', 'number'],
  ['NumericNotEquals', 'number'],
  ['NumericLessThan', 'number'],
  ['NumericLessThanEquals', 'number'],
  ['NumericGreaterThan', 'number'],
  ['NumericGreaterThanEquals', 'number'],
  ['DateEquals', 'date'],
  ['DateNotEquals', 'date'],
  ['DateLessThan', 'date'],
  ['DateLessThanEquals', 'date'],
  ['DateGreaterThan', 'date'],
  ['DateGreaterThanEquals', 'date'],
  ['Bool', 'boolean'],
  ['IpAddress', 'ip'],
  ['NotIpAddress', 'ip'],
  ['IpAddressIncludeBorder', 'ip'],
]);

/** Operators that only some policy kinds accept. */
export const OPERATOR_KINDS: ReadonlyMap<string, readonly PolicyKind[]> = new Map([['IpAddressIncludeBorder', ['bucket'] as const]]);

/** The documented spelling of an operator written in another case, if any. */
export function canonicalOperator(operator: string): string | undefined {
  const lower = operator.toLowerCase();
  for (const known of CONDITION_OPERATORS.keys()) if (known.toLowerCase() === lower) return known;
  return undefined;
}

/** Why an AWS-style operator is not accepted, or undefined. */
export function awsOnlyOperator(operator: string): string | undefined {
  if (/^For(AnyValue|AllValues):/i.test(operator)) return 'the ForAnyValue:/ForAllValues: set prefixes are not in RAM\'s documented operators';
  if (/IfExists$/i.test(operator)) return 'the IfExists suffix is not supported by RAM';
  if (/^Null$/i.test(operator)) return 'the Null operator is not supported by RAM';
  if (/^Arn/i.test(operator)) return 'the Arn operators are not supported by RAM; use StringEquals or StringLike';
  if (/^Binary/i.test(operator)) return 'the Binary operators are not supported by RAM';
  return undefined;
}
