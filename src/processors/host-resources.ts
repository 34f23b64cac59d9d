/**
 * The host resources processors report beside policy documents, and where
 * each host writes their values. One table per host, shared by the readers of
 * that host (.tf, .tf.json and plan files read Terraform's; YAML and JSON
 * templates ROS's); docs/hosts.md lists the same attributes.
 *
 * - A policy attachment: the provider's `alicloud_ram_{user,group,role}_policy_attachment`
 *   (`policy_name`, `policy_type`, `user_name` / `group_name` / `role_name`) and
 *   `alicloud_resource_manager_policy_attachment` (`policy_name`, `policy_type`,
 *   `principal_name`, `principal_type` `IMSUser` / `IMSGroup` / `ServiceRole`,
 *   `resource_group_id`); ROS `ALIYUN::RAM::AttachPolicyTo{User,Group,Role}` (`PolicyName`,
 *   `PolicyType`, `UserName` / `GroupName` / `RoleName`), `ALIYUN::ResourceManager::PolicyAttachment`
 *   (`PolicyName`, `PolicyType`, `PrincipalName`, `PrincipalType`, `ResourceGroupId`), each name
 *   under `PolicyAttachments: {System: [...], Custom: [...]}` and each `Policies[].PolicyName`
 *   of `ALIYUN::RAM::User`, `Group` and `Role`, and each entry of `ALIYUN::RAM::ManagedPolicy`'s
 *   `Users`, `Groups` and `Roles`.
 * - A bucket ACL: `acl` of `alicloud_oss_bucket` (deprecated there since
 *   provider 1.220.0) and of `alicloud_oss_bucket_acl`; ROS `ALIYUN::OSS::Bucket`
 *   `AccessControl`.
 * - An object ACL: `acl` of `alicloud_oss_bucket_object` (`bucket`, `key`).
 * - Block Public Access: `block_public_access` of `alicloud_oss_bucket_public_access_block`
 *   (`bucket`) and `alicloud_oss_account_public_access_block`; ROS
 *   `ALIYUN::OSS::BucketPublicAccessBlock` (`Bucket`, `BlockPublicAccess`) and the
 *   `BlockPublicAccess` of `ALIYUN::OSS::Bucket`.
 *
 * A reader hands over each value it finds as a HostValue: known when the host
 * writes it literally, unknown (value undefined) otherwise. An attachment
 * without a policy name, or an ACL resource without an ACL, is no fact.
 * .tf and .tf.json readers also hand over the `provider` meta-argument, so that
 * an account-level block is matched only with buckets of the same provider
 * configuration (the same account); a plan does not say, and passes none.
 */
import type { HostResource, HostValue, PrincipalType } from '../engine/types';

interface AttachmentShape {
  principalType: PrincipalType;
  /** The attribute or property naming the user, group or role. */
  principal: string;
}

export const TERRAFORM_ATTACHMENTS: ReadonlyMap<string, AttachmentShape> = new Map([
  ['alicloud_ram_user_policy_attachment', { principalType: 'user', principal: 'user_name' }],
  ['alicloud_ram_group_policy_attachment', { principalType: 'group', principal: 'group_name' }],
  ['alicloud_ram_role_policy_attachment', { principalType: 'role', principal: 'role_name' }],
]);

/** Resource Management's attachment: the principal's type is a value (`principal_type`), the scope a resource group. */
export const TERRAFORM_RESOURCE_GROUP_ATTACHMENT = 'alicloud_resource_manager_policy_attachment';

/** Resource Management's principal types, as the API and the provider spell them (case-sensitive). */
const RESOURCE_MANAGER_PRINCIPALS: ReadonlyMap<string, PrincipalType> = new Map([
  ['IMSUser', 'user'],
  ['IMSGroup', 'group'],
  ['ServiceRole', 'role'],
]);

/** The principal type a Resource Management `principal_type` / `PrincipalType` names; undefined when unknown or not one of them. */
export function resourceManagerPrincipal(value: HostValue | undefined): PrincipalType | undefined {
  return value?.value === undefined ? undefined : RESOURCE_MANAGER_PRINCIPALS.get(value.value);
}

/** Terraform resources with a canned ACL in `acl`, and their bucket name in `bucket`. */
export const TERRAFORM_BUCKET_ACLS: ReadonlySet<string> = new Set(['alicloud_oss_bucket', 'alicloud_oss_bucket_acl']);
export const TERRAFORM_OBJECT = 'alicloud_oss_bucket_object';
export const TERRAFORM_BUCKET_BLOCK = 'alicloud_oss_bucket_public_access_block';
export const TERRAFORM_ACCOUNT_BLOCK = 'alicloud_oss_account_public_access_block';

/**
 * The attributes a Terraform reader is asked for, of a resource type it reads (none for other
 * types); with `provider`, the meta-argument too where it matters (ACLs and blocks).
 */
export function terraformAttributes(type: string, provider = false): readonly string[] {
  const attachment = TERRAFORM_ATTACHMENTS.get(type);
  if (attachment) return ['policy_name', 'policy_type', attachment.principal];
  if (type === TERRAFORM_RESOURCE_GROUP_ATTACHMENT) return ['policy_name', 'policy_type', 'principal_name', 'principal_type', 'resource_group_id'];
  const withProvider = (names: string[]) => (provider ? [...names, 'provider'] : names);
  if (TERRAFORM_BUCKET_ACLS.has(type)) return withProvider(['acl', 'bucket']);
  if (type === TERRAFORM_OBJECT) return withProvider(['acl', 'bucket', 'key']);
  if (type === TERRAFORM_BUCKET_BLOCK) return withProvider(['block_public_access', 'bucket']);
  if (type === TERRAFORM_ACCOUNT_BLOCK) return withProvider(['block_public_access']);
  return [];
}

/**
 * The fact a Terraform resource states, given its attribute values (by
 * attribute name; absent when not written, or null), or undefined. `provider`:
 * the reader was asked for the meta-argument (.tf, .tf.json; not a plan).
 */
export function terraformResource(type: string, label: string, values: ReadonlyMap<string, HostValue>, provider = false): HostResource | undefined {
  const attachment = TERRAFORM_ATTACHMENTS.get(type);
  if (attachment) {
    const policyName = values.get('policy_name');
    if (!policyName) return undefined;
    return { type: 'policy-attachment', label, resourceType: type, policyName, policyType: values.get('policy_type'), principalType: attachment.principalType, principalName: values.get(attachment.principal) };
  }
  if (type === TERRAFORM_RESOURCE_GROUP_ATTACHMENT) {
    const policyName = values.get('policy_name');
    if (!policyName) return undefined;
    const found: HostResource = { type: 'policy-attachment', label, resourceType: type, policyName, policyType: values.get('policy_type'), principalType: resourceManagerPrincipal(values.get('principal_type')), principalName: values.get('principal_name') };
    const group = values.get('resource_group_id');
    return group ? { ...found, resourceGroup: group } : found;
  }
  // The provider meta-argument as written: its source text (a traversal, `alicloud.other`), '' when absent.
  const meta = provider ? { provider: values.get('provider')?.source ?? '' } : {};
  if (TERRAFORM_BUCKET_ACLS.has(type)) {
    const acl = values.get('acl');
    return acl ? { type: 'bucket-acl', label, resourceType: type, acl, bucket: values.get('bucket'), ...meta } : undefined;
  }
  if (type === TERRAFORM_OBJECT) {
    const acl = values.get('acl');
    return acl ? { type: 'object-acl', label, resourceType: type, acl, bucket: values.get('bucket'), key: values.get('key'), ...meta } : undefined;
  }
  if (type === TERRAFORM_BUCKET_BLOCK || type === TERRAFORM_ACCOUNT_BLOCK) {
    const enabled = values.get('block_public_access');
    if (!enabled) return undefined;
    if (type === TERRAFORM_BUCKET_BLOCK) return { type: 'public-access-block', label, resourceType: type, scope: 'bucket', enabled, bucket: values.get('bucket'), ...meta };
    // An account-level block whose provider configuration is not known (a plan) is no fact about any bucket of the file.
    return provider ? { type: 'public-access-block', label, resourceType: type, scope: 'account', enabled, bucket: undefined, ...meta } : undefined;
  }
  return undefined;
}

/** ROS resources that attach one policy: `PolicyName`, `PolicyType` and the principal's property. */
export const ROS_ATTACHMENTS: ReadonlyMap<string, AttachmentShape> = new Map([
  ['ALIYUN::RAM::AttachPolicyToUser', { principalType: 'user', principal: 'UserName' }],
  ['ALIYUN::RAM::AttachPolicyToGroup', { principalType: 'group', principal: 'GroupName' }],
  ['ALIYUN::RAM::AttachPolicyToRole', { principalType: 'role', principal: 'RoleName' }],
]);

/** ROS users, groups and roles, whose `PolicyAttachments` attach policies to themselves, named by the property given. */
export const ROS_PRINCIPALS: ReadonlyMap<string, AttachmentShape> = new Map([
  ['ALIYUN::RAM::User', { principalType: 'user', principal: 'UserName' }],
  ['ALIYUN::RAM::Group', { principalType: 'group', principal: 'GroupName' }],
  ['ALIYUN::RAM::Role', { principalType: 'role', principal: 'RoleName' }],
]);

/** ROS's Resource Management attachment: `PolicyName`, `PolicyType`, `PrincipalName`, `PrincipalType`, `ResourceGroupId`. */
export const ROS_RESOURCE_GROUP_ATTACHMENT = 'ALIYUN::ResourceManager::PolicyAttachment';

/** ROS's custom policy, which `Users`, `Groups` and `Roles` attach to the principals they list. */
export const ROS_MANAGED_POLICY = 'ALIYUN::RAM::ManagedPolicy';
export const ROS_MANAGED_POLICY_PRINCIPALS: ReadonlyArray<[string, PrincipalType]> = [
  ['Users', 'user'],
  ['Groups', 'group'],
  ['Roles', 'role'],
];

/** ROS buckets: the canned ACL in `AccessControl`, the name in `BucketName`, its own Block Public Access in `BlockPublicAccess`. */
export const ROS_BUCKET = 'ALIYUN::OSS::Bucket';
/** ROS's Block Public Access of one bucket: `Bucket`, `BlockPublicAccess`. */
export const ROS_BUCKET_BLOCK = 'ALIYUN::OSS::BucketPublicAccessBlock';

/** Longest host text kept in a HostValue's `source`. */
const MAX_SOURCE = 120;

/** Host text on one line, shortened, for a message about the value. */
export function shownSource(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > MAX_SOURCE ? `${oneLine.slice(0, MAX_SOURCE)}…` : oneLine;
}
