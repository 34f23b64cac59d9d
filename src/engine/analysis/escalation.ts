/**
 * RAM actions that let their holder give themselves more access, and what a
 * resource pattern reaches of the RAM resource types they act on. Source: the
 * RAM API authorization tables, collected in
 * ../shared/docs/ram-policy-language.md §6. ram:PassRole has rules of its own
 * (passrole-*).
 */
import type { LocatedString, Statement } from '../model';
import { canMatchWithPrefix, wildcardMatch } from '../wildcard';
import { patternsOverlap } from './action-catalogue';
import { type ActionGrant, actionCovers, grantOf, isAllow } from './actions';
import { coversEverything, reachesGlobalRegion, splitArn } from './arn';
import { firstWildcardOutsidePlaceholders, maskPlaceholders, placeholdersAsWildcards } from './placeholders';

export type RamResourceType = 'user' | 'group' | 'role' | 'policy' | 'saml-provider' | 'oidc-provider';

export interface EscalationAction {
  action: string;
  /** What the holder can do with it, for messages. */
  how: string;
  /** The resource types through which the action escalates. */
  via: readonly RamResourceType[];
  /** Attach actions: RAM also checks the policy resource, so named policies limit what can be attached. */
  attachesPolicy?: boolean;
}

export const ESCALATION_ACTIONS: readonly EscalationAction[] = [
  { action: 'ram:AttachPolicyToUser', how: 'attach any policy, AdministratorAccess included, to a user', via: ['policy'], attachesPolicy: true },
  { action: 'ram:AttachPolicyToGroup', how: 'attach any policy, AdministratorAccess included, to a group', via: ['policy'], attachesPolicy: true },
  { action: 'ram:AttachPolicyToRole', how: 'attach any policy, AdministratorAccess included, to a role', via: ['policy'], attachesPolicy: true },
  // Resource Management's AttachPolicy authorizes as ram:AttachPolicy, on the policy and the user, group or role.
  { action: 'ram:AttachPolicy', how: 'attach any policy, AdministratorAccess included, to a user, group or role (Resource Management AttachPolicy)', via: ['policy'], attachesPolicy: true },
  { action: 'ram:CreatePolicyVersion', how: 'rewrite a custom policy that is already attached', via: ['policy'] },
  { action: 'ram:SetDefaultPolicyVersion', how: 'switch a policy to a more permissive version', via: ['policy'] },
  // The group carries the privilege: its resource is what lets the holder join it.
  { action: 'ram:AddUserToGroup', how: 'join a more privileged group', via: ['group'] },
  { action: 'ram:CreateAccessKey', how: 'mint access keys for another user and act as that user', via: ['user'] },
  { action: 'ram:CreateLoginProfile', how: 'give another user a console password and sign in as that user', via: ['user'] },
  { action: 'ram:UpdateLoginProfile', how: "reset another user's console password and sign in as that user", via: ['user'] },
  { action: 'ram:UpdateRole', how: "rewrite a role's trust policy to let themselves assume it", via: ['role'] },
  // Changing an identity provider that roles trust lets the holder mint the tokens those roles accept.
  { action: 'ram:UpdateSAMLProvider', how: "replace a SAML provider's metadata and assume every role that trusts it", via: ['saml-provider'] },
  { action: 'ram:UpdateOIDCProvider', how: 'change an OIDC provider and assume every role that trusts it', via: ['oidc-provider'] },
  { action: 'ram:AddFingerprintToOIDCProvider', how: "trust another certificate for an OIDC provider's issuer and assume every role that trusts it", via: ['oidc-provider'] },
  { action: 'ram:AddClientIdToOIDCProvider', how: 'add a client of their own to an OIDC provider and assume the roles that trust it', via: ['oidc-provider'] },
];

/** System policies whose attachment is administrator access in itself. */
const ADMIN_POLICIES = new Set(['administratoraccess', 'aliyunramfullaccess']);

export function isAdminPolicy(name: string): boolean {
  return ADMIN_POLICIES.has(name.toLowerCase());
}

export type RamReach = { kind: 'none' } | { kind: 'named'; name: string } | { kind: 'broad' };

/**
 * What a resource pattern reaches of one RAM resource type: `none` (another
 * service, another type such as `domain/*`, or a value we cannot read), one
 * `named` resource, or `broad` (many). The account field is not judged:
 * RAM ARNs commonly write `*`, and these actions act within the caller's own
 * account.
 */
export function ramReach(resource: string, type: RamResourceType): RamReach {
  const value = resource.trim();
  if (/^\*+$/.test(value)) return { kind: 'broad' };
  const arn = splitArn(value);
  // A placeholder is one unknown value: in the service or the resource type it is not read (`none`),
  // and a `?` or `*` inside one (`policy/${var.a ? var.b : var.c}`) is not a wildcard.
  if (!arn || !wildcardMatch(maskPlaceholders(arn.service), 'ram', true)) return { kind: 'none' };
  const prefix = `${type}/`;
  if (!canMatchWithPrefix(maskPlaceholders(arn.relative), prefix, true)) return { kind: 'none' };
  // RAM ARNs have an empty region: `acs:*:cn-hangzhou:*:*` names no RAM resource.
  if (!reachesGlobalRegion(arn.region)) return { kind: 'none' };
  if (!arn.relative.toLowerCase().startsWith(prefix)) return { kind: 'broad' };
  const name = arn.relative.slice(prefix.length);
  return firstWildcardOutsidePlaceholders(name) >= 0 || name === '' ? { kind: 'broad' } : { kind: 'named', name };
}

export interface EscalationGrant extends EscalationAction {
  grant: ActionGrant;
}

/** The escalation actions an Allow statement grants (through Action or NotAction), in list order. */
export function escalationGrants(statement: Statement): EscalationGrant[] {
  const out: EscalationGrant[] = [];
  for (const e of ESCALATION_ACTIONS) {
    const grant = grantOf(statement, e.action);
    if (grant) out.push({ ...e, grant });
  }
  return out;
}

/** The first Resource entry that reaches one of the action's types broadly. */
export function broadEscalationResource(statement: Statement, e: EscalationAction): LocatedString | undefined {
  return statement.resource?.values.find((r) => !r.placeholder && e.via.some((type) => ramReach(r.value, type).kind === 'broad'));
}

/**
 * The name pattern of a resource that reaches policies by a name with a
 * wildcard (`acs:ram:*:*:policy/k8sMasterRolePolicy-*` → `k8sMasterRolePolicy-*`)
 * when that pattern cannot name AdministratorAccess or AliyunRAMFullAccess;
 * otherwise undefined (`*`, `policy/*`, `policy/Admin*`, another type).
 */
export function nonAdminPolicyPattern(resource: string): string | undefined {
  if (ramReach(resource, 'policy').kind !== 'broad') return undefined;
  const relative = splitArn(resource.trim())?.relative;
  if (!relative?.toLowerCase().startsWith('policy/')) return undefined;
  const name = relative.slice('policy/'.length);
  // A placeholder in the name may be filled with anything: read as a wildcard here.
  const could = placeholdersAsWildcards(name);
  for (const admin of ADMIN_POLICIES) if (wildcardMatch(could, admin, true)) return undefined;
  return name;
}

/**
 * An attach action whose policy resources are all named, or name patterns
 * that cannot name an administrator policy (`policy/k8sMasterRolePolicy-*`):
 * it reaches only the policies that match, not AdministratorAccess.
 */
export function attachesByPatternOnly(statement: Statement, e: EscalationAction): boolean {
  if (!e.attachesPolicy) return false;
  return (statement.resource?.values ?? []).every((r) => r.placeholder || ramReach(r.value, 'policy').kind !== 'broad' || nonAdminPolicyPattern(r.value) !== undefined);
}

/** Does one of these statements let its holder create policies (ram:CreatePolicy on policy resources)? Then a name pattern limits nothing. */
export function createsPolicies(statements: readonly Statement[]): boolean {
  return statements.some(
    (s) => isAllow(s) && grantOf(s, 'ram:CreatePolicy') !== undefined && (s.notResource !== undefined || (s.resource?.values ?? []).some((r) => r.placeholder || ramReach(r.value, 'policy').kind !== 'none')),
  );
}

/**
 * What an Allow statement's resources let an escalation action reach, as ram-privilege-escalation reads
 * them (one reading for the rule and `ramlint escalation`): `broad` with NotResource or a resource that
 * reaches many of the action's type (the first such); `pattern`, an attach whose policies are name patterns
 * that cannot name an administrator policy (and named ones); `named`, an attach limited to named policies;
 * otherwise `none` (named users, groups or roles; another type; placeholders, which are not judged).
 */
export type EscalationReach =
  | { kind: 'broad'; resource?: LocatedString }
  | { kind: 'pattern'; resource: LocatedString; pattern: string }
  | { kind: 'named'; policies: { entry: LocatedString; name: string }[] }
  | { kind: 'none' };

export function escalationReach(statement: Statement, e: EscalationAction): EscalationReach {
  if (statement.notResource) return { kind: 'broad' };
  const resource = broadEscalationResource(statement, e);
  if (resource) {
    const pattern = attachesByPatternOnly(statement, e) ? nonAdminPolicyPattern(resource.value) : undefined;
    return pattern === undefined ? { kind: 'broad', resource } : { kind: 'pattern', resource, pattern };
  }
  const policies = e.attachesPolicy ? namedPolicies(statement) : [];
  return policies.length > 0 ? { kind: 'named', policies } : { kind: 'none' };
}

/** Resource entries that name one policy each, with the names. */
export function namedPolicies(statement: Statement): { entry: LocatedString; name: string }[] {
  const out: { entry: LocatedString; name: string }[] = [];
  for (const r of statement.resource?.values ?? []) {
    if (r.placeholder) continue;
    const reach = ramReach(r.value, 'policy');
    if (reach.kind === 'named') out.push({ entry: r, name: reach.name });
  }
  return out;
}

/**
 * Services whose every action amounts to administrator access, beside `ram`
 * (whose actions are judged one by one above): ../shared/docs/ram-policy-language.md
 * §6 lists `ram:*`, `ims:*` and `resourcemanager:*` as full control, and
 * PowerUserAccess excludes all three. The catalogue lists no `ims` actions
 * (its IMS API names are filed under `ram`, its other RAM code), so these are
 * judged as whole services: granted entirely or not at all.
 */
export interface FullControlService {
  /** The RAM code (action prefix). */
  service: string;
  /** What the service is, for messages: from the RAM API overview and the catalogue's API names. */
  what: string;
  /** What the holder can do with every action of it, for messages. */
  how: string;
}

export const FULL_CONTROL_SERVICES: readonly FullControlService[] = [
  {
    service: 'ims',
    what: 'IMS, the RAM API for users, their AccessKey pairs and logon passwords, user groups and identity providers',
    how: 'create an AccessKey pair or a logon password for any user and act as that user',
  },
  {
    service: 'resourcemanager',
    what: 'Resource Management, whose API also creates RAM policies and roles and attaches policies to users, groups and roles',
    how: 'attach any policy, AdministratorAccess included, to themselves',
  },
];

export interface FullServiceGrant extends FullControlService {
  /** The Action entry that covers every action of the service; absent when NotAction grants it. */
  entry?: LocatedString;
  viaNotAction: boolean;
}

/**
 * The full-control services an Allow statement grants every action of: an
 * Action entry that ends in `*` and matches `<service>:` (`ims:*`, `IMS:*`,
 * `i*`, `*`), or a NotAction none of whose entries can match an action of the
 * service. A grant of some of its actions (`ims:Get*`) is not one.
 */
export function fullServiceGrants(statement: Statement): FullServiceGrant[] {
  const out: FullServiceGrant[] = [];
  for (const s of FULL_CONTROL_SERVICES) {
    const prefix = `${s.service}:`;
    if (statement.action) {
      // Ending in `*` and matching "<service>:", the last `*` can take any action name after it.
      const entry = statement.action.values.find((v) => !v.placeholder && v.value.endsWith('*') && actionCovers(v.value, prefix));
      if (entry) out.push({ ...s, entry, viaNotAction: false });
    } else if (statement.notAction) {
      const excludes = statement.notAction.values.some((v) => v.placeholder || patternsOverlap(v.value, `${prefix}*`));
      if (!excludes) out.push({ ...s, viaNotAction: true });
    }
  }
  return out;
}

/** The first Resource entry that covers every resource (`*`, `acs:*:*:*:*`): what these services' resources are is not judged. */
export function everyResourceEntry(statement: Statement): LocatedString | undefined {
  return statement.resource?.values.find((r) => !r.placeholder && coversEverything(r.value));
}
