import rule from '../../src/rules/oss-public-acl';
import { testResourceRule } from '../helpers/resource-rule-tester';
import { readHost } from '../processors/helpers';

const ros = (properties: string) => `ROSTemplateFormatVersion: '2015-09-01'\nResources:\n  B:\n    Type: ALIYUN::OSS::Bucket\n    Properties:\n${properties}`;

testResourceRule(rule, {
  valid: [
    { name: 'a private bucket', file: 'main.tf', code: 'resource "alicloud_oss_bucket" "b" {\n  bucket = "b"\n  acl    = "private"\n}\n' },
    { name: 'a bucket without an ACL (private by default)', file: 'main.tf', code: 'resource "alicloud_oss_bucket" "b" {\n  bucket = "b"\n}\n' },
    { name: 'an ACL resource that is private', file: 'main.tf', code: 'resource "alicloud_oss_bucket_acl" "b" {\n  bucket = alicloud_oss_bucket.b.bucket\n  acl    = "private"\n}\n' },
    { name: 'an ACL Terraform knows only when it plans', file: 'main.tf', code: 'resource "alicloud_oss_bucket" "b" {\n  acl = var.acl\n}\n' },
    { name: 'an ACL of null (unset)', file: 'main.tf.json', code: '{"resource": {"alicloud_oss_bucket": {"b": {"acl": null}}}}\n' },
    { name: 'an interpolated ACL in .tf.json', file: 'main.tf.json', code: '{"resource": {"alicloud_oss_bucket": {"b": {"acl": "${var.acl}"}}}}\n' },
    { name: 'a ROS bucket whose ACL is a parameter', file: 't.yaml', code: ros('      AccessControl: !Ref Acl\n') },
    { name: 'a ROS private bucket', file: 't.yaml', code: ros('      AccessControl: private\n') },
    { name: 'a deleted public bucket in a plan', file: 'plan.json', code: readHost('plan/resources-plan.json').replace('"public-read-write"', '"private"') },
  ],
  invalid: [
    {
      name: 'Terraform: alicloud_oss_bucket acl and alicloud_oss_bucket_acl',
      file: 'main.tf',
      code: readHost('terraform/resources.tf'),
      errors: [
        {
          messageId: 'publicReadWrite',
          line: 57,
          column: 12,
          endLine: 57,
          endColumn: 31,
          text: '"public-read-write"',
          path: 'alicloud_oss_bucket.site.acl',
          document: 'alicloud_oss_bucket.site',
          severity: 'error',
          message:
            'Bucket ACL "public-read-write" on bucket "example-site" lets anyone on the internet read, overwrite and delete every object in it without signing a request; set the ACL to "private" and grant the access that is needed through a bucket policy.',
        },
        {
          messageId: 'publicRead',
          line: 66,
          column: 12,
          endLine: 66,
          endColumn: 25,
          text: '"public-read"',
          path: 'alicloud_oss_bucket_acl.logs.acl',
          severity: 'warning',
          message:
            'Bucket ACL "public-read" on the bucket named by alicloud_oss_bucket.logs.bucket lets anyone on the internet read every object in it without signing a request; set the ACL to "private" and grant read access through a bucket policy to those who need it.',
        },
      ],
    },
    {
      name: 'Terraform JSON: a bucket whose name is a literal $${',
      file: 'main.tf.json',
      code: readHost('terraform/resources.tf.json'),
      errors: [
        { messageId: 'publicRead', line: 22, column: 50, endLine: 22, endColumn: 63, text: '"public-read"', path: 'alicloud_oss_bucket.site.acl' },
        { messageId: 'publicReadWrite', line: 23, column: 59, endLine: 23, endColumn: 78, text: '"public-read-write"', path: 'alicloud_oss_bucket.literal.acl', message: expect.stringContaining('on bucket "${not-a-template}" lets anyone') as unknown as string },
      ],
    },
    {
      name: 'a plan: a bucket ACL in a child module',
      file: 'plan.json',
      code: readHost('plan/resources-plan.json'),
      errors: [{ messageId: 'publicReadWrite', line: 31, column: 34, endLine: 31, endColumn: 53, text: '"public-read-write"', path: 'module.site.alicloud_oss_bucket_acl.this.acl', document: 'module.site.alicloud_oss_bucket_acl.this' }],
    },
    {
      name: 'a ROS YAML template: AccessControl',
      file: 'template.yaml',
      code: readHost('ros/resources.yaml'),
      errors: [{ messageId: 'publicRead', line: 57, column: 22, endLine: 57, endColumn: 33, text: 'public-read', path: 'Resources.Site.Properties.AccessControl', severity: 'warning' }],
    },
    {
      name: 'a ROS JSON template: AccessControl',
      file: 'template.json',
      code: readHost('ros/resources.json'),
      errors: [{ messageId: 'publicReadWrite', line: 10, column: 70, endLine: 10, endColumn: 89, text: '"public-read-write"', path: 'Resources.Site.Properties.AccessControl', severity: 'error' }],
    },
    {
      name: 'a ROS bucket without a name',
      file: 't.yaml',
      code: ros('      AccessControl: public-read-write\n'),
      errors: [
        {
          messageId: 'publicReadWrite',
          line: 6,
          column: 22,
          endLine: 6,
          endColumn: 39,
          text: 'public-read-write',
          message:
            'Bucket ACL "public-read-write" on the bucket of Resources.B lets anyone on the internet read, overwrite and delete every object in it without signing a request; set the ACL to "private" and grant the access that is needed through a bucket policy.',
        },
      ],
    },
  ],
});
