import rule from '../../src/rules/forbidden-action';
import { lintText } from '../../src/engine/linter';
import { testRule } from '../helpers/rule-tester';

/** A permission policy whose first statement's Action value is on line 6 at column 17. */
const policy = (action: string, extra = '') =>
  `{
  "Version": "1",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ${action},
      "Resource": "*"
    }${extra}
  ]
}`;

const options = { actions: ['ecs:DeleteInstance', 'ram:Create*'] };
const denyAll = (action: string) => `,
    {"Effect": "Deny", "Action": "${action}", "Resource": "*"}`;

testRule(rule, {
  valid: [
    { name: 'unconfigured: nothing is forbidden', code: policy('"*"') },
    { name: 'other actions of the service', code: policy('["ecs:DescribeInstances", "ecs:Start*", "ram:List*"]'), options },
    { name: 'a Deny of the forbidden action is no grant', code: policy('"ecs:DeleteInstance"').replace('"Allow"', '"Deny"'), options },
    { name: 'an unconditional Deny on every resource takes it out of the policy', code: policy('"*"', `${denyAll('ecs:Delete*')}${denyAll('ram:*')}`), options },
    { name: 'NotAction that lists the forbidden actions', code: policy('"ecs:x"').replace('"Action": "ecs:x"', '"NotAction": ["ecs:DeleteInstance", "ram:*"]'), options },
    { name: 'a placeholder action is not judged', code: policy('"${var.action}"'), options },
    { name: 'NotAction "*" grants nothing', code: policy('"ecs:x"').replace('"Action": "ecs:x"', '"NotAction": "*"'), options },
  ],
  invalid: [
    {
      name: 'the forbidden action itself, in another case',
      code: policy('"ECS:deleteinstance"'),
      options,
      errors: [{ messageId: 'forbidden', line: 6, column: 17, endLine: 6, endColumn: 37, text: '"ECS:deleteinstance"', path: 'Statement[0].Action', severity: 'error' }],
    },
    {
      name: 'wildcards that take in a forbidden action or share some with a forbidden pattern; one finding per entry',
      code: policy('["ecs:Delete*", "ram:*User", "*"]'),
      options,
      errors: [
        { messageId: 'forbidden', line: 6, column: 18, endLine: 6, endColumn: 31, text: '"ecs:Delete*"', path: 'Statement[0].Action[0]', message: '"ecs:Delete*" allows ecs:DeleteInstance, which the configuration forbids (forbidden-action); remove it, or narrow the entry so it leaves ecs:DeleteInstance out.' },
        { messageId: 'forbidden', line: 6, column: 33, endLine: 6, endColumn: 44, text: '"ram:*User"', path: 'Statement[0].Action[1]' },
        { messageId: 'forbidden', line: 6, column: 46, endLine: 6, endColumn: 49, text: '"*"', path: 'Statement[0].Action[2]', message: '"*" allows ecs:DeleteInstance, ram:Create*, which the configuration forbids (forbidden-action); remove it, or narrow the entry so it leaves ecs:DeleteInstance, ram:Create* out.' },
      ],
    },
    {
      name: 'a Deny under a condition does not take the action out',
      code: policy('"ecs:*"', `,
    {"Effect": "Deny", "Action": "ecs:*", "Resource": "*", "Condition": {"Bool": {"acs:MFAPresent": "false"}}}`),
      options,
      errors: [{ messageId: 'forbidden', line: 6, column: 17, endLine: 6, endColumn: 24, text: '"ecs:*"' }],
    },
    {
      name: 'a Deny of a narrower pattern does not take a forbidden pattern out',
      code: policy('"ram:*"', denyAll('ram:CreateUser')),
      options,
      errors: [{ messageId: 'forbidden', line: 6, column: 17, endLine: 6, endColumn: 24, text: '"ram:*"' }],
    },
    {
      name: 'NotAction that leaves a forbidden action in',
      code: policy('"ecs:x"').replace('"Action": "ecs:x"', '"NotAction": ["ecs:Delete?nstance"]'),
      options,
      errors: [
        {
          messageId: 'forbiddenByNotAction',
          line: 6,
          column: 7,
          endLine: 6,
          endColumn: 18,
          text: '"NotAction"',
          message: 'NotAction allows every action it does not list, ram:Create* included, which the configuration forbids (forbidden-action); list the actions the task needs under Action instead.',
        },
      ],
    },
    {
      name: 'a bucket policy granting it to a principal',
      kind: 'bucket',
      code: policy('"oss:DeleteBucket"').replace('"Resource": "*"', '"Resource": "acs:oss:*:*:b", "Principal": ["*"]'),
      options: { actions: ['oss:DeleteBucket'] },
      errors: [{ messageId: 'forbidden', line: 6, column: 17, endLine: 6, endColumn: 35, text: '"oss:DeleteBucket"' }],
    },
  ],
});

describe('forbidden-action on hostile input', () => {
  it('stays bounded on a huge entry against a huge configured pattern, and counts it as allowing (the gate fails, never hangs)', () => {
    const huge = `ecs:${'a?'.repeat(200_000)}`;
    const text = `{"Version": "1", "Statement": [{"Effect": "Allow", "Action": ["${huge}", "oss:GetObject"], "Resource": "*"}]}`;
    const result = lintText(text, { rules: new Map([[rule.meta.id, rule]]), settings: { [rule.meta.id]: { severity: 'error', options: { actions: [`ecs:?${'b?'.repeat(200_000)}`] } } } });
    expect(result.messages.map((m) => [m.ruleId, m.messageId, m.column])).toEqual([
      ['forbidden-action', 'forbidden', 63],
      // Past the work bound every entry counts as allowing: the gate fails rather than passes.
      ['forbidden-action', 'forbidden', 400071],
    ]);
  });
});
