import rule from '../../src/rules/missing-principal';
import { GENERATED_HOST, runRule, testRule } from '../helpers/rule-tester';

/** A policy with its statements on lines 4, 5, …, each starting at column 5. */
const policy = (...statements: string[]) =>
  `{
  "Version": "1",
  "Statement": [
    ${statements.join(',\n    ')}
  ]
}`;

const trustEcs = '{"Effect": "Allow", "Principal": {"Service": ["ecs.aliyuncs.com"]}, "Action": "sts:AssumeRole"}';
const assumeWithout = '{"Effect": "Allow", "Action": "sts:AssumeRole"}';
const bucketRead = '{"Effect": "Allow", "Principal": ["20214760404935xxxx"], "Action": "oss:GetObject", "Resource": "acs:oss:*:174649585760xxxx:site/*"}';
const bucketDenyWithout = '{"Effect": "Deny", "Action": "oss:DeleteObject", "Resource": "acs:oss:*:174649585760xxxx:site/*"}';
const kmsWithout = '{"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "*"}';

testRule(rule, {
  valid: [
    { name: 'a trust policy whose statements all name a principal', code: policy(trustEcs, '{"Effect": "Allow", "Principal": {"RAM": "acs:ram::123456789012****:root"}, "Action": "sts:AssumeRole"}') },
    { name: 'a bucket policy whose statements all name a principal', code: policy(bucketRead, '{"Effect": "Deny", "Principal": "*", "Action": "oss:DeleteObject", "Resource": "acs:oss:*:174649585760xxxx:site/*"}') },
    { name: 'a permission policy needs none (detected)', code: policy(kmsWithout) },
    { name: 'a permission policy needs none (--kind permission), even with sts actions', code: policy(assumeWithout), kind: 'permission' },
    { name: 'an empty Principal is present, which is trust-wildcard-principal\'s concern', code: policy('{"Effect": "Allow", "Principal": [], "Action": "oss:GetObject", "Resource": "acs:oss:*:*:site/*"}') },
    { name: 'a statement list with no statements', code: '{"Version": "1", "Statement": []}', kind: 'trust' },
    // Values the host file computes are not absent: unresolved-value notes them.
    { name: 'a Principal the host file computes is a Principal', code: policy('{"Effect": "Allow", "Principal": "${jsonencode(var.trusted)}", "Action": "sts:AssumeRole"}'), kind: 'trust', kindGivenBy: 'host', host: GENERATED_HOST },
    { name: 'a Statement the host file computes holds no statement known to lack one', code: '{"Version": "1", "Statement": "${var.statements}"}', kind: 'trust', kindGivenBy: 'host', host: GENERATED_HOST },
    { name: 'a statement the host file computes is not a statement without one', code: policy(trustEcs, '"${local.extra_trust}"'), kind: 'trust', kindGivenBy: 'host', host: GENERATED_HOST },
    { name: 'an endpoint policy is not checked: a Principal there is not documented as required', code: policy(kmsWithout), kind: 'endpoint', kindGivenBy: 'host' },
  ],
  invalid: [
    {
      name: 'a trust policy with a statement that names no principal',
      code: policy(trustEcs, assumeWithout),
      errors: [{ messageId: 'missing', line: 5, column: 5, endLine: 5, endColumn: 6, text: '{', path: 'Statement[1]', severity: 'error' }],
    },
    {
      name: '--kind trust on a document without any Principal: the message points at the setting',
      code: policy(assumeWithout),
      kind: 'trust',
      errors: [{ messageId: 'missingGivenKind', line: 4, column: 5, endLine: 4, endColumn: 6, text: '{', path: 'Statement[0]' }],
    },
    {
      name: 'a bucket policy with a Deny statement that names no principal',
      code: policy(bucketRead, bucketDenyWithout),
      errors: [{ messageId: 'missing', line: 5, column: 5, endLine: 5, endColumn: 6, text: '{', path: 'Statement[1]' }],
    },
    {
      name: '--kind bucket reports every statement without a Principal',
      code: policy(bucketDenyWithout, bucketDenyWithout.replace('Deny', 'Allow')),
      kind: 'bucket',
      errors: [
        { messageId: 'missingGivenKind', line: 4, column: 5, endLine: 4, endColumn: 6, text: '{', path: 'Statement[0]' },
        { messageId: 'missingGivenKind', line: 5, column: 5, endLine: 5, endColumn: 6, text: '{', path: 'Statement[1]' },
      ],
    },
    {
      name: 'a resource policy (KMS key policy) with a statement that names no principal',
      code: policy('{"Effect": "Allow", "Principal": {"RAM": ["acs:ram::123456789012****:root"]}, "Action": "kms:*", "Resource": "*"}', kmsWithout),
      errors: [{ messageId: 'missing', line: 5, column: 5, endLine: 5, endColumn: 6, text: '{', path: 'Statement[1]' }],
    },
    {
      name: '--kind resource',
      code: policy(kmsWithout),
      kind: 'resource',
      errors: [{ messageId: 'missingGivenKind', line: 4, column: 5, endLine: 4, endColumn: 6, text: '{', path: 'Statement[0]' }],
    },
    {
      name: 'regression: a kind the host attribute states is not blamed on --kind or the configuration',
      code: policy(bucketDenyWithout.replace('Deny', 'Allow')),
      kind: 'bucket',
      kindGivenBy: 'host',
      errors: [{ messageId: 'missingHostKind', line: 4, column: 5, endLine: 4, endColumn: 6, text: '{', path: 'Statement[0]', severity: 'error' }],
    },
    {
      name: 'a kind from the host, with a statement that has a Principal beside one without',
      code: policy(bucketRead, bucketDenyWithout),
      kind: 'bucket',
      kindGivenBy: 'host',
      errors: [{ messageId: 'missing', line: 5, column: 5, endLine: 5, endColumn: 6, text: '{', path: 'Statement[1]' }],
    },
    {
      name: 'a single-object Statement',
      code: '{\n  "Version": "1",\n  "Statement": {"Effect": "Allow", "Action": "sts:AssumeRole"}\n}',
      kind: 'trust',
      errors: [{ messageId: 'missingGivenKind', line: 3, column: 16, endLine: 3, endColumn: 17, text: '{', path: 'Statement' }],
    },
  ],
});

describe('missing-principal messages say where the kind came from', () => {
  const message = (kindGivenBy: 'host' | 'setting' | undefined) =>
    runRule(rule, { name: 'm', code: policy(kmsWithout), kind: 'bucket', kindGivenBy }).messages[0]?.message;

  it('a kind from --kind or the configuration names that setting and claims nothing about other rules', () => {
    expect(message(undefined)).toBe(
      'The statement has no "Principal", and no statement here has one: this file is linted as a bucket policy because --kind or the configuration says so. If it is a permission policy, correct that setting.',
    );
    expect(message('setting')).toBe(message(undefined));
  });

  it('regression: a kind from the host attribute names the attribute, not --kind', () => {
    expect(message('host')).toBe(
      'The statement has no "Principal", and no statement here has one: this document is linted as a bucket policy because the host attribute it is written in holds one, and in a bucket policy every statement names whom it applies to.',
    );
  });
});
