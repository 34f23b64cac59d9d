import rule from '../../src/rules/trust-policy-action';
import { runRule, testRule } from '../helpers/rule-tester';

/** Trust policy: the Action value on line 6 at column 17. */
const trust = (action: string, principal = '{"Service": ["ecs.aliyuncs.com"]}', effect = 'Allow') =>
  `{
  "Version": "1",
  "Statement": [
    {
      "Effect": "${effect}",
      "Action": ${action},
      "Principal": ${principal}
    }
  ]
}`;

const saml = '{"Federated": ["acs:ram::123456789012:saml-provider/okta"]}';

testRule(rule, {
  valid: [
    { name: 'sts:AssumeRole', code: trust('"sts:AssumeRole"') },
    { name: 'in a list, any case', code: trust('["sts:assumerole"]') },
    { name: 'sts:SetSourceIdentity beside it (the Terraform provider\'s trust policies)', code: trust('["sts:AssumeRole", "sts:SetSourceIdentity"]') },
    { name: 'SAML federation uses sts:AssumeRole too', code: trust('"sts:AssumeRole"', saml) },
    { name: 'a placeholder is filled in later', code: trust('"${var.trust_action}"') },
    { name: 'a malformed action is invalid-action-format\'s finding', code: trust('"AssumeRole"') },
    { name: 'a permission policy may allow any sts action', kind: 'permission', code: '{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRoleWithSAML", "Resource": "*"}]}' },
  ],
  invalid: [
    {
      name: 'the SAML API name written as an action',
      code: trust('"sts:AssumeRoleWithSAML"', saml),
      errors: [{ messageId: 'apiName', line: 6, column: 17, endLine: 6, endColumn: 41, text: '"sts:AssumeRoleWithSAML"', path: 'Statement[0].Action', severity: 'error', suggestions: [{ desc: 'Replace the action with "sts:AssumeRole".', output: trust('"sts:AssumeRole"', saml) }] }],
    },
    {
      name: 'the OIDC API name beside the right action',
      code: trust('["sts:AssumeRole", "sts:AssumeRoleWithOIDC"]'),
      errors: [{ messageId: 'apiName', line: 6, column: 36, endLine: 6, endColumn: 60, text: '"sts:AssumeRoleWithOIDC"', path: 'Statement[0].Action[1]' }],
    },
    {
      name: 'another service\'s action',
      code: trust('"ecs:DescribeInstances"'),
      errors: [{ messageId: 'otherAction', line: 6, column: 17, endLine: 6, endColumn: 40, text: '"ecs:DescribeInstances"', severity: 'error' }],
    },
    {
      name: 'a Deny with another action denies nothing',
      code: trust('"sts:GetCallerIdentity"', '{"RAM": ["acs:ram::123456789012:root"]}', 'Deny'),
      errors: [{ messageId: 'denyNothing', line: 6, column: 17, endLine: 6, endColumn: 40, text: '"sts:GetCallerIdentity"' }],
    },
    {
      name: 'a wildcard that covers sts:AssumeRole, at most a warning',
      code: trust('"sts:*"'),
      errors: [{ messageId: 'wildcard', line: 6, column: 17, endLine: 6, endColumn: 24, text: '"sts:*"', severity: 'warning' }],
    },
    {
      name: 'a wildcard that does not cover it',
      code: trust('"sts:Get*"'),
      errors: [{ messageId: 'otherAction', line: 6, column: 17, endLine: 6, endColumn: 27, text: '"sts:Get*"' }],
    },
    {
      name: 'NotAction',
      code: `{
  "Version": "1",
  "Statement": [
    {
      "Effect": "Allow",
      "NotAction": "ecs:*",
      "Principal": {"Service": ["ecs.aliyuncs.com"]}
    }
  ]
}`,
      errors: [{ messageId: 'notAction', line: 6, column: 7, endLine: 6, endColumn: 18, text: '"NotAction"', path: 'Statement[0].NotAction' }],
    },
  ],
});

describe('trust-policy-action suggestions', () => {
  it('offers sts:AssumeRole, never as a fix', () => {
    
    const { messages } = runRule(rule, { name: 'x', code: trust('"sts:AssumeRoleWithSAML"', saml) });
    expect(messages[0]?.fix).toBeUndefined();
    expect(messages[0]?.suggestions?.map((s) => s.edits.map((e) => e.text))).toEqual([['"sts:AssumeRole"']]);
  });
});
