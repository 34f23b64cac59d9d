import rule from '../../src/rules/oss-overbroad-grant';
import { runRule, testRule } from '../helpers/rule-tester';
import { policy, allow, deny, action, notAction, resource, notResource } from '../helpers/statement';

const oneBucket = '["acs:oss:*:*:mybucket", "acs:oss:*:*:mybucket/*"]';

testRule(rule, {
  valid: [
    { name: 'NotResource "*" leaves out every bucket: oss:* grants nothing', code: policy(allow, action('"oss:*"'), notResource('["*"]')) },
    { name: 'an endpoint policy grants nothing, even in a statement without a Principal', kind: 'endpoint', kindGivenBy: 'host', code: policy(allow, action('"oss:*"'), resource('"*"')) },
    { name: 'oss:ListBuckets on * is account-level', code: policy(allow, action('"oss:ListBuckets"'), resource('"*"')) },
    { name: 'oss:GetService on * is account-level', code: policy(allow, action('"oss:GetService"'), resource('"*"')) },
    { name: 'account-level reads on acs:oss:*:*:*', code: policy(allow, action('["oss:ListBuckets", "oss:GetService"]'), resource('"acs:oss:*:*:*"')) },
    { name: 'account-level reads compare case-insensitively', code: policy(allow, action('"OSS:listbuckets"'), resource('"*"')) },
    { name: 'reads scoped to one bucket', code: policy(allow, action('["oss:ListObjects", "oss:GetObject"]'), resource(oneBucket)) },
    { name: 'oss:* scoped to one bucket', code: policy(allow, action('"oss:*"'), resource(oneBucket)) },
    { name: 'oss:* scoped to one bucket of one account', code: policy(allow, action('"oss:*"'), resource('"acs:oss:*:123456789012:mybucket/*"')) },
    { name: 'writes on buckets named with a prefix', code: policy(allow, action('"oss:PutObject"'), resource('"acs:oss:*:*:logs-*/*"')) },
    { name: 'Deny oss:* on * is never a grant', code: policy(deny, action('"oss:*"'), resource('"*"')) },
    { name: 'Deny of writes on every bucket', code: policy(deny, action('["oss:PutObject", "oss:DeleteObject"]'), resource('"acs:oss:*:*:*"')) },
    { name: 'other services on *', code: policy(allow, action('["ecs:*", "ram:ListRoles"]'), resource('"*"')) },
    { name: 'non-OSS actions on acs:oss:*:*:*', code: policy(allow, action('"ram:*"'), resource('"acs:oss:*:*:*"')) },
    { name: 'NotAction that excludes every OSS action', code: policy(allow, notAction('["oss:*", "ram:*"]'), resource('"*"')) },
    { name: 'regression: the malformed action "oss:" matches no action, so grants nothing', code: policy(allow, action('"oss:"'), resource('"*"')) },
    { name: 'malformed literals that name no action: "oss:Put Object", "oss:PutObject:"', code: policy(allow, action('["oss:Put Object", "oss:PutObject:"]'), resource('"acs:oss:*:*:*"')) },
    {
      name: 'a bucket policy is not checked',
      kind: 'bucket',
      code: policy(allow, action('"oss:*"'), '"Principal": ["1234567890123456"]', resource('"acs:oss:*:*:*"')),
    },
    { name: 'a ternary bucket name is one bucket', code: policy(allow, action('"oss:*"'), resource('"acs:oss:*:*:${var.flag ? var.a : var.b}/*"')) },
  ],
  invalid: [
    {
      name: 'NotResource with read-only access is a warning',
      code: policy(allow, action('["oss:GetObject"]'), notResource('"acs:oss:*:*:audit-logs/*"')),
      errors: [
        { messageId: 'notResourceRead', line: 7, column: 7, endLine: 7, endColumn: 20, text: '"NotResource"', path: 'Statement[0].NotResource', severity: 'warning' },
      ],
    },
    {
      name: 'oss:PutObject on *',
      code: policy(allow, action('"oss:PutObject"'), resource('"*"')),
      errors: [{ messageId: 'write', line: 7, column: 19, endLine: 7, endColumn: 22, text: '"*"', path: 'Statement[0].Resource', severity: 'error', suggestions: [{ desc: 'Scope Resource to one bucket and its objects (replace <bucket>).', output: policy(allow, action('"oss:PutObject"'), resource('["acs:oss:*:*:<bucket>", "acs:oss:*:*:<bucket>/*"]')) }] }],
    },
    {
      name: 'oss:DeleteObject on acs:oss:*:*:*',
      code: policy(allow, action('"oss:DeleteObject"'), resource('"acs:oss:*:*:*"')),
      errors: [{ messageId: 'write', line: 7, column: 19, endLine: 7, endColumn: 34, text: '"acs:oss:*:*:*"', severity: 'error' }],
    },
    {
      name: 'permission management on every bucket of one account',
      code: policy(allow, action('["oss:PutBucketAcl", "oss:PutBucketPolicy"]'), resource('"acs:oss:*:123456789012:*"')),
      errors: [{ messageId: 'write', line: 7, column: 19, endLine: 7, endColumn: 45, text: '"acs:oss:*:123456789012:*"', severity: 'error' }],
    },
    {
      name: 'oss:* on every object of every bucket',
      code: policy(allow, action('"oss:*"'), resource('["acs:oss:*:*:*/*"]')),
      errors: [
        { messageId: 'write', line: 7, column: 20, endLine: 7, endColumn: 37, text: '"acs:oss:*:*:*/*"', path: 'Statement[0].Resource[0]', severity: 'error' },
      ],
    },
    {
      name: 'oss:* on every object of every bucket of one account',
      code: policy(allow, action('"oss:*"'), resource('"acs:oss:*:123456789012:*/*"')),
      errors: [{ messageId: 'write', line: 7, column: 19, endLine: 7, endColumn: 47, text: '"acs:oss:*:123456789012:*/*"', severity: 'error' }],
    },
    {
      name: 'the full wildcard action on acs:oss:*:*:*',
      code: policy(allow, action('"*"'), resource('"acs:oss:*:*:*"')),
      errors: [{ messageId: 'write', line: 7, column: 19, endLine: 7, endColumn: 34, text: '"acs:oss:*:*:*"', severity: 'error' }],
    },
    {
      name: 'regression: "oss:" beside a read does not raise the level to write',
      code: policy(allow, action('["oss:", "oss:GetObject"]'), resource('"*"')),
      errors: [{ messageId: 'read', line: 7, column: 19, endLine: 7, endColumn: 22, text: '"*"', path: 'Statement[0].Resource', severity: 'warning' }],
    },
    {
      name: 'a wildcard outside any service reaches the OSS actions it matches: "*a" covers oss:GetObjectMeta',
      code: policy(allow, action('"*a"'), resource('"*"')),
      errors: [{ messageId: 'read', line: 7, column: 19, endLine: 7, endColumn: 22, text: '"*"', path: 'Statement[0].Resource', severity: 'warning' }],
    },
    {
      name: 'oss:Put* on *',
      code: policy(allow, action('"oss:Put*"'), resource('"*"')),
      errors: [{ messageId: 'write', line: 7, column: 19, endLine: 7, endColumn: 22, text: '"*"', severity: 'error' }],
    },
    {
      name: 'a ? wildcard in the service reaches OSS writes',
      code: policy(allow, action('"o?s:PutObject"'), resource('"*"')),
      errors: [{ messageId: 'write', line: 7, column: 19, endLine: 7, endColumn: 22, text: '"*"', severity: 'error' }],
    },
    {
      name: 'actions compare case-insensitively',
      code: policy(allow, action('"OSS:putobject"'), resource('"*"')),
      errors: [{ messageId: 'write', line: 7, column: 19, endLine: 7, endColumn: 22, text: '"*"', severity: 'error' }],
    },
    {
      name: 'an OSS write the catalogue does not list',
      code: policy(allow, action('"oss:PutBucketSomethingNew"'), resource('"*"')),
      errors: [{ messageId: 'write', line: 7, column: 19, endLine: 7, endColumn: 22, text: '"*"', severity: 'error' }],
    },
    {
      name: 'reads and a write together are an error',
      code: policy(allow, action('["oss:ListBuckets", "oss:GetObject", "oss:PutObject"]'), resource('"*"')),
      errors: [{ messageId: 'write', line: 7, column: 19, endLine: 7, endColumn: 22, text: '"*"', severity: 'error' }],
    },
    {
      name: 'oss:GetObject on * is a read warning',
      code: policy(allow, action('"oss:GetObject"'), resource('"*"')),
      errors: [{ messageId: 'read', line: 7, column: 19, endLine: 7, endColumn: 22, text: '"*"', path: 'Statement[0].Resource', severity: 'warning' }],
    },
    {
      name: 'AliyunOSSReadOnlyAccess: oss:Get* and oss:List* on *',
      code: policy(allow, action('["oss:Get*", "oss:List*"]'), resource('"*"')),
      errors: [{ messageId: 'read', line: 7, column: 19, endLine: 7, endColumn: 22, text: '"*"', severity: 'warning' }],
    },
    {
      name: 'oss:ListObjects on every bucket is a read warning',
      code: policy(allow, action('"oss:ListObjects"'), resource('"acs:oss:*:*:*"')),
      errors: [{ messageId: 'read', line: 7, column: 19, endLine: 7, endColumn: 34, text: '"acs:oss:*:*:*"', severity: 'warning' }],
    },
    {
      name: 'ListBuckets beside a read still reads every bucket',
      code: policy(allow, action('["oss:ListBuckets", "oss:GetObject"]'), resource('"acs:oss:*:*:*/*"')),
      errors: [{ messageId: 'read', line: 7, column: 19, endLine: 7, endColumn: 36, text: '"acs:oss:*:*:*/*"', severity: 'warning' }],
    },
    {
      name: 'reads through acs:*:*:*:*',
      code: policy(allow, action('"oss:GetObject"'), resource('"acs:*:*:*:*"')),
      errors: [{ messageId: 'read', line: 7, column: 19, endLine: 7, endColumn: 32, text: '"acs:*:*:*:*"', severity: 'warning' }],
    },
    {
      name: 'only the resource over every bucket is reported',
      code: policy(allow, action('"oss:PutObject"'), resource('["acs:oss:*:*:mybucket/*", "acs:oss:*:*:*"]')),
      errors: [{ messageId: 'write', line: 7, column: 46, endLine: 7, endColumn: 61, text: '"acs:oss:*:*:*"', path: 'Statement[0].Resource[1]', severity: 'error' }],
    },
    {
      name: 'each resource over every bucket is reported',
      code: policy(allow, action('"oss:GetObject"'), resource('["acs:oss:*:*:*", "acs:oss:*:*:*/*"]')),
      errors: [
        { messageId: 'read', line: 7, column: 20, endLine: 7, endColumn: 35, text: '"acs:oss:*:*:*"', path: 'Statement[0].Resource[0]', severity: 'warning' },
        { messageId: 'read', line: 7, column: 37, endLine: 7, endColumn: 54, text: '"acs:oss:*:*:*/*"', path: 'Statement[0].Resource[1]', severity: 'warning' },
      ],
    },
    {
      name: 'NotAction that does not exclude OSS grants OSS writes',
      code: policy(allow, notAction('["ram:*", "ims:*"]'), resource('"*"')),
      errors: [{ messageId: 'write', line: 7, column: 19, endLine: 7, endColumn: 22, text: '"*"', severity: 'error' }],
    },
    {
      name: 'NotResource grants every bucket it does not list',
      code: policy(allow, action('["oss:PutObject", "oss:DeleteObject"]'), notResource('"acs:oss:*:*:audit-logs/*"')),
      errors: [
        { messageId: 'notResource', line: 7, column: 7, endLine: 7, endColumn: 20, text: '"NotResource"', path: 'Statement[0].NotResource', severity: 'error' },
      ],
    },
    {
      name: 'only the Allow statement is reported',
      code: {
        Version: '1',
        Statement: [
          { Effect: 'Deny', Action: 'oss:DeleteBucket', Resource: '*' },
          { Effect: 'Allow', Action: 'oss:PutObject', Resource: '*' },
        ],
      },
      errors: [{ messageId: 'write', line: 12, column: 19, endLine: 12, endColumn: 22, text: '"*"', path: 'Statement[1].Resource', severity: 'error' }],
    },
    {
      name: 'regression: every bucket of a ROS account placeholder with colons (${ALIYUN::AccountId})',
      code: policy(allow, action('"oss:*"'), resource('"acs:oss:*:${ALIYUN::AccountId}:*"')),
      errors: [{ messageId: 'write', line: 7, column: 19, endLine: 7, endColumn: 53, text: '"acs:oss:*:${ALIYUN::AccountId}:*"', path: 'Statement[0].Resource', severity: 'error' }],
    },
  ],
});

describe('oss-overbroad-grant messages say what a wildcard grants, from the catalogue', () => {
  const messages = (statement: string) =>
    runRule(rule, { name: 'm', code: `{"Version": "1", "Statement": [${statement}]}` }).messages.map((m) => m.message);

  it.each([
    ['{"Effect": "Allow", "Action": "oss:*", "Resource": "*"}', '"oss:*" (71 write and 15 permission-management OSS actions)'],
    ['{"Effect": "Allow", "Action": "oss:Put*", "Resource": "*"}', '"oss:Put*" (27 write and 9 permission-management OSS actions)'],
    ['{"Effect": "Allow", "Action": "oss:Get*", "Resource": "*"}', '"oss:Get*" (51 read and 1 list OSS actions)'],
    ['{"Effect": "Allow", "NotAction": ["oss:Delete*", "ecs:*"], "Resource": "*"}', 'NotAction (52 write and 9 permission-management OSS actions)'],
    // regression: every action of every service was counted (2891 write and 163 permission-management); only OSS actions apply to a bucket.
    ['{"Effect": "Allow", "Action": "*", "Resource": "acs:oss:*:*:*"}', '"*" (71 write and 15 permission-management OSS actions)'],
    ['{"Effect": "Allow", "Action": "*:Put*", "Resource": "acs:oss:*:*:*"}', '"*:Put*" (27 write and 9 permission-management OSS actions)'],
    // regression: was "67 read and 1 list actions", of every service; oss:GetObjectMeta is the one OSS action ending in "a".
    ['{"Effect": "Allow", "Action": "*a", "Resource": "*"}', '"*a" (1 read OSS action)'],
  ])('%s', (statement, shown) => {
    const [message] = messages(statement);
    expect(message).toContain(shown);
  });

  it('names a concrete action without counts', () => {
    expect(messages('{"Effect": "Allow", "Action": "oss:PutObject", "Resource": "*"}')[0]).toContain('allowed: "oss:PutObject" on "*"');
  });
});
