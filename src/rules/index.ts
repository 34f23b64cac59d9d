/**
 * The built-in rules, one import per file, in id order. A test checks that
 * this list and the files in src/rules agree; nothing registers itself.
 */
import type { Rule } from '../engine/rule';
import actionResourceMismatch from './action-resource-mismatch';
import adminAccess from './admin-access';
import adminPolicyAttachment from './admin-policy-attachment';
import allowWithNotElement from './allow-with-not-element';
import boolConditionMultipleValues from './bool-condition-multiple-values';
import conditionValueType from './condition-value-type';
import conditionWildcardLiteral from './condition-wildcard-literal';
import duplicateKey from './duplicate-key';
import duplicateListEntry from './duplicate-list-entry';
import forbiddenAction from './forbidden-action';
import invalidActionFormat from './invalid-action-format';
import invalidArn from './invalid-arn';
import invalidConditionKey from './invalid-condition-key';
import invalidConditionOperator from './invalid-condition-operator';
import invalidEffect from './invalid-effect';
import invalidElementType from './invalid-element-type';
import invalidPrincipal from './invalid-principal';
import invalidStatement from './invalid-statement';
import invalidVersion from './invalid-version';
import missingAction from './missing-action';
import missingPrincipal from './missing-principal';
import missingResource from './missing-resource';
import ossOverbroadGrant from './oss-overbroad-grant';
import ossPublicAcl from './oss-public-acl';
import passroleMissingServiceCondition from './passrole-missing-service-condition';
import passroleWildcardResource from './passrole-wildcard-resource';
import policyAttachedToUser from './policy-attached-to-user';
import policySize from './policy-size';
import ramPrivilegeEscalation from './ram-privilege-escalation';
import trustExternalPrincipal from './trust-external-principal';
import trustFederatedUnconfined from './trust-federated-unconfined';
import trustPolicyAction from './trust-policy-action';
import trustWildcardPrincipal from './trust-wildcard-principal';
import undocumentedSid from './undocumented-sid';
import unknownAction from './unknown-action';
import unknownConditionKey from './unknown-condition-key';
import unexpectedPrincipal from './unexpected-principal';
import unknownElement from './unknown-element';

const BUILTIN_RULES: readonly Rule[] = [
  actionResourceMismatch,
  adminAccess,
  adminPolicyAttachment,
  allowWithNotElement,
  boolConditionMultipleValues,
  conditionValueType,
  conditionWildcardLiteral,
  duplicateKey,
  duplicateListEntry,
  forbiddenAction,
  invalidActionFormat,
  invalidArn,
  invalidConditionKey,
  invalidConditionOperator,
  invalidEffect,
  invalidElementType,
  invalidPrincipal,
  invalidStatement,
  invalidVersion,
  missingAction,
  missingPrincipal,
  missingResource,
  ossOverbroadGrant,
  ossPublicAcl,
  passroleMissingServiceCondition,
  passroleWildcardResource,
  policyAttachedToUser,
  policySize,
  ramPrivilegeEscalation,
  trustExternalPrincipal,
  trustFederatedUnconfined,
  trustPolicyAction,
  trustWildcardPrincipal,
  undocumentedSid,
  unexpectedPrincipal,
  unknownAction,
  unknownConditionKey,
  unknownElement,
];

/** Built-in rules keyed by id, sorted, read-only. */
export const builtinRules: ReadonlyMap<string, Rule> = new Map(
  // Plain comparison: localeCompare would load the ICU collator at start-up for nothing.
  [...BUILTIN_RULES].sort((a, b) => (a.meta.id < b.meta.id ? -1 : 1)).map((rule) => [rule.meta.id, rule] as const),
);
