/**
 * The host resources each processor reports (src/processors/host-resources.ts):
 * policy attachments and bucket ACLs in .tf, .tf.json, plan JSON and ROS
 * YAML/JSON, each value at its exact place in the host, a value the host
 * computes left unknown (`?`), never guessed.
 */
import { SourceText } from '../../src/engine/source';
import type { HostResource, HostValue } from '../../src/engine/types';
import { rosProcessor } from '../../src/processors/ros';
import { terraformProcessor } from '../../src/processors/terraform';
import { terraformPlanProcessor } from '../../src/processors/terraform-plan';
import type { Processor } from '../../src/processors/types';
import { readHost } from './helpers';

/** `path=value@line:column-endLine:endColumn host-text`, `?` for an unknown value, `-` for none. */
function shown(text: string, v: HostValue | undefined): string {
  if (!v) return '-';
  const source = new SourceText(text);
  const from = source.position(v.offset);
  const to = source.position(v.offset + v.length);
  return `${v.path}=${v.value ?? '?'}@${from.line}:${from.column}-${to.line}:${to.column} ${text.slice(v.offset, v.offset + v.length)}`;
}

function facts(text: string, resources: readonly HostResource[] | undefined): string[] {
  const extra = (name: string, v: HostValue | undefined): string => (v ? ` | ${name} ${shown(text, v)}` : '');
  const ref = (v: HostValue | undefined): string => (v?.reference !== undefined ? ` -> ${v.reference}` : '');
  const provider = (p: string | undefined): string => (p === undefined ? '' : ` | provider=${JSON.stringify(p)}`);
  return (resources ?? []).map((r) => {
    switch (r.type) {
      case 'policy-attachment':
        return `${r.label} ${r.resourceType} ${r.principalType ?? '?'} | ${shown(text, r.policyName)} | ${shown(text, r.policyType)} | ${shown(text, r.principalName)}${extra('scope', r.resourceGroup)}${r.anchor && r.anchor !== r.principalName ? extra('anchor', r.anchor) : ''}`;
      case 'bucket-acl':
        return `${r.label} ${r.resourceType} acl | ${shown(text, r.acl)} | ${shown(text, r.bucket)}${ref(r.bucket)}${provider(r.provider)}`;
      case 'object-acl':
        return `${r.label} ${r.resourceType} object-acl | ${shown(text, r.acl)} | ${shown(text, r.bucket)}${ref(r.bucket)} | ${shown(text, r.key)}${provider(r.provider)}`;
      case 'public-access-block':
        return `${r.label} ${r.resourceType} block ${r.scope} | ${shown(text, r.enabled)} | ${shown(text, r.bucket)}${ref(r.bucket)}${provider(r.provider)}`;
    }
  });
}

async function run(processor: Processor, file: string, name = file) {
  const text = readHost(file);
  const out = await processor.preprocess(text, name);
  return facts(text, out.resources);
}

describe('host resources', () => {
  // A literal or a local of the file is known; var., another resource's attribute and null are not values ramlint knows (null: no fact).
  it('in .tf: the attachments and ACLs of resource blocks, at each attribute\'s expression', async () => {
    expect(await run(terraformProcessor, 'terraform/resources.tf')).toEqual([
      "alicloud_ram_role_policy_attachment.admin alicloud_ram_role_policy_attachment role | policy_name=AdministratorAccess@9:17-9:38 \"AdministratorAccess\" | policy_type=System@10:17-10:25 \"System\" | role_name=?@8:17-8:43 alicloud_ram_role.ops.name",
      "alicloud_ram_user_policy_attachment.ram alicloud_ram_user_policy_attachment user | policy_name=AliyunRAMFullAccess@15:17-15:38 \"AliyunRAMFullAccess\" | policy_type=System@16:17-16:25 \"System\" | user_name=deploy@14:17-14:25 \"deploy\"",
      "alicloud_ram_group_policy_attachment.ecs alicloud_ram_group_policy_attachment group | policy_name=AliyunECSFullAccess@21:17-21:38 \"AliyunECSFullAccess\" | policy_type=System@22:17-22:25 \"System\" | group_name=ops@20:17-20:22 \"ops\"",
      "alicloud_ram_role_policy_attachment.by_local alicloud_ram_role_policy_attachment role | policy_name=AdministratorAccess@27:17-27:28 local.admin | policy_type=System@28:17-28:25 \"System\" | role_name=ops@26:17-26:22 \"ops\"",
      "alicloud_ram_role_policy_attachment.custom alicloud_ram_role_policy_attachment role | policy_name=AdministratorAccess@33:17-33:38 \"AdministratorAccess\" | policy_type=Custom@34:17-34:25 \"Custom\" | role_name=ops@32:17-32:22 \"ops\"",
      "alicloud_ram_role_policy_attachment.unknown_name alicloud_ram_role_policy_attachment role | policy_name=?@39:17-39:27 var.policy | policy_type=System@40:17-40:25 \"System\" | role_name=ops@38:17-38:22 \"ops\"",
      "alicloud_ram_role_policy_attachment.unknown_type alicloud_ram_role_policy_attachment role | policy_name=AdministratorAccess@45:17-45:38 \"AdministratorAccess\" | policy_type=?@46:17-46:25 var.type | role_name=ops@44:17-44:22 \"ops\"",
      "alicloud_ram_user_policy_attachment.read alicloud_ram_user_policy_attachment user | policy_name=ReadOnlyAccess@51:17-51:33 \"ReadOnlyAccess\" | policy_type=System@52:17-52:25 \"System\" | user_name=?@50:17-50:43 alicloud_ram_user.dev.name",
      "alicloud_oss_bucket.site alicloud_oss_bucket acl | acl=public-read-write@57:12-57:31 \"public-read-write\" | bucket=example-site@56:12-56:26 \"example-site\" | provider=\"\"",
      "alicloud_oss_bucket_acl.logs alicloud_oss_bucket_acl acl | acl=public-read@66:12-66:25 \"public-read\" | bucket=?@65:12-65:43 alicloud_oss_bucket.logs.bucket -> alicloud_oss_bucket.logs.bucket | provider=\"\"",
      "alicloud_oss_bucket.private alicloud_oss_bucket acl | acl=private@71:12-71:21 \"private\" | bucket=example-private@70:12-70:29 \"example-private\" | provider=\"\"",
      "alicloud_oss_bucket.computed alicloud_oss_bucket acl | acl=?@75:9-75:16 var.acl | - | provider=\"\"",
    ]);
  });
  // `${…}` is unknown, `$${` is a literal `${`; a name written twice (a list of bodies) is told apart by index.
  it('in .tf.json: at each JSON value', async () => {
    expect(await run(terraformProcessor, 'terraform/resources.tf.json')).toEqual([
      "alicloud_ram_role_policy_attachment.admin alicloud_ram_role_policy_attachment role | policy_name=AdministratorAccess@6:24-6:45 \"AdministratorAccess\" | policy_type=System@7:24-7:32 \"System\" | role_name=?@5:22-5:53 \"${alicloud_ram_role.ops.name}\"",
      "alicloud_ram_role_policy_attachment.unknown alicloud_ram_role_policy_attachment role | policy_name=?@11:24-11:39 \"${var.policy}\" | policy_type=System@12:24-12:32 \"System\" | role_name=ops@10:22-10:27 \"ops\"",
      "alicloud_ram_user_policy_attachment.dev[0] alicloud_ram_user_policy_attachment user | policy_name=AliyunOSSFullAccess@17:46-17:67 \"AliyunOSSFullAccess\" | policy_type=System@17:84-17:92 \"System\" | user_name=dev@17:24-17:29 \"dev\"",
      "alicloud_ram_user_policy_attachment.dev[1] alicloud_ram_user_policy_attachment user | policy_name=AliyunRAMFullAccess@18:46-18:67 \"AliyunRAMFullAccess\" | policy_type=System@18:84-18:92 \"System\" | user_name=dev@18:24-18:29 \"dev\"",
      "alicloud_oss_bucket.site alicloud_oss_bucket acl | acl=public-read@22:50-22:63 \"public-read\" | bucket=example-site@22:27-22:41 \"example-site\" | provider=\"\"",
      "alicloud_oss_bucket.literal alicloud_oss_bucket acl | acl=public-read-write@23:59-23:78 \"public-read-write\" | bucket=${not-a-template}@23:30-23:50 \"$${not-a-template}\" | provider=\"\"",
    ]);
  });
  // Once per address (planned_values first); a name known only after apply is placed on its after_unknown flag; a deleted bucket is none.
  it('in a plan: at the values in planned_values and resource_changes', async () => {
    expect(await run(terraformPlanProcessor, 'plan/resources-plan.json')).toEqual([
      "alicloud_ram_role_policy_attachment.admin alicloud_ram_role_policy_attachment role | policy_name=AdministratorAccess@12:38-12:59 \"AdministratorAccess\" | policy_type=System@12:76-12:84 \"System\" | role_name=ops@12:99-12:104 \"ops\"",
      "module.site.alicloud_oss_bucket_acl.this alicloud_oss_bucket_acl acl | acl=public-read-write@31:34-31:53 \"public-read-write\" | bucket=example-site@31:65-31:79 \"example-site\"",
      "alicloud_ram_user_policy_attachment.later alicloud_ram_user_policy_attachment user | policy_name=?@51:134-51:138 true | policy_type=System@51:68-51:76 \"System\" | user_name=dev@51:91-51:96 \"dev\"",
    ]);
  });
  // One attachment per PolicyAttachments name (an alias at the alias, read as its anchor), functions unknown.
  it('in a ROS YAML template: at each YAML node, tags included', async () => {
    expect(await run(rosProcessor, 'ros/resources.yaml')).toEqual([
      "Resources.OpsRole ALIYUN::RAM::Role role | Properties.PolicyAttachments.System[0]=AdministratorAccess@22:13-22:32 AdministratorAccess | Properties.PolicyAttachments.System=System@21:9-21:15 System | Properties.RoleName=ops@11:17-11:20 ops",
      "Resources.OpsRole ALIYUN::RAM::Role role | Properties.PolicyAttachments.System[1]=ReadOnlyAccess@23:13-23:27 ReadOnlyAccess | Properties.PolicyAttachments.System=System@21:9-21:15 System | Properties.RoleName=ops@11:17-11:20 ops",
      "Resources.OpsRole ALIYUN::RAM::Role role | Properties.PolicyAttachments.Custom[0]=AliyunRAMFullAccess@25:13-25:32 AliyunRAMFullAccess | Properties.PolicyAttachments.Custom=Custom@24:9-24:15 Custom | Properties.RoleName=ops@11:17-11:20 ops",
      "Resources.AttachAdmin ALIYUN::RAM::AttachPolicyToRole role | Properties.PolicyName=AdministratorAccess@30:19-30:38 AdministratorAccess | Properties.PolicyType=System@29:19-29:25 System | Properties.RoleName=?@31:17-31:41 !GetAtt OpsRole.RoleName",
      "Resources.Dev ALIYUN::RAM::User user | Properties.PolicyAttachments.System[0]=AliyunRAMFullAccess@37:18-37:37 AliyunRAMFullAccess | Properties.PolicyAttachments.System=System@37:9-37:15 System | Properties.UserName=dev@35:17-35:20 dev",
      "Resources.Dev ALIYUN::RAM::User user | Properties.PolicyAttachments.System[1]=AliyunECSFullAccess@37:44-37:65 'AliyunECSFullAccess' | Properties.PolicyAttachments.System=System@37:9-37:15 System | Properties.UserName=dev@35:17-35:20 dev",
      "Resources.Admins ALIYUN::RAM::Group group | Properties.PolicyAttachments.System[0]=AliyunECSFullAccess@44:13-44:17 *ecs | Properties.PolicyAttachments.System=System@43:9-43:15 System | Properties.GroupName=?@41:18-41:32 !Ref GroupName",
      "Resources.Admins ALIYUN::RAM::Group group | Properties.PolicyAttachments.System[1]=?@45:13-45:24 Ref: Policy | Properties.PolicyAttachments.System=System@43:9-43:15 System | Properties.GroupName=?@41:18-41:32 !Ref GroupName",
      "Resources.AttachUser ALIYUN::RAM::AttachPolicyToUser user | Properties.PolicyName=AdministratorAccess@51:19-51:38 AdministratorAccess | Properties.PolicyType=?@50:9-50:24 Ref: PolicyType | Properties.UserName=dev@52:17-52:20 dev",
      "Resources.Site ALIYUN::OSS::Bucket acl | Properties.AccessControl=public-read@57:22-57:33 public-read | Properties.BucketName=example-site@56:19-56:31 example-site",
      "Resources.Computed ALIYUN::OSS::Bucket acl | Properties.AccessControl=?@61:22-61:30 !Ref Acl | -",
    ]);
  });
  it('in a ROS JSON template: at each JSON string', async () => {
    expect(await run(rosProcessor, 'ros/resources.json')).toEqual([
      "Resources.AttachGroup ALIYUN::RAM::AttachPolicyToGroup group | Properties.PolicyName=AliyunRAMFullAccess@6:61-6:82 \"AliyunRAMFullAccess\" | Properties.PolicyType=System@6:37-6:45 \"System\" | Properties.GroupName=ops@6:97-6:102 \"ops\"",
      "Resources.Site ALIYUN::OSS::Bucket acl | Properties.AccessControl=public-read-write@10:70-10:89 \"public-read-write\" | Properties.BucketName=example-site@10:37-10:51 \"example-site\"",
      "Resources.Private ALIYUN::OSS::Bucket acl | Properties.AccessControl=private@14:73-14:82 \"private\" | Properties.BucketName=example-private@14:37-14:54 \"example-private\"",
    ]);
  });

  // Resource Management attachments (the principal's type a value, the scope kept), object ACLs and Block Public Access.
  it('in .tf: Resource Management attachments, object ACLs, Block Public Access, references kept as written', async () => {
    expect(await run(terraformProcessor, 'terraform/resources-more.tf')).toEqual([
      "alicloud_resource_manager_policy_attachment.rg_admin alicloud_resource_manager_policy_attachment user | policy_name=AdministratorAccess@3:23-3:44 \"AdministratorAccess\" | policy_type=System@4:23-4:31 \"System\" | principal_name=alice@example.onaliyun.com@5:23-5:51 \"alice@example.onaliyun.com\" | scope resource_group_id=rg-aek2example@7:23-7:39 \"rg-aek2example\"",
      "alicloud_resource_manager_policy_attachment.account_role alicloud_resource_manager_policy_attachment role | policy_name=AliyunOSSFullAccess@11:23-11:44 \"AliyunOSSFullAccess\" | policy_type=System@12:23-12:31 \"System\" | principal_name=ops@role.1234567890123456.onaliyun.com@13:23-13:63 \"ops@role.1234567890123456.onaliyun.com\" | scope resource_group_id=1234567890123456@15:23-15:41 \"1234567890123456\"",
      "alicloud_resource_manager_policy_attachment.computed alicloud_resource_manager_policy_attachment ? | policy_name=AdministratorAccess@19:23-19:44 \"AdministratorAccess\" | policy_type=System@20:23-20:31 \"System\" | principal_name=?@21:23-21:36 var.principal | scope resource_group_id=?@23:23-23:83 data.alicloud_resource_manager_resource_groups.example.ids.0",
      "alicloud_oss_bucket_object.page alicloud_oss_bucket_object object-acl | acl=public-read@29:12-29:25 \"public-read\" | bucket=?@27:12-27:43 alicloud_oss_bucket.site.bucket -> alicloud_oss_bucket.site.bucket | key=index.html@28:12-28:24 \"index.html\" | provider=\"\"",
      "alicloud_oss_bucket_object.drop alicloud_oss_bucket_object object-acl | acl=public-read-write@35:12-35:31 \"public-read-write\" | bucket=example-drop@33:12-33:26 \"example-drop\" | key=?@34:12-34:19 var.key | provider=\"\"",
      "alicloud_oss_bucket.site alicloud_oss_bucket acl | acl=public-read@40:12-40:25 \"public-read\" | bucket=example-site@39:12-39:26 \"example-site\" | provider=\"\"",
      "alicloud_oss_bucket_public_access_block.site alicloud_oss_bucket_public_access_block block bucket | block_public_access=true@45:25-45:29 true | bucket=?@44:25-44:56 alicloud_oss_bucket.site.bucket -> alicloud_oss_bucket.site.bucket | provider=\"\"",
      "alicloud_oss_bucket_acl.logs alicloud_oss_bucket_acl acl | acl=public-read@50:12-50:25 \"public-read\" | bucket=example-logs@49:12-49:26 \"example-logs\" | provider=\"\"",
      "alicloud_oss_bucket_public_access_block.logs alicloud_oss_bucket_public_access_block block bucket | block_public_access=?@55:25-55:34 var.block | bucket=example-logs@54:25-54:39 \"example-logs\" | provider=\"\"",
      "alicloud_oss_account_public_access_block.other alicloud_oss_account_public_access_block block account | block_public_access=true@60:25-60:29 true | - | provider=\"alicloud.other\"",
    ]);
  });
  it('in .tf.json: the same, `${TYPE.NAME.attr}` a reference and a JSON boolean a literal', async () => {
    expect(await run(terraformProcessor, 'terraform/resources-more.tf.json')).toEqual([
      "alicloud_resource_manager_policy_attachment.group alicloud_resource_manager_policy_attachment group | policy_name=AliyunRAMFullAccess@4:32-4:53 \"AliyunRAMFullAccess\" | policy_type=System@4:70-4:78 \"System\" | principal_name=ops@4:98-4:103 \"ops\" | scope resource_group_id=?@4:156-4:167 \"${var.rg}\"",
      "alicloud_oss_bucket.site alicloud_oss_bucket acl | acl=public-read-write@7:49-7:68 \"public-read-write\" | bucket=example-site@7:26-7:40 \"example-site\" | provider=\"\"",
      "alicloud_oss_bucket_object.page alicloud_oss_bucket_object object-acl | acl=public-read@10:88-10:101 \"public-read\" | bucket=?@10:26-10:58 \"${alicloud_oss_bucket.site.id}\" -> alicloud_oss_bucket.site.id | key=index.html@10:67-10:79 \"index.html\" | provider=\"\"",
      "alicloud_oss_account_public_access_block.all alicloud_oss_account_public_access_block block account | block_public_access=true@13:38-13:42 true | - | provider=\"\"",
    ]);
  });
  // No provider configuration in a plan: an account-level block is no fact about its buckets, and none is reported.
  it('in a plan: Resource Management attachments, object ACLs, a bucket-level block with its JSON boolean', async () => {
    expect(await run(terraformPlanProcessor, 'plan/resources-more-plan.json')).toEqual([
      "alicloud_resource_manager_policy_attachment.rg alicloud_resource_manager_policy_attachment user | policy_name=AdministratorAccess@12:38-12:59 \"AdministratorAccess\" | policy_type=System@12:76-12:84 \"System\" | principal_name=alice@example.onaliyun.com@12:104-12:132 \"alice@example.onaliyun.com\" | scope resource_group_id=rg-aek2example@12:184-12:200 \"rg-aek2example\"",
      "alicloud_oss_bucket_object.page alicloud_oss_bucket_object object-acl | acl=public-read@19:77-19:90 \"public-read\" | bucket=example-site@19:33-19:47 \"example-site\" | key=index.html@19:56-19:68 \"index.html\"",
      "alicloud_oss_bucket_public_access_block.site alicloud_oss_bucket_public_access_block block bucket | block_public_access=true@26:72-26:76 true | bucket=example-site@26:33-26:47 \"example-site\"",
    ]);
  });
  // A ManagedPolicy attaches its custom policy to each principal listed (placed on the entry); Policies entries attach to the user.
  it('in a ROS template: ManagedPolicy principals, Policies entries, ResourceManager::PolicyAttachment, BlockPublicAccess', async () => {
    expect(await run(rosProcessor, 'ros/resources-more.yaml')).toEqual([
      "Resources.Deploy ALIYUN::RAM::ManagedPolicy user | Properties.PolicyName=deploy@6:19-6:25 deploy | - | Properties.Users[0]=alice@13:15-13:20 alice",
      "Resources.Deploy ALIYUN::RAM::ManagedPolicy user | Properties.PolicyName=deploy@6:19-6:25 deploy | - | Properties.Users[1]=?@13:22-13:30 !Ref Bob",
      "Resources.Deploy ALIYUN::RAM::ManagedPolicy group | Properties.PolicyName=deploy@6:19-6:25 deploy | - | Properties.Groups=?@14:15-14:26 !Ref Groups",
      "Resources.Deploy ALIYUN::RAM::ManagedPolicy role | Properties.PolicyName=deploy@6:19-6:25 deploy | - | Properties.Roles[0]=ops@16:11-16:14 ops",
      "Resources.Dev ALIYUN::RAM::User user | Properties.Policies[0].PolicyName=dev-inline@22:23-22:33 dev-inline | - | Properties.UserName=dev@20:17-20:20 dev",
      "Resources.RgAdmin ALIYUN::ResourceManager::PolicyAttachment user | Properties.PolicyName=AdministratorAccess@32:19-32:38 AdministratorAccess | Properties.PolicyType=System@33:19-33:25 System | Properties.PrincipalName=carol@example.onaliyun.com@34:22-34:48 carol@example.onaliyun.com | scope Properties.ResourceGroupId=rg-aek2example@36:24-36:38 rg-aek2example",
      "Resources.Site ALIYUN::OSS::Bucket acl | Properties.AccessControl=public-read@41:22-41:33 public-read | Properties.BucketName=example-site@40:19-40:31 example-site",
      "Resources.Site ALIYUN::OSS::Bucket block bucket | Properties.BlockPublicAccess=true@42:26-42:30 true | Properties.BucketName=example-site@40:19-40:31 example-site",
      "Resources.Logs ALIYUN::OSS::Bucket acl | Properties.AccessControl=public-read-write@47:22-47:39 public-read-write | Properties.BucketName=example-logs@46:19-46:31 example-logs",
      "Resources.LogsBlock ALIYUN::OSS::BucketPublicAccessBlock block bucket | Properties.BlockPublicAccess=?@52:26-52:36 !Ref Block | Properties.Bucket=example-logs@51:15-51:27 example-logs",
    ]);
  });

  it('are left out of the output of a file that has none', async () => {
    const out = await terraformProcessor.preprocess(readHost('terraform/heredoc.tf'), 'main.tf');
    expect(out.resources).toBeUndefined();
  });

  it('are not read from a block that does not parse', async () => {
    const text = 'resource "alicloud_oss_bucket" "b" {\n  acl = "public-read"\n  bucket = [\n}\n';
    const out = await terraformProcessor.preprocess(text, 'main.tf');
    expect(out.resources).toBeUndefined();
    expect(out.notes.map((n) => n.ruleId)).toEqual(['invalid-host-file']);
  });
});
