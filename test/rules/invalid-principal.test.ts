import rule from '../../src/rules/invalid-principal';
import { GENERATED_HOST, testRule } from '../helpers/rule-tester';

/** Trust policy: Principal value on line 7 at column 20. */
const trust = (principal: string) =>
  `{
  "Version": "1",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "sts:AssumeRole",
      "Principal": ${principal}
    }
  ]
}`;

/** Bucket policy: Principal value on line 7 at column 20. */
const bucket = (principal: string) =>
  `{
  "Version": "1",
  "Statement": [
    {
      "Effect": "Deny",
      "Action": "oss:DeleteObject",
      "Principal": ${principal},
      "Resource": "acs:oss:*:1234567890123456:logs/*"
    }
  ]
}`;

testRule(rule, {
  valid: [
    { name: 'trust: account root, user and role', code: trust('{"RAM": ["acs:ram::123456789012:root", "acs:ram::123456789012:user/alice", "acs:ram::123456789012:role/ops"]}') },
    { name: 'trust: services, one of another account', code: trust('{"Service": ["ecs.aliyuncs.com", "di.dataworks.aliyuncs.com", "1234567890123456@log.aliyuncs.com"]}') },
    { name: 'trust: the seed 004 placeholder form', code: trust('{"Service": ["<UID of the Alibaba Cloud account that owns the DataWorks workspace>@cdp.aliyuncs.com"]}') },
    { name: 'trust: masked account ids', code: trust('{"RAM": "acs:ram::123456789012****:root", "Service": "19122324****@cdp.aliyuncs.com"}') },
    { name: 'trust: an account masked in the middle', code: trust('{"RAM": "acs:ram::174649****602745:root"}') },
    { name: 'trust: SAML and OIDC providers', code: trust('{"Federated": ["acs:ram::123456789012:saml-provider/okta", "acs:ram::123456789012:oidc-provider/ack-rrsa-c1"]}') },
    { name: 'trust: an account id written as words (主账号ID, 阿里云账号A的ID)', code: trust('{"RAM": ["acs:ram::主账号ID:root", "acs:ram::阿里云账号A的ID:role/ops"]}') },
    { name: 'trust: {{...}} and <...> placeholders', code: trust('{"RAM": "acs:ram::{{account_id}}:root", "Service": "<uid>@cdp.aliyuncs.com"}') },
    { name: 'trust: template expressions', code: trust('{"RAM": "acs:ram::${var.account_id}:root", "Federated": "${module.oidc.arn}"}') },
    { name: 'trust: "*" is trust-wildcard-principal\'s to report', code: trust('{"RAM": "*"}') },
    { name: 'bucket: UIDs, masked UIDs, "*" and STS sessions', code: bucket('["1234567890123456", "27737962156157xxxx", "*", "arn:sts::1234567890123456:assumed-role/uploader/*"]') },
    { name: 'regression: a Terraform ternary account', code: trust('{"RAM": ["acs:ram::${var.flag ? var.a : var.b}:root"]}') },
    {
      name: 'regression: placeholders for the account, the type and the name (landingzone create-role-cross-account)',
      code: trust('{"RAM": ["acs:ram::${var.account == \\"\\" ? var.self : var.account}:${var.type == \\"RamUser\\" ? \\"user\\" : \\"role\\"}/${var.name}"]}'),
    },
    { name: 'trust: a ROS account placeholder with colons', code: trust('{"RAM": "acs:ram::${ALIYUN::AccountId}:root", "Federated": "acs:ram::${ALIYUN::AccountId}:oidc-provider/${var.idp}"}') },
    // A processor's "${...}" for a host value ("Principal": ${jsonencode(var.p)}) may be any object: unresolved-value notes it.
    { name: 'trust: a Principal the host file computes is not a string', code: trust('"${jsonencode(var.principal)}"'), kind: 'trust', host: GENERATED_HOST },
    { name: 'bucket: a Principal the host file computes is not a UID', code: bucket('"${var.readers}"'), kind: 'bucket', host: GENERATED_HOST },
  ],
  invalid: [
    {
      name: 'trust: "${...}" as the Principal of a bare file is a string, not the object a trust policy needs',
      code: trust('"${jsonencode(var.principal)}"'),
      kind: 'trust',
      errors: [{ messageId: 'trustForm', line: 7, column: 20, endLine: 7, endColumn: 50, text: '"${jsonencode(var.principal)}"', path: 'Statement[0].Principal' }],
    },
    {
      name: 'trust: a list instead of an object',
      code: trust('["1234567890123456"]'),
      errors: [{ messageId: 'trustForm', line: 7, column: 20, endLine: 7, endColumn: 40, text: '["1234567890123456"]', path: 'Statement[0].Principal' }],
    },
    {
      name: 'trust: an empty object trusts nobody',
      code: trust('{}'),
      errors: [{ messageId: 'nobody', line: 7, column: 20, endLine: 7, endColumn: 22, text: '{}', severity: 'error' }],
    },
    {
      name: 'trust: empty lists trust nobody',
      code: trust('{"RAM": []}'),
      errors: [{ messageId: 'nobody', line: 7, column: 20, endLine: 7, endColumn: 31, text: '{"RAM": []}' }],
    },
    {
      name: 'trust: a RAM principal that is a bare account id',
      code: trust('{"RAM": ["123456789012"]}'),
      errors: [{ messageId: 'ram', line: 7, column: 29, endLine: 7, endColumn: 43, text: '"123456789012"', path: 'Statement[0].Principal.RAM[0]' }],
    },
    {
      name: 'trust: a service principal without .aliyuncs.com',
      code: trust('{"Service": "ecs"}'),
      errors: [{ messageId: 'service', line: 7, column: 32, endLine: 7, endColumn: 37, text: '"ecs"' }],
    },
    {
      name: 'trust: a Go format verb left in a service principal',
      code: trust('{"Service": "%s@actiontrail.aliyuncs.com"}'),
      errors: [{ messageId: 'service', line: 7, column: 32, endLine: 7, endColumn: 61, text: '"%s@actiontrail.aliyuncs.com"' }],
    },
    {
      name: 'trust: a Federated principal that is a RAM user',
      code: trust('{"Federated": "acs:ram::123456789012:user/alice"}'),
      errors: [{ messageId: 'federated', line: 7, column: 34, endLine: 7, endColumn: 68, text: '"acs:ram::123456789012:user/alice"' }],
    },
    {
      name: 'bucket: a bracketed id applies to nobody (Deny does nothing)',
      code: bucket('"[123456790]"'),
      errors: [{ messageId: 'bucketValue', line: 7, column: 20, endLine: 7, endColumn: 33, text: '"[123456790]"', path: 'Statement[0].Principal' }],
    },
    {
      name: 'trust: a placeholder type still needs the rest of the form',
      code: trust('{"RAM": "acs:ram::${var.account}:${var.kind} x"}'),
      errors: [{ messageId: 'ram', line: 7, column: 28, endLine: 7, endColumn: 67, text: '"acs:ram::${var.account}:${var.kind} x"', path: 'Statement[0].Principal.RAM' }],
    },
  ],
});
