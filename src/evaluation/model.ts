/**
 * A located statement → what it means for evaluation: effect, the sets of
 * actions, resources and principals it covers, and its condition. The source
 * statement stays attached so every answer can point at it.
 */
import type { Policy, PrincipalMember, Statement } from '../engine/model';
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
}

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
    statements.push({ effect, actions, resources, principals: s.principal && principalSet(s.principal), statement: s, origin: originOf(s) });
  }
  return { statements, skipped };
}

/**
 * Principal values as one set of strings. Object form `{"RAM": [...]}` and
 * list form (bucket policies) both become their values; an empty Principal
 * is everyone (OSS), as is `"*"`.
 */
export function principalSet(principal: PrincipalMember): GlobSet {
  if (principal.star || principal.empty) return EVERYTHING(PRINCIPAL_IGNORE_CASE);
  const values = [...(principal.list?.values ?? []), ...principal.entries.flatMap((e) => e.values)].map((v) => v.value);
  return globSet(values, PRINCIPAL_IGNORE_CASE);
}

export function hasCondition(s: EvalStatement): boolean {
  return (s.statement.condition?.clauses.length ?? 0) > 0 || (s.statement.condition?.malformedOperators.length ?? 0) > 0;
}
