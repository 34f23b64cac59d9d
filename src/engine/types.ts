/**
 * Types shared by the engine, the rules, the formatters and the CLI.
 * Positions follow ESLint's output convention: 1-based lines and columns,
 * columns counted in UTF-16 code units, end exclusive.
 */

export type Severity = 'error' | 'warning' | 'info';
export type Category = 'syntax' | 'security' | 'correctness' | 'suggestion';
/**
 * `endpoint` is a VPC endpoint policy: it limits which requests may pass
 * through the endpoint and grants nothing. Never detected from the content
 * (it reads like any resource policy with `"Principal": "*"`): only a host
 * attribute (a Terraform endpoint's `policy_document`), --kind or the
 * configuration gives it.
 *
 * `control` (a Resource Directory control policy) and `session` (a policy
 * that narrows a role's session, such as the additional policy of an ECS
 * instance RAM role) limit what other policies grant and grant nothing
 * themselves. They are never detected either: their text is that of a
 * permission policy.
 */
export type PolicyKind = 'permission' | 'trust' | 'bucket' | 'resource' | 'endpoint' | 'control' | 'session';

export const POLICY_KINDS: readonly PolicyKind[] = ['permission', 'trust', 'bucket', 'resource', 'endpoint', 'control', 'session'];

/** Control and session policies: bounds on what other policies grant, with no Principal of their own. */
export const BOUNDARY_KINDS: readonly PolicyKind[] = ['control', 'session'];

/** The kinds of document that only limit what other policies grant: their Allow statements grant nothing. */
export const LIMITING_KINDS: readonly PolicyKind[] = ['endpoint', ...BOUNDARY_KINDS];
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
export const CATEGORIES: readonly Category[] = ['syntax', 'security', 'correctness', 'suggestion'];

/** A text edit in 0-based UTF-16 offsets, replacing [offset, offset + length) with `text`. */
export interface TextEdit {
  offset: number;
  length: number;
  text: string;
  /**
   * The replaced range as 1-based lines and columns (end exclusive), set by
   * the file-level API in the file's coordinates, so that reports need not
   * recompute it (and cannot get it wrong on a file with a byte-order mark).
   */
  range?: { line: number; column: number; endLine: number; endColumn: number };
}

export interface Suggestion {
  /** What applying the suggestion does, in one sentence. */
  desc: string;
  edits: TextEdit[];
}

export interface Suppression {
  kind: 'directive' | 'waiver' | 'baseline';
  reason: string;
  /** Where the waiver lives (config file or comment position), for reports. */
  source?: string;
}

export interface LintMessage {
  /** Rule id; plugin rules are `<plugin>/<rule>`. */
  ruleId: string;
  category: Category;
  severity: Severity;
  message: string;
  messageId?: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** JSON path of the offending value, e.g. `Statement[1].Resource[0]`; empty for the whole document. For a host resource, its host path (`Resources.Site.Properties.AccessControl`). */
  path: string;
  /** 0-based UTF-16 offsets of the range, end exclusive. */
  offset: number;
  endOffset: number;
  /** A safe fix: applying it cannot change who can do what. */
  fix?: TextEdit[];
  /** Changes that would alter access: shown, never applied automatically. */
  suggestions?: Suggestion[];
  /** Present when a directive, waiver or baseline entry hides the message. */
  suppressed?: Suppression;
  /** Free-form data for fingerprints (the offending value). */
  fingerprintValue?: string;
  /** For baselines: the statement's Sid (`sid:…`) when unique in the document, else a hash of its content (`hash:…`). */
  statement?: string;
  /**
   * In a host file (Terraform, ROS, plan, API response): the label of the
   * document the message is about, or of the host resource (an attachment, a
   * bucket ACL) for a rule that judges resources; its `path` is then the
   * host path of the value (`alicloud_oss_bucket.site.acl`).
   */
  document?: string;
}

export interface LintResult {
  filePath: string;
  kind: PolicyKind | undefined;
  /** Whether `kind` was detected from the content or given by the caller (--kind, config); absent when there is no kind. */
  kindSource?: 'detected' | 'given';
  messages: LintMessage[];
  /** Messages hidden by a directive, waiver or baseline; kept for json/sarif. */
  suppressedMessages: LintMessage[];
  errorCount: number;
  warningCount: number;
  infoCount: number;
  fixableCount: number;
  /** The fixed text, when fixes were requested and something changed. */
  output?: string;
  /** Ids of configuration waivers that matched a finding here, expired or not (for unused-waiver reports). */
  waiversMatched?: string[];
}

/**
 * A value a processor read from a host file for a host resource, at its
 * place in the host text. Only a value the host writes literally is known:
 * a variable, a reference to another resource or a ROS function is left
 * unknown (`value` undefined), never guessed.
 */
export interface HostValue {
  /** The string the host gives; undefined when the host computes it. */
  value: string | undefined;
  /** How the host writes it, on one line and shortened (`alicloud_ram_role.ops.name`, `Ref RoleName`), for messages about an unknown value. */
  source: string;
  /** Its path below the resource: `policy_name`, `Properties.PolicyAttachments.System[0]`. */
  path: string;
  /** The value token in the host text (a string with its quotes), as 0-based UTF-16 offsets. */
  offset: number;
  length: number;
  /**
   * When the host writes the value as a plain reference to another resource's attribute
   * (`alicloud_oss_bucket.site.bucket`, `"${alicloud_oss_bucket.site.id}"` in .tf.json):
   * that reference, as written without `${}`; a reference with an index, a splat or a
   * function around it is none. A reference is no value: `value` stays undefined.
   */
  reference?: string;
}

/** Whom a policy attachment gives the policy to. */
export type PrincipalType = 'user' | 'group' | 'role';

interface HostResourceBase {
  /**
   * Where it is declared, for people: the Terraform address
   * (`alicloud_ram_role_policy_attachment.admin`, `module.logs.alicloud_oss_bucket.this`
   * in a plan) or the ROS logical id (`Resources.AdminAttach`).
   */
  label: string;
  /** The host's resource type: `alicloud_oss_bucket_acl`, `ALIYUN::RAM::AttachPolicyToRole`. */
  resourceType: string;
}

/**
 * A policy attached to a RAM user, group or role by a host resource:
 * `alicloud_ram_role_policy_attachment`, `alicloud_resource_manager_policy_attachment`,
 * ROS `ALIYUN::RAM::AttachPolicyToRole`, one entry of a ROS user's, group's or
 * role's `PolicyAttachments` or `Policies`, or one principal a ROS
 * `ALIYUN::RAM::ManagedPolicy` lists in `Users`, `Groups` or `Roles`.
 */
export interface PolicyAttachment extends HostResourceBase {
  type: 'policy-attachment';
  policyName: HostValue;
  /** `System` or `Custom` as the host writes it; undefined when it is not written (a ROS `ManagedPolicy` or `Policies` entry is a custom policy the resource creates). */
  policyType: HostValue | undefined;
  /** Undefined when the host computes it (`principal_type = var.type`). */
  principalType: PrincipalType | undefined;
  /** The user, group or role; undefined when the host does not name it. */
  principalName: HostValue | undefined;
  /**
   * The scope of an attachment made through Resource Management (`resource_group_id`):
   * a resource group's ID, or an account ID for the whole account. Undefined for a RAM
   * attachment, which is always account-wide.
   */
  resourceGroup?: HostValue;
  /**
   * The value a finding about the attachment as a whole is placed on, when it is not the
   * policy name: the entry of a ROS `ManagedPolicy`'s `Users` that makes this attachment.
   */
  anchor?: HostValue;
}

/** An OSS bucket's canned ACL: `alicloud_oss_bucket.acl`, `alicloud_oss_bucket_acl.acl`, ROS `AccessControl`. */
export interface BucketAcl extends HostResourceBase {
  type: 'bucket-acl';
  acl: HostValue;
  /** The bucket's name; undefined when the host does not name it. */
  bucket: HostValue | undefined;
  /** The Terraform `provider` meta-argument as written, `''` when absent; undefined where the host does not say (a plan, ROS). */
  provider?: string;
}

/** An OSS object's canned ACL: `alicloud_oss_bucket_object.acl`. */
export interface ObjectAcl extends HostResourceBase {
  type: 'object-acl';
  acl: HostValue;
  /** The bucket the object is in; undefined when the host does not name it. */
  bucket: HostValue | undefined;
  /** The object's name (`key`); undefined when the host does not name it. */
  key: HostValue | undefined;
  /** As BucketAcl's. */
  provider?: string;
}

/**
 * OSS Block Public Access, which makes OSS ignore public ACLs and public bucket
 * policies: of one bucket (`alicloud_oss_bucket_public_access_block`, ROS
 * `ALIYUN::OSS::BucketPublicAccessBlock`, ROS `ALIYUN::OSS::Bucket`'s own
 * `BlockPublicAccess`) or of every bucket of the account
 * (`alicloud_oss_account_public_access_block`).
 */
export interface PublicAccessBlock extends HostResourceBase {
  type: 'public-access-block';
  scope: 'bucket' | 'account';
  /** `block_public_access` / `BlockPublicAccess`: `"true"` or `"false"` when the host writes a literal boolean. */
  enabled: HostValue;
  /** The bucket, for scope 'bucket'. */
  bucket: HostValue | undefined;
  /** As BucketAcl's. */
  provider?: string;
}

/**
 * A fact about a host file that is not a policy document, which processors
 * report and rules with `checkResources` judge (src/engine/resource-linter.ts).
 */
export type HostResource = PolicyAttachment | BucketAcl | ObjectAcl | PublicAccessBlock;
export type HostResourceType = HostResource['type'];
export const HOST_RESOURCE_TYPES: readonly HostResourceType[] = ['bucket-acl', 'object-acl', 'policy-attachment', 'public-access-block'];
