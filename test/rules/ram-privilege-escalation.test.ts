import rule from '../../src/rules/ram-privilege-escalation';
import { runRule, testRule } from '../helpers/rule-tester';

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
    { name: 'a region-scoped ARN names no RAM user or policy: RAM ARNs have an empty region', code: policy('Allow', '["ram:CreateAccessKey", "ram:AttachPolicyToUser"]', '"acs:*:cn-hangzhou:*:*"') },
    { name: 'NotResource "*" leaves out every resource: nothing is granted (allow-with-not-element says so)', code: policy('Allow', '["ims:*", "ram:CreateAccessKey"]', '"*"').replace('"Resource"', '"NotResource"') },
    { name: 'NotResource acs:*:*:*:* in a list leaves out every resource too', code: policy('Allow', '"ram:AttachPolicyToUser"', '["acs:ram:*:*:user/x", "acs:*:*:*:*"]').replace('"Resource"', '"NotResource"') },
    { name: 'an endpoint policy grants nothing: AttachPolicyToUser on * there attaches nothing', kind: 'endpoint', kindGivenBy: 'host', code: policy('Allow', '"ram:AttachPolicyToUser"', '"*"') },
    { name: 'every action on OSS resources cannot touch RAM', code: policy('Allow', '"*"', '["acs:oss:*:*:*", "acs:oss:*:*:*/*"]') },
    { name: 'access keys for one named user', code: policy('Allow', '"ram:CreateAccessKey"', '"acs:ram:*:123456789012:user/ci-bot"') },
    { name: 'an account of * alone does not make a named user broad', code: policy('Allow', '"ram:CreateAccessKey"', '"acs:ram:*:*:user/ci-bot"') },
    { name: 'read-only RAM access on *', code: policy('Allow', '["ram:Get*", "ram:List*"]', '"*"') },
    { name: 'Deny is never a grant', code: policy('Deny', '"ram:*"', '"*"') },
    { name: 'regression: ram:* on domain resources reaches no user, group, role or policy', code: policy('Allow', '"ram:*"', '"acs:ram:*:*:domain/*"') },
    { name: 'ram:Attach* on users only: RAM also checks the policy resource', code: policy('Allow', '"ram:Attach*"', '"acs:ram:*:*:user/*"') },
    { name: 'a placeholder resource is one unknown value', code: policy('Allow', '"ram:UpdateRole"', '"${var.role_arn}"') },
    {
      name: 'PowerUserAccess: NotAction that excludes RAM, IMS and Resource Management',
      code: policy('Allow', '["ram:*", "ims:*", "resourcemanager:*", "resourcesharing:*"]', '"*"').replace('"Action"', '"NotAction"'),
    },
    { name: 'some IMS actions are not every IMS action', code: policy('Allow', '["ims:Get*", "ims:List*"]', '"*"') },
    { name: 'ims:* on one named user', code: policy('Allow', '"ims:*"', '"acs:ram:*:123456789012:user/ci-bot"') },
    { name: 'resourcemanager:* on resources of another service', code: policy('Allow', '"resourcemanager:*"', '"acs:oss:*:*:*"') },
    { name: 'Deny ims:* is never a grant', code: policy('Deny', '"ims:*"', '"*"') },
    { name: 'a malformed "ims:" names no action', code: policy('Allow', '"ims:"', '"*"') },
    { name: 'a ternary user name is one user, not a wildcard', code: policy('Allow', '"ram:CreateAccessKey"', '"acs:ram:*:123456789012:user/${var.admin ? var.a : var.b}"') },
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
      name: 'regression: attach limited to two named system policies is a warning naming them',
      code: policy('Allow', '["ram:AttachPolicyToRole", "ram:AttachPolicyToUser"]', '["acs:ram:*:*:role/*", "acs:ram:*:system:policy/AliyunOSSReadOnlyAccess", "acs:ram:*:system:policy/AliyunECSReadOnlyAccess"]'),
      errors: [{ messageId: 'attachNamedPolicies', line: 7, column: 42, endLine: 7, endColumn: 91, text: '"acs:ram:*:system:policy/AliyunOSSReadOnlyAccess"', path: 'Statement[0].Resource[1]', severity: 'warning' }],
    },
    {
      name: 'attach limited to one named custom policy',
      code: policy('Allow', '"ram:AttachPolicyToRole"', '["acs:ram:*:123456789012:role/etl", "acs:ram:*:123456789012:policy/EtlRead"]'),
      errors: [{ messageId: 'attachNamedPolicies', line: 7, column: 55, endLine: 7, endColumn: 94, text: '"acs:ram:*:123456789012:policy/EtlRead"', severity: 'warning' }],
    },
    {
      name: 'attach limited to a policy-name pattern that cannot name AdministratorAccess is a warning naming the pattern',
      code: policy('Allow', '"ram:AttachPolicyToRole"', '["acs:ram:*:*:role/*", "acs:ram:*:*:policy/k8sMasterRolePolicy-*"]'),
      errors: [{ messageId: 'attachPolicyPattern', line: 7, column: 42, endLine: 7, endColumn: 84, text: '"acs:ram:*:*:policy/k8sMasterRolePolicy-*"', path: 'Statement[0].Resource[1]', severity: 'warning' }],
    },
    {
      name: 'a policy-name pattern that can name AdministratorAccess is escalation',
      code: policy('Allow', '"ram:AttachPolicyToRole"', '["acs:ram:*:*:role/*", "acs:ram:*:*:policy/Admin*"]'),
      errors: [{ messageId: 'escalation', line: 7, column: 42, endLine: 7, endColumn: 69, text: '"acs:ram:*:*:policy/Admin*"', severity: 'error' }],
    },
    {
      name: 'a placeholder in a policy-name pattern may be filled with an administrator policy name: escalation',
      code: policy('Allow', '"ram:AttachPolicyToRole"', '["acs:ram:*:*:role/*", "acs:ram:*:*:policy/${var.prefix}*"]'),
      errors: [{ messageId: 'escalation', line: 7, column: 42, endLine: 7, endColumn: 77, text: '"acs:ram:*:*:policy/${var.prefix}*"', severity: 'error' }],
    },
    {
      name: 'ram:* on a policy-name pattern still rewrites the matching policies: escalation',
      code: policy('Allow', '"ram:*"', '"acs:ram:*:*:policy/k8sMasterRolePolicy-*"'),
      errors: [{ messageId: 'escalation', line: 7, column: 19, endLine: 7, endColumn: 61, text: '"acs:ram:*:*:policy/k8sMasterRolePolicy-*"', severity: 'error' }],
    },
    {
      name: 'a policy-name pattern beside ram:CreatePolicy in the same document is an error: the holder creates a matching policy',
      code: `{
  "Version": "1",
  "Statement": [
    { "Effect": "Allow", "Action": "ram:AttachPolicyToRole", "Resource": ["acs:ram:*:*:role/*", "acs:ram:*:*:policy/k8sMasterRolePolicy-*"] },
    { "Effect": "Allow", "Action": "ram:CreatePolicy", "Resource": "acs:ram:*:*:policy/*" }
  ]
}`,
      errors: [{ messageId: 'attachCreatedPolicy', line: 4, column: 97, endLine: 4, endColumn: 139, text: '"acs:ram:*:*:policy/k8sMasterRolePolicy-*"', severity: 'error' }],
    },
    {
      name: 'attach limited to AdministratorAccess is administrator access',
      code: policy('Allow', '"ram:AttachPolicyToUser"', '["acs:ram:*:*:user/*", "acs:ram:*:system:policy/AdministratorAccess"]'),
      errors: [{ messageId: 'attachAdminPolicy', line: 7, column: 42, endLine: 7, endColumn: 87, text: '"acs:ram:*:system:policy/AdministratorAccess"', severity: 'error' }],
    },
    {
      name: 'ram:* on every user: access keys and passwords, not attach',
      code: policy('Allow', '"ram:*"', '"acs:ram:*:*:user/*"'),
      errors: [{ messageId: 'escalation', line: 7, column: 19, endLine: 7, endColumn: 39, text: '"acs:ram:*:*:user/*"' }],
    },
    {
      name: 'changing every SAML provider that roles trust',
      code: policy('Allow', '"ram:UpdateSAMLProvider"', '"acs:ram:*:123456789012:saml-provider/*"'),
      errors: [{ messageId: 'escalation', line: 7, column: 19, endLine: 7, endColumn: 59, text: '"acs:ram:*:123456789012:saml-provider/*"' }],
    },
    {
      name: 'NotResource',
      code: policy('Allow', '"ram:CreatePolicyVersion"', '"acs:ram:*:123456789012:policy/Locked"').replace('"Resource"', '"NotResource"'),
      errors: [{ messageId: 'notResource', line: 7, column: 7, endLine: 7, endColumn: 20, text: '"NotResource"', path: 'Statement[0].NotResource' }],
    },
    {
      name: 'regression: ims:* on * is every IMS action',
      code: policy('Allow', '"ims:*"', '"*"'),
      errors: [{ messageId: 'fullService', line: 7, column: 19, endLine: 7, endColumn: 22, text: '"*"', path: 'Statement[0].Resource', severity: 'error' }],
    },
    {
      name: 'regression: resourcemanager:* on acs:*:*:*:* is every Resource Management action',
      code: policy('Allow', '["resourcemanager:*"]', '["acs:oss:*:*:logs/*", "acs:*:*:*:*"]'),
      errors: [{ messageId: 'fullService', line: 7, column: 42, endLine: 7, endColumn: 55, text: '"acs:*:*:*:*"', path: 'Statement[0].Resource[1]', severity: 'error' }],
    },
    {
      name: 'the service prefix compares case-insensitively, and a wildcard over it counts',
      code: policy('Allow', '["IMS:*"]', '"*"'),
      errors: [{ messageId: 'fullService', line: 7, column: 19, endLine: 7, endColumn: 22, text: '"*"' }],
    },
    {
      name: 'ram:* beside ims:* is reported through the RAM actions it names',
      code: policy('Allow', '["ims:*", "ram:*"]', '"*"'),
      errors: [{ messageId: 'escalation', line: 7, column: 19, endLine: 7, endColumn: 22, text: '"*"' }],
    },
    {
      name: 'ims:* with NotResource',
      code: policy('Allow', '"ims:*"', '"acs:ram:*:123456789012:user/root-admin"').replace('"Resource"', '"NotResource"'),
      errors: [{ messageId: 'fullServiceNotResource', line: 7, column: 7, endLine: 7, endColumn: 20, text: '"NotResource"', path: 'Statement[0].NotResource', severity: 'error' }],
    },
    {
      name: 'NotAction that excludes RAM but leaves IMS in',
      code: policy('Allow', '["ram:*"]', '"*"').replace('"Action"', '"NotAction"'),
      errors: [{ messageId: 'fullService', line: 7, column: 19, endLine: 7, endColumn: 22, text: '"*"' }],
    },
    {
      name: 'NotAction that leaves RAM in',
      code: policy('Allow', '["oss:*"]', '"*"').replace('"Action"', '"NotAction"'),
      errors: [{ messageId: 'escalation', line: 7, column: 19, endLine: 7, endColumn: 22, text: '"*"' }],
    },
    {
      name: 'regression: every user of a ROS account placeholder with colons (${ALIYUN::AccountId})',
      code: policy('Allow', '"ram:CreateAccessKey"', '"acs:ram::${ALIYUN::AccountId}:user/*"'),
      errors: [{ messageId: 'escalation', line: 7, column: 19, endLine: 7, endColumn: 57, text: '"acs:ram::${ALIYUN::AccountId}:user/*"', path: 'Statement[0].Resource', severity: 'error' }],
    },
  ],
});

describe('ram-privilege-escalation messages', () => {
  const messageOf = (action: string, resource: string) => runRule(rule, { name: 'x', code: policy('Allow', action, resource) }).messages[0]?.message;

  it('never claims "any policy" when the policies are named', () => {
    const message = messageOf('"ram:AttachPolicyToRole"', '["acs:ram:*:*:role/*", "acs:ram:*:system:policy/AliyunOSSReadOnlyAccess", "acs:ram:*:system:policy/AliyunECSReadOnlyAccess"]');
    expect(message).toContain('AliyunOSSReadOnlyAccess, AliyunECSReadOnlyAccess');
    expect(message).not.toMatch(/any policy/);
  });

  it('regression: says what ims:* and resourcemanager:* allow, citing no action the catalogue does not list', () => {
    expect(messageOf('"ims:*"', '"*"')).toBe(
      '"ims:*" on "*" allows every ims action (IMS, the RAM API for users, their AccessKey pairs and logon passwords, user groups and identity providers): the holder can create an AccessKey pair or a logon password for any user and act as that user, which amounts to administrator access; keep it for RAM administrators and grant others only the actions they need.',
    );
    expect(messageOf('"resourcemanager:*"', '"*"')).toBe(
      '"resourcemanager:*" on "*" allows every resourcemanager action (Resource Management, whose API also creates RAM policies and roles and attaches policies to users, groups and roles): the holder can attach any policy, AdministratorAccess included, to themselves, which amounts to administrator access; keep it for RAM administrators and grant others only the actions they need.',
    );
    const notAction = runRule(rule, { name: 'x', code: policy('Allow', '["ram:*"]', '"*"').replace('"Action"', '"NotAction"') }).messages[0]?.message;
    expect(notAction).toMatch(/^NotAction \(which excludes no ims action\) on "\*" allows every ims action/);
  });

  it('names the user actions that ram:* on every user grants', () => {
    expect(messageOf('"ram:*"', '"acs:ram:*:*:user/*"')).toMatch(/^"ram:\*" \(ram:CreateAccessKey, ram:CreateLoginProfile, ram:UpdateLoginProfile\) on "acs:ram:\*:\*:user\/\*" lets the holder mint access keys for another user/);
  });
});
