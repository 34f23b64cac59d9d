import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCan } from '../../src/cli/commands/can';
import { runDiff } from '../../src/cli/commands/diff';
import { contextFrom } from '../../src/evaluation/conditions';
import { evaluateRequest } from '../../src/evaluation/request';
import { ENDPOINT_POLICY_LEFT_OUT, LIMITING_POLICY_LEFT_OUT, loadDocuments } from '../../src/evaluation/documents';
import { policy, runIn, statementsOf, tempTree } from './helpers';

const ask = (statements: ReturnType<typeof statementsOf>, action: string, resource: string, context: [string, string | undefined][] = [], principal?: string) =>
  evaluateRequest(statements, { action, resource, principal, context: contextFrom(context) });

describe('evaluateRequest', () => {
  const sales = statementsOf(
    policy(
      { Effect: 'Allow', Action: 'oss:*', Resource: 'acs:oss:*:123:sales/*' },
      { Effect: 'Deny', Action: 'oss:DeleteObject', Resource: 'acs:oss:*:123:sales/locked/*' },
    ),
  );

  it('an explicit Deny wins over an Allow', () => {
    const r = ask(sales, 'oss:DeleteObject', 'acs:oss:*:123:sales/locked/a.csv');
    expect(r.decision).toBe('explicit-deny');
    expect(r.deciding.map((s) => s.origin.path)).toEqual(['Statement[1]']);
  });

  it('an Allow decides when no Deny matches; actions ignore case; a resource that matches only ignoring case is conditional', () => {
    expect(ask(sales, 'OSS:deleteobject', 'acs:oss:*:123:sales/open/a.csv').decision).toBe('allow');
    // It was implicit-deny: but whether RAM compares ARNs ignoring case is not documented.
    expect(ask(sales, 'oss:GetObject', 'acs:oss:*:123:SALES/a.csv')).toMatchObject({ decision: 'conditional', conditionKeys: ['(whether RAM compares this resource ignoring case)'] });
    expect(ask(sales, 'oss:GetObject', 'acs:oss:*:124:sales/a.csv').decision).toBe('implicit-deny');
  });

  it('* crosses / and : in resources', () => {
    expect(ask(sales, 'oss:GetObject', 'acs:oss:*:123:sales/a/b/c:d').decision).toBe('allow');
  });

  it('nothing matching is an implicit deny', () => {
    expect(ask(sales, 'ecs:StartInstance', '*')).toEqual({ decision: 'implicit-deny', deciding: [], conditionKeys: [] });
  });

  it('NotAction and NotResource grant everything they do not list', () => {
    const s = statementsOf(policy({ Effect: 'Allow', NotAction: ['ram:*', 'ims:*'], NotResource: 'acs:oss:*:*:secret*' }));
    expect(ask(s, 'ecs:RunInstances', 'acs:ecs:*:1:instance/i-1').decision).toBe('allow');
    expect(ask(s, 'RAM:CreateUser', 'acs:ram::1:user/x').decision).toBe('implicit-deny');
    expect(ask(s, 'oss:GetObject', 'acs:oss:*:*:secret/x').decision).toBe('implicit-deny');
  });

  it('? matches exactly one character', () => {
    const s = statementsOf(policy({ Effect: 'Allow', Action: 'ecs:Describe?nstances', Resource: 'acs:ecs:*:1:instance/i-?' }));
    expect(ask(s, 'ecs:DescribeInstances', 'acs:ecs:*:1:instance/i-7').decision).toBe('allow');
    expect(ask(s, 'ecs:DescribeInstances', 'acs:ecs:*:1:instance/i-77').decision).toBe('implicit-deny');
  });

  it('an Allow with an undecided condition is conditional and names the key; with the context it decides', () => {
    const s = statementsOf(policy({ Effect: 'Allow', Action: 'ecs:*', Resource: '*', Condition: { IpAddress: { 'acs:SourceIp': '10.0.0.0/8' } } }));
    expect(ask(s, 'ecs:StopInstance', 'x')).toMatchObject({ decision: 'conditional', conditionKeys: ['acs:SourceIp'] });
    expect(ask(s, 'ecs:StopInstance', 'x', [['acs:SourceIp', '10.1.1.1']]).decision).toBe('allow');
    expect(ask(s, 'ecs:StopInstance', 'x', [['acs:SourceIp', '8.8.8.8']]).decision).toBe('implicit-deny');
  });

  it('an undecided Deny beside a sure Allow makes it conditional; beside no Allow it is still a deny', () => {
    const s = statementsOf(
      policy(
        { Effect: 'Allow', Action: 'ecs:*', Resource: '*' },
        { Effect: 'Deny', Action: 'ecs:Delete*', Resource: '*', Condition: { Bool: { 'acs:MFAPresent': 'false' } } },
      ),
    );
    expect(ask(s, 'ecs:DeleteInstance', 'x')).toMatchObject({ decision: 'conditional', conditionKeys: ['acs:MFAPresent'] });
    expect(ask(s, 'ecs:DeleteInstance', 'x', [['acs:MFAPresent', 'false']]).decision).toBe('explicit-deny');
    expect(ask(s, 'ecs:DeleteInstance', 'x', [['acs:MFAPresent', 'true']]).decision).toBe('allow');
    expect(ask(s.slice(1), 'ecs:DeleteInstance', 'x').decision).toBe('implicit-deny');
  });

  it('statements with a Principal apply only to a matching --principal; root names the RAM users and roles of the account', () => {
    const trust = statementsOf(policy({ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { RAM: ['acs:ram::111:root'] } }));
    expect(ask(trust, 'sts:AssumeRole', '*').decision).toBe('implicit-deny');
    for (const member of ['acs:ram::111:user/alice', 'acs:ram::111:role/ci', 'acs:ram::111:assumed-role/ci/session-1']) expect([member, ask(trust, 'sts:AssumeRole', '*', [], member).decision]).toEqual([member, 'allow']);
    // Not the account itself, which cannot call AssumeRole (it was 'allow' here before), nor its identity providers, nor another account.
    for (const other of ['acs:ram::111:root', '111', 'acs:ram::111:saml-provider/idp', 'acs:ram::111:oidc-provider/gh', 'acs:ram::222:user/alice']) expect([other, ask(trust, 'sts:AssumeRole', '*', [], other).decision]).toEqual([other, 'implicit-deny']);
    // An identity provider is trusted through a Federated entry that names it.
    const federated = statementsOf(policy({ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Federated: ['acs:ram::111:saml-provider/idp'] } }));
    expect(ask(federated, 'sts:AssumeRole', '*', [], 'acs:ram::111:saml-provider/idp').decision).toBe('allow');
    // For other actions (a KMS key policy, say) root names the account itself too.
    const key = statementsOf(policy({ Effect: 'Allow', Action: 'kms:Decrypt', Principal: { RAM: ['acs:ram::111:root'] }, Resource: '*' }));
    expect(ask(key, 'kms:Decrypt', 'x', [], '111').decision).toBe('allow');
    expect(ask(key, 'kms:Decrypt', 'x', [], 'acs:ram::111:root').decision).toBe('allow');
    const bucket = statementsOf(policy({ Effect: 'Allow', Action: 'oss:GetObject', Principal: ['*'], Resource: 'acs:oss:*:1:b/*' }));
    expect(ask(bucket, 'oss:GetObject', 'acs:oss:*:1:b/k', [], '999').decision).toBe('allow');
  });
});

describe('documents inside a host file', () => {
  it('point into the host text through offsetToHost, with their label', () => {
    const doc = JSON.stringify(policy({ Effect: 'Allow', Action: 'oss:*', Resource: '*' }));
    const host = `resource "alicloud_ram_policy" "p" {\n  policy_document = <<EOF\n${doc}\nEOF\n}\n`;
    const at = host.indexOf(doc);
    const loaded = loadDocuments([{ filePath: 'main.tf', text: doc, label: 'alicloud_ram_policy.p.policy_document', hostText: host, offsetToHost: (o) => o + at }]);
    expect(loaded.policies[0]?.statements[0]?.origin).toMatchObject({ filePath: 'main.tf', label: 'alicloud_ram_policy.p.policy_document', line: 3, column: doc.indexOf('{"Effect"') + 1, path: 'Statement[0]' });
  });
});

describe('statements RAM would reject', () => {
  it('are left out and named, never read as "*": an Allow without Resource grants nothing here', () => {
    const loaded = loadDocuments([{ filePath: 'p.json', text: JSON.stringify(policy({ Effect: 'Allow', Action: 'oss:*' }, { Effect: 'allow', Action: 'ecs:*', Resource: '*' })) }]);
    expect(loaded.policies[0]?.statements).toEqual([]);
    expect(loaded.problems.map((p) => p.message)).toEqual([expect.stringMatching(/^Statement\[0\] was left out/), expect.stringMatching(/^Statement\[1\] was left out/)]);
  });
});

describe('ramlint can', () => {
  const dir = tempTree({
    'policies/oss.json': policy(
      { Effect: 'Allow', Action: 'oss:*', Resource: 'acs:oss:*:123:sales/*' },
      { Effect: 'Deny', Action: 'oss:DeleteObject', Resource: 'acs:oss:*:123:sales/locked/*' },
    ),
    'policies/ecs.jsonc': '// comment\n' + JSON.stringify(policy({ Effect: 'Allow', Action: 'ecs:*', Resource: '*', Condition: { IpAddress: { 'acs:SourceIp': '10.0.0.0/8' } } }), null, 2),
    'broken.json': '{ "Statement": [',
  });

  it('prints the documented JSON for one question and exits 1 for an explicit deny', async () => {
    const out = await runIn(dir, runCan, ['--action', 'oss:DeleteObject', '--resource', 'acs:oss:*:123:sales/locked/x', '--format', 'json', 'policies']);
    expect(out.code).toBe(1);
    expect(JSON.parse(out.stdout)).toEqual({
      decision: 'explicit-deny',
      statements: [{ filePath: 'policies/oss.json', line: 9, column: 5, path: 'Statement[1]', effect: 'Deny' }],
      conditions: [],
    });
  });

  it('exit 0 for allow, 3 for conditional with the deciding key, and --context decides', async () => {
    expect((await runIn(dir, runCan, ['-a', 'oss:GetObject', '-r', 'acs:oss:*:123:sales/a', 'policies'])).code).toBe(0);
    const conditional = await runIn(dir, runCan, ['-a', 'ecs:StopInstance', '-r', 'acs:ecs:*:1:instance/i-1', '--format', 'json', 'policies']);
    expect(conditional.code).toBe(3);
    expect(JSON.parse(conditional.stdout)).toMatchObject({ decision: 'conditional', conditions: ['acs:SourceIp'], statements: [{ filePath: 'policies/ecs.jsonc', line: 5, path: 'Statement[0]' }] });
    expect((await runIn(dir, runCan, ['-a', 'ecs:StopInstance', '-r', 'x', '--context', 'acs:SourceIp=10.0.0.9', 'policies'])).code).toBe(0);
  });

  it('asks every --action × --resource pair and prints them in stylish form', async () => {
    const out = await runIn(dir, runCan, ['-a', 'oss:GetObject', '-a', 'oss:DeleteObject', '-r', 'acs:oss:*:123:sales/locked/k', 'policies']);
    expect(out.code).toBe(1);
    expect(out.stdout).toContain('oss:GetObject on acs:oss:*:123:sales/locked/k: allowed\n  Allow  policies/oss.json:4:5  Statement[0]');
    expect(out.stdout).toContain('oss:DeleteObject on acs:oss:*:123:sales/locked/k: denied by an explicit Deny');
    const json = JSON.parse((await runIn(dir, runCan, ['-a', 'oss:GetObject', '-a', 'oss:PutObject', '-r', 'acs:oss:*:123:sales/k', '-f', 'json', 'policies'])).stdout);
    expect(json.results.map((r: { action: string; decision: string }) => [r.action, r.decision])).toEqual([['oss:GetObject', 'allow'], ['oss:PutObject', 'allow']]);
  });

  it.each([
    [['-r', 'x', 'policies'], /--action/],
    [['-a', 'oss:GetObject', 'policies'], /--resource/],
    [['-a', 'oss:GetObject', '-r', 'x'], /name the policy files/],
    [['-a', 'oss:GetObject', '-r', 'x', 'missing.json'], /no such file or directory: missing.json/],
    [['-a', 'oss:GetObject', '-r', 'x', '--bogus', 'policies'], /Unknown argument/],
    [['-a', 'oss:GetObject', '-r', 'x', '--context', '=v', 'policies'], /needs a key/],
  ])('usage error %j exits 2 with a message', async (argv, message) => {
    const out = await runIn(dir, runCan, argv);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(message);
    expect(out.stderr).not.toMatch(/\n\s+at /);
  });

  it('a document it cannot evaluate stops the run with exit 2, naming it: no answer without all the policies', async () => {
    const out = await runIn(dir, runCan, ['-a', 'oss:GetObject', '-r', 'acs:oss:*:123:sales/a', 'policies', 'broken.json']);
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(/broken.json: not valid JSON/);
    expect(out.stderr).toMatch(/cannot be read or parsed/);
  });

  it('a directory walk passes over JSON files that are no policy; a named one is reported', async () => {
    const tree = tempTree({ 'p/package.json': { name: 'x' }, 'p/a.json': policy({ Effect: 'Allow', Action: 'oss:*', Resource: '*' }) });
    expect(await runIn(tree, runCan, ['-a', 'oss:GetObject', '-r', 'x', 'p'])).toMatchObject({ code: 0, stderr: '' });
    expect((await runIn(tree, runCan, ['-a', 'oss:GetObject', '-r', 'x', 'p/package.json'])).stderr).toMatch(/not a RAM policy/);
  });

  it('--help prints usage and exits 0', async () => {
    const out = await runIn(dir, runCan, ['--help']);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/ramlint can --action/);
  });
});

describe('host formats, through the processors', () => {
  const tf = [
    'resource "alicloud_ram_policy" "readers" {',
    '  policy_name     = "readers"',
    '  policy_document = <<EOF',
    '{',
    '  "Version": "1",',
    '  "Statement": [',
    '    { "Effect": "Allow", "Action": "oss:GetObject", "Resource": "acs:oss:*:1:b/*" }',
    '  ]',
    '}',
    'EOF',
    '}',
    '',
  ].join('\n');
  const dir = tempTree({ 'infra/main.tf': tf, 'old/p.json': policy({ Effect: 'Allow', Action: 'oss:List*', Resource: '*' }) });

  it('can evaluates a Terraform policy and points into the .tf file', async () => {
    const out = await runIn(dir, runCan, ['-a', 'oss:GetObject', '-r', 'acs:oss:*:1:b/k', '--format', 'json', 'infra']);
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout).statements).toEqual([{ filePath: 'infra/main.tf', line: 7, column: 5, path: 'Statement[0]', effect: 'Allow' }]);
  });

  it('diff compares a JSON policy with a Terraform one', async () => {
    const out = await runIn(dir, runDiff, ['old', 'infra', '--format', 'json']);
    expect(out.code).toBe(1);
    expect(JSON.parse(out.stdout).newAccess[0]).toMatchObject({ action: 'oss:GetObject', statement: { filePath: 'infra/main.tf', line: 7 } });
  });
});

// It was left out, and can answered "allow" although the Deny may apply (the audit's finding 1): no longer.
describe('a policy whose Statement, Principal or Condition the host computes is evaluated with that part unknown, with a note', () => {
  const dir = tempTree({
    'infra/main.tf': [
      'resource "alicloud_ram_policy" "p" {',
      '  policy_document = jsonencode({ Version = "1", Statement = [{ Effect = "Deny", Action = "ecs:DeleteInstance", Resource = "*", Condition = var.cond }] })',
      '}',
      'resource "alicloud_ram_policy" "q" {',
      '  policy_document = jsonencode({ Version = "1", Statement = [{ Effect = "Allow", Action = "ecs:*", Resource = "*" }] })',
      '}',
      '',
    ].join('\n'),
  });

  it('the Deny under the computed Condition may apply: conditional (exit 3), and stderr says how it was read', async () => {
    const out = await runIn(dir, runCan, ['-a', 'ecs:DeleteInstance', '-r', '*', '--format', 'json', 'infra']);
    expect(out.code).toBe(3);
    expect(JSON.parse(out.stdout)).toMatchObject({ decision: 'conditional', conditions: ['(the Condition, computed by the host file)'] });
    expect(out.stderr).toBe(
      'ramlint can: infra/main.tf (alicloud_ram_policy.p.policy_document): its Condition is computed by the host file (a Terraform expression or a ROS function), so it is read as unknown: it may allow or deny anything, so an answer it could change is conditional (in diff: not proven), never a guess; evaluate the planned policy (terraform show -json) for a definite answer\n',
    );
    // Where the Deny cannot apply, the other policy decides.
    expect((await runIn(dir, runCan, ['-a', 'ecs:StartInstance', '-r', '*', 'infra'])).code).toBe(0);
  });
});

describe('endpoint policies are not grants: left out of can and diff, with a note', () => {
  const endpointsTf = fs.readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'hosts', 'terraform', 'endpoints.tf'), 'utf8');
  const defaultEndpointPolicy = policy({ Effect: 'Allow', Action: ['*'], Resource: ['*'], Principal: ['*'] });
  const dir = tempTree({
    'infra/endpoints.tf': endpointsTf,
    'empty/none.json': policy({ Effect: 'Deny', Action: 'ecs:DeleteInstance', Resource: '*' }),
    'bare/endpoint.json': defaultEndpointPolicy,
  });
  const notes = [
    'alicloud_privatelink_vpc_endpoint.oss.policy_document',
    'alicloud_vpc_gateway_endpoint.oss.policy_document',
    'alicloud_vpc_gateway_endpoint.logs.policy_document',
  ].map((label) => `ramlint COMMAND: infra/endpoints.tf (${label}): ${ENDPOINT_POLICY_LEFT_OUT}\n`);

  it('loadDocuments: a document of kind endpoint gives no statements, and a note that does not stop the command', () => {
    const loaded = loadDocuments([{ filePath: 'main.tf', text: JSON.stringify(defaultEndpointPolicy), label: 'alicloud_vpc_gateway_endpoint.oss.policy_document', kind: 'endpoint' }]);
    expect(loaded.policies).toEqual([]);
    expect(loaded.problems).toEqual([{ filePath: 'main.tf', label: 'alicloud_vpc_gateway_endpoint.oss.policy_document', message: ENDPOINT_POLICY_LEFT_OUT }]);
  });

  it('loadDocuments: a control or session policy gives no statements either, with its own note', () => {
    const fullAccess = JSON.stringify(policy({ Effect: 'Allow', Action: '*', Resource: '*' }));
    const loaded = loadDocuments([
      { filePath: 'main.tf', text: fullAccess, label: 'alicloud_resource_manager_control_policy.guard.policy_document', kind: 'control' },
      { filePath: 'main.tf', text: fullAccess, label: 'alicloud_ecs_ram_role_attachment.worker.policy', kind: 'session' },
    ]);
    expect(loaded.policies).toEqual([]);
    expect(loaded.problems).toEqual([
      { filePath: 'main.tf', label: 'alicloud_resource_manager_control_policy.guard.policy_document', message: LIMITING_POLICY_LEFT_OUT.control },
      { filePath: 'main.tf', label: 'alicloud_ecs_ram_role_attachment.worker.policy', message: LIMITING_POLICY_LEFT_OUT.session },
    ]);
  });

  it('can: the default endpoint policy allows nothing to anyone, even with a principal; each endpoint policy is named on stderr', async () => {
    const out = await runIn(dir, runCan, ['-a', 'oss:GetObject', '-r', 'acs:oss:*:1:b/k', '--principal', 'acs:ram::123:root', '--format', 'json', 'infra']);
    expect(out.code).toBe(1);
    expect(JSON.parse(out.stdout)).toEqual({ decision: 'implicit-deny', statements: [], conditions: [] });
    expect(out.stderr).toBe(notes.map((n) => n.replace('COMMAND', 'can')).join(''));
  });

  it('unchanged: the same document in a bare file is evaluated (nothing says it is an endpoint policy)', async () => {
    const out = await runIn(dir, runCan, ['-a', 'oss:GetObject', '-r', 'acs:oss:*:1:b/k', '--principal', 'acs:ram::123:root', '--format', 'json', 'bare']);
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout).decision).toBe('allow');
    expect(out.stderr).toBe('');
  });

  it('diff: endpoint policies added are no new access', async () => {
    const out = await runIn(dir, runDiff, ['empty', 'infra', '--format', 'json']);
    expect(out).toMatchObject({ code: 0, stdout: `${JSON.stringify({ newAccess: [] }, null, 2)}\n` });
    expect(out.stderr).toBe(notes.map((n) => n.replace('COMMAND', 'diff')).join(''));
  });

  it('diff --base: an endpoint policy widened or removed is neither new access nor a lifted Deny', async () => {
    const narrowed = 'resource "alicloud_vpc_gateway_endpoint" "oss" {\n  policy_document = <<EOF\n{"Version": "1", "Statement": [{"Effect": "Deny", "Principal": "*", "Action": "oss:DeleteBucket", "Resource": "*"}, {"Effect": "Allow", "Principal": "*", "Action": "oss:GetObject", "Resource": "acs:oss:*:*:logs/*"}]}\nEOF\n}\n';
    const repo = tempTree({ 'infra/endpoint.tf': narrowed, 'infra/gone.tf': narrowed.replace('"oss"', '"gone"') });
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'pipe' });
    git('init', '-q');
    git('add', '.');
    git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-qm', 'base');
    fs.writeFileSync(path.join(repo, 'infra/endpoint.tf'), endpointsTf);
    fs.rmSync(path.join(repo, 'infra/gone.tf'));
    const out = await runIn(repo, runDiff, ['--base', 'HEAD', '--format', 'json', 'infra']);
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout)).toEqual({ newAccess: [], liftedDenies: [] });
    expect(out.stderr).toContain(`ramlint diff: infra/endpoint.tf (alicloud_vpc_gateway_endpoint.oss.policy_document): ${ENDPOINT_POLICY_LEFT_OUT}\n`);
    expect(out.stderr).toContain(`ramlint diff: infra/gone.tf (alicloud_vpc_gateway_endpoint.gone.policy_document) at HEAD: ${ENDPOINT_POLICY_LEFT_OUT}\n`);
  });
});

describe('ramlint can: a negated operator holds when its key is absent from the request', () => {
  const dir = tempTree({
    // Alibaba's own bucket policy example (OSS error 0030-00000008): anonymous reads from 140.1.0.0/16 outside every VPC.
    'public-range.json': '{ "Statement": [ { "Action": [ "oss:GetObject" ], "Condition": { "IpAddress": { "acs:SourceIp": [ "140.1.0.0/16" ] }, "StringNotLike": { "acs:SourceVpc": "vpc-*" } }, "Effect": "Allow", "Principal": [ "*" ], "Resource": [ "acs:oss:*:1234567890123456:examplebucket/*" ] } ], "Version": "1" }\n',
    'deny-outside.json': policy(
      { Effect: 'Allow', Action: 'oss:*', Resource: '*' },
      { Effect: 'Deny', Action: 'oss:*', Resource: '*', Condition: { NotIpAddress: { 'acs:SourceIp': ['10.0.0.0/8'] } } },
    ),
    'deny-other-vpc.json': policy(
      { Effect: 'Allow', Action: 'oss:*', Resource: '*' },
      { Effect: 'Deny', Action: 'oss:*', Resource: '*', Condition: { StringNotEquals: { 'acs:SourceVpc': ['vpc-abc'] } } },
    ),
  });
  const object = ['-a', 'oss:GetObject', '-r', 'acs:oss:*:1234567890123456:examplebucket/a.txt'];

  it("Alibaba's example allows a request from the range that comes from no VPC (exit 0), and denies one from a VPC (exit 1)", async () => {
    const outside = await runIn(dir, runCan, [...object, '--principal', '999', '--context', 'acs:SourceIp=140.1.2.3', '--context', 'acs:SourceVpc', 'public-range.json']);
    expect(outside).toEqual({ code: 0, stdout: `oss:GetObject on acs:oss:*:1234567890123456:examplebucket/a.txt: allowed\n  Allow  public-range.json:1:18  Statement[0]\n`, stderr: '' });
    const inVpc = await runIn(dir, runCan, [...object, '--principal', '999', '--context', 'acs:SourceIp=140.1.2.3', '--context', 'acs:SourceVpc=vpc-1', 'public-range.json']);
    expect(inVpc.code).toBe(1);
    expect(inVpc.stdout).toBe('oss:GetObject on acs:oss:*:1234567890123456:examplebucket/a.txt: denied: no statement allows it\n');
  });

  it('a Deny on NotIpAddress or StringNotEquals applies when the key is absent (exit 1)', async () => {
    const noIp = await runIn(dir, runCan, [...object, '--context', 'acs:SourceIp', 'deny-outside.json']);
    expect(noIp).toEqual({ code: 1, stdout: `oss:GetObject on acs:oss:*:1234567890123456:examplebucket/a.txt: denied by an explicit Deny\n  Deny   deny-outside.json:9:5  Statement[1]\n`, stderr: '' });
    const noVpc = await runIn(dir, runCan, [...object, '--context', 'acs:SourceVpc', 'deny-other-vpc.json']);
    expect(noVpc.code).toBe(1);
    expect(noVpc.stdout).toBe(`oss:GetObject on acs:oss:*:1234567890123456:examplebucket/a.txt: denied by an explicit Deny\n  Deny   deny-other-vpc.json:9:5  Statement[1]\n`);
    // With the key present and matching, the Deny does not apply.
    expect((await runIn(dir, runCan, [...object, '--context', 'acs:SourceVpc=vpc-abc', 'deny-other-vpc.json'])).code).toBe(0);
  });
});

describe('ramlint can: a key with several values and no ForAnyValue/ForAllValues', () => {
  const dir = tempTree({
    'tags.json': policy(
      { Effect: 'Allow', Action: 'ecs:*', Resource: '*' },
      { Effect: 'Deny', Action: 'ecs:*', Resource: '*', Condition: { StringNotEquals: { 'acs:TagKeys': ['team', 'env'] } } },
    ),
  });
  const ask = (...values: string[]) => runIn(dir, runCan, ['-a', 'ecs:RunInstances', '-r', '*', ...values.flatMap((v) => ['--context', `acs:TagKeys=${v}`]), 'tags.json']);

  it('is conditional where "any value" and "every value" disagree (exit 3), decided where they agree', async () => {
    expect(await ask('team', 'x')).toEqual({
      code: 3,
      stdout: 'ecs:RunInstances on *: conditional: the answer depends on acs:TagKeys\n  Allow  tags.json:4:5  Statement[0]\n  Deny   tags.json:9:5  Statement[1]\n',
      stderr: '',
    });
    expect((await ask('team', 'env')).code).toBe(0);
    expect((await ask('x', 'y')).code).toBe(1);
  });
});

describe('ramlint can: a trust policy that trusts acs:ram::<uid>:root', () => {
  const dir = tempTree({ 'trust-root.json': '{"Version":"1","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"RAM":["acs:ram::1234567890123456:root"]}}]}\n' });
  const assume = (principal: string) => runIn(dir, runCan, ['-a', 'sts:AssumeRole', '-r', '*', '--principal', principal, 'trust-root.json']);

  it('lets a RAM user or role of the account assume the role (exit 0)', async () => {
    expect(await assume('acs:ram::1234567890123456:user/alice')).toEqual({ code: 0, stdout: 'sts:AssumeRole on *: allowed\n  Allow  trust-root.json:1:29  Statement[0]\n', stderr: '' });
    expect((await assume('acs:ram::1234567890123456:role/ci')).code).toBe(0);
  });

  it("not the account's identity providers, nor the account itself (exit 1)", async () => {
    for (const principal of ['acs:ram::1234567890123456:saml-provider/x', 'acs:ram::1234567890123456:oidc-provider/x', '1234567890123456', 'acs:ram::1234567890123456:root']) {
      expect([principal, await assume(principal)]).toEqual([principal, { code: 1, stdout: 'sts:AssumeRole on *: denied: no statement allows it\n', stderr: '' }]);
    }
  });
});

describe('ramlint can: a bucket policy statement for Principal "*" without a Condition spares the bucket owner', () => {
  const dir = tempTree({
    'bucket-deny.json': '{"Version":"1","Statement":[{"Effect":"Deny","Principal":["*"],"Action":["oss:*"],"Resource":["acs:oss:*:1234567890123456:examplebucket/*"]}]}\n',
    'bucket-deny-when.json': '{"Version":"1","Statement":[{"Effect":"Deny","Principal":["*"],"Action":["oss:*"],"Resource":["acs:oss:*:*:examplebucket/*"],"Condition":{"Bool":{"acs:SecureTransport":"false"}}}]}\n',
    'bucket-deny-any.json': '{"Version":"1","Statement":[{"Effect":"Deny","Principal":["*"],"Action":["oss:*"],"Resource":["acs:oss:*:*:examplebucket/*"]}]}\n',
    'owner-ram.json': '{"Version":"1","Statement":[{"Effect":"Allow","Action":"oss:*","Resource":"*"}]}\n',
  });
  const get = (resource: string, principal: string, ...files: string[]) => runIn(dir, runCan, ['-a', 'oss:GetObject', '-r', resource, '--principal', principal, ...files]);
  const object = 'acs:oss:*:1234567890123456:examplebucket/a.txt';

  it('the owner (the account in the ARN) is not denied (exit 0); everyone else is (exit 1), its RAM users included', async () => {
    expect(await get(object, '1234567890123456', 'bucket-deny.json', 'owner-ram.json')).toEqual({ code: 0, stdout: `oss:GetObject on ${object}: allowed\n  Allow  owner-ram.json:1:29  Statement[0]\n`, stderr: '' });
    expect((await get(object, 'acs:ram::1234567890123456:root', 'bucket-deny.json', 'owner-ram.json')).code).toBe(0);
    expect(await get(object, '999', 'bucket-deny.json', 'owner-ram.json')).toEqual({ code: 1, stdout: `oss:GetObject on ${object}: denied by an explicit Deny\n  Deny   bucket-deny.json:1:29  Statement[0]\n`, stderr: '' });
    expect((await get(object, 'acs:ram::1234567890123456:user/alice', 'bucket-deny.json', 'owner-ram.json')).code).toBe(1);
  });

  it('with a Condition the statement applies to the owner too (exit 1); without an account in the ARN, whether it does is unknown (exit 3)', async () => {
    const context = ['--context', 'acs:SecureTransport=false'];
    expect((await runIn(dir, runCan, ['-a', 'oss:GetObject', '-r', object, '--principal', '1234567890123456', ...context, 'bucket-deny-when.json', 'owner-ram.json'])).code).toBe(1);
    expect(await get('acs:oss:*:*:examplebucket/a.txt', '1234567890123456', 'bucket-deny-any.json', 'owner-ram.json')).toEqual({
      code: 3,
      stdout: 'oss:GetObject on acs:oss:*:*:examplebucket/a.txt: conditional: the answer depends on (whether 1234567890123456 owns the bucket)\n  Allow  owner-ram.json:1:29  Statement[0]\n  Deny   bucket-deny-any.json:1:29  Statement[0]\n',
      stderr: '',
    });
  });
});
