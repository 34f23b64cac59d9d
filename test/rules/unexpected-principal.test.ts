import rule from '../../src/rules/unexpected-principal';
import { lint } from '../../src';
import { testRule } from '../helpers/rule-tester';

/** A policy with its statements on lines 4, 5, …, each starting at column 5. */
const policy = (...statements: string[]) =>
  `{
  "Version": "1",
  "Statement": [
    ${statements.join(',\n    ')}
  ]
}`;

const readInstances = '{"Effect": "Allow", "Action": "ecs:DescribeInstances", "Resource": "*"}';
const trustEcs = '{"Effect": "Allow", "Principal": {"Service": ["ecs.aliyuncs.com"]}, "Action": "sts:AssumeRole"}';
const publicRead = '{"Effect": "Allow", "Principal": ["*"], "Action": "oss:GetObject", "Resource": "acs:oss:*:174649585760xxxx:site/*"}';

testRule(rule, {
  valid: [
    { name: 'a permission policy without Principal', code: policy(readInstances), kind: 'permission' },
    { name: 'a detected trust policy: a Principal makes the document resource-based', code: policy(trustEcs) },
    { name: 'a detected bucket policy', code: policy(publicRead) },
    { name: 'a Principal when --kind trust is given', code: policy(trustEcs), kind: 'trust' },
    { name: 'a Principal when --kind resource is given', code: policy('{"Effect": "Allow", "Principal": {"RAM": "acs:ram::123456789012****:root"}, "Action": "kms:Decrypt", "Resource": "*"}'), kind: 'resource' },
    { name: 'a detected KMS key policy (Terraform provider example)', code: policy('{"Effect": "Allow", "Principal": {"RAM": ["acs:ram::${data.alicloud_account.default.id}:*"]}, "Action": ["kms:*"], "Resource": ["*"]}') },
    { name: 'a detected OSS vector bucket policy in the list form', code: policy('{"Effect": "Deny", "Principal": ["1234567890"], "Action": ["ossvector:PutVectors"], "Resource": ["acs:ossvector:cn-hangzhou:1234567890:*"]}') },
    { name: 'an endpoint policy with Principal "*"', code: policy('{"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"}') },
    { name: 'a lower-case "principal" is unknown-element\'s finding', code: policy('{"Effect": "Allow", "principal": "*", "Action": "ecs:*", "Resource": "*"}'), kind: 'permission' },
  ],
  invalid: [
    {
      name: 'a trust statement linted as a permission policy',
      code: policy(trustEcs),
      kind: 'permission',
      errors: [{ messageId: 'unexpected', line: 4, column: 25, endLine: 4, endColumn: 36, text: '"Principal"', path: 'Statement[0].Principal', severity: 'error' }],
    },
    {
      name: 'only the statements that carry a Principal',
      code: policy(readInstances, publicRead, '{"Effect": "Deny", "Principal": "*", "Action": "ecs:DeleteInstance", "Resource": "*"}'),
      kind: 'permission',
      errors: [
        { messageId: 'unexpected', line: 5, column: 25, endLine: 5, endColumn: 36, text: '"Principal"', path: 'Statement[1].Principal' },
        { messageId: 'unexpected', line: 6, column: 24, endLine: 6, endColumn: 35, text: '"Principal"', path: 'Statement[2].Principal' },
      ],
    },
    {
      name: 'an empty Principal object is still a Principal',
      code: policy('{"Effect": "Allow", "Principal": {}, "Action": "ecs:*", "Resource": "*"}'),
      kind: 'permission',
      errors: [{ messageId: 'unexpected', line: 4, column: 25, endLine: 4, endColumn: 36, text: '"Principal"' }],
    },
    {
      name: 'regression: a stray Principal in what is otherwise a permission policy (detected as a resource policy)',
      code: policy('{"Effect": "Allow", "Action": "*", "Resource": "*", "Principal": {"RAM": ["acs:ram::123456789012:user/ops"]}}'),
      errors: [{ messageId: 'detectedResource', line: 4, column: 57, endLine: 4, endColumn: 68, text: '"Principal"', path: 'Statement[0].Principal', severity: 'warning' }],
    },
    {
      name: 'a single-object Statement',
      code: '{"Version": "1", "Statement": {"Effect": "Allow", "Principal": "*", "Action": "ecs:*", "Resource": "*"}}',
      kind: 'permission',
      errors: [{ messageId: 'unexpected', line: 1, column: 51, endLine: 1, endColumn: 62, text: '"Principal"', path: 'Statement.Principal' }],
    },
  ],
});

describe('regression: a stray Principal does not make a file clean', () => {
  it('the issue\'s policy draws admin-access and the detected-kind warning, and says the kind was detected', () => {
    const text = '{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*", "Principal": {"RAM": ["acs:ram::123456789012:user/ops"]}}]}';
    const result = lint(text);
    expect([result.kind, result.kindSource]).toEqual(['resource', 'detected']);
    // Read as a resource policy, its Principal names an account, which trust-external-principal lists (info, no gate counts it).
    expect(result.messages.map((m) => `${m.severity} ${m.ruleId}/${m.messageId}`)).toEqual([
      'error admin-access/star',
      'warning unexpected-principal/detectedResource',
      'info trust-external-principal/accountListed',
    ]);
  });
});
