import rule from '../../src/rules/trust-external-principal';
import { lintText } from '../../src/engine/linter';
import { runRule, testRule } from '../helpers/rule-tester';

/** Trust policy: Principal value on line 7 at column 20. */
const trust = (principal: string, effect = 'Allow') =>
  `{
  "Version": "1",
  "Statement": [
    {
      "Effect": "${effect}",
      "Action": "sts:AssumeRole",
      "Principal": ${principal}
    }
  ]
}`;

const options = { trustedAccounts: ['123456789012'], trustedServices: ['ecs.aliyuncs.com', '*.dataworks.aliyuncs.com'] };

/** Bucket policy of account 123456789012 (unless `resource` says otherwise): Principal value on line 6 at column 20. */
const bucket = (principal: string, resource = '"acs:oss:*:123456789012:data/*"', effect = 'Allow') =>
  `{
  "Version": "1",
  "Statement": [
    {
      "Effect": "${effect}",
      "Principal": ${principal},
      "Action": ["oss:GetObject"],
      "Resource": [${resource}]
    }
  ]
}`;

/** The audit's repro (/tmp/audit-peers/repro/g8-bucket-external.json): another account's UID and STS role session on a bucket of 123456789012. */
const g8 =
  '{"Version":"1","Statement":[{"Effect":"Allow","Principal":["999999999999"],"Action":["oss:GetObject","oss:PutObject"],"Resource":["acs:oss:*:123456789012:data/*"]},\n' +
  '{"Effect":"Allow","Principal":["arn:sts::999999999999:assumed-role/reader/*"],"Action":["oss:GetObject"],"Resource":["acs:oss:*:123456789012:data/*"]}]}\n';

testRule(rule, {
  valid: [
    { name: 'unconfigured: services and placeholder accounts are not listed', code: trust('{"RAM": "acs:ram::<account-id>:root", "Service": ["fc.aliyuncs.com", "19122324****@cdp.aliyuncs.com"]}') },
    { name: 'unconfigured: an account written as words is a placeholder', code: trust('{"RAM": "acs:ram::主账号ID:root"}') },
    { name: 'a wildcard account is trust-wildcard-principal\'s finding', code: trust('{"RAM": "acs:ram::12*:root"}'), options },
    { name: 'a trusted account and trusted services', code: trust('{"RAM": "acs:ram::123456789012:role/ops", "Service": ["ecs.aliyuncs.com", "di.dataworks.aliyuncs.com"]}'), options },
    { name: 'a service of a trusted account', code: trust('{"Service": "123456789012@ecs.aliyuncs.com"}'), options },
    { name: 'only accounts configured: services are not checked', code: trust('{"Service": "fc.aliyuncs.com"}'), options: { trustedAccounts: ['123456789012'] } },
    { name: 'a masked documentation id is not judged', code: trust('{"RAM": "acs:ram::123456789012****:root"}'), options },
    { name: 'Deny is not a grant', code: trust('{"RAM": "acs:ram::999999999999:root"}', 'Deny'), options },
    { name: 'regression: a ROS account placeholder with colons is not listed as an account', code: trust('{"RAM": "acs:ram::${ALIYUN::AccountId}:root"}') },
    { name: 'a ROS account placeholder is not judged against trusted accounts', code: trust('{"RAM": "acs:ram::${ALIYUN::AccountId}:root", "Service": "${ALIYUN::AccountId}@ecs.aliyuncs.com"}'), options },
    { name: 'an account that is partly a placeholder is not one known account', code: trust('{"RAM": "acs:ram::12${var.suffix}:root"}'), options },
    {
      name: 'bucket: the owner\'s own account, UIDs and sessions, is recognised from the resource ARN and never listed',
      code: bucket('["123456789012", "arn:sts::123456789012:assumed-role/ops/*", "acs:ram::123456789012:user/alice"]'),
    },
    { name: 'bucket: the owner named in a NotResource ARN is recognised too', code: bucket('["123456789012"]', '"acs:oss:*:*:data/*"').replace('"Resource": ["acs:oss:*:*:data/*"]', '"NotResource": ["acs:oss:*:123456789012:data/private/*"]') },
    { name: 'bucket: a trusted UID and a trusted account\'s role session', code: bucket('["123456789012", "arn:sts::123456789012:assumed-role/ops/*"]', '"acs:oss:*:*:data/*"'), options },
    { name: 'bucket: "*", masked documentation UIDs and placeholders are not listed', code: bucket('["*", "20214760404935xxxx", "174649****602745", "${var.reader_uid}", "arn:sts::<account-id>:assumed-role/r/*"]') },
    { name: 'bucket: a wildcard account is trust-wildcard-principal\'s finding', code: bucket('["arn:sts::*:assumed-role/reader/*", "12*"]'), options },
    { name: 'bucket: a value that is neither a UID nor an ARN is invalid-principal\'s finding', code: bucket('["alice", "acs:ram::alice"]') },
    { name: 'bucket: Deny is not a grant', code: bucket('["999999999999"]', '"acs:oss:*:123456789012:data/*"', 'Deny'), options },
    { name: 'bucket: Principal "*" is trust-wildcard-principal\'s finding', code: bucket('"*"'), options },
    { name: 'resource: the key owner\'s account in a KMS key policy', code: bucket('{"RAM": ["acs:ram::123456789012:root"]}', '"acs:kms:cn-hangzhou:123456789012:key/key-1"'), kind: 'resource' },
    {
      name: 'resource: trustedServices apply to trust policies only (the message is about assuming a role)',
      code: bucket('{"Service": ["fc.aliyuncs.com"]}', '"acs:kms:cn-hangzhou:123456789012:key/key-1"'),
      kind: 'resource',
      options,
    },
    { name: 'a permission policy has no principals to judge', code: bucket('["999999999999"]'), kind: 'permission' },
  ],
  invalid: [
    {
      name: 'unconfigured: each account the policy lets in is listed at info',
      code: trust('{"RAM": "acs:ram::999999999999:root", "Service": ["fc.aliyuncs.com", "123456789012@ecs.aliyuncs.com"]}'),
      errors: [
        { messageId: 'accountListed', line: 7, column: 28, endLine: 7, endColumn: 56, text: '"acs:ram::999999999999:root"', path: 'Statement[0].Principal.RAM', severity: 'info' },
        { messageId: 'accountListed', line: 7, column: 89, endLine: 7, endColumn: 120, text: '"123456789012@ecs.aliyuncs.com"', path: 'Statement[0].Principal.Service[1]', severity: 'info' },
      ],
    },
    {
      name: 'unconfigured: an identity provider of another account',
      code: trust('{"Federated": "acs:ram::999999999999:oidc-provider/idp"}'),
      errors: [{ messageId: 'accountListed', line: 7, column: 34, endLine: 7, endColumn: 75, text: '"acs:ram::999999999999:oidc-provider/idp"', severity: 'info' }],
    },
    {
      name: 'a RAM principal of another account',
      code: trust('{"RAM": "acs:ram::999999999999:root"}'),
      options,
      errors: [{ messageId: 'account', line: 7, column: 28, endLine: 7, endColumn: 56, text: '"acs:ram::999999999999:root"', path: 'Statement[0].Principal.RAM', severity: 'warning' }],
    },
    {
      name: 'an identity provider of another account',
      code: trust('{"Federated": "acs:ram::999999999999:saml-provider/idp"}'),
      options,
      errors: [{ messageId: 'account', line: 7, column: 34, endLine: 7, endColumn: 75, text: '"acs:ram::999999999999:saml-provider/idp"' }],
    },
    {
      name: 'a service that is not trusted, and one of another account',
      code: trust('{"Service": ["fc.aliyuncs.com", "999999999999@ecs.aliyuncs.com"]}'),
      options,
      errors: [
        { messageId: 'service', line: 7, column: 33, endLine: 7, endColumn: 50, text: '"fc.aliyuncs.com"', path: 'Statement[0].Principal.Service[0]' },
        { messageId: 'account', line: 7, column: 52, endLine: 7, endColumn: 83, text: '"999999999999@ecs.aliyuncs.com"', path: 'Statement[0].Principal.Service[1]' },
      ],
    },
    {
      name: 'bucket, unconfigured (the audit repro): another account\'s UID and role session are listed at info',
      code: g8,
      errors: [
        { messageId: 'accountListed', line: 1, column: 60, endLine: 1, endColumn: 74, text: '"999999999999"', path: 'Statement[0].Principal[0]', severity: 'info' },
        { messageId: 'accountListed', line: 2, column: 32, endLine: 2, endColumn: 77, text: '"arn:sts::999999999999:assumed-role/reader/*"', path: 'Statement[1].Principal[0]', severity: 'info' },
      ],
    },
    {
      name: 'bucket, configured with the repro\'s cfg.jsonc: both are warnings',
      code: g8,
      options: { trustedAccounts: ['123456789012'] },
      errors: [
        { messageId: 'account', line: 1, column: 60, endLine: 1, endColumn: 74, text: '"999999999999"', severity: 'warning' },
        { messageId: 'account', line: 2, column: 32, endLine: 2, endColumn: 77, text: '"arn:sts::999999999999:assumed-role/reader/*"', severity: 'warning' },
      ],
    },
    {
      name: 'bucket: only the UID that is not the owner\'s is listed (a RAM user UID cannot be told from an account\'s)',
      code: bucket('["123456789012", "arn:sts::123456789012:assumed-role/ops/*", "acs:ram::123456789012:user/alice", "203456789012345678"]'),
      errors: [{ messageId: 'accountListed', line: 6, column: 117, endLine: 6, endColumn: 137, text: '"203456789012345678"', path: 'Statement[0].Principal[3]', severity: 'info' }],
    },
    {
      name: 'bucket: without an account in the resource ARN the owner is unknown, so every UID is listed',
      code: bucket('["203456789012345678"]', '"acs:oss:*:*:data/*"'),
      errors: [{ messageId: 'accountListed', line: 6, column: 21, endLine: 6, endColumn: 41, text: '"203456789012345678"' }],
    },
    {
      name: 'resource: a KMS key policy letting another account in',
      code: bucket('{"RAM": ["acs:ram::999999999999:root"]}', '"acs:kms:cn-hangzhou:123456789012:key/key-1"'),
      kind: 'resource',
      options,
      errors: [{ messageId: 'account', line: 6, column: 29, endLine: 6, endColumn: 57, text: '"acs:ram::999999999999:root"', path: 'Statement[0].Principal.RAM[0]' }],
    },
  ],
});

describe('trust-external-principal severity', () => {
  it('lists accounts at info even when the rule is set to error, and warns at error once configured', () => {
    const code = trust('{"RAM": "acs:ram::999999999999:root"}');
    const rules = new Map([[rule.meta.id, rule]]);
    const unconfigured = lintText(code, { rules, settings: { [rule.meta.id]: { severity: 'error' } } });
    expect(unconfigured.messages.map((m) => [m.messageId, m.severity])).toEqual([['accountListed', 'info']]);
    const configured = lintText(code, { rules, settings: { [rule.meta.id]: { severity: 'error', options: { trustedAccounts: ['123456789012'] } } } });
    expect(configured.messages.map((m) => [m.messageId, m.severity])).toEqual([['account', 'error']]);
  });
});

describe('trust-external-principal wording by kind', () => {
  const messages = (code: string, opts?: Record<string, unknown>, kind?: 'resource') => runRule(rule, { name: '', code, options: opts, kind }).messages.map((m) => m.message);

  it('says a bucket policy gives access to the bucket, and a trust policy lets the account assume the role', () => {
    expect(messages(g8)).toEqual([
      'Principal "999999999999" gives the account or RAM user with this UID access to this bucket; list your own accounts in trustedAccounts so that only others are reported, as warnings.',
      'Principal "arn:sts::999999999999:assumed-role/reader/*" gives account 999999999999 access to this bucket; list your own accounts in trustedAccounts so that only others are reported, as warnings.',
    ]);
    expect(messages(g8, { trustedAccounts: ['123456789012'] })).toEqual([
      'Principal "999999999999" is the UID of an account or RAM user, which is not among the trusted accounts (123456789012); check that this access to the bucket is intended.',
      'Principal "arn:sts::999999999999:assumed-role/reader/*" belongs to account 999999999999, which is not among the trusted accounts (123456789012); check that this cross-account access to the bucket is intended.',
    ]);
    expect(messages(bucket('{"RAM": ["acs:ram::999999999999:root"]}', '"acs:kms:cn-hangzhou:*:key/key-1"'), undefined, 'resource')).toEqual([
      'Principal "acs:ram::999999999999:root" gives account 999999999999 access to this resource; list your own accounts in trustedAccounts so that only others are reported, as warnings.',
    ]);
    expect(messages(trust('{"RAM": "acs:ram::999999999999:root"}'))).toEqual([
      'Principal "acs:ram::999999999999:root" lets account 999999999999 assume this role; list your own accounts in trustedAccounts so that only others are reported, as warnings.',
    ]);
    expect(messages(trust('{"RAM": "acs:ram::999999999999:root"}'), options)).toEqual([
      'Principal "acs:ram::999999999999:root" belongs to account 999999999999, which is not among the trusted accounts (123456789012); check that this cross-account trust is intended.',
    ]);
  });

  it('matches trustedAccounts against a bucket policy\'s bare UIDs too, wildcards allowed', () => {
    expect(messages(bucket('["203456789012345678"]', '"acs:oss:*:*:data/*"'), { trustedAccounts: ['123456789012', '2034567890*'] })).toEqual([]);
  });
});
