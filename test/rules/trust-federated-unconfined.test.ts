import rule from '../../src/rules/trust-federated-unconfined';
import { GENERATED_HOST, runRule, testRule } from '../helpers/rule-tester';

/** Trust policy: the Federated principal value on line 7 at column 34. */
const trust = (provider: string, condition?: string, effect = 'Allow') =>
  `{
  "Version": "1",
  "Statement": [
    {
      "Effect": "${effect}",
      "Action": "sts:AssumeRole",
      "Principal": {"Federated": ${provider}}${condition === undefined ? '' : `,\n      "Condition": ${condition}`}
    }
  ]
}`;

const oidc = '"acs:ram::123456789012:oidc-provider/ack-rrsa-c1"';
const samlProvider = '"acs:ram::123456789012:saml-provider/okta"';
const rrsa = '{"StringEquals": {"oidc:aud": "sts.aliyuncs.com", "oidc:sub": "system:serviceaccount:prod:uploader", "oidc:iss": "https://oidc-ack-cn-hangzhou.oss-cn-hangzhou.aliyuncs.com/c1"}}';

testRule(rule, {
  valid: [
    { name: 'RRSA with oidc:aud and oidc:sub pinned', code: trust(oidc, rrsa) },
    { name: 'keys compare case-insensitively, values may be placeholders', code: trust(oidc, '{"StringEquals": {"OIDC:AUD": "<client-id>", "oidc:sub": "<subject>"}}') },
    { name: 'SAML with saml:recipient', code: trust(samlProvider, '{"StringEquals": {"saml:recipient": "https://signin.aliyun.com/saml-role/sso"}}') },
    { name: 'a template expression names no provider type', code: trust('"${module.oidc.arn}"') },
    { name: 'Deny is not a grant', code: trust(oidc, undefined, 'Deny') },
    { name: 'RAM and Service principals are not federated', code: '{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"RAM": "acs:ram::123456789012:root"}}]}' },
    // A Condition the host file computes may pin the audience, subject or recipient.
    { name: 'OIDC under a Condition the host file computes', code: trust(oidc, '"${var.condition}"'), host: GENERATED_HOST },
    { name: 'SAML under a Condition the host file computes', code: trust(samlProvider, '"${local.recipient_condition}"'), host: GENERATED_HOST },
    { name: 'OIDC with oidc:aud pinned and an operator map the host computes', code: trust(oidc, '{"StringEquals": {"oidc:aud": "sts.aliyuncs.com"}, "StringLike": "${var.subjects}"}'), host: GENERATED_HOST },
  ],
  invalid: [
    {
      name: 'an OIDC provider under a Condition that is "${...}" in a bare file, a string that pins nothing',
      code: trust(oidc, '"${var.condition}"'),
      errors: [{ messageId: 'oidc', line: 7, column: 34, endLine: 7, endColumn: 83, text: oidc, path: 'Statement[0].Principal.Federated' }],
    },
    {
      name: 'an OIDC provider without conditions',
      code: trust(oidc),
      errors: [{ messageId: 'oidc', line: 7, column: 34, endLine: 7, endColumn: 83, text: oidc, path: 'Statement[0].Principal.Federated', severity: 'error' }],
    },
    {
      name: 'RRSA with oidc:aud only: any service account of the cluster',
      code: trust(`[${oidc}]`, '{"StringEquals": {"oidc:aud": "sts.aliyuncs.com"}}'),
      errors: [{ messageId: 'oidcSub', line: 7, column: 35, endLine: 7, endColumn: 84, text: oidc, path: 'Statement[0].Principal.Federated[0]' }],
    },
    {
      name: 'regression: oidc:sub only as StringLike "*" matches every subject, which the message says',
      code: trust(`[${oidc}]`, '{"StringEquals": {"oidc:aud": "sts.aliyuncs.com"}, "StringLike": {"oidc:sub": "*"}}'),
      errors: [{ messageId: 'oidcSubAny', line: 7, column: 35, endLine: 7, endColumn: 84, text: oidc, path: 'Statement[0].Principal.Federated[0]', severity: 'error' }],
    },
    {
      name: 'a value of "*" among others still lets every subject through',
      code: trust(oidc, '{"StringEquals": {"oidc:aud": "sts.aliyuncs.com"}, "StringLike": {"oidc:sub": ["system:serviceaccount:prod:uploader", "**"]}}'),
      errors: [{ messageId: 'oidcSubAny', line: 7, column: 34, endLine: 7, endColumn: 83, text: oidc }],
    },
    {
      name: 'a subject pattern pins no named subject but is not every subject: the plain message',
      code: trust(oidc, '{"StringEquals": {"oidc:aud": "sts.aliyuncs.com"}, "StringLike": {"oidc:sub": "system:serviceaccount:prod:*"}}'),
      errors: [{ messageId: 'oidcSub', line: 7, column: 34, endLine: 7, endColumn: 83, text: oidc }],
    },
    {
      name: 'oidc:aud as StringLike "*" beside a pinned oidc:sub',
      code: trust(oidc, '{"StringLike": {"oidc:aud": "*"}, "StringEquals": {"oidc:sub": "system:serviceaccount:prod:uploader"}}'),
      errors: [{ messageId: 'oidcAudAny', line: 7, column: 34, endLine: 7, endColumn: 83, text: oidc, severity: 'error' }],
    },
    {
      name: 'oidc:sub as StringLike "*" and no oidc:aud',
      code: trust(oidc, '{"StringLike": {"oidc:sub": "*"}}'),
      errors: [{ messageId: 'oidcAny', line: 7, column: 34, endLine: 7, endColumn: 83, text: oidc, severity: 'error' }],
    },
    {
      name: 'regression: saml:recipient as StringLike "*" matches every recipient',
      code: trust(samlProvider, '{"StringLike": {"saml:recipient": "*"}}'),
      errors: [{ messageId: 'samlAny', line: 7, column: 34, endLine: 7, endColumn: 76, text: samlProvider, path: 'Statement[0].Principal.Federated', severity: 'error' }],
    },
    {
      name: 'oidc:sub without oidc:aud: a token minted for another client',
      code: trust(oidc, '{"StringEquals": {"oidc:sub": "system:serviceaccount:prod:uploader"}}'),
      errors: [{ messageId: 'oidcAud', line: 7, column: 34, endLine: 7, endColumn: 83, text: oidc, severity: 'error' }],
    },
    {
      name: 'a SAML provider without saml:recipient',
      code: trust(samlProvider, '{"IpAddress": {"acs:SourceIp": "203.0.113.0/24"}}'),
      errors: [{ messageId: 'saml', line: 7, column: 34, endLine: 7, endColumn: 76, text: samlProvider, severity: 'error' }],
    },
  ],
});

describe('trust-federated-unconfined messages', () => {
  it('names the missing keys', () => {
    
    const { messages } = runRule(rule, { name: 'x', code: trust(oidc, '{"StringEquals": {"oidc:aud": "sts.aliyuncs.com"}}') });
    expect(messages[0]?.message).toMatch(/without a condition on oidc:sub, so every workload or user that issuer signs tokens for can assume it/);
  });

  const message = (provider: string, condition: string) => runRule(rule, { name: 'x', code: trust(provider, condition) }).messages[0]?.message;

  it('regression: says that StringLike "*" on oidc:sub matches every subject, not that there is no condition', () => {
    // The reviewer's policy, as written.
    const code = '{"Version":"1","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"Federated":["acs:ram::123456789012:oidc-provider/p"]},"Condition":{"StringEquals":{"oidc:aud":"sts.aliyuncs.com"},"StringLike":{"oidc:sub":"*"}}}]}';
    const { messages } = runRule(rule, { name: 'x', code });
    expect(messages.map((m) => [m.messageId, m.message])).toEqual([
      [
        'oidcSubAny',
        'OIDC provider "acs:ram::123456789012:oidc-provider/p" may assume this role, and its condition "StringLike": {"oidc:sub": "*"} matches every subject, so every workload or user that issuer signs tokens for can assume it; replace it with "StringEquals": {"oidc:sub": "<subject>"} ("system:serviceaccount:<namespace>:<service-account>" for RRSA).',
      ],
    ]);
  });

  it('says that StringLike "*" on oidc:aud matches every audience', () => {
    expect(message(oidc, '{"StringLike": {"OIDC:AUD": "*"}, "StringEquals": {"oidc:sub": "system:serviceaccount:prod:uploader"}}')).toContain('its condition "StringLike": {"OIDC:AUD": "*"} matches every audience');
  });

  it('names each condition that matches every value when neither key is pinned', () => {
    expect(message(oidc, '{"StringLike": {"oidc:sub": "*"}}')).toContain('with neither oidc:aud nor oidc:sub limited to named values ("StringLike": {"oidc:sub": "*"} matches every value)');
    expect(message(oidc, '{"StringLike": {"oidc:aud": "*", "oidc:sub": "*"}}')).toContain('("StringLike": {"oidc:aud": "*"} and "StringLike": {"oidc:sub": "*"} match every value)');
  });

  it('regression: says that StringLike "*" on saml:recipient matches every recipient', () => {
    expect(message(samlProvider, '{"StringLike": {"saml:recipient": "*"}}')).toBe(
      'SAML provider "acs:ram::123456789012:saml-provider/okta" may assume this role, and its condition "StringLike": {"saml:recipient": "*"} matches every recipient, so an assertion it issued for any relying party can; replace it with "StringEquals": {"saml:recipient": "https://signin.aliyun.com/saml-role/sso"}.',
    );
  });
});
