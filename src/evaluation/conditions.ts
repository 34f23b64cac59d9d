/**
 * A statement's Condition against a request context, three-valued: true,
 * false, or unknown when the context does not say (a key with no value given,
 * a policy variable, an operator this model does not know). Unknown is never
 * rounded to true or false; the caller reports the statement as conditional.
 *
 * Operators AND together, keys under one operator AND, values OR (RAM docs).
 * A request key with several values and no set qualifier is decided only
 * where "any value" and "every value" agree (docs/semantics.md).
 * `ForAnyValue:`/`ForAllValues:`, `...IfExists` and `Null` are AWS forms that
 * RAM does not document (the linter flags them); they are evaluated with the
 * AWS meaning so that a policy using them still gets an answer.
 */
import { type ConditionClause, type ConditionMember, membersOf } from '../engine/model';
import { CONDITION_OPERATORS, type ConditionValueType } from '../engine/catalog/condition-operators';
import { wildcardMatch } from '../engine/wildcard';
import { ipInRange, parseIpRange } from './ip';

/**
 * The request context: condition key (lower-cased) → its values. A key
 * mapped to an empty list is known to be absent from the request; a key not
 * in the map is unknown.
 */
export type RequestContext = ReadonlyMap<string, readonly string[]>;

export type Truth = true | false | 'unknown';

export interface ConditionOutcome {
  truth: Truth;
  /** Keys whose value would decide an unknown outcome, as written in the policy. */
  decidingKeys: string[];
}

export function contextFrom(pairs: readonly (readonly [string, string | undefined])[]): RequestContext {
  const map = new Map<string, string[]>();
  for (const [key, value] of pairs) {
    const k = key.toLowerCase();
    const list = map.get(k) ?? [];
    if (value !== undefined) list.push(value);
    map.set(k, list);
  }
  return map;
}

export function evaluateCondition(condition: ConditionMember | undefined, context: RequestContext): ConditionOutcome {
  if (!condition) return { truth: true, decidingKeys: [] };
  // A Condition the host file computes (Condition = var.cond) may hold anything.
  if (condition.unknown) return { truth: 'unknown', decidingKeys: ['(the Condition, computed by the host file)'] };
  // A Condition that is not an object of objects: RAM rejects the policy, so nothing is known about it.
  if (condition.valueNode.type !== 'object' || condition.malformedOperators.length > 0) return { truth: 'unknown', decidingKeys: ['(malformed Condition)'] };
  const unknownKeys: string[] = [];
  const say = (key: string) => {
    if (!unknownKeys.includes(key)) unknownKeys.push(key);
  };
  // An operator whose keys the host computes ANDs with the rest: it can only make a true condition unknown.
  for (const op of condition.unknownOperators) say(`(the keys of ${op.key}, computed by the host file)`);
  const { repeated, groups } = repeatedClauses(condition);
  for (const clause of condition.clauses) {
    if (repeated.has(clause)) continue;
    const truth = evaluateClause(clause, context);
    if (truth === false) return { truth: false, decidingKeys: [] };
    if (truth === 'unknown') say(clause.key);
  }
  // A repeated operator or key: a reader keeps the first, the last, or both (ANDed). Every reading ANDs some of
  // the group's clauses, so the group is decided only when all of them agree.
  for (const group of groups) {
    const truths = group.clauses.map((c) => evaluateClause(c, context));
    const first = truths[0];
    if (truths.every((t) => t === first) && first !== 'unknown') {
      if (first === false) return { truth: false, decidingKeys: [] };
      continue;
    }
    say(group.what);
    group.clauses.forEach((c, i) => truths[i] === 'unknown' && say(c.key));
  }
  return unknownKeys.length > 0 ? { truth: 'unknown', decidingKeys: unknownKeys } : { truth: true, decidingKeys: [] };
}

/** Clauses that readers of the JSON may read differently, grouped by what is written twice. */
export interface RepeatedClauses {
  repeated: ReadonlySet<ConditionClause>;
  groups: readonly { what: string; clauses: readonly ConditionClause[] }[];
}

const NO_REPEATS: RepeatedClauses = { repeated: new Set(), groups: [] };
const repeatsSeen = new WeakMap<ConditionMember, RepeatedClauses>();

/**
 * The clauses of an operator written twice in one Condition (`"IpAddress": {…}, "IpAddress": {…}`), and of a
 * key written twice under one operator (keys compare case-insensitively, so `acs:SourceIp` and `ACS:SourceIp`
 * count as one). JSON readers disagree about which one counts: JSON.parse keeps the last, others the first,
 * a merge keeps both, and which one RAM keeps is not documented. So neither can be assumed.
 */
export function repeatedClauses(condition: ConditionMember): RepeatedClauses {
  const known = repeatsSeen.get(condition);
  if (known) return known;
  let found = NO_REPEATS;
  if (condition.valueNode.type === 'object') {
    const operators = membersOf(condition.valueNode, condition.path);
    const count = (keys: string[], key: string) => keys.filter((k) => k === key).length;
    const operatorNames = operators.map((o) => o.key);
    const groups: { what: string; clauses: ConditionClause[] }[] = [];
    const repeated = new Set<ConditionClause>();
    const add = (what: string, clauses: ConditionClause[]) => {
      const fresh = clauses.filter((c) => !repeated.has(c));
      if (fresh.length === 0) return;
      for (const c of fresh) repeated.add(c);
      groups.push({ what, clauses: fresh });
    };
    for (const name of new Set(operatorNames)) {
      if (count(operatorNames, name) > 1) add(`(${name} written twice in one Condition)`, condition.clauses.filter((c) => c.operator === name));
    }
    for (const op of operators) {
      if (op.valueNode.type !== 'object') continue;
      const keys = membersOf(op.valueNode, op.path).map((k) => k.key.toLowerCase());
      for (const key of new Set(keys)) {
        if (count(keys, key) > 1) add(`(${key} written twice under ${op.key})`, condition.clauses.filter((c) => c.operatorNode === op.keyNode && c.key.toLowerCase() === key));
      }
    }
    if (groups.length > 0) found = { repeated, groups };
  }
  repeatsSeen.set(condition, found);
  return found;
}

interface ParsedOperator {
  set?: 'any' | 'all';
  ifExists: boolean;
  base: string;
}

export function parseOperator(operator: string): ParsedOperator {
  let rest = operator;
  let setQualifier: 'any' | 'all' | undefined;
  const prefix = /^(ForAnyValue|ForAllValues):/.exec(rest);
  if (prefix) {
    setQualifier = prefix[1] === 'ForAnyValue' ? 'any' : 'all';
    rest = rest.slice(prefix[0].length);
  }
  const ifExists = rest.endsWith('IfExists') && rest !== 'IfExists';
  if (ifExists) rest = rest.slice(0, -'IfExists'.length);
  return { set: setQualifier, ifExists, base: rest };
}

export function evaluateClause(clause: ConditionClause, context: RequestContext): Truth {
  const op = parseOperator(clause.operator);
  if (clause.nonScalars.length > 0 || clause.values.length === 0) return 'unknown';
  const policyValues = clause.values.map((v) => String(v.value));
  const requestValues = context.get(clause.key.toLowerCase());

  if (op.base === 'Null') {
    if (op.set || op.ifExists || policyValues.length !== 1) return 'unknown';
    const wantsAbsent = policyValues[0]?.toLowerCase() === 'true';
    if (requestValues === undefined) return 'unknown';
    return requestValues.length === 0 === wantsAbsent;
  }
  const type = CONDITION_OPERATORS.get(op.base);
  if (!type) return 'unknown';
  // `${acs:CurrentTime}` and other policy variables take their value from the request.
  if (policyValues.some((v) => v.includes('${'))) return 'unknown';
  if (requestValues === undefined) return 'unknown';
  const negated = /Not/.test(op.base);
  if (requestValues.length === 0) {
    // The key is absent from the request: no value matches, so a positive operator is false and a negated one
    // (StringNotEquals, StringNotLike, NotIpAddress …) true, as AWS documents and as Alibaba's own bucket
    // policy example needs (StringNotLike acs:SourceVpc "vpc-*" to let requests from outside every VPC in).
    // The undocumented forms with their AWS meaning: IfExists and ForAllValues hold, ForAnyValue does not.
    if (op.ifExists || op.set === 'all') return true;
    if (op.set === 'any') return false;
    return negated;
  }
  const test = (requestValue: string): Truth => {
    const hit = anyValueMatches(op.base, type, requestValue, policyValues);
    return hit === 'unknown' ? 'unknown' : negated ? !hit : hit;
  };
  const results = requestValues.map(test);
  if (op.set === 'all') return and(results);
  if (op.set === 'any') return or(results);
  // Several values and no set qualifier: AWS says a multi-valued key needs one, and RAM documents neither
  // reading, so the answer is known only when "any value" and "every value" agree.
  const any = or(results);
  return any === and(results) ? any : 'unknown';
}

function and(values: Truth[]): Truth {
  if (values.includes(false)) return false;
  return values.includes('unknown') ? 'unknown' : true;
}
function or(values: Truth[]): Truth {
  if (values.includes(true)) return true;
  return values.includes('unknown') ? 'unknown' : false;
}

/** Does the request value match any policy value under the operator's positive form? */
function anyValueMatches(base: string, type: ConditionValueType, requestValue: string, policyValues: readonly string[]): Truth {
  return or(policyValues.map((p) => positiveMatch(base, type, requestValue, p)));
}

function positiveMatch(base: string, type: ConditionValueType, requestValue: string, policyValue: string): Truth {
  switch (type) {
    case 'string':
      if (base.includes('IgnoreCase')) return requestValue.toLowerCase() === policyValue.toLowerCase();
      if (base.includes('Like')) return wildcardMatch(policyValue, requestValue);
      return requestValue === policyValue;
    case 'boolean': {
      const a = requestValue.toLowerCase();
      const b = policyValue.toLowerCase();
      if (!['true', 'false'].includes(a) || !['true', 'false'].includes(b)) return false;
      return a === b;
    }
    case 'ip': {
      const range = parseIpRange(policyValue);
      const inside = range && ipInRange(requestValue, range);
      return inside ?? false;
    }
    case 'number':
      return compare(base.replace(/^Numeric/, ''), toNumber(requestValue), toNumber(policyValue));
    case 'date': {
      // A value that is not an ISO 8601 date and time cannot be compared: RAM's reading of it is unknown.
      const [a, b] = [parseDate(requestValue), parseDate(policyValue)];
      return a === undefined || b === undefined ? 'unknown' : compare(base.replace(/^Date/, ''), a, b);
    }
  }
}

function toNumber(text: string): number | undefined {
  const n = Number(text.trim());
  return text.trim() !== '' && Number.isFinite(n) ? n : undefined;
}

/**
 * `2024-01-01`, `2024-01-01T08:00`, `…:00`, `…:00.5`, with `Z`, `+08:00`,
 * `+0800` or `+08` (RAM's reference: "ISO 8601 UTC"), read the same on every
 * machine: a value without a zone is UTC, not the local time `Date.parse`
 * would take. Anything else is undefined (the caller answers unknown): epoch
 * seconds, which RAM does not document, a bare year (`2024`: a year to ISO
 * 8601, a second of 1970 to AWS), a date that does not exist.
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?([Zz]|[+-]\d{2}(?::?\d{2})?)?$/;

export function parseDate(text: string): number | undefined {
  const m = ISO_DATE.exec(text.trim());
  if (!m) return undefined;
  const [year, month, day, hour = 0, minute = 0, second = 0] = m.slice(1, 7).map((x) => (x === undefined ? undefined : Number(x))) as number[];
  const ms = Math.floor(Number(`0.${m[7] ?? '0'}`) * 1000);
  // A zone without a time (`2024-01-01Z`) is not ISO 8601.
  if (m[8] !== undefined && m[4] === undefined) return undefined;
  const utc = Date.UTC(year as number, (month as number) - 1, day, hour, minute, second, ms);
  const d = new Date(utc);
  // Date.UTC rolls over (February 30th is March 2nd): such a date does not exist.
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== (month as number) - 1 || d.getUTCDate() !== day || d.getUTCHours() !== hour || d.getUTCMinutes() !== minute || d.getUTCSeconds() !== second) return undefined;
  const offset = zoneOffsetMinutes(m[8]);
  return offset === undefined ? undefined : utc - offset * 60_000;
}

/** `Z` or none: 0; `+08:00`, `+0800`, `+08`: minutes east of UTC; undefined past 23:59. */
function zoneOffsetMinutes(zone: string | undefined): number | undefined {
  if (zone === undefined || zone === 'Z' || zone === 'z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const [hours, minutes] = [Number(digits.slice(0, 2)), Number(digits.slice(2) || '0')];
  return hours > 23 || minutes > 59 ? undefined : sign * (hours * 60 + minutes);
}

/** `Equals`, `NotEquals` (as Equals; the caller negates), `LessThan`, `LessThanEquals`, … */
function compare(relation: string, a: number | undefined, b: number | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  switch (relation) {
    case 'Equals':
    case 'NotEquals':
      return a === b;
    case 'LessThan':
      return a < b;
    case 'LessThanEquals':
      return a <= b;
    case 'GreaterThan':
      return a > b;
    case 'GreaterThanEquals':
      return a >= b;
    default:
      return false;
  }
}
