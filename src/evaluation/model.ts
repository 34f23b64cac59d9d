/**
 * A located statement → what it means for evaluation: effect, the sets of
 * actions, resources and principals it covers, and its condition. The source
 * statement stays attached so every answer can point at it.
 */
import { buildPolicy, type Policy, type PrincipalMember, type Statement } from '../engine/model';
import { parseJson } from '../engine/parse';
import { type GlobSet, globSet } from './glob';
import { ACTION_IGNORE_CASE, PRINCIPAL_IGNORE_CASE, RESOURCE_IGNORE_CASE, STAR_CROSSES_SEPARATORS } from './semantics';

/** Where a statement came from, for output. */
export interface StatementOrigin {
  filePath: string;
  /** A document inside a host file (a Terraform resource, a ROS template …). */
  label?: string;
  line: number;
  column: number;
  /** `Statement[1]` */
  path: string;
  /** The statement's extent, for formats that show a range (1-based end, exclusive; offsets in the document text). */
  endLine: number;
  endColumn: number;
  offset: number;
  endOffset: number;
}

export interface EvalStatement {
  effect: 'Allow' | 'Deny';
  actions: GlobSet;
  resources: GlobSet;
  /** Undefined: the statement has no Principal and applies to the identity holding the policy. */
  principals?: GlobSet;
  statement: Statement;
  origin: StatementOrigin;
  /**
   * Part of the statement is a value the host file computes (its Principal), or the statement stands for
   * content the host computes whole: it may or may not apply, as under a condition nothing decides.
   */
  unknown?: UnknownPart;
}

/** What a statement's evaluation cannot know (EvalStatement.unknown). */
export interface UnknownPart {
  /** For output, as a deciding "key": `(the Principal, computed by the host file)`. */
  what: string;
  /**
   * The statement stands for a policy, a Statement or one statement the host computes whole: nothing of it is
   * known, so it is read as every action on every resource, allowed or denied (one statement of each effect).
   */
  opaque?: boolean;
  /** The host's text for the value (`"${var.statements}"`, `var.doc`): the same text on both sides of a diff is the same value. */
  source?: string;
  /** What settles it, for messages: `evaluate the planned policy (terraform show -json)`. */
  remedy?: string;
}

/** `(the whole policy, computed by the host file)` → `the whole policy, computed by the host file`. */
export const unknownSubject = (u: UnknownPart) => u.what.replace(/^\((.*)\)$/, '$1');

/** Everything matches: a missing Resource (trust policies) or Principal "*". */
const EVERYTHING = (ignoreCase: boolean): GlobSet => globSet(['*'], ignoreCase);

/**
 * The statements that evaluation can take at face value. A statement with an
 * Effect other than Allow/Deny, or without Action/NotAction, is one RAM rejects;
 * it is left out and returned in `skipped` so callers can say so.
 */
export function evalStatements(policy: Policy, originOf: (s: Statement) => StatementOrigin): { statements: EvalStatement[]; skipped: Statement[] } {
  const statements: EvalStatement[] = [];
  const skipped: Statement[] = [];
  for (const s of policy.statements) {
    const effect = s.effectValue;
    const actions = s.action ? globSet(s.action.values.map((v) => v.value), ACTION_IGNORE_CASE) : s.notAction ? globSet(s.notAction.values.map((v) => v.value), ACTION_IGNORE_CASE, true) : undefined;
    // Without a Principal a statement needs a Resource (RAM rejects it otherwise); reading a missing one as "*"
    // would let an old policy RAM never accepted hide new access.
    const resourceMissing = !s.resource && !s.notResource && !s.principal;
    if ((effect !== 'Allow' && effect !== 'Deny') || !actions || (s.action && s.notAction) || (s.resource && s.notResource) || resourceMissing) {
      skipped.push(s);
      continue;
    }
    const resources = s.resource
      ? globSet(s.resource.values.map((v) => v.value), RESOURCE_IGNORE_CASE, false, STAR_CROSSES_SEPARATORS)
      : s.notResource
        ? globSet(s.notResource.values.map((v) => v.value), RESOURCE_IGNORE_CASE, true, STAR_CROSSES_SEPARATORS)
        : EVERYTHING(RESOURCE_IGNORE_CASE);
    const unknown = s.principal?.unknown ? { what: '(the Principal, computed by the host file)' } : undefined;
    statements.push({ effect, actions, resources, principals: s.principal && principalSet(s.principal), statement: s, origin: originOf(s), ...(unknown ? { unknown } : {}) });
  }
  return { statements, skipped };
}

/** The two statements a policy or statement the host computes whole stands for: `*` on `*`, Allow and Deny. */
const OPAQUE_SOURCE = buildPolicy(parseJson('{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},{"Effect":"Deny","Action":"*","Resource":"*"}]}', { allowComments: false }).root).statements;

/**
 * Statements for content the host computes whole (a policy, its Statement, one statement): it may allow or
 * deny every action on every resource, so one Allow and one Deny of `*` on `*`, each under a condition nothing
 * decides. `principals`: `without` for an identity's policy, `with` (every principal) for a trust, bucket or
 * other resource policy, whose statements name principals; `both` when the kind is not known.
 */
export function opaqueStatements(what: string, origin: StatementOrigin, principals: 'without' | 'with' | 'both', source?: string, remedy = 'evaluate the planned policy (terraform show -json)'): EvalStatement[] {
  const unknown: UnknownPart = { what, opaque: true, remedy, ...(source !== undefined ? { source } : {}) };
  const forms = principals === 'both' ? [undefined, EVERYTHING(PRINCIPAL_IGNORE_CASE)] : [principals === 'with' ? EVERYTHING(PRINCIPAL_IGNORE_CASE) : undefined];
  return forms.flatMap((p) =>
    OPAQUE_SOURCE.map((statement) => ({
      effect: statement.effectValue as 'Allow' | 'Deny',
      actions: EVERYTHING(ACTION_IGNORE_CASE),
      resources: EVERYTHING(RESOURCE_IGNORE_CASE),
      ...(p ? { principals: p } : {}),
      statement,
      origin,
      unknown,
    })),
  );
}

/**
 * Principal values as one set of strings. Object form `{"RAM": [...]}` and
 * list form (bucket policies) both become their values; an empty Principal
 * is everyone (OSS), as is `"*"`, and so is one the host computes (evalStatements
 * marks its statement unknown).
 */
export function principalSet(principal: PrincipalMember): GlobSet {
  // A Principal the host computes may name anyone: every principal, under the statement's unknown part.
  if (principal.star || principal.empty || principal.unknown) return EVERYTHING(PRINCIPAL_IGNORE_CASE);
  const values = [...(principal.list?.values ?? []), ...principal.entries.flatMap((e) => e.values)].map((v) => v.value);
  return globSet(values.flatMap(withAccountMembers), PRINCIPAL_IGNORE_CASE);
}

/**
 * An account's `acs:ram::<uid>:root`, or a bucket policy's bare UID, names the RAM users and roles of the
 * account and their role sessions (request.ts, principalMatches), spelled out so that `diff`, which compares
 * principals as strings, sees them: an old root covers a new `user/alice`, and a witness is a user `can`
 * accepts. The members come first, so the readable witness is `acs:ram::<uid>:user/x`, not the root itself
 * (which cannot call sts:AssumeRole).
 */
function withAccountMembers(value: string): string[] {
  const account = /^acs:ram::(\d+\**|\*):root$/i.exec(value.trim())?.[1] ?? (/^\d+$/.test(value.trim()) ? value.trim() : undefined);
  if (account === undefined) return [value];
  return [...['user', 'role', 'assumed-role'].map((type) => `acs:ram::${account}:${type}/*`), value];
}

/** Does anything but the request's action, resource and principal decide whether the statement applies? */
export function hasCondition(s: EvalStatement): boolean {
  const c = s.statement.condition;
  return s.unknown !== undefined || (c !== undefined && (c.clauses.length > 0 || c.malformedOperators.length > 0 || c.unknown || c.unknownOperators.length > 0 || c.valueNode.type !== 'object'));
}

/**
 * A statement for Principal "*" (or an empty Principal) without a Condition: in an OSS bucket policy it
 * "applies to all users except the bucket owner" (OSS, "Bucket Policy"). request.ts decides who the owner
 * is; diff.ts keeps such a statement from standing in for one that does not spare the owner.
 */
export function sparesBucketOwner(s: EvalStatement): boolean {
  const p = s.statement.principal;
  if (p === undefined || p.unknown || hasCondition(s)) return false;
  return p.star !== undefined || p.empty || [...(p.list?.values ?? []), ...p.entries.flatMap((e) => e.values)].some((v) => v.value.trim() === '*');
}
