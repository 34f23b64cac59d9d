import rule from '../../src/rules/trust-external-principal';
import { lintText } from '../../src/engine/linter';
import { testRule } from '../helpers/rule-tester';

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
