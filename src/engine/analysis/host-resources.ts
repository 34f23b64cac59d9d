/**
 * How findings about host resources name what they are about, worded once
 * for every rule: the principal a policy is attached to and the bucket an
 * ACL is on, by the name the host gives, or by how the host computes it
 * when it does (never guessed).
 */
import type { BucketAcl, HostValue, PolicyAttachment, PrincipalType } from '../types';

const PRINCIPAL_NOUNS: Record<PrincipalType, string> = { user: 'RAM user', group: 'RAM group', role: 'RAM role' };

/** `RAM role "ops"`, `the RAM role named by alicloud_ram_role.ops.name`, `the RAM role Resources.OpsRole`. */
export function principalPhrase(attachment: PolicyAttachment): string {
  return named(PRINCIPAL_NOUNS[attachment.principalType], attachment.principalName, attachment.label);
}

/** `Policy "ReadOnlyAccess"`, `The policy named by alicloud_ram_policy.etl.policy_name`: the start of a sentence. */
export function policyPhrase(attachment: PolicyAttachment): string {
  const { policyName } = attachment;
  return policyName.value !== undefined ? `Policy ${JSON.stringify(policyName.value)}` : `The policy named by ${policyName.source}`;
}

/** `bucket "logs"`, `the bucket named by alicloud_oss_bucket.logs.bucket`, `the bucket of alicloud_oss_bucket.site`. */
export function bucketPhrase(acl: BucketAcl): string {
  return named('bucket', acl.bucket, acl.label, 'of ');
}

function named(noun: string, name: HostValue | undefined, label: string, unnamed = ''): string {
  if (name?.value !== undefined) return `${noun} ${JSON.stringify(name.value)}`;
  if (name) return `the ${noun} named by ${name.source}`;
  return `the ${noun} ${unnamed}${label}`;
}
