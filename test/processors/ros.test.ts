/** ROS templates in YAML (short tags, block scalars) and JSON. */
import { applyEdits } from '../../src/engine/edits';
import { rosProcessor } from '../../src/processors/ros';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from 'yaml';
import { readHost, runHost, where } from './helpers';

async function run(file: string) {
  const text = readHost(file);
  const r = await runHost(rosProcessor, text, file);
  return { ...r, lines: [...r.messages].sort((a, b) => a.offset - b.offset).map((m) => `${m.document ?? ''} ${where(text, m)}`) };
}

describe('ros processor', () => {
  it('recognises templates by ROSTemplateFormatVersion', () => {
    expect(rosProcessor.recognizes(readHost('ros/template.yaml'), 't.yaml')).toBe(true);
    expect(rosProcessor.recognizes(readHost('ros/template.json'), 't.json')).toBe(true);
    expect(rosProcessor.recognizes('AWSTemplateFormatVersion: "2010-09-09"', 't.yaml')).toBe(false);
  });

  it('YAML: policies of ManagedPolicy, Role (trust and inline) and OSS Bucket, at exact positions', async () => {
    const r = await run('ros/template.yaml');
    expect(r.output.documents.map((d) => [d.label, d.kind])).toEqual([
      ['Resources.EtlPolicy.Properties.PolicyDocument', 'permission'],
      ['Resources.OpsRole.Properties.AssumeRolePolicyDocument', 'trust'],
      ['Resources.OpsRole.Properties.Policies[0].PolicyDocument', 'permission'],
      ['Resources.LogsBucket.Properties.Policy', 'bucket'],
    ]);
    expect(r.lines).toEqual([
      'Resources.EtlPolicy.Properties.PolicyDocument passrole-missing-service-condition 14:21-14:33 ram:PassRole',
      "Resources.EtlPolicy.Properties.PolicyDocument passrole-wildcard-resource 15:23-15:26 '*'",
      "Resources.OpsRole.Properties.Policies[0].PolicyDocument admin-access 37:25-37:28 '*'",
      // A statement whose Effect is invalid is reported once, not by every rule.
      'Resources.LogsBucket.Properties.Policy invalid-effect 47:24-47:31 "allow"',
    ]);
  });

  it('YAML: a gateway endpoint\'s PolicyDocument is an endpoint policy, at exact positions in its | block', async () => {
    const r = await run('ros/gateway-endpoint.yaml');
    expect(r.output.documents.map((d) => [d.label, d.kind])).toEqual([['Resources.OssEndpoint.Properties.PolicyDocument', 'endpoint']]);
    expect(r.lines).toEqual(['Resources.OssEndpoint.Properties.PolicyDocument admin-access 15:73-15:76 "*"']);
    expect(r.messages.map((m) => [m.messageId, m.severity, m.path])).toEqual([['endpointStar', 'warning', 'Statement[0].Action']]);
  });

  it('YAML: short tags are unknown values; !Sub keeps its string with its ${} placeholders', async () => {
    const r = await run('ros/template.yaml');
    const [etl, trust] = r.output.documents;
    expect(JSON.parse(etl?.text ?? '').Statement[1].Resource).toBe('acs:oss:*:*:${BucketName}/*');
    expect(JSON.parse(trust?.text ?? '').Statement[0].Principal.RAM).toEqual(['${!Join}']);
    // The !Join principal is one unknown account, not "anyone".
    expect(r.byDocument.get('Resources.OpsRole.Properties.AssumeRolePolicyDocument')).toEqual([]);
  });

  it('YAML: a fix inside JSON in a | block scalar is applied exactly', async () => {
    const r = await run('ros/template.yaml');
    const effect = r.byDocument.get('Resources.LogsBucket.Properties.Policy')?.find((m) => m.ruleId === 'invalid-effect');
    const fixed = applyEdits(r.text, effect?.fix ?? []);
    expect(fixed).toBe(r.text.replace('{"Effect": "allow"', '{"Effect": "Allow"'));
  });

  it('YAML: a fix in a YAML map is offered as a suggestion', async () => {
    const text = 'ROSTemplateFormatVersion: "2015-09-01"\nResources:\n  P:\n    Type: ALIYUN::RAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Version: "1"\n        Statement:\n          - Effect: allow\n            Action: ecs:DescribeInstances\n            Resource: "*"\n';
    const r = await runHost(rosProcessor, text, 't.yaml');
    expect(r.messages.map((m) => where(text, m))).toEqual(['invalid-effect 9:21-9:26 allow']);
    expect(r.messages[0]?.fix).toBeUndefined();
    expect(r.messages[0]?.suggestions?.[0]?.edits).toEqual([]);
  });

  it('JSON: Fn::Join and Ref are unknown values, other findings at their JSON tokens', async () => {
    const r = await run('ros/template.json');
    expect(r.output.documents.map((d) => [d.label, d.kind])).toEqual([
      ['Resources.Admin.Properties.Policies[0].PolicyDocument', 'permission'],
      ['Resources.Reader.Properties.PolicyDocument', 'permission'],
    ]);
    expect(JSON.parse(r.output.documents[0]?.text ?? '').Statement[0].Resource).toBe('${Fn::Join}');
    expect(r.lines).toEqual([
      // The inline policy is a custom policy ROS attaches to the user (policy-attached-to-user, at its name).
      'Resources.Admin policy-attached-to-user 10:27-10:32 "all"',
      'Resources.Admin.Properties.Policies[0].PolicyDocument passrole-missing-service-condition 14:48-14:55 "ram:*"',
      'Resources.Reader.Properties.PolicyDocument invalid-effect 28:37-28:44 "allow"',
    ]);
  });

  it('JSON: a policy with no function inside is its own text, so its fix is applied exactly', async () => {
    const r = await run('ros/template.json');
    const effect = r.messages.find((m) => m.ruleId === 'invalid-effect');
    expect(effect?.fix).toEqual([{ offset: effect?.offset, length: 7, text: '"Allow"' }]);
    // The policy with Fn::Join is generated JSON: its suggestions are made by hand.
    const admin = r.messages.find((m) => m.document === 'Resources.Admin.Properties.Policies[0].PolicyDocument');
    expect(admin?.suggestions?.[0]?.edits).toEqual([]);
  });

  it('YAML: aliases are the values of their anchors, as a YAML loader (and ROS) reads them, and are linted at the anchor', async () => {
    const text = [
      "ROSTemplateFormatVersion: '2015-09-01'",
      'Metadata:',
      '  star: &star "*"',
      '  doc: &doc',
      "    Version: '1'",
      '    Statement:',
      '      - Effect: Allow',
      '        Action: ram:*',
      '        Resource: *star',
      'Resources:',
      '  P:',
      '    Type: ALIYUN::RAM::ManagedPolicy',
      '    Properties:',
      '      PolicyName: p',
      '      PolicyDocument:',
      "        Version: '1'",
      '        Statement:',
      '          - Effect: Allow',
      '            Action: *star',
      '            Resource: *star',
      '  Q:',
      '    Type: ALIYUN::RAM::ManagedPolicy',
      '    Properties:',
      '      PolicyName: q',
      '      PolicyDocument: *doc',
      '',
    ].join('\n');
    const r = await runHost(rosProcessor, text, 'aliases.yaml');
    expect(r.output.documents.map((d) => d.label)).toEqual(['Resources.P.Properties.PolicyDocument', 'Resources.Q.Properties.PolicyDocument']);
    const lines = [...r.messages].sort((a, b) => a.offset - b.offset || (a.document ?? '').localeCompare(b.document ?? '')).map((m) => `${m.document ?? ''} ${where(text, m)}`);
    expect(lines).toEqual([
      // Both "*" come from the anchor &star: there is the text the finding is about.
      'Resources.P.Properties.PolicyDocument admin-access 3:15-3:18 "*"',
      'Resources.Q.Properties.PolicyDocument passrole-wildcard-resource 3:15-3:18 "*"',
      'Resources.Q.Properties.PolicyDocument ram-privilege-escalation 3:15-3:18 "*"',
      // The whole document is the alias *doc: its findings are at the anchored map's own text.
      'Resources.Q.Properties.PolicyDocument passrole-missing-service-condition 8:17-8:22 ram:*',
    ]);
  });

  it('YAML: aliases of aliases (a billion laughs) stop at a bound and never hang', async () => {
    const levels = ['  l0: &l0 ["*","*","*","*","*","*","*","*","*"]'];
    for (let i = 1; i < 9; i++) levels.push(`  l${i}: &l${i} [${Array.from({ length: 9 }, () => `*l${i - 1}`).join(',')}]`);
    const text = ["ROSTemplateFormatVersion: '2015-09-01'", 'Metadata:', ...levels, 'Resources:', '  P:', '    Type: ALIYUN::RAM::ManagedPolicy', '    Properties:', '      PolicyDocument:', "        Version: '1'", '        Statement:', '          - Effect: Allow', '            Action: *l8', '            Resource: "*"', ''].join('\n');
    const r = await runHost(rosProcessor, text, 'laughs.yaml');
    expect(r.output.documents).toHaveLength(1);
    // 9^9 entries expanded would be 387 million; the document holds the bounded part and stays small.
    expect(r.output.documents[0]!.text.length).toBeLessThan(2_000_000);
  });

  it('notes a policy that is an intrinsic function as a whole', async () => {
    const text = 'ROSTemplateFormatVersion: "2015-09-01"\nResources:\n  P:\n    Type: ALIYUN::RAM::ManagedPolicy\n    Properties:\n      PolicyDocument: !Ref PolicyParameter\n';
    const r = await runHost(rosProcessor, text, 't.yaml');
    expect(r.messages.map((m) => `${m.document} ${where(text, m)}`)).toEqual(['Resources.P.Properties.PolicyDocument unresolved-value 6:23-6:43 !Ref PolicyParameter']);
  });

  it('reports a template that is not YAML, and never throws', async () => {
    const out = await rosProcessor.preprocess('ROSTemplateFormatVersion: "2015-09-01"\nResources: [\n', 't.yaml');
    expect(out.notes.map((n) => n.ruleId)).toEqual(['invalid-host-file']);
    for (const text of ['', 'ROSTemplateFormatVersion: x\nResources:\n  A: &a [*a]', 'ROSTemplateFormatVersion: x\nResources:\n  A:\n    Type: ALIYUN::RAM::Role\n    Properties:\n      Policies: 3', `ROSTemplateFormatVersion: x\nResources:\n  A:\n    Type: ALIYUN::OSS::Bucket\n    Properties:\n      Policy: ${'['.repeat(200)}`]) {
      await expect(rosProcessor.preprocess(text, 't.yaml')).resolves.toBeDefined();
    }
  });

  describe('a policy written as an escaped JSON string', () => {
    const fixture = (name: string) => fs.readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');
    const runFixture = async (name: string) => {
      const text = fixture(name);
      const r = await runHost(rosProcessor, text, name);
      return { ...r, lines: [...r.messages].sort((a, b) => a.offset - b.offset).map((m) => `${m.document ?? ''} ${where(text, m)}`) };
    };

    it('JSON: findings land on the escaped tokens, not the whole string', async () => {
      const r = await runFixture('ros-escaped.json');
      expect(r.output.documents.map((d) => [d.label, d.kind])).toEqual([
        ['Resources.OssEndpoint.Properties.PolicyDocument', 'endpoint'],
        ['Resources.Deployer.Properties.PolicyDocument', 'permission'],
      ]);
      expect(r.lines).toEqual([
        'Resources.OssEndpoint.Properties.PolicyDocument admin-access 9:115-9:120 \\"*\\"',
        'Resources.Deployer.Properties.PolicyDocument passrole-missing-service-condition 16:95-16:111 \\"ram:PassRole\\"',
        'Resources.Deployer.Properties.PolicyDocument passrole-wildcard-resource 16:125-16:130 \\"*\\"',
      ]);
    });

    it('JSON: a suggestion is escaped for the string it lands in', async () => {
      const r = await runFixture('ros-escaped.json');
      const wildcard = r.messages.find((m) => m.ruleId === 'passrole-wildcard-resource');
      const edits = wildcard?.suggestions?.[0]?.edits ?? [];
      expect(edits).toEqual([{ offset: wildcard?.offset, length: 5, text: '\\"acs:ram::<account-id>:role/<role-name>\\"' }]);
      const changed = JSON.parse(applyEdits(r.text, edits));
      expect(JSON.parse(changed.Resources.Deployer.Properties.PolicyDocument).Statement[0].Resource).toBe('acs:ram::<account-id>:role/<role-name>');
    });

    it('YAML: "…" and \'…\' strings are mapped through their escapes; YAML-only escapes and folded lines are mapped as a whole', async () => {
      const r = await runFixture('ros-escaped.yaml');
      expect(r.lines).toEqual([
        'Resources.Double.Properties.PolicyDocument passrole-missing-service-condition 7:97-7:113 \\"ram:PassRole\\"',
        'Resources.Double.Properties.PolicyDocument passrole-wildcard-resource 7:129-7:134 \\"*\\"',
        'Resources.Single.Properties.PolicyDocument undocumented-sid 12:56-12:61 "Sid"',
        'Resources.Single.Properties.PolicyDocument invalid-effect 12:82-12:89 "allow"',
        // \x41 is YAML's escape, not JSON's: the decoded text would differ from the value YAML reads.
        `Resources.YamlEscape.Properties.PolicyDocument admin-access 17:23-17:130 ${r.text.split('\n')[16]!.slice(22)}`,
        // A double-quoted scalar over two lines folds its line break into a space.
        `Resources.Folded.Properties.PolicyDocument admin-access 22:23-23:51 ${r.text.split('\n').slice(21, 23).join('\n').slice(22)}`,
      ]);
    });

    it('YAML: a fix inside a \'…\' string is applied with its quotes doubled', async () => {
      const r = await runFixture('ros-escaped.yaml');
      const effect = r.messages.find((m) => m.ruleId === 'invalid-effect');
      expect(effect?.fix).toEqual([{ offset: effect?.offset, length: 7, text: '"Allow"' }]);
      const fixed = parseDocument(applyEdits(r.text, effect?.fix ?? [])).toJS();
      expect(JSON.parse(fixed.Resources.Single.Properties.PolicyDocument).Statement[0]).toEqual({ Sid: "it's", Effect: 'Allow', Action: 'ecs:DescribeInstances', Resource: '*' });
    });
  });
});
