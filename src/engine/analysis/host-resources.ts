/**
 * How findings about host resources name what they are about, worded once
 * for every rule: the principal a policy is attached to, its scope, and the
 * bucket or object an ACL is on, by the name the host gives, or by how the
 * host computes it when it does (never guessed). And which Block Public
 * Access of the same file covers an ACL.
 */
import type { BucketAcl, HostValue, ObjectAcl, PolicyAttachment, PrincipalType, PublicAccessBlock } from '../types';

const PRINCIPAL_NOUNS: Record<PrincipalType, string> = { user: 'RAM user', group: 'RAM group', role: 'RAM role' };

/** `RAM role "ops"`, `the RAM role named by alicloud_ram_role.ops.name`, `the RAM role Resources.OpsRole`; `RAM identity` when the type is computed. */
export function principalPhrase(attachment: PolicyAttachment): string {
  const noun = attachment.principalType === undefined ? 'RAM identity' : PRINCIPAL_NOUNS[attachment.principalType];
  return named(noun, attachment.principalName, attachment.label);
}

/** `Policy "ReadOnlyAccess"`, `The policy named by alicloud_ram_policy.etl.policy_name`: the start of a sentence. */
export function policyPhrase(attachment: PolicyAttachment): string {
  const { policyName } = attachment;
  return policyName.value !== undefined ? `Policy ${JSON.stringify(policyName.value)}` : `The policy named by ${policyName.source}`;
}

/**
 * Where the attachment takes effect: `the account` for a RAM attachment or a Resource
 * Management one scoped to an account ID (all digits), `resource group "rg-…"`, or
 * `the resource group or account named by …` when the host computes the scope.
 */
export function scopePhrase(attachment: PolicyAttachment): string {
  const group = attachment.resourceGroup;
  if (!group) return 'the account';
  if (group.value === undefined) return `the resource group or account named by ${group.source}`;
  return /^\d+$/.test(group.value) ? 'the account' : `resource group ${JSON.stringify(group.value)}`;
}

/** `bucket "logs"`, `the bucket named by alicloud_oss_bucket.logs.bucket`, `the bucket of alicloud_oss_bucket.site`. */
export function bucketPhrase(acl: BucketAcl | ObjectAcl): string {
  return named('bucket', acl.bucket, acl.label, 'of ');
}

/** `object "index.html"`, `the object named by var.key`, `the object of alicloud_oss_bucket_object.page`. */
export function objectPhrase(acl: ObjectAcl): string {
  return named('object', acl.key, acl.label, 'of ');
}

function named(noun: string, name: HostValue | undefined, label: string, unnamed = ''): string {
  if (name?.value !== undefined) return `${noun} ${JSON.stringify(name.value)}`;
  if (name) return `the ${noun} named by ${name.source}`;
  return `the ${noun} ${unnamed}${label}`;
}

/** `alicloud_oss_bucket.NAME` for a reference to that bucket's name (`.bucket`, or `.id`, which is the name). */
const BUCKET_REFERENCE = /^(alicloud_oss_bucket\.[A-Za-z_][A-Za-z0-9_-]*)\.(?:bucket|id)$/;

/** The Terraform bucket resource a value names by reference, if any. */
function bucketResource(value: HostValue | undefined): string | undefined {
  return value?.reference === undefined ? undefined : BUCKET_REFERENCE.exec(value.reference)?.[1];
}

/**
 * The Block Public Access of the same file, written literally `true`, that makes OSS
 * ignore this ACL, or undefined. Only what the file states: a block of the same bucket,
 * named by the same literal name (bucket names are unique in OSS), by a reference to the
 * same `alicloud_oss_bucket` resource, or declared by the resource that has the ACL
 * (ROS `BlockPublicAccess`); or an account-level block written with the same `provider`
 * meta-argument (so the same account). A computed bucket, flag or provider matches nothing.
 */
export function blockingAccess(acl: BucketAcl | ObjectAcl, blocks: readonly PublicAccessBlock[]): PublicAccessBlock | undefined {
  const name = acl.bucket?.value;
  // The bucket resource the ACL is on: itself (`alicloud_oss_bucket.acl`), or the one its `bucket` refers to.
  const resource = acl.resourceType === 'alicloud_oss_bucket' ? acl.label : bucketResource(acl.bucket);
  return blocks.find((block) => {
    if (block.enabled.value !== 'true') return false;
    if (block.scope === 'account') return acl.provider !== undefined && block.provider === acl.provider;
    if (block.label === acl.label) return true;
    if (name !== undefined && block.bucket?.value === name) return true;
    return resource !== undefined && bucketResource(block.bucket) === resource;
  });
}
