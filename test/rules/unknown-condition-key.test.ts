import rule from '../../src/rules/unknown-condition-key';
import { runRule, testRule } from '../helpers/rule-tester';

/** A permission policy whose only statement carries the given Condition on line 8, starting at column 20. */
const policy = (condition: string) =>
  `{
  "Version": "1",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "log:GetLogStore",
      "Resource": "*",
      "Condition": ${condition}
    }
  ]
}`;

testRule(rule, {
  valid: [
    { name: 'global acs: keys', code: policy('{"IpAddress": {"acs:SourceIp": "203.0.113.0/24"}, "Bool": {"acs:SecureTransport": "true", "acs:MFAPresent": "true"}}') },
    { name: 'global keys compare case-insensitively', code: policy('{"IpAddress": {"acs:sourceip": "203.0.113.0/24"}}') },
    { name: 'tag keys under a global prefix', code: policy('{"StringEquals": {"acs:RequestTag/team": "ops", "acs:ResourceTag/cost-center": "42"}}') },
    { name: 'keys of a service with a known key list', code: policy('{"Bool": {"odps:Encryption": "true"}}') },
    { name: 'trust policy keys', code: policy('{"StringEquals": {"oidc:aud": "sts.aliyuncs.com", "oidc:sub": "system:serviceaccount:ns:sa", "saml:recipient": "https://signin.aliyun.com/saml-role/sso"}}') },
    {
      name: 'keys of services whose keys the catalogue does not list completely (log: its actions are incomplete)',
      code: policy('{"StringEquals": {"oss:Prefix": "logs/", "ecs:tag/env": "prod", "ram:ServiceName": "x", "log:TLSVersion": "TLSv1.2", "log:Other": "x"}}'),
    },
    { name: 'a key added in the configuration', code: policy('{"StringEquals": {"log:NewKey": "x"}}'), options: { conditionKeys: ['log:NewKey'] } },
    { name: 'a service turned off in the configuration', code: policy('{"StringEquals": {"acs:Whatever": "x"}}'), options: { ignoreServices: ['acs'] } },
    { name: 'malformed keys are invalid-condition-key\'s', code: policy('{"StringEquals": {"SourceIp": "x", "acs:Source Ip": "y"}}') },
  ],
  invalid: [
    {
      name: 'a misspelt global key',
      code: policy('{"IpAddress": {"acs:SourceIP4": "203.0.113.0/24"}}'),
      errors: [{ messageId: 'unknownGlobalGuess', line: 8, column: 35, endLine: 8, endColumn: 50, text: '"acs:SourceIP4"', path: 'Statement[0].Condition.IpAddress["acs:SourceIP4"]', severity: 'warning' }],
    },
    {
      name: 'a global key with nothing close',
      code: policy('{"Bool": {"acs:Zzzzzzzzzzzz": "true"}}'),
      errors: [{ messageId: 'unknownGlobal', line: 8, column: 30, endLine: 8, endColumn: 48, text: '"acs:Zzzzzzzzzzzz"', severity: 'warning' }],
    },
    {
      name: 'a misspelt key of an authoritative service',
      code: policy('{"Bool": {"odps:Encryptio": "true"}}'),
      errors: [{ messageId: 'unknownServiceKeyGuess', line: 8, column: 30, endLine: 8, endColumn: 46, text: '"odps:Encryptio"', severity: 'warning' }],
    },
    {
      name: 'a key that an authoritative service does not define',
      code: policy('{"StringEquals": {"dm:Region": "x", "oidc:audience": "x"}}'),
      errors: [
        { messageId: 'unknownServiceKey', line: 8, column: 38, endLine: 8, endColumn: 49, text: '"dm:Region"', severity: 'warning' },
        { messageId: 'unknownServiceKeyGuess', line: 8, column: 56, endLine: 8, endColumn: 71, text: '"oidc:audience"', severity: 'warning' },
      ],
    },
  ],
});

describe('unknown-condition-key messages', () => {
  it.each([
    ['{"IpAddress": {"acs:SourceIP4": "203.0.113.0/24"}}', '"acs:SourceIP4" is not a global condition key (did you mean "acs:SourceIp"?); no request carries it, so the condition does not test what it seems to.'],
    ['{"Bool": {"odps:Encryptio": "true"}}', '"odps:Encryptio" is not a condition key of service "odps" (did you mean "odps:Encryption"?); no request carries it, so the condition does not test what it seems to.'],
    ['{"StringEquals": {"oidc:zzzzzz": "x"}}', '"oidc:zzzzzz" is not a condition key of service "oidc"; no request carries it, so the condition does not test what it seems to.'],
  ])('%s', (condition, message) => {
    expect(runRule(rule, { name: 'm', code: policy(condition) }).messages.map((m) => m.message)).toEqual([message]);
  });
});
