import rule from '../../src/rules/ram-privilege-escalation';
import { testRule } from '../helpers/rule-tester';

/** One statement, members one per line from line 5, column 7; Resource values start at column 19. */
const policy = (effect: string, action: string, resource: string) =>
  `{
  "Version": "1",
  "Statement": [
    {
      "Effect": "${effect}",
      "Action": ${action},
      "Resource": ${resource}
    }
  ]
}`;

testRule(rule, {
  valid: [
    { name: 'every action on OSS resources cannot touch RAM', code: policy('Allow', '"*"', '["acs:oss:*:*:*", "acs:oss:*:*:*/*"]') },
    { name: 'access keys for one named user', code: policy('Allow', '"ram:CreateAccessKey"', '"acs:ram:*:123456789012:user/ci-bot"') },
    { name: 'an account of * alone does not make a named user broad', code: policy('Allow', '"ram:CreateAccessKey"', '"acs:ram:*:*:user/ci-bot"') },
    { name: 'read-only RAM access on *', code: policy('Allow', '["ram:Get*", "ram:List*"]', '"*"') },
    { name: 'Deny is never a grant', code: policy('Deny', '"ram:*"', '"*"') },
    { name: 'attaching policies to one named role', code: policy('Allow', '"ram:AttachPolicyToRole"', '["acs:ram:*:123456789012:role/etl", "acs:ram:*:123456789012:policy/EtlRead"]') },
    {
      name: 'NotAction that excludes all of RAM',
      code: policy('Allow', '"ram:*"', '"*"').replace('"Action"', '"NotAction"'),
    },
  ],
  invalid: [
    {
      name: 'AttachPolicyToUser on *',
      code: policy('Allow', '"ram:AttachPolicyToUser"', '"*"'),
      errors: [{ messageId: 'escalation', line: 7, column: 19, endLine: 7, endColumn: 22, text: '"*"', path: 'Statement[0].Resource', severity: 'error' }],
    },
    {
      name: 'ram:* on * names the actions it covers',
      code: policy('Allow', '"ram:*"', '"*"'),
      errors: [{ messageId: 'escalation', line: 7, column: 19, endLine: 7, endColumn: 22, text: '"*"' }],
    },
    {
      name: 'access keys for every user of an account',
      code: policy('Allow', '["ram:GetUser", "ram:CreateAccessKey"]', '["acs:ram:*:123456789012:user/*"]'),
      errors: [{ messageId: 'escalation', line: 7, column: 20, endLine: 7, endColumn: 51, text: '"acs:ram:*:123456789012:user/*"', path: 'Statement[0].Resource[0]' }],
    },
    {
      name: 'UpdateRole on a role name prefix',
      code: policy('Allow', '"ram:UpdateRole"', '"acs:ram:*:123456789012:role/app-*"'),
      errors: [{ messageId: 'escalation', line: 7, column: 19, endLine: 7, endColumn: 54, text: '"acs:ram:*:123456789012:role/app-*"' }],
    },
    {
      name: 'NotResource',
      code: policy('Allow', '"ram:CreatePolicyVersion"', '"acs:ram:*:123456789012:policy/Locked"').replace('"Resource"', '"NotResource"'),
      errors: [{ messageId: 'notResource', line: 7, column: 7, endLine: 7, endColumn: 20, text: '"NotResource"', path: 'Statement[0].NotResource' }],
    },
    {
      name: 'NotAction that leaves RAM in',
      code: policy('Allow', '["oss:*"]', '"*"').replace('"Action"', '"NotAction"'),
      errors: [{ messageId: 'escalation', line: 7, column: 19, endLine: 7, endColumn: 22, text: '"*"' }],
    },
  ],
});
