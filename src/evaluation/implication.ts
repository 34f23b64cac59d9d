/**
 * Does one Condition imply another? Syntactic and sound: `true` only when
 * every request that satisfies `stronger` also satisfies `weaker`; anything
 * this cannot see through is `false` (the diff then assumes the old grant
 * does not cover the new one, which may report access that is not new, never
 * the reverse).
 */
import type { ConditionClause, ConditionMember } from '../engine/model';
import type { EvalStatement } from './model';
import { globCoveredBy } from './fast-checks';
import { glob } from './glob';
import { parseIpRange, rangeInside } from './ip';
import { parseDate, parseOperator, repeatedClauses } from './conditions';

export function conditionImplies(stronger: ConditionMember | undefined, weaker: ConditionMember | undefined): boolean {
  if (!weaker || (weaker.clauses.length === 0 && weaker.malformedOperators.length === 0 && weaker.unknownOperators.length === 0 && weaker.valueNode.type === 'object')) return true;
  // What the weaker condition holds must be known to be implied: not a Condition the host computes, not an
  // operator whose keys it computes, not one that is not an object of objects.
  if (weaker.unknown || weaker.unknownOperators.length > 0 || weaker.valueNode.type !== 'object' || weaker.malformedOperators.length > 0) return false;
  // A stronger Condition the host computes may hold nothing; an operator of it whose keys the host computes only
  // ANDs more, so its other clauses still count.
  if (!stronger || stronger.unknown || stronger.valueNode.type !== 'object' || stronger.malformedOperators.length > 0) return false;
  // Clauses AND together: each weaker clause needs a stronger clause that implies it. A clause the stronger
  // condition repeats (an operator or key written twice) may not be the one a reader keeps, so it proves
  // nothing; the weaker condition's clauses are all required, which covers every reading of it.
  const { repeated } = repeatedClauses(stronger);
  const sure = repeated.size === 0 ? stronger.clauses : stronger.clauses.filter((c) => !repeated.has(c));
  return weaker.clauses.every((w) => sure.some((s) => clauseImplies(s, w)));
}

const stringsOf = (c: ConditionClause) => c.values.map((v) => String(v.value));
const usable = (c: ConditionClause) => c.values.length > 0 && c.nonScalars.length === 0;

export function clauseImplies(s: ConditionClause, w: ConditionClause): boolean {
  if (!usable(s) || !usable(w) || s.key.toLowerCase() !== w.key.toLowerCase()) return false;
  const so = parseOperator(s.operator);
  const wo = parseOperator(w.operator);
  const sv = stringsOf(s);
  const wv = stringsOf(w);
  const subset = (a: string[], b: string[], fold = (x: string) => x) => a.every((x) => b.some((y) => fold(x) === fold(y)));
  // Set qualifiers, IfExists and Null: only the very same clause.
  if (so.set || wo.set || so.ifExists || wo.ifExists || so.base === 'Null') return s.operator === w.operator && subset(sv, wv) && subset(wv, sv);
  if (so.base !== wo.base) return false;
  switch (so.base) {
    // Values OR: fewer allowed values is stronger.
    case 'StringEquals':
    case 'Bool':
      return subset(sv, wv, so.base === 'Bool' ? (x) => x.toLowerCase() : undefined);
    case 'StringEqualsIgnoreCase':
      return subset(sv, wv, (x) => x.toLowerCase());
    case 'StringLike':
      return sv.every((x) => globCoveredBy(glob(x, false), wv.map((y) => glob(y, false))) === true);
    case 'NumericEquals':
    case 'DateEquals':
      return subset(sv, wv);
    // Negated operators exclude their values: excluding more is stronger.
    case 'StringNotEquals':
    case 'NumericNotEquals':
    case 'DateNotEquals':
    case 'StringNotLike':
      return subset(wv, sv);
    case 'StringNotEqualsIgnoreCase':
      return subset(wv, sv, (x) => x.toLowerCase());
    case 'IpAddress':
    case 'IpAddressIncludeBorder':
      return sv.every((x) => {
        const inner = parseIpRange(x);
        return !!inner && wv.some((y) => {
          const outer = parseIpRange(y);
          return !!outer && rangeInside(inner, outer);
        });
      });
    case 'NotIpAddress':
      return wv.every((y) => {
        const excluded = parseIpRange(y);
        return !!excluded && sv.some((x) => {
          const outer = parseIpRange(x);
          return !!outer && rangeInside(excluded, outer);
        });
      });
    default:
      return boundImplies(so.base, sv, wv);
  }
}

/** Numeric and date bounds with one value each: `< 5` implies `< 10`. */
function boundImplies(operator: string, sv: string[], wv: string[]): boolean {
  if (sv.length !== 1 || wv.length !== 1) return false;
  // Dates as the evaluator reads them (conditions.ts): a value it cannot read implies nothing.
  const toValue = operator.startsWith('Date') ? (t: string) => parseDate(t) ?? Number.NaN : (t: string) => (t.trim() === '' ? Number.NaN : Number(t));
  const a = toValue(sv[0] as string);
  const b = toValue(wv[0] as string);
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  if (/LessThan/.test(operator)) return a <= b;
  if (/GreaterThan/.test(operator)) return a >= b;
  return false;
}

/**
 * conditionImplies for two statements: whenever `stronger` applies (to a request both cover), so does `weaker`.
 * A weaker statement with an unknown part (a Principal the host computes, content it computes whole) may not
 * apply at all, so nothing implies it; the stronger one's unknown part only narrows it further.
 */
export function statementImplies(stronger: EvalStatement, weaker: EvalStatement): boolean {
  if (weaker.unknown) return false;
  return conditionImplies(stronger.statement.condition, weaker.statement.condition);
}
