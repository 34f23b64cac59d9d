/**
 * The host resources processors report beside policy documents, and where
 * each host writes their values. One table per host, shared by the readers of
 * that host (.tf, .tf.json and plan files read Terraform's; YAML and JSON
 * templates ROS's); docs/hosts.md lists the same attributes.
 *
 * - A policy attachment: the provider's `alicloud_ram_{user,group,role}_policy_attachment`
 *   (`policy_name`, `policy_type`, `user_name` / `group_name` / `role_name`);
 *   ROS `ALIYUN::RAM::AttachPolicyTo{User,Group,Role}` (`PolicyName`,
 *   `PolicyType`, `UserName` / `GroupName` / `RoleName`) and each name under
 *   `PolicyAttachments: {System: [...], Custom: [...]}` of `ALIYUN::RAM::User`,
 *   `Group` and `Role`.
 * - A bucket ACL: `acl` of `alicloud_oss_bucket` (deprecated there since
 *   provider 1.220.0) and of `alicloud_oss_bucket_acl`; ROS `ALIYUN::OSS::Bucket`
 *   `AccessControl`.
 *
 * A reader hands over each value it finds as a HostValue: known when the host
 * writes it literally, unknown (value undefined) otherwise. An attachment
 * without a policy name, or an ACL resource without an ACL, is no fact.
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

/** Terraform resources with a canned ACL in `acl`, and their bucket name in `bucket`. */
export const TERRAFORM_BUCKET_ACLS: ReadonlySet<string> = new Set(['alicloud_oss_bucket', 'alicloud_oss_bucket_acl']);

/** The attributes a Terraform reader is asked for, of a resource type it reads (none for other types). */
export function terraformAttributes(type: string): readonly string[] {
  const attachment = TERRAFORM_ATTACHMENTS.get(type);
  if (attachment) return ['policy_name', 'policy_type', attachment.principal];
  return TERRAFORM_BUCKET_ACLS.has(type) ? ['acl', 'bucket'] : [];
}

/**
 * The fact a Terraform resource states, given its attribute values (by
 * attribute name; absent when not written, or null), or undefined.
 */
export function terraformResource(type: string, label: string, values: ReadonlyMap<string, HostValue>): HostResource | undefined {
  const attachment = TERRAFORM_ATTACHMENTS.get(type);
  if (attachment) {
    const policyName = values.get('policy_name');
    if (!policyName) return undefined;
    return { type: 'policy-attachment', label, resourceType: type, policyName, policyType: values.get('policy_type'), principalType: attachment.principalType, principalName: values.get(attachment.principal) };
  }
  if (TERRAFORM_BUCKET_ACLS.has(type)) {
    const acl = values.get('acl');
    return acl ? { type: 'bucket-acl', label, resourceType: type, acl, bucket: values.get('bucket') } : undefined;
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

/** ROS buckets: the canned ACL in `AccessControl`, the name in `BucketName`. */
export const ROS_BUCKET = 'ALIYUN::OSS::Bucket';

/** Longest host text kept in a HostValue's `source`. */
const MAX_SOURCE = 120;

/** Host text on one line, shortened, for a message about the value. */
export function shownSource(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > MAX_SOURCE ? `${oneLine.slice(0, MAX_SOURCE)}…` : oneLine;
}
