import rule from '../../src/rules/trust-wildcard-principal';
import { GENERATED_HOST, testRule } from '../helpers/rule-tester';
import { policy, allow, deny, principal, condition } from '../helpers/statement';

/** Trust policy: Effect line 5, Action line 6, Principal line 7, Condition line 8. */
const trust = (p: string, ...rest: string[]) => policy(allow, '"Action": "sts:AssumeRole"', principal(p), ...rest);

/** OSS bucket policy: Effect line 5, Action line 6, Principal line 7, Resource line 8, Condition line 9. */
const bucket = (p: string, cond?: string, effect = allow) =>
  policy(effect, '"Action": ["oss:GetObject"]', principal(p), '"Resource": ["acs:oss:*:*:examplebucket/*"]', ...(cond ? [condition(cond)] : []));

const ip = (key: string, value: string, operator = 'IpAddress') => `{"${operator}": {"${key}": ${value}}}`;

testRule(rule, {
  valid: [
    // trust policies
    { name: 'trust: one account root', code: trust('{"RAM": "acs:ram::123456789012:root"}') },
    { name: 'trust: one RAM role and one RAM user', code: trust('{"RAM": ["acs:ram::123456789012:role/ops", "acs:ram::123456789012:user/alice"]}') },
    { name: 'trust: one service', code: trust('{"Service": "ecs.aliyuncs.com"}') },
    { name: 'trust: services, one cross-account', code: trust('{"Service": ["fc.aliyuncs.com", "1234567890123456@log.aliyuncs.com"]}') },
    {
      name: 'trust: one SAML provider',
      code: trust(
        '{"Federated": "acs:ram::123456789012:saml-provider/okta"}',
        condition('{"StringEquals": {"saml:recipient": "https://signin.aliyun.com/saml-role/sso"}}'),
      ),
    },
    { name: 'trust: masked account id 19122324**** is a placeholder', code: trust('{"RAM": "acs:ram::19122324****:root"}') },
    { name: 'trust: masked account id 113*** is a placeholder', code: trust('{"RAM": ["acs:ram::113***:role/admin"]}') },
    { name: 'trust: Deny to everyone is not a grant', code: policy(deny, '"Action": "sts:AssumeRole"', principal('"*"')) },
    // OSS bucket policies
    { name: 'bucket: account and RAM user UIDs', code: bucket('["1234567890123456", "27737962156157xxxx"]') },
    { name: 'bucket: one UID as a bare string', code: bucket('"1234567890123456"') },
    { name: 'bucket: masked UID 113***', code: bucket('["113***"]') },
    { name: 'bucket: UID masked in the middle', code: bucket('["174649****602745"]') },
    { name: 'bucket: STS role sessions of one account', code: bucket('["arn:sts::1234567890123456:assumed-role/reader/*"]') },
    { name: 'bucket: STS role sessions of a masked account', code: bucket('["arn:sts::19122324****:assumed-role/reader/*"]') },
    {
      name: 'bucket: Deny to everyone outside a VPC is not a grant',
      code: bucket('["*"]', '{"StringNotEquals": {"acs:SourceVpc": "vpc-t4nlw426y44rd3iq4****"}}', deny),
    },
    // other resource policies and kinds
    { name: 'resource: a key policy naming one account', code: policy(allow, '"Action": "kms:Decrypt"', principal('{"RAM": "acs:ram::123456789012:root"}'), '"Resource": "*"') },
    { name: 'permission: not checked', kind: 'permission', code: trust('"*"') },
    // An endpoint policy names every caller in the VPC with "*": that is how it is written, and it grants nothing.
    { name: 'endpoint: the default endpoint policy is not public', kind: 'endpoint', kindGivenBy: 'host', code: policy(allow, '"Action": ["*"]', principal('["*"]'), '"Resource": ["*"]') },
    { name: 'endpoint: "Principal": "*" on one bucket', kind: 'endpoint', kindGivenBy: 'host', code: bucket('"*"') },
    { name: 'endpoint: an empty Principal list', kind: 'endpoint', code: bucket('[]') },
    { name: 'regression: a Terraform ternary account is one account, not every account', code: trust('{"RAM": ["acs:ram::${var.flag ? var.a : var.b}:root"]}') },
    { name: 'trust: a ROS account placeholder with colons is one account', code: trust('{"RAM": "acs:ram::${ALIYUN::AccountId}:root", "Federated": "acs:ram::${ALIYUN::AccountId}:saml-provider/idp"}') },
    { name: 'trust: a ternary service name is one service', code: trust('{"Service": "${var.fc ? \\"fc\\" : \\"ecs\\"}.aliyuncs.com"}') },
    { name: 'bucket: a ternary UID and a ternary STS session account', code: bucket('["${var.flag ? var.a : var.b}", "arn:sts::${var.flag ? var.a : var.b}:assumed-role/reader/s"]') },
  ],
  invalid: [
    {
      name: 'bucket: an empty Principal list confined by a fixed VPC is a warning',
      code: bucket('[]', '{"StringEquals": {"acs:SourceVpc": "vpc-123"}}'),
      errors: [{ messageId: 'confined', line: 7, column: 7, endLine: 7, endColumn: 18, text: '"Principal"', severity: 'warning' }],
    },
    // trust policies: always an error, never confined
    {
      name: 'trust: Principal "*"',
      code: trust('"*"'),
      errors: [{ messageId: 'trust', line: 7, column: 20, endLine: 7, endColumn: 23, text: '"*"', path: 'Statement[0].Principal', severity: 'error', suggestions: [{ desc: 'Name the principal instead (replace the <account-id> placeholder).', output: trust('{"RAM": ["acs:ram::<account-id>:root"]}') }] }],
    },
    {
      name: 'trust: {"RAM": "*"}',
      code: trust('{"RAM": "*"}'),
      errors: [{ messageId: 'trust', line: 7, column: 28, endLine: 7, endColumn: 31, text: '"*"', path: 'Statement[0].Principal.RAM', severity: 'error' }],
    },
    {
      name: 'trust: {"RAM": ["acs:ram::*:root"]}',
      code: trust('{"RAM": ["acs:ram::*:root"]}'),
      errors: [
        { messageId: 'trust', line: 7, column: 29, endLine: 7, endColumn: 46, text: '"acs:ram::*:root"', path: 'Statement[0].Principal.RAM[0]', severity: 'error' },
      ],
    },
    {
      name: 'trust: a named role in any account',
      code: trust('{"RAM": "acs:ram::*:role/admin"}'),
      errors: [{ messageId: 'trust', line: 7, column: 28, endLine: 7, endColumn: 51, text: '"acs:ram::*:role/admin"', severity: 'error' }],
    },
    {
      name: 'trust: {"Service": "*"}',
      code: trust('{"Service": "*"}'),
      errors: [{ messageId: 'trust', line: 7, column: 32, endLine: 7, endColumn: 35, text: '"*"', path: 'Statement[0].Principal.Service', severity: 'error' }],
    },
    {
      name: 'trust: a wildcard service name',
      code: trust('{"Service": ["*.aliyuncs.com"]}'),
      errors: [{ messageId: 'trust', line: 7, column: 33, endLine: 7, endColumn: 49, text: '"*.aliyuncs.com"', path: 'Statement[0].Principal.Service[0]', severity: 'error' }],
    },
    {
      name: 'trust: {"Federated": "*"}',
      code: trust('{"Federated": "*"}'),
      errors: [{ messageId: 'trust', line: 7, column: 34, endLine: 7, endColumn: 37, text: '"*"', path: 'Statement[0].Principal.Federated', severity: 'error' }],
    },
    {
      name: 'trust: a list containing "*" among named accounts',
      code: trust('{"RAM": ["acs:ram::123456789012:root", "*"]}'),
      errors: [{ messageId: 'trust', line: 7, column: 59, endLine: 7, endColumn: 62, text: '"*"', path: 'Statement[0].Principal.RAM[1]', severity: 'error' }],
    },
    {
      name: 'trust: two principal types open to everyone',
      code: trust('{"RAM": "*", "Service": "*"}'),
      errors: [
        { messageId: 'trust', line: 7, column: 28, endLine: 7, endColumn: 31, text: '"*"', path: 'Statement[0].Principal.RAM', severity: 'error' },
        { messageId: 'trust', line: 7, column: 44, endLine: 7, endColumn: 47, text: '"*"', path: 'Statement[0].Principal.Service', severity: 'error' },
      ],
    },
    {
      name: 'trust: a condition that OSS would count as confining does not help',
      code: trust('"*"', condition(ip('acs:SourceIp', '"192.0.2.0/24"'))),
      errors: [{ messageId: 'trust', line: 7, column: 20, endLine: 7, endColumn: 23, text: '"*"', severity: 'error' }],
    },
    {
      name: 'trust: a masked account is fine but "*" beside it is not',
      code: trust('{"RAM": ["acs:ram::19122324****:root", "acs:ram::*:root"]}'),
      errors: [{ messageId: 'trust', line: 7, column: 59, endLine: 7, endColumn: 76, text: '"acs:ram::*:root"', path: 'Statement[0].Principal.RAM[1]', severity: 'error' }],
    },
    {
      name: 'trust: a short account wildcard is not a documentation mask',
      code: trust('{"RAM": "acs:ram::1*:root"}'),
      errors: [{ messageId: 'trust', line: 7, column: 28, endLine: 7, endColumn: 46, text: '"acs:ram::1*:root"', path: 'Statement[0].Principal.RAM', severity: 'error' }],
    },
    {
      name: 'trust: kind given explicitly',
      kind: 'trust',
      code: policy(allow, '"Action": "ram:GetRole"', principal('{"RAM": "*"}')),
      errors: [{ messageId: 'trust', line: 7, column: 28, endLine: 7, endColumn: 31, text: '"*"', severity: 'error' }],
    },
    // OSS bucket policies: public unless confined
    {
      name: 'bucket: Principal ["*"] with no condition is public',
      code: bucket('["*"]'),
      errors: [{ messageId: 'public', line: 7, column: 21, endLine: 7, endColumn: 24, text: '"*"', path: 'Statement[0].Principal[0]', severity: 'error' }],
    },
    {
      name: 'bucket: Principal "*" with no condition is public',
      code: bucket('"*"'),
      errors: [{ messageId: 'public', line: 7, column: 20, endLine: 7, endColumn: 23, text: '"*"', path: 'Statement[0].Principal', severity: 'error' }],
    },
    {
      name: 'bucket: an empty Principal list means everyone',
      code: bucket('[]'),
      errors: [{ messageId: 'publicEmpty', line: 7, column: 7, endLine: 7, endColumn: 18, text: '"Principal"', path: 'Statement[0].Principal', severity: 'error' }],
    },
    {
      name: 'bucket: "*" among UIDs',
      code: bucket('["1234567890123456", "*"]'),
      errors: [{ messageId: 'public', line: 7, column: 41, endLine: 7, endColumn: 44, text: '"*"', path: 'Statement[0].Principal[1]', severity: 'error' }],
    },
    {
      name: 'bucket: "*" beside a masked UID',
      code: bucket('["113***", "*"]'),
      errors: [{ messageId: 'public', line: 7, column: 31, endLine: 7, endColumn: 34, text: '"*"', path: 'Statement[0].Principal[1]', severity: 'error' }],
    },
    {
      name: 'bucket: a UID wildcard matches many accounts',
      code: bucket('["12*"]'),
      errors: [{ messageId: 'public', line: 7, column: 21, endLine: 7, endColumn: 26, text: '"12*"', path: 'Statement[0].Principal[0]', severity: 'error' }],
    },
    {
      name: 'bucket: STS role sessions of any account',
      code: bucket('["arn:sts::*:assumed-role/reader/*"]'),
      errors: [
        {
          messageId: 'public',
          line: 7,
          column: 21,
          endLine: 7,
          endColumn: 55,
          text: '"arn:sts::*:assumed-role/reader/*"',
          path: 'Statement[0].Principal[0]',
          severity: 'error',
        },
      ],
    },
    // A Condition the host file computes (Condition = var.cond) may be the one that confines the statement.
    {
      name: 'bucket: "*" under a Condition the host file computes may be confined: a warning',
      code: bucket('"*"', '"${var.condition}"'),
      host: GENERATED_HOST,
      errors: [{ messageId: 'unknownCondition', line: 7, column: 20, endLine: 7, endColumn: 23, text: '"*"', path: 'Statement[0].Principal', severity: 'warning' }],
    },
    {
      name: 'bucket: an empty Principal list under an operator map the host file computes may be confined',
      code: bucket('[]', '{"StringEquals": "${jsonencode(var.vpc_pins)}"}'),
      host: GENERATED_HOST,
      errors: [{ messageId: 'unknownCondition', line: 7, column: 7, endLine: 7, endColumn: 18, text: '"Principal"', path: 'Statement[0].Principal', severity: 'warning' }],
    },
    {
      name: 'bucket: a known confinement beside a Condition part the host computes is still named',
      code: bucket('"*"', '{"StringEquals": {"acs:SourceVpc": "vpc-t4nlw426y44rd3iq4****"}, "IpAddress": "${var.ips}"}'),
      host: GENERATED_HOST,
      errors: [{ messageId: 'confined', line: 7, column: 20, endLine: 7, endColumn: 23, text: '"*"', severity: 'warning' }],
    },
    {
      name: 'bucket: "${...}" as the Condition of a bare file is a string that confines nothing',
      code: bucket('"*"', '"${var.condition}"'),
      errors: [{ messageId: 'public', line: 7, column: 20, endLine: 7, endColumn: 23, text: '"*"', severity: 'error' }],
    },
    {
      name: 'trust: a Condition the host file computes does not make "*" less than everyone',
      code: trust('"*"', condition('"${var.condition}"')),
      kind: 'trust',
      host: GENERATED_HOST,
      errors: [{ messageId: 'trust', line: 7, column: 20, endLine: 7, endColumn: 23, text: '"*"', severity: 'error', suggestions: [{ desc: 'Name the principal instead (replace the <account-id> placeholder).', output: trust('{"RAM": ["acs:ram::<account-id>:root"]}', condition('"${var.condition}"')) }] }],
    },
    {
      name: 'bucket: fixed acs:SourceVpc confines "*" to a warning',
      code: bucket('["*"]', '{"StringEquals": {"acs:SourceVpc": "vpc-t4nlw426y44rd3iq4****"}}'),
      errors: [{ messageId: 'confined', line: 7, column: 21, endLine: 7, endColumn: 24, text: '"*"', path: 'Statement[0].Principal[0]', severity: 'warning' }],
    },
    {
      name: 'regression: a masked documentation IP range confines "*" like the range it stands for',
      code: bucket('"*"', '{"IpAddress": {"acs:SourceIp": ["42.120.XX.X/24", "xxx.xx.xxx.x/xx"]}}'),
      errors: [{ messageId: 'confined', line: 7, column: 20, endLine: 7, endColumn: 23, text: '"*"', severity: 'warning' }],
    },
    {
      name: 'bucket: fixed acs:SourceVpcId confines "*"',
      code: bucket('"*"', '{"StringEquals": {"acs:SourceVpcId": ["vpc-aaaa", "vpc-bbbb"]}}'),
      errors: [{ messageId: 'confined', line: 7, column: 20, endLine: 7, endColumn: 23, text: '"*"', severity: 'warning' }],
    },
    {
      name: 'bucket: fixed acs:AccessId confines "*"',
      code: bucket('["*"]', '{"StringEquals": {"acs:AccessId": "LTAI5tExampleAccessKeyId"}}'),
      errors: [{ messageId: 'confined', line: 7, column: 21, endLine: 7, endColumn: 24, text: '"*"', severity: 'warning' }],
    },
    {
      name: 'bucket: a StringLike acs:SourceVpc pattern does not confine',
      code: bucket('["*"]', '{"StringLike": {"acs:SourceVpc": "vpc-*"}}'),
      errors: [{ messageId: 'public', line: 7, column: 21, endLine: 7, endColumn: 24, text: '"*"', severity: 'error' }],
    },
    {
      name: 'bucket: StringNotEquals acs:SourceVpc does not confine',
      code: bucket('["*"]', '{"StringNotEquals": {"acs:SourceVpc": "vpc-t4nlw426y44rd3iq4****"}}'),
      errors: [{ messageId: 'public', line: 7, column: 21, endLine: 7, endColumn: 24, text: '"*"', severity: 'error' }],
    },
    {
      name: 'bucket: acs:SourceIp /8 confines',
      code: bucket('["*"]', ip('acs:SourceIp', '"10.0.0.0/8"')),
      errors: [{ messageId: 'confined', line: 7, column: 21, endLine: 7, endColumn: 24, text: '"*"', severity: 'warning' }],
    },
    {
      name: 'bucket: acs:SourceIp /7 is too wide',
      code: bucket('["*"]', ip('acs:SourceIp', '"10.0.0.0/7"')),
      errors: [{ messageId: 'public', line: 7, column: 21, endLine: 7, endColumn: 24, text: '"*"', severity: 'error' }],
    },
    {
      name: 'bucket: one IPv4 address confines',
      code: bucket('["*"]', ip('acs:SourceIp', '["203.0.113.7"]')),
      errors: [{ messageId: 'confined', line: 7, column: 21, endLine: 7, endColumn: 24, text: '"*"', severity: 'warning' }],
    },
    {
      name: 'bucket: acs:SourceIp 0.0.0.0/0 is everyone',
      code: bucket('["*"]', ip('acs:SourceIp', '"0.0.0.0/0"')),
      errors: [{ messageId: 'public', line: 7, column: 21, endLine: 7, endColumn: 24, text: '"*"', severity: 'error' }],
    },
    {
      name: 'bucket: one wide range among narrow ones does not confine',
      code: bucket('["*"]', ip('acs:SourceIp', '["192.0.2.0/24", "0.0.0.0/1"]')),
      errors: [{ messageId: 'public', line: 7, column: 21, endLine: 7, endColumn: 24, text: '"*"', severity: 'error' }],
    },
    {
      name: 'bucket: IPv6 /32 confines',
      code: bucket('["*"]', ip('acs:SourceIp', '"2001:db8::/32"')),
      errors: [{ messageId: 'confined', line: 7, column: 21, endLine: 7, endColumn: 24, text: '"*"', severity: 'warning' }],
    },
    {
      name: 'bucket: IPv6 /31 is too wide',
      code: bucket('["*"]', ip('acs:SourceIp', '"2001:db8::/31"')),
      errors: [{ messageId: 'public', line: 7, column: 21, endLine: 7, endColumn: 24, text: '"*"', severity: 'error' }],
    },
    {
      name: 'bucket: acs:SourceVpcIp under IpAddressIncludeBorder confines',
      code: bucket('["*"]', ip('acs:SourceVpcIp', '"172.16.0.0/12"', 'IpAddressIncludeBorder')),
      errors: [{ messageId: 'confined', line: 7, column: 21, endLine: 7, endColumn: 24, text: '"*"', severity: 'warning' }],
    },
    {
      name: 'bucket: NotIpAddress does not confine',
      code: bucket('["*"]', ip('acs:SourceIp', '"192.0.2.0/24"', 'NotIpAddress')),
      errors: [{ messageId: 'public', line: 7, column: 21, endLine: 7, endColumn: 24, text: '"*"', severity: 'error' }],
    },
    {
      name: 'bucket: an unrelated condition does not confine',
      code: bucket('["*"]', '{"Bool": {"acs:SecureTransport": "true"}}'),
      errors: [{ messageId: 'public', line: 7, column: 21, endLine: 7, endColumn: 24, text: '"*"', severity: 'error' }],
    },
    {
      name: 'bucket: only the Allow statement is reported',
      code: {
        Version: '1',
        Statement: [
          { Effect: 'Deny', Action: ['oss:*'], Principal: ['*'], Resource: ['acs:oss:*:*:examplebucket/*'] },
          { Effect: 'Allow', Action: ['oss:GetObject'], Principal: ['*'], Resource: ['acs:oss:*:*:examplebucket/*'] },
        ],
      },
      errors: [{ messageId: 'public', line: 22, column: 9, endLine: 22, endColumn: 12, text: '"*"', path: 'Statement[1].Principal[0]', severity: 'error' }],
    },
    {
      name: 'bucket: kind given explicitly',
      kind: 'bucket',
      code: policy(allow, '"Action": "ram:GetRole"', principal('["*"]')),
      errors: [{ messageId: 'public', line: 7, column: 21, endLine: 7, endColumn: 24, text: '"*"', severity: 'error' }],
    },
    // other resource-based policies
    {
      name: 'resource: a key policy open to every RAM identity',
      code: policy(allow, '"Action": "kms:Decrypt"', principal('{"RAM": "*"}'), '"Resource": "*"'),
      errors: [{ messageId: 'public', line: 7, column: 28, endLine: 7, endColumn: 31, text: '"*"', path: 'Statement[0].Principal.RAM', severity: 'error' }],
    },
    {
      name: 'a wildcard account beside a placeholder is still every account',
      code: trust('{"RAM": "acs:ram::*:role/${var.role}"}'),
      errors: [{ messageId: 'trust', line: 7, column: 28, endLine: 7, endColumn: 57, text: '"acs:ram::*:role/${var.role}"', path: 'Statement[0].Principal.RAM', severity: 'error' }],
    },
  ],
});
