/**
 * RAM actions that let their holder give themselves more access. Source:
 * RAM API authorization tables, collected in ../shared/docs/ram-policy-language.md §6.
 * ram:PassRole has rules of its own (passrole-*).
 */
export const ESCALATION_ACTIONS: ReadonlyMap<string, string> = new Map([
  ['ram:AttachPolicyToUser', 'attach any policy, AdministratorAccess included, to a user'],
  ['ram:AttachPolicyToGroup', 'attach any policy, AdministratorAccess included, to a group'],
  ['ram:AttachPolicyToRole', 'attach any policy, AdministratorAccess included, to a role'],
  ['ram:CreatePolicyVersion', 'rewrite a custom policy that is already attached'],
  ['ram:SetDefaultPolicyVersion', 'switch a policy to a more permissive version'],
  ['ram:AddUserToGroup', 'join a more privileged group'],
  ['ram:CreateAccessKey', "mint access keys for another user and act as that user"],
  ['ram:CreateLoginProfile', "give another user a console password and sign in as that user"],
  ['ram:UpdateLoginProfile', "reset another user's console password and sign in as that user"],
  ['ram:UpdateRole', "rewrite a role's trust policy to let themselves assume it"],
]);
