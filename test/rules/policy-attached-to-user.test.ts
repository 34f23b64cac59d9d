import rule from '../../src/rules/policy-attached-to-user';
import { testResourceRule } from '../helpers/resource-rule-tester';
import { readHost } from '../processors/helpers';

testResourceRule(rule, {
  valid: [
    { name: 'a policy attached to a group', file: 'main.tf', code: 'resource "alicloud_ram_group_policy_attachment" "g" {\n  group_name  = "dev"\n  policy_name = "ReadOnlyAccess"\n  policy_type = "System"\n}\n' },
    { name: 'a policy attached to a role', file: 'main.tf', code: 'resource "alicloud_ram_role_policy_attachment" "r" {\n  role_name   = "ops"\n  policy_name = "ReadOnlyAccess"\n  policy_type = "System"\n}\n' },
    { name: 'a ROS group with inline policies', file: 't.yaml', code: "ROSTemplateFormatVersion: '2015-09-01'\nResources:\n  G:\n    Type: ALIYUN::RAM::Group\n    Properties:\n      GroupName: g\n      Policies:\n        - PolicyName: read\n          PolicyDocument:\n            Version: '1'\n            Statement:\n              - Effect: Allow\n                Action: ecs:DescribeInstances\n                Resource: '*'\n" },
    { name: 'Resource Management: a group, and a principal type Terraform knows only when it plans', file: 'main.tf', code: 'resource "alicloud_resource_manager_policy_attachment" "a" {\n  policy_name       = "ReadOnlyAccess"\n  policy_type       = "System"\n  principal_name    = "ops"\n  principal_type    = "IMSGroup"\n  resource_group_id = "rg-1"\n}\nresource "alicloud_resource_manager_policy_attachment" "b" {\n  policy_name       = "ReadOnlyAccess"\n  policy_type       = "System"\n  principal_name    = var.name\n  principal_type    = var.type\n  resource_group_id = "rg-1"\n}\n' },
    { name: 'Resource Management: a principal type in the wrong case (the provider refuses it; not guessed)', file: 'main.tf', code: 'resource "alicloud_resource_manager_policy_attachment" "a" {\n  policy_name       = "ReadOnlyAccess"\n  policy_type       = "System"\n  principal_name    = "dev"\n  principal_type    = "imsuser"\n  resource_group_id = "rg-1"\n}\n' },
    { name: 'a ROS group with PolicyAttachments', file: 't.json', code: readHost('ros/resources.json') },
  ],
  invalid: [
    {
      name: 'Resource Management: principal_type IMSUser (not IMSGroup, ServiceRole or a computed type)',
      file: 'main.tf',
      code: readHost('terraform/resources-more.tf'),
      errors: [
        {
          messageId: 'user',
          line: 3,
          column: 23,
          endLine: 3,
          endColumn: 44,
          text: '"AdministratorAccess"',
          path: 'alicloud_resource_manager_policy_attachment.rg_admin.policy_name',
          severity: 'info',
          message:
            'Policy "AdministratorAccess" is attached directly to RAM user "alice@example.onaliyun.com"; attach it to a RAM group the user belongs to, or to a role the user assumes, so that permissions follow the job rather than the person.',
        },
      ],
    },
    {
      name: 'Resource Management in a plan',
      file: 'plan.json',
      code: readHost('plan/resources-more-plan.json'),
      errors: [{ messageId: 'user', line: 12, column: 38, endLine: 12, endColumn: 59, text: '"AdministratorAccess"', path: 'alicloud_resource_manager_policy_attachment.rg.policy_name' }],
    },
    {
      name: "ROS: each user a ManagedPolicy lists (on the entry), a user's inline Policies, ResourceManager::PolicyAttachment",
      file: 't.yaml',
      code: readHost('ros/resources-more.yaml'),
      errors: [
        {
          messageId: 'user',
          line: 13,
          column: 15,
          endLine: 13,
          endColumn: 20,
          text: 'alice',
          path: 'Resources.Deploy.Properties.Users[0]',
          document: 'Resources.Deploy',
          message:
            'Policy "deploy" is attached directly to RAM user "alice"; attach it to a RAM group the user belongs to, or to a role the user assumes, so that permissions follow the job rather than the person.',
        },
        { messageId: 'user', line: 13, column: 22, endLine: 13, endColumn: 30, text: '!Ref Bob', path: 'Resources.Deploy.Properties.Users[1]', message: expect.stringContaining('attached directly to the RAM user named by !Ref Bob;') as unknown as string },
        { messageId: 'user', line: 22, column: 23, endLine: 22, endColumn: 33, text: 'dev-inline', path: 'Resources.Dev.Properties.Policies[0].PolicyName', message: expect.stringContaining('Policy "dev-inline" is attached directly to RAM user "dev";') as unknown as string },
        { messageId: 'user', line: 32, column: 19, endLine: 32, endColumn: 38, text: 'AdministratorAccess', path: 'Resources.RgAdmin.Properties.PolicyName' },
      ],
    },
    {
      name: 'Terraform: every user attachment, whatever the policy, its name known or not',
      file: 'main.tf',
      code: readHost('terraform/resources.tf'),
      errors: [
        {
          messageId: 'user',
          line: 15,
          column: 17,
          endLine: 15,
          endColumn: 38,
          text: '"AliyunRAMFullAccess"',
          path: 'alicloud_ram_user_policy_attachment.ram.policy_name',
          severity: 'info',
          message:
            'Policy "AliyunRAMFullAccess" is attached directly to RAM user "deploy"; attach it to a RAM group the user belongs to, or to a role the user assumes, so that permissions follow the job rather than the person.',
        },
        { messageId: 'user', line: 51, column: 17, endLine: 51, endColumn: 33, text: '"ReadOnlyAccess"', path: 'alicloud_ram_user_policy_attachment.read.policy_name' },
      ],
    },
    {
      name: 'a plan: a user attachment whose policy is known only after apply',
      file: 'plan.json',
      code: readHost('plan/resources-plan.json'),
      errors: [
        {
          messageId: 'user',
          line: 51,
          column: 134,
          endLine: 51,
          endColumn: 138,
          text: 'true',
          path: 'alicloud_ram_user_policy_attachment.later.policy_name',
          message:
            'The policy named by a value known only after apply is attached directly to RAM user "dev"; attach it to a RAM group the user belongs to, or to a role the user assumes, so that permissions follow the job rather than the person.',
        },
      ],
    },
    {
      name: 'Terraform JSON: each body of a name written twice',
      file: 'main.tf.json',
      code: readHost('terraform/resources.tf.json'),
      errors: [
        { messageId: 'user', line: 17, column: 46, endLine: 17, endColumn: 67, text: '"AliyunOSSFullAccess"', path: 'alicloud_ram_user_policy_attachment.dev[0].policy_name' },
        { messageId: 'user', line: 18, column: 46, endLine: 18, endColumn: 67, text: '"AliyunRAMFullAccess"', path: 'alicloud_ram_user_policy_attachment.dev[1].policy_name' },
      ],
    },
    {
      name: 'a ROS template: a user\'s PolicyAttachments and AttachPolicyToUser',
      file: 'template.yaml',
      code: readHost('ros/resources.yaml'),
      errors: [
        { messageId: 'user', line: 37, column: 18, endLine: 37, endColumn: 37, text: 'AliyunRAMFullAccess', path: 'Resources.Dev.Properties.PolicyAttachments.System[0]' },
        { messageId: 'user', line: 37, column: 44, endLine: 37, endColumn: 65, text: "'AliyunECSFullAccess'", path: 'Resources.Dev.Properties.PolicyAttachments.System[1]' },
        { messageId: 'user', line: 51, column: 19, endLine: 51, endColumn: 38, text: 'AdministratorAccess', path: 'Resources.AttachUser.Properties.PolicyName' },
      ],
    },
    {
      name: 'a ROS attachment whose policy and user are functions, named as the template writes them',
      file: 'template.json',
      code: '{"ROSTemplateFormatVersion": "2015-09-01", "Resources": {"A": {"Type": "ALIYUN::RAM::AttachPolicyToUser", "Properties": {\n  "PolicyType": "Custom", "PolicyName": {"Fn::GetAtt": ["Reader", "PolicyName"]}, "UserName": {"Ref": "User"}}}}}\n',
      errors: [
        {
          messageId: 'user',
          line: 2,
          column: 41,
          endLine: 2,
          endColumn: 81,
          text: '{"Fn::GetAtt": ["Reader", "PolicyName"]}',
          message:
            'The policy named by Fn::GetAtt Reader.PolicyName is attached directly to the RAM user named by Ref User; attach it to a RAM group the user belongs to, or to a role the user assumes, so that permissions follow the job rather than the person.',
        },
      ],
    },
  ],
});
