import rule from '../../src/rules/admin-policy-attachment';
import { testResourceRule } from '../helpers/resource-rule-tester';
import { readHost } from '../processors/helpers';

const tf = (body: string) => `resource "alicloud_ram_role_policy_attachment" "a" {\n  role_name   = "ops"\n${body}}\n`;

testResourceRule(rule, {
  valid: [
    { name: 'a custom policy that happens to be named AdministratorAccess (linted where it is defined)', file: 'main.tf', code: tf('  policy_name = "AdministratorAccess"\n  policy_type = "Custom"\n') },
    { name: 'a scoped system policy', file: 'main.tf', code: tf('  policy_name = "ReadOnlyAccess"\n  policy_type = "System"\n') },
    { name: 'a read-only system policy of one service', file: 'main.tf', code: tf('  policy_name = "AliyunOSSReadOnlyAccess"\n  policy_type = "System"\n') },
    { name: 'a policy name Terraform knows only when it plans', file: 'main.tf', code: tf('  policy_name = var.policy\n  policy_type = "System"\n') },
    { name: 'a policy type Terraform knows only when it plans', file: 'main.tf', code: tf('  policy_name = "AdministratorAccess"\n  policy_type = alicloud_ram_policy.p.type\n') },
    { name: 'no policy type at all (Terraform requires one; not guessed)', file: 'main.tf', code: tf('  policy_name = "AdministratorAccess"\n') },
    { name: 'a ROS user with only custom and read-only policies', file: 't.yaml', code: "ROSTemplateFormatVersion: '2015-09-01'\nResources:\n  U:\n    Type: ALIYUN::RAM::User\n    Properties:\n      UserName: u\n      PolicyAttachments:\n        System: [ReadOnlyAccess]\n        Custom: [AdministratorAccess]\n" },
    { name: 'a ROS attachment whose type is a parameter', file: 't.yaml', code: "ROSTemplateFormatVersion: '2015-09-01'\nResources:\n  A:\n    Type: ALIYUN::RAM::AttachPolicyToRole\n    Properties:\n      PolicyType: !Ref Type\n      PolicyName: AdministratorAccess\n      RoleName: ops\n" },
    { name: 'an attachment whose name is known only after apply, in a plan', file: 'plan.json', code: readHost('plan/resources-plan.json').replace('"AdministratorAccess", "policy_type"', '"ReadOnlyAccess", "policy_type"').replace('"AdministratorAccess", "policy_type"', '"ReadOnlyAccess", "policy_type"') },
  ],
  invalid: [
    {
      name: 'Resource Management: through a resource group (still admin, of the group), an account ID (the account), a computed principal and scope',
      file: 'main.tf',
      code: readHost('terraform/resources-more.tf'),
      errors: [
        {
          messageId: 'administrator',
          line: 3,
          column: 23,
          endLine: 3,
          endColumn: 44,
          text: '"AdministratorAccess"',
          path: 'alicloud_resource_manager_policy_attachment.rg_admin.policy_name',
          document: 'alicloud_resource_manager_policy_attachment.rg_admin',
          severity: 'error',
          message:
            'System policy "AdministratorAccess" is attached to RAM user "alice@example.onaliyun.com": it allows every action on every resource, which is full administrator access to resource group "rg-aek2example"; attach a custom policy that grants only the actions and resources needed instead.',
        },
        {
          messageId: 'serviceFullAccess',
          line: 11,
          column: 23,
          endLine: 11,
          endColumn: 44,
          text: '"AliyunOSSFullAccess"',
          severity: 'warning',
          message:
            'System policy "AliyunOSSFullAccess" is attached to RAM role "ops@role.1234567890123456.onaliyun.com": it allows every OSS action on every OSS resource of the account; attach a custom policy scoped to the actions and resources needed instead.',
        },
        {
          messageId: 'administrator',
          line: 19,
          column: 23,
          endLine: 19,
          endColumn: 44,
          text: '"AdministratorAccess"',
          message:
            'System policy "AdministratorAccess" is attached to the RAM identity named by var.principal: it allows every action on every resource, which is full administrator access to the resource group or account named by data.alicloud_resource_manager_resource_groups.example.ids.0; attach a custom policy that grants only the actions and resources needed instead.',
        },
      ],
    },
    {
      name: 'Resource Management in .tf.json, a plan and ROS',
      file: 'main.tf.json',
      code: readHost('terraform/resources-more.tf.json'),
      errors: [{ messageId: 'ramFullAccess', line: 4, column: 32, endLine: 4, endColumn: 53, text: '"AliyunRAMFullAccess"', path: 'alicloud_resource_manager_policy_attachment.group.policy_name', message: expect.stringContaining('is attached to RAM group "ops": it allows every RAM action') as unknown as string }],
    },
    {
      name: 'Resource Management in a plan',
      file: 'plan.json',
      code: readHost('plan/resources-more-plan.json'),
      errors: [{ messageId: 'administrator', line: 12, column: 38, endLine: 12, endColumn: 59, text: '"AdministratorAccess"', path: 'alicloud_resource_manager_policy_attachment.rg.policy_name' }],
    },
    {
      name: 'ROS ALIYUN::ResourceManager::PolicyAttachment (a ManagedPolicy and Policies entries are custom: not judged)',
      file: 't.yaml',
      code: readHost('ros/resources-more.yaml'),
      errors: [{ messageId: 'administrator', line: 32, column: 19, endLine: 32, endColumn: 38, text: 'AdministratorAccess', path: 'Resources.RgAdmin.Properties.PolicyName', message: expect.stringContaining('RAM user "carol@example.onaliyun.com": it allows every action on every resource, which is full administrator access to resource group "rg-aek2example"') as unknown as string }],
    },
    {
      name: 'Terraform: AdministratorAccess, AliyunRAMFullAccess and a service FullAccess, literal or through a local',
      file: 'main.tf',
      code: readHost('terraform/resources.tf'),
      errors: [
        {
          messageId: 'administrator',
          line: 9,
          column: 17,
          endLine: 9,
          endColumn: 38,
          text: '"AdministratorAccess"',
          path: 'alicloud_ram_role_policy_attachment.admin.policy_name',
          document: 'alicloud_ram_role_policy_attachment.admin',
          severity: 'error',
          message:
            'System policy "AdministratorAccess" is attached to the RAM role named by alicloud_ram_role.ops.name: it allows every action on every resource, which is full administrator access to the account; attach a custom policy that grants only the actions and resources needed instead.',
        },
        {
          messageId: 'ramFullAccess',
          line: 15,
          column: 17,
          endLine: 15,
          endColumn: 38,
          text: '"AliyunRAMFullAccess"',
          severity: 'error',
          message:
            'System policy "AliyunRAMFullAccess" is attached to RAM user "deploy": it allows every RAM action, so the holder can attach any policy, AdministratorAccess included, to itself or create users and AccessKeys that hold it; attach a custom policy scoped to the RAM actions needed instead.',
        },
        {
          messageId: 'serviceFullAccess',
          line: 21,
          column: 17,
          endLine: 21,
          endColumn: 38,
          text: '"AliyunECSFullAccess"',
          severity: 'warning',
          message:
            'System policy "AliyunECSFullAccess" is attached to RAM group "ops": it allows every ECS action on every ECS resource of the account; attach a custom policy scoped to the actions and resources needed instead.',
        },
        { messageId: 'administrator', line: 27, column: 17, endLine: 27, endColumn: 28, text: 'local.admin', path: 'alicloud_ram_role_policy_attachment.by_local.policy_name' },
      ],
    },
    {
      name: 'Terraform JSON: each body of a name written twice',
      file: 'main.tf.json',
      code: readHost('terraform/resources.tf.json'),
      errors: [
        { messageId: 'administrator', line: 6, column: 24, endLine: 6, endColumn: 45, text: '"AdministratorAccess"', path: 'alicloud_ram_role_policy_attachment.admin.policy_name' },
        { messageId: 'serviceFullAccess', line: 17, column: 46, endLine: 17, endColumn: 67, text: '"AliyunOSSFullAccess"', path: 'alicloud_ram_user_policy_attachment.dev[0].policy_name', severity: 'warning' },
        { messageId: 'ramFullAccess', line: 18, column: 46, endLine: 18, endColumn: 67, text: '"AliyunRAMFullAccess"', path: 'alicloud_ram_user_policy_attachment.dev[1].policy_name', severity: 'error' },
      ],
    },
    {
      name: 'a plan: once per address, at the planned value',
      file: 'plan.json',
      code: readHost('plan/resources-plan.json'),
      errors: [
        {
          messageId: 'administrator',
          line: 12,
          column: 38,
          endLine: 12,
          endColumn: 59,
          text: '"AdministratorAccess"',
          path: 'alicloud_ram_role_policy_attachment.admin.policy_name',
          message:
            'System policy "AdministratorAccess" is attached to RAM role "ops": it allows every action on every resource, which is full administrator access to the account; attach a custom policy that grants only the actions and resources needed instead.',
        },
      ],
    },
    {
      name: 'a ROS YAML template: PolicyAttachments names, AttachPolicyToRole, an alias',
      file: 'template.yaml',
      code: readHost('ros/resources.yaml'),
      errors: [
        { messageId: 'administrator', line: 22, column: 13, endLine: 22, endColumn: 32, text: 'AdministratorAccess', path: 'Resources.OpsRole.Properties.PolicyAttachments.System[0]', document: 'Resources.OpsRole' },
        {
          messageId: 'administrator',
          line: 30,
          column: 19,
          endLine: 30,
          endColumn: 38,
          text: 'AdministratorAccess',
          path: 'Resources.AttachAdmin.Properties.PolicyName',
          message:
            'System policy "AdministratorAccess" is attached to the RAM role named by !GetAtt OpsRole.RoleName: it allows every action on every resource, which is full administrator access to the account; attach a custom policy that grants only the actions and resources needed instead.',
        },
        { messageId: 'ramFullAccess', line: 37, column: 18, endLine: 37, endColumn: 37, text: 'AliyunRAMFullAccess', path: 'Resources.Dev.Properties.PolicyAttachments.System[0]' },
        { messageId: 'serviceFullAccess', line: 37, column: 44, endLine: 37, endColumn: 65, text: "'AliyunECSFullAccess'", path: 'Resources.Dev.Properties.PolicyAttachments.System[1]' },
        {
          messageId: 'serviceFullAccess',
          line: 44,
          column: 13,
          endLine: 44,
          endColumn: 17,
          text: '*ecs',
          path: 'Resources.Admins.Properties.PolicyAttachments.System[0]',
          message:
            'System policy "AliyunECSFullAccess" is attached to the RAM group named by !Ref GroupName: it allows every ECS action on every ECS resource of the account; attach a custom policy scoped to the actions and resources needed instead.',
        },
      ],
    },
    {
      name: 'a ROS JSON template: AttachPolicyToGroup',
      file: 'template.json',
      code: readHost('ros/resources.json'),
      errors: [{ messageId: 'ramFullAccess', line: 6, column: 61, endLine: 6, endColumn: 82, text: '"AliyunRAMFullAccess"', path: 'Resources.AttachGroup.Properties.PolicyName', document: 'Resources.AttachGroup' }],
    },
    {
      name: 'a system policy name and type in another case (no other system policy can be meant), quoted as written',
      file: 'main.tf',
      code: tf('  policy_name = "administratoraccess"\n  policy_type = "system"\n'),
      errors: [
        {
          messageId: 'administrator',
          line: 3,
          column: 17,
          endLine: 3,
          endColumn: 38,
          text: '"administratoraccess"',
          message:
            'System policy "administratoraccess" is attached to RAM role "ops": it allows every action on every resource, which is full administrator access to the account; attach a custom policy that grants only the actions and resources needed instead.',
        },
      ],
    },
  ],
});
