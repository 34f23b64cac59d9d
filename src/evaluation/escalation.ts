/**
 * Privilege-escalation paths across every statement of every policy given
 * together (the policies of one identity). A path exists when the holder may
 * - pass a role to a service that runs code they control (ram:PassRole with
 *   ecs:RunInstances, fc:CreateFunction, cs:CreateCluster, ros:CreateStack …),
 *   the two grants possibly in different statements or files;
 * - create or change the credentials or policies of others (ram:CreateAccessKey,
 *   ram:AttachPolicyToUser, ram:CreatePolicyVersion …);
 * - rewrite a role's trust policy (ram:UpdateRole);
 * - change an identity provider that roles trust (ram:UpdateSAMLProvider …);
 * - use every action of a service that is full control (ims:*, resourcemanager:*).
 * A grant that only a condition allows still counts (the condition may hold),
 * and says so; an unconditional Deny of the action on every resource removes it.
 */
import { coversEverything } from '../engine/analysis/arn';
import { pinnedServices } from '../engine/analysis/conditions';
import { type EscalationAction, ESCALATION_ACTIONS, FULL_CONTROL_SERVICES, createsPolicies, escalationReach, isAdminPolicy, namedPolicies } from '../engine/analysis/escalation';
import { hasWildcard } from '../engine/wildcard';
import { commonWitness, setIncludedIn } from './automaton';
import { type GlobSet, globSet, setContains } from './glob';
import { CODE_RUNNING_ACTIONS, ROLE_TO_RUNNING_CODE } from './known-actions';
import { type EvalStatement, hasCondition, unknownSubject } from './model';
import { ACTION_IGNORE_CASE, RESOURCE_IGNORE_CASE, STAR_CROSSES_SEPARATORS } from './semantics';

export type EscalationKind = 'pass-role-to-code' | 'credentials-or-policies' | 'trust-policy' | 'identity-provider' | 'full-service' | 'unknown-policy';

export interface EscalationPath {
  kind: EscalationKind;
  /** The actions that make up the path (`ram:PassRole` and the code-running action, the one action, or `<service>:*`). */
  actions: string[];
  /** What the holder can do, in one sentence. */
  description: string;
  /** Every statement involved, in the order given. */
  statements: EvalStatement[];
  /** Some grant on the path depends on a condition. */
  conditional: boolean;
  /**
   * For a scoped PassRole: the only roles and services the path reaches. For an attach limited to named
   * policies or name patterns that cannot name an administrator policy: those policies.
   */
  narrowedTo?: { roles: string[]; services: string[] } | { policies: string[] };
}

/**
 * Every resource: every ARN (`acs:*:*:*:*`), which `*` covers too. The rules read a Resource
 * `acs:*:*:*:*` as every resource (`coversEverything`), so a Deny on it takes its actions away everywhere.
 */
const EVERY_ARN = globSet(['acs:*:*:*:*'], RESOURCE_IGNORE_CASE, false, STAR_CROSSES_SEPARATORS);

/** An identity Deny that takes its actions away on every resource, whatever the request. */
function deniesEverywhere(s: EvalStatement): boolean {
  return !s.principals && s.effect === 'Deny' && !hasCondition(s) && setIncludedIn(EVERY_ARN, [s.resources]) === true;
}

/** The Allow statements that may grant `action` on some resource, unless a Deny takes it away everywhere. */
function grantsOf(statements: readonly EvalStatement[], action: string): EvalStatement[] {
  if (statements.some((s) => deniesEverywhere(s) && setContains(s.actions, action))) return [];
  return statements.filter((s) => !s.principals && s.effect === 'Allow' && reachesSomeResource(s) && setContains(s.actions, action));
}

/** False for NotResource "*" (or `acs:*:*:*:*`), which leaves no resource: such an Allow grants nothing, as the rules read it. */
function reachesSomeResource(s: EvalStatement): boolean {
  return !(s.resources.negated && s.resources.globs.some((g) => coversEverything(g.source)));
}

/** The roles and services a PassRole statement is confined to, or undefined when it reaches any. */
function passRoleScope(s: EvalStatement): { roles: string[]; services: string[] } | undefined {
  const services = pinnedServices(s.statement);
  const roles = s.resources.negated ? undefined : s.resources.globs.map((g) => g.source);
  if (!services || !roles || roles.some(hasWildcard)) return undefined;
  return { roles, services };
}

/**
 * Every resource as ram-privilege-escalation judges ims:* and resourcemanager:*: a Resource that covers every
 * ARN (`*`, `acs:*:*:*:*`), or NotResource. These services' resource types are not catalogued, so what a
 * NotResource leaves out cannot be shown to spare what escalates.
 */
// An answer cut short by the automaton's budget ('unknown') counts as a grant: a path is never dropped for want of one.
const reachesEveryResource = (s: EvalStatement) => (s.resources.negated ? reachesSomeResource(s) : setIncludedIn(EVERY_ARN, [s.resources]) !== false);
const mayOverlap = (a: GlobSet, b: GlobSet) => {
  const common = commonWitness([a, b]);
  return common.witness !== undefined || common.exhausted;
};

/**
 * One path per full-control service (the rule's list) whose every action the Allows on every resource grant
 * together (`ims:*`, `*`, `i*`, NotAction that excludes none of them, or `ims:Get*` beside NotAction
 * `ims:Get*`). Only unconditional Denies that together take away every action of the service remove it: the
 * catalogue lists none of these services' actions, so what a Deny of some of them leaves cannot be shown not
 * to escalate, as a Deny on some resources leaves the other kinds' paths.
 */
function fullServicePaths(statements: readonly EvalStatement[]): EscalationPath[] {
  const denies = statements.filter(deniesEverywhere);
  const allows = statements.filter((s) => !s.principals && s.effect === 'Allow' && reachesEveryResource(s));
  const paths: EscalationPath[] = [];
  for (const { service, what, how } of FULL_CONTROL_SERVICES) {
    const everyAction = globSet([`${service}:*`], ACTION_IGNORE_CASE);
    if (denies.length > 0 && setIncludedIn(everyAction, denies.map((s) => s.actions)) === true) continue;
    const grants = allows.filter((s) => mayOverlap(everyAction, s.actions));
    if (grants.length === 0 || setIncludedIn(everyAction, grants.map((s) => s.actions)) === false) continue;
    paths.push({
      kind: 'full-service',
      actions: [`${service}:*`],
      description: `use every ${service} action (${what}) and so ${how}`,
      statements: grants,
      // Conditional unless the unconditional grants alone give every action of the service.
      conditional: setIncludedIn(everyAction, grants.filter((g) => !hasCondition(g)).map((g) => g.actions)) !== true,
    });
  }
  return paths;
}

const serviceOfAction = (action: string) => `${action.slice(0, action.indexOf(':')).toLowerCase()}.aliyuncs.com`;

export function findEscalationPaths(given: readonly EvalStatement[]): EscalationPath[] {
  const paths: EscalationPath[] = [];
  // Content the host computes whole may grant anything: one unproven path for each such grant, and no other
  // path drawn from it (its `*` on `*` would stand behind every one). Its Deny, like any conditional Deny,
  // removes nothing.
  const statements = given.filter((s) => !s.unknown?.opaque);
  const passers = grantsOf(statements, 'ram:PassRole');
  if (passers.length > 0) {
    for (const action of CODE_RUNNING_ACTIONS) {
      const runners = grantsOf(statements, action);
      if (runners.length === 0) continue;
      const service = serviceOfAction(action);
      const scopes = passers.map(passRoleScope);
      // A PassRole pinned to other services cannot hand a role to this one.
      const reaching = passers.filter((_, i) => !scopes[i] || scopes[i]?.services.some((s) => s.toLowerCase() === service));
      if (reaching.length === 0) continue;
      const reachingScopes = reaching.map(passRoleScope);
      const narrowed = reachingScopes.every(Boolean)
        ? { roles: [...new Set(reachingScopes.flatMap((s) => s?.roles ?? []))], services: [service] }
        : undefined;
      const involved = statements.filter((s) => reaching.includes(s) || runners.includes(s));
      paths.push({
        kind: 'pass-role-to-code',
        actions: ['ram:PassRole', action],
        description: narrowed
          ? `pass only ${narrowed.roles.join(', ')} to ${service} and run code with it through ${action}`
          : `pass any role to ${service} and run code with its permissions through ${action}`,
        statements: involved,
        // Conditional when a step can be taken only under a condition: every PassRole, or every runner, has one.
        conditional: reaching.every(hasCondition) || runners.every(hasCondition),
        ...(narrowed ? { narrowedTo: narrowed } : {}),
      });
    }
    // A role passed to what already runs (an instance), then code run there: three grants.
    for (const { attach, run } of ROLE_TO_RUNNING_CODE) {
      const attachers = grantsOf(statements, attach);
      const granted = run.filter((action) => grantsOf(statements, action).length > 0);
      const first = granted[0];
      if (attachers.length === 0 || first === undefined) continue;
      const runners = granted.flatMap((action) => grantsOf(statements, action));
      const service = serviceOfAction(attach);
      const reaching = passers.filter((p) => {
        const scope = passRoleScope(p);
        return !scope || scope.services.some((s) => s.toLowerCase() === service);
      });
      if (reaching.length === 0) continue;
      const scopes = reaching.map(passRoleScope);
      const narrowed = scopes.every(Boolean) ? { roles: [...new Set(scopes.flatMap((s) => s?.roles ?? []))], services: [service] } : undefined;
      const how = `attach it to a running instance with ${attach} and run code there with its permissions through ${granted.join(' or ')}`;
      paths.push({
        kind: 'pass-role-to-code',
        actions: ['ram:PassRole', attach, first],
        description: narrowed ? `pass only ${narrowed.roles.join(', ')} to ${service}, ${how}` : `pass any role to ${service}, ${how}`,
        statements: statements.filter((s) => reaching.includes(s) || attachers.includes(s) || runners.includes(s)),
        conditional: reaching.every(hasCondition) || attachers.every(hasCondition) || runners.every(hasCondition),
        ...(narrowed ? { narrowedTo: narrowed } : {}),
      });
    }
  }
  // The lint rule's list and its reading of resources (ram-privilege-escalation, escalationReach), so the two
  // never disagree on what escalates: CreateAccessKey on a named user, or an attach limited to named
  // policies, is not "any".
  const creates = createsPolicies(statements.filter((s) => !s.principals).map((s) => s.statement));
  for (const e of ESCALATION_ACTIONS) {
    const path = escalationActionPath(e, grantsOf(statements, e.action), creates);
    if (path) paths.push(path);
  }
  // ims and resourcemanager are judged as whole services (the catalogue has no ims actions), after the RAM actions.
  paths.push(...fullServicePaths(statements));
  for (const s of given) {
    if (!s.unknown?.opaque || s.effect !== 'Allow' || s.principals) continue;
    paths.push({
      kind: 'unknown-policy',
      actions: ['*'],
      description: `do whatever ${unknownSubject(s.unknown)}, grants: no path can be ruled out (not proven either way)`,
      statements: [s],
      conditional: true,
    });
  }
  return paths;
}

/**
 * The path one escalation action opens, read as the rule reads each grant's resources (escalationReach):
 * - a grant on a resource that reaches many of its type, with NotResource, naming AdministratorAccess or
 *   AliyunRAMFullAccess, or on name patterns while the identity can create policies: the full path;
 * - a grant whose Resource the host computes (a placeholder, which the rule does not judge): the full path,
 *   conditional, as the value may be anything;
 * - an attach limited to named policies or to name patterns that cannot name an administrator policy: a
 *   path narrowed to those policies (the rule's warning);
 * - named users, groups or roles, another resource type: no path (the rule reports none).
 */
function escalationActionPath(e: EscalationAction, grants: readonly EvalStatement[], createsPolicy: boolean): EscalationPath | undefined {
  const full: EvalStatement[] = [];
  const computed: EvalStatement[] = [];
  const admin: { s: EvalStatement; name: string }[] = [];
  const narrowed: { s: EvalStatement; policies: string[] }[] = [];
  for (const s of grants) {
    const reach = escalationReach(s.statement, e);
    const adminName = reach.kind === 'named' ? reach.policies.find((p) => isAdminPolicy(p.name))?.name : undefined;
    if (reach.kind === 'broad' || (reach.kind === 'pattern' && createsPolicy)) full.push(s);
    else if (adminName !== undefined) admin.push({ s, name: adminName });
    else if ((s.statement.resource?.values ?? []).some((r) => r.placeholder)) computed.push(s);
    else if (reach.kind === 'pattern') narrowed.push({ s, policies: [...new Set([reach.pattern, ...namedPolicies(s.statement).map((p) => p.name)])] });
    else if (reach.kind === 'named') narrowed.push({ s, policies: reach.policies.map((p) => p.name) });
  }
  const kind: EscalationKind = e.via.includes('role') ? 'trust-policy' : e.via.some((v) => v.endsWith('-provider')) ? 'identity-provider' : 'credentials-or-policies';
  // An unconditional grant beside a conditional one makes the path unconditional; a computed Resource is a condition.
  if (full.length > 0 || computed.length > 0) {
    const statements = [...full, ...computed];
    return { kind, actions: [e.action], description: e.how, statements: grants.filter((g) => statements.includes(g)), conditional: full.every(hasCondition) };
  }
  if (admin.length > 0) {
    const names = [...new Set(admin.map((a) => a.name))];
    return { kind, actions: [e.action], description: `${e.how.replace(/^attach any policy, AdministratorAccess included,/, `attach ${names.join(', ')}, which is administrator access,`)}`, statements: admin.map((a) => a.s), conditional: admin.every((a) => hasCondition(a.s)) };
  }
  if (narrowed.length > 0) {
    const policies = [...new Set(narrowed.flatMap((n) => n.policies))];
    return {
      kind,
      actions: [e.action],
      description: `${e.how.replace(/^attach any policy, AdministratorAccess included,/, `attach only ${policies.join(', ')}`)}; check that they grant no more than the holder may have`,
      statements: narrowed.map((n) => n.s),
      conditional: narrowed.every((n) => hasCondition(n.s)),
      narrowedTo: { policies },
    };
  }
  return undefined;
}

/** What the output says of a narrowed path. */
export function narrowedNote(p: EscalationPath): string {
  if (!p.narrowedTo) return '';
  return 'policies' in p.narrowedTo ? ' (narrowed to the policies its Resource names)' : ' (narrowed by the scoped PassRole)';
}
