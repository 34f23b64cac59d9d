/**
 * Does a statement grant a given action? Action names compare
 * case-insensitively (Alibaba: "generally not case-sensitive"). A NotAction
 * list grants every action it does not exclude.
 */
import type { ListMember, LocatedString, Policy, Statement } from '../model';
import { coversEverything } from './arn';
import { compileWildcard, wildcardMatch } from '../wildcard';
import { LIMITING_KINDS } from '../types';

/** Does the action pattern (`ram:*`, `ram:Pass*`, `ram:P?ssRole`, `*`) cover the concrete action? */
export function actionCovers(pattern: string, action: string): boolean {
  // Most entries name another service than the action asked about (ram:PassRole): when both start with an
  // ASCII character and the pattern's is not a wildcard, a different first letter settles it without the
  // compiled-pattern lookup. (toLowerCase of an ASCII first character does not depend on what follows.)
  const p = pattern.charCodeAt(0);
  const a = action.charCodeAt(0);
  if (p < 128 && a < 128 && p !== 42 /* * */ && p !== 63 /* ? */ && lowerAscii(p) !== lowerAscii(a)) return false;
  return wildcardMatch(pattern, action, true);
}

function lowerAscii(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/** Compile once, test many actions (for catalogue scans). */
export function actionMatcher(pattern: string): (action: string) => boolean {
  const compiled = compileWildcard(pattern, true);
  return (action) => wildcardMatch(compiled, action);
}

export interface ActionGrant {
  /** The Action entry that covers the action; absent when the grant comes from NotAction. */
  entry?: LocatedString;
  /** The list that grants it (Action or NotAction). */
  member: ListMember;
  viaNotAction: boolean;
}

/** How the statement grants `action`, or undefined when it does not. Effect is not considered. */
export function grantOf(statement: Statement, action: string): ActionGrant | undefined {
  if (statement.action) {
    const entry = statement.action.values.find((v) => actionCovers(v.value, action));
    if (entry) return { entry, member: statement.action, viaNotAction: false };
  }
  if (statement.notAction && !statement.action) {
    const excluded = statement.notAction.values.some((v) => actionCovers(v.value, action));
    if (!excluded) return { member: statement.notAction, viaNotAction: true };
  }
  return undefined;
}

/** Short human description of how the action is granted, for messages. */
export function describeGrant(action: string, grant: ActionGrant): string {
  if (grant.viaNotAction) return `${action} (granted by NotAction, which allows everything it does not list)`;
  const written = grant.entry?.value ?? action;
  return written.toLowerCase() === action.toLowerCase() ? action : `${action} (through "${written}")`;
}

/** Is the action pattern the full wildcard (`*`, `**`, `*:*`), which every action matches? */
function isFullWildcard(action: string): boolean {
  return /^\*+(:\*+)?$/.test(action.trim());
}

/** Does the statement's Action list contain the full wildcard (`*`, `**`, `*:*`)? */
export function fullWildcardEntry(statement: Statement): LocatedString | undefined {
  return statement.action?.values.find((v) => isFullWildcard(v.value));
}

/** The part before the colon, lower-cased; `*` for the full wildcard. */
export function serviceOf(action: string): string {
  const i = action.indexOf(':');
  return (i < 0 ? action : action.slice(0, i)).toLowerCase();
}

export function isAllow(statement: Statement): boolean {
  return statement.effectValue === 'Allow';
}

/**
 * The entry of an exclusion list that leaves out everything: NotAction "*"
 * (or `*:*`), or a NotResource entry "*" or `acs:*:*:*:*`. The statement then matches no
 * request, so an Allow grants nothing; allow-with-not-element says so, and
 * the rules about broad grants pass it over.
 */
export function everythingExcluded(statement: Statement): LocatedString | undefined {
  return (
    statement.notAction?.values.find((v) => !v.placeholder && isFullWildcard(v.value)) ??
    statement.notResource?.values.find((v) => !v.placeholder && coversEverything(v.value))
  );
}

/**
 * The statements that grant to the identity a policy is attached to: all of a
 * permission policy's, and in any other document those without a Principal.
 * One statement with a Principal must not hide an admin grant beside it from
 * the permission-policy rules. None of a limiting policy's (LIMITING_KINDS):
 * an endpoint, control or session policy only limits what passes or what
 * others grant, and grants nothing to anyone.
 */
export function identityStatements(policy: Policy): Statement[] {
  if (LIMITING_KINDS.includes(policy.kind)) return [];
  return policy.kind === 'permission' ? policy.statements : policy.statements.filter((s) => !s.principal);
}
