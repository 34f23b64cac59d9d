/**
 * The Terraform attributes that hold a RAM-language policy, from the
 * alicloud provider's docs (terraform-provider-alicloud website/docs, the
 * list in next-capabilities §3.1). Shared by .tf, .tf.json and plan files.
 * `kind` is what the attribute states.
 * The endpoints' `policy_document` is an endpoint policy: it limits what
 * passes through the endpoint and grants nothing (Alibaba Cloud PrivateLink,
 * "Endpoint policies"); only this attribute can say so, since its default,
 * `*` on `*` for Principal `*`, reads like a public resource policy.
 * A control policy "does not grant permissions but only defines permission
 * boundaries" (Resource Directory, EnableControlPolicy), and the ECS role
 * attachment's `policy` is "an additional policy to further limit the
 * permissions of the role": `*` on `*` there limits nothing and grants nothing.
 * `alicloud_max_compute_role`'s `policy` is not read: MaxCompute's own policy
 * language, whose resources (`acs:odps:*:projects/p/tables/*`) are not RAM ARNs.
 */
import type { PolicyKind } from '../../engine/types';

export interface PolicyAttribute {
  /** Attribute name; `block.attribute` for an attribute inside a nested block. */
  name: string;
  kind?: PolicyKind;
  /**
   * A deprecated alias: the provider's Read sets it to the same string as
   * this primary attribute, so it is read only when the primary is absent.
   */
  aliasOf?: string;
}

const permission = (name: string): PolicyAttribute => ({ name, kind: 'permission' });
const trust = (name: string): PolicyAttribute => ({ name, kind: 'trust' });
const bucket = (name: string): PolicyAttribute => ({ name, kind: 'bucket' });
const resource = (name: string): PolicyAttribute => ({ name, kind: 'resource' });
const endpoint = (name: string): PolicyAttribute => ({ name, kind: 'endpoint' });
const control = (name: string): PolicyAttribute => ({ name, kind: 'control' });
const session = (name: string): PolicyAttribute => ({ name, kind: 'session' });

export const POLICY_ATTRIBUTES: ReadonlyMap<string, readonly PolicyAttribute[]> = new Map([
  ['alicloud_ram_policy', [permission('policy_document'), { ...permission('document'), aliasOf: 'policy_document' }]],
  ['alicloud_ram_role', [trust('assume_role_policy_document'), { ...trust('document'), aliasOf: 'assume_role_policy_document' }]],
  ['alicloud_oss_bucket_policy', [bucket('policy')]],
  ['alicloud_oss_bucket', [bucket('policy')]],
  ['alicloud_resource_manager_policy', [permission('policy_document')]],
  ['alicloud_resource_manager_policy_version', [permission('policy_document')]],
  ['alicloud_resource_manager_control_policy', [control('policy_document')]],
  ['alicloud_resource_manager_role', [trust('assume_role_policy_document')]],
  ['alicloud_cloud_sso_access_configuration', [permission('permission_policies.permission_policy_document')]],
  ['alicloud_ecs_ram_role_attachment', [session('policy')]],
  ['alicloud_kms_key', [resource('policy')]],
  ['alicloud_kms_secret', [resource('policy')]],
  ['alicloud_log_project', [resource('policy')]],
  ['alicloud_privatelink_vpc_endpoint', [endpoint('policy_document')]],
  ['alicloud_vpc_gateway_endpoint', [endpoint('policy_document')]],
]);

/** The data source whose statement blocks are a policy (its output is `document`). */
export const POLICY_DOCUMENT_DATA_SOURCE = 'alicloud_ram_policy_document';
