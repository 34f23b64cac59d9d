/**
 * One request against the policies attached to one identity (and, with a
 * principal, trust and bucket policies). RAM's rule: an explicit Deny wins;
 * otherwise some Allow must match; otherwise the request is implicitly denied.
 * A statement whose condition the context cannot decide makes the answer
 * `conditional` when it could change the decision, never a guess.
 */
import { type ConditionOutcome, type RequestContext, type Truth, evaluateCondition } from './conditions';
import { type GlobSet, caseFolded, hasCase, setContains } from './glob';
import { RESOURCE_IGNORE_CASE } from './semantics';
import { type EvalStatement, sparesBucketOwner } from './model';

export interface Request {
  action: string;
  resource: string;
  /** Who asks; statements with a Principal apply only when it matches. */
  principal?: string;
  context: RequestContext;
}

export type Decision = 'allow' | 'explicit-deny' | 'implicit-deny' | 'conditional';

export interface RequestResult {
  decision: Decision;
  /** The statements that decided it (the matching Denies, or Allows, or the undecided ones). */
  deciding: EvalStatement[];
  /** For `conditional`: the condition keys whose values would decide. */
  conditionKeys: string[];
}

const APPLIES: ConditionOutcome = { truth: true, decidingKeys: [] };
const DOES_NOT: ConditionOutcome = { truth: false, decidingKeys: [] };

/** Does the statement cover the request's action, resource and principal? Unknown names why. */
export function statementApplies(s: EvalStatement, request: Request): ConditionOutcome {
  if (!setContains(s.actions, request.action)) return DOES_NOT;
  const resource = resourceMatches(s.resources, request.resource);
  if (resource === false) return DOES_NOT;
  const why = resource === 'unknown' ? [RESOURCE_CASE] : [];
  if (s.principals) {
    if (request.principal === undefined || !principalMatches(s.principals, request.principal, request.action)) return DOES_NOT;
    const owner = spareBucketOwner(s, request.principal, request.resource);
    if (owner === true) return DOES_NOT;
    if (owner === 'unknown') why.push(`(whether ${request.principal} owns the bucket)`);
  }
  return why.length > 0 ? { truth: 'unknown', decidingKeys: why } : APPLIES;
}

/** Named where the answer turns on it. */
export const RESOURCE_CASE = '(whether RAM compares this resource ignoring case)';

/**
 * Resources compare case-sensitively in this model (semantics.ts), which is not confirmed for RAM ARNs. A
 * resource that matches one way and not the other (`role/Admin` against `role/admin`) is unknown.
 */
export function resourceMatches(set: GlobSet, resource: string): Truth {
  const exact = setContains(set, resource);
  if (RESOURCE_IGNORE_CASE || !hasCase(set) && resource.toLowerCase() === resource) return exact;
  return exact === setContains(caseFolded(set), resource) ? exact : 'unknown';
}

/**
 * OSS, "Bucket Policy": "When the principal is set to a wildcard character (*) and the policy does not include
 * a condition, the policy applies to all users except the bucket owner" (with a condition it applies to the
 * owner too). The owner is the Alibaba Cloud account whose UID the bucket's ARN carries
 * (`acs:oss:*:<uid>:bucket/…`), asked about as `<uid>` or `acs:ram::<uid>:root`; its RAM users are not the
 * owner. True: the statement spares this principal; unknown: the ARN does not say whose the bucket is.
 */
function spareBucketOwner(s: EvalStatement, principal: string, resource: string): Truth {
  if (!sparesBucketOwner(s)) return false;
  const arn = /^acs:oss:[^:]*:([^:]*):/i.exec(resource);
  const itself = ACCOUNT_ITSELF.exec(principal);
  if (!arn || !itself) return false;
  const uid = itself[1] ?? itself[2];
  if (!/^\d+$/.test(arn[1] as string) || !/^\d+$/.test(uid as string)) return 'unknown';
  return arn[1] === uid;
}

/** `acs:ram::<uid>:user/…`, `…:role/…`, `…:assumed-role/…`: a RAM identity of account <uid>. */
const ACCOUNT_MEMBER = /^acs:ram::(\d+\**):(?:user|role|assumed-role)\//i;
/** The account itself: its bare UID, or `acs:ram::<uid>:root`. */
const ACCOUNT_ITSELF = /^(?:acs:ram::(\d+\**):root|(\d+))$/i;
const ASSUME_ROLE = /^sts:assumerole$/i;

/**
 * Does a Principal set name this principal, for this action? Besides the glob match:
 * - `acs:ram::<uid>:root` (or a bucket policy's bare UID) names every RAM user and role of the account,
 *   and their role sessions (RAM, "Modify the trust policy of a RAM role": root "allows any RAM user or role
 *   in account … to assume the role"), which principalSet also spells out for diff;
 * - it names the account itself too, but not for sts:AssumeRole, which an Alibaba Cloud account cannot call
 *   ("Roles may not be assumed by root accounts"; RAM FAQ: AssumeRole "can only be called by a RAM user or
 *   role"), so the account itself, however it is written, never matches for it;
 * - it does not name the account's identity providers: a SAML or OIDC provider is trusted only through a
 *   `Federated` entry that names it.
 */
export function principalMatches(set: GlobSet, principal: string, action = ''): boolean {
  const itself = ACCOUNT_ITSELF.exec(principal);
  if (itself && ASSUME_ROLE.test(action)) return false;
  if (setContains(set, principal)) return true;
  const account = ACCOUNT_MEMBER.exec(principal)?.[1] ?? itself?.[1] ?? itself?.[2];
  if (!account) return false;
  return setContains(set, `acs:ram::${account}:root`) || setContains(set, account);
}

/**
 * The statement's condition against the context, and what of the statement is unknown (a Principal the host
 * computes, content it computes whole): that can only make a condition that holds unknown.
 */
export function statementCondition(s: EvalStatement, context: RequestContext): ConditionOutcome {
  const own = evaluateCondition(s.statement.condition, context);
  if (!s.unknown || own.truth === false) return own;
  return { truth: 'unknown', decidingKeys: [...own.decidingKeys, s.unknown.what] };
}

export function evaluateRequest(statements: readonly EvalStatement[], request: Request): RequestResult {
  const denies = { yes: [] as EvalStatement[], maybe: [] as EvalStatement[] };
  const allows = { yes: [] as EvalStatement[], maybe: [] as EvalStatement[] };
  const keys: string[] = [];
  const outcomes = new Map<EvalStatement, ConditionOutcome>();
  const maybeKeys = (s: EvalStatement) => {
    for (const k of (outcomes.get(s) as ConditionOutcome).decidingKeys) if (!keys.includes(k)) keys.push(k);
  };
  for (const s of statements) {
    const applies = statementApplies(s, request);
    if (applies.truth === false) continue;
    const condition = statementCondition(s, request.context);
    if (condition.truth === false) continue;
    const truth = applies.truth === true ? condition.truth : 'unknown';
    outcomes.set(s, { truth, decidingKeys: [...applies.decidingKeys, ...(condition.truth === 'unknown' ? condition.decidingKeys : [])] });
    const bucket = s.effect === 'Deny' ? denies : allows;
    (truth === true ? bucket.yes : bucket.maybe).push(s);
  }
  if (denies.yes.length > 0) return { decision: 'explicit-deny', deciding: denies.yes, conditionKeys: [] };
  if (allows.yes.length > 0) {
    if (denies.maybe.length === 0) return { decision: 'allow', deciding: allows.yes, conditionKeys: [] };
    denies.maybe.forEach(maybeKeys);
    return { decision: 'conditional', deciding: [...allows.yes, ...denies.maybe], conditionKeys: keys };
  }
  if (allows.maybe.length > 0) {
    allows.maybe.forEach(maybeKeys);
    denies.maybe.forEach(maybeKeys);
    return { decision: 'conditional', deciding: [...allows.maybe, ...denies.maybe], conditionKeys: keys };
  }
  // Nothing allows it, whatever the undecided Denies do.
  return { decision: 'implicit-deny', deciding: [], conditionKeys: [] };
}
