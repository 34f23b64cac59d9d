import rule from '../../src/rules/trust-federated-unconfined';
import { runRule, testRule } from '../helpers/rule-tester';

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
  ],
  invalid: [
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
      name: 'oidc:sub only as a wildcard pins nothing',
      code: trust(oidc, '{"StringEquals": {"oidc:aud": "sts.aliyuncs.com"}, "StringLike": {"oidc:sub": "*"}}'),
      errors: [{ messageId: 'oidcSub', line: 7, column: 34, endLine: 7, endColumn: 83, text: oidc }],
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
});
