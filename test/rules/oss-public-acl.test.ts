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
    { name: 'a private object', file: 'main.tf', code: 'resource "alicloud_oss_bucket_object" "o" {\n  bucket = "b"\n  key    = "k"\n  acl    = "private"\n}\n' },
    { name: 'an object ACL Terraform knows only when it plans', file: 'main.tf', code: 'resource "alicloud_oss_bucket_object" "o" {\n  bucket = "b"\n  key    = "k"\n  acl    = var.acl\n}\n' },
  ],
  invalid: [
    {
      name: 'Terraform: object ACLs, Block Public Access of the same bucket by reference; a computed block, another provider\'s account block',
      file: 'main.tf',
      code: readHost('terraform/resources-more.tf'),
      errors: [
        {
          messageId: 'objectBlocked',
          line: 29,
          column: 12,
          endLine: 29,
          endColumn: 25,
          text: '"public-read"',
          path: 'alicloud_oss_bucket_object.page.acl',
          document: 'alicloud_oss_bucket_object.page',
          severity: 'info',
          message:
            'Object ACL "public-read" on object "index.html" in the bucket named by alicloud_oss_bucket.site.bucket is public, but OSS ignores it while Block Public Access (alicloud_oss_bucket_public_access_block.site) is on; set the ACL to "private" so that the object does not become public when Block Public Access is turned off.',
        },
        {
          messageId: 'objectPublicReadWrite',
          line: 35,
          column: 12,
          endLine: 35,
          endColumn: 31,
          text: '"public-read-write"',
          path: 'alicloud_oss_bucket_object.drop.acl',
          severity: 'error',
          message:
            'Object ACL "public-read-write" on the object named by var.key in bucket "example-drop" lets anyone on the internet read and overwrite that object without signing a request, whatever the bucket ACL says; set the ACL to "private" (or leave it unset) and grant the access that is needed through a bucket policy.',
        },
        {
          messageId: 'blocked',
          line: 40,
          column: 12,
          endLine: 40,
          endColumn: 25,
          text: '"public-read"',
          path: 'alicloud_oss_bucket.site.acl',
          severity: 'info',
          message:
            'Bucket ACL "public-read" on bucket "example-site" is public, but OSS ignores it while Block Public Access (alicloud_oss_bucket_public_access_block.site) is on; set the ACL to "private" so that the bucket does not become public when Block Public Access is turned off.',
        },
        { messageId: 'publicRead', line: 50, column: 12, endLine: 50, endColumn: 25, text: '"public-read"', path: 'alicloud_oss_bucket_acl.logs.acl', severity: 'warning' },
      ],
    },
    {
      name: 'Terraform JSON: an account-level block with the same (default) provider covers every bucket and object of the file',
      file: 'main.tf.json',
      code: readHost('terraform/resources-more.tf.json'),
      errors: [
        { messageId: 'blocked', line: 7, column: 49, endLine: 7, endColumn: 68, text: '"public-read-write"', path: 'alicloud_oss_bucket.site.acl', severity: 'info', message: expect.stringContaining('while Block Public Access (alicloud_oss_account_public_access_block.all) is on') as unknown as string },
        { messageId: 'objectBlocked', line: 10, column: 88, endLine: 10, endColumn: 101, text: '"public-read"', path: 'alicloud_oss_bucket_object.page.acl', severity: 'info' },
      ],
    },
    {
      name: 'a plan: a bucket-level block by literal name; no account-level block (a plan does not say which account)',
      file: 'plan.json',
      code: readHost('plan/resources-more-plan.json'),
      errors: [{ messageId: 'objectBlocked', line: 19, column: 77, endLine: 19, endColumn: 90, text: '"public-read"', path: 'alicloud_oss_bucket_object.page.acl', message: expect.stringContaining('in bucket "example-site" is public, but OSS ignores it while Block Public Access (alicloud_oss_bucket_public_access_block.site) is on') as unknown as string }],
    },
    {
      name: 'a plan: an account-level block alone lowers nothing',
      file: 'plan.json',
      code: readHost('plan/resources-more-plan.json').replace('"bucket": "example-site", "block_public_access"', '"bucket": "example-other", "block_public_access"'),
      errors: [{ messageId: 'objectPublicRead', line: 19, column: 77, endLine: 19, endColumn: 90, text: '"public-read"', severity: 'warning', message: expect.stringContaining('Object ACL "public-read" on object "index.html" in bucket "example-site" lets anyone on the internet read that object') as unknown as string }],
    },
    {
      name: 'ROS: the bucket\'s own BlockPublicAccess; a BucketPublicAccessBlock whose flag is a parameter keeps the finding',
      file: 't.yaml',
      code: readHost('ros/resources-more.yaml'),
      errors: [
        { messageId: 'blocked', line: 41, column: 22, endLine: 41, endColumn: 33, text: 'public-read', path: 'Resources.Site.Properties.AccessControl', severity: 'info', message: expect.stringContaining('(Resources.Site) is on') as unknown as string },
        { messageId: 'publicReadWrite', line: 47, column: 22, endLine: 47, endColumn: 39, text: 'public-read-write', path: 'Resources.Logs.Properties.AccessControl', severity: 'error' },
      ],
    },
    {
      name: 'ROS: a BucketPublicAccessBlock of the same literal bucket name',
      file: 't.yaml',
      code: readHost('ros/resources-more.yaml').replace('BlockPublicAccess: !Ref Block', 'BlockPublicAccess: true'),
      errors: [
        { messageId: 'blocked', line: 41, column: 22, endLine: 41, endColumn: 33, text: 'public-read' },
        { messageId: 'blocked', line: 47, column: 22, endLine: 47, endColumn: 39, text: 'public-read-write', message: expect.stringContaining('(Resources.LogsBlock) is on') as unknown as string },
      ],
    },
    {
      name: 'Terraform: block_public_access = false, or a block of another bucket, lowers nothing',
      file: 'main.tf',
      code: 'resource "alicloud_oss_bucket" "a" {\n  bucket = "a"\n  acl    = "public-read-write"\n}\nresource "alicloud_oss_bucket_public_access_block" "a" {\n  bucket              = "a"\n  block_public_access = false\n}\nresource "alicloud_oss_bucket_public_access_block" "b" {\n  bucket              = alicloud_oss_bucket.b.bucket\n  block_public_access = true\n}\n',
      errors: [{ messageId: 'publicReadWrite', line: 3, column: 12, endLine: 3, endColumn: 31, text: '"public-read-write"' }],
    },
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
