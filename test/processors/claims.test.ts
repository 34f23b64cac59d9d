/**
 * Which processor claims a file is decided by its structure, not its words:
 * a RAM policy whose condition values or keys say "format_version",
 * "planned_values", "resource_changes", "ROSTemplateFormatVersion" or
 * "PolicyDocument" is still a policy, never a host file yielding nothing.
 */
import { builtinProcessors, claimFile } from '../../src/processors';
import { apiResponseProcessor } from '../../src/processors/api-response';
import { rosProcessor } from '../../src/processors/ros';
import { terraformPlanProcessor } from '../../src/processors/terraform-plan';
import { adminWith, DISGUISED, readHost } from './helpers';

describe('a policy that mentions a host format is claimed by no processor', () => {
  it.each(DISGUISED)('looking like %s', (_what, text) => {
    for (const p of builtinProcessors) expect([p.id, p.recognizes(text, 'admin.json')]).toEqual([p.id, false]);
    expect(claimFile(builtinProcessors, text, 'admin.json')).toBeUndefined();
  });

  it('even behind a byte-order mark, with a misspelt "Statement", or with the host keys spelt with \\u escapes', () => {
    expect(claimFile(builtinProcessors, `\uFEFF${adminWith(['format_version', 'planned_values'])}`, 'a.json')).toBeUndefined();
    const misspelt = '{"Version":"1","Statment":[{"Effect":"Allow","Action":"*","Resource":"*"}],"x":{"ROSTemplateFormatVersion":"2015-09-01"}}';
    expect(claimFile(builtinProcessors, misspelt, 'a.json')).toBeUndefined();
    const escaped = '{"Version":"1","St\\u0061tement":[{"Effect":"Allow","Action":"*","Resource":"*"}],"format_version":"1.2","planned_values":{}}';
    expect(claimFile(builtinProcessors, escaped, 'a.json')).toBeUndefined();
    // And a real plan that spells its keys with escapes is still a plan.
    expect(terraformPlanProcessor.recognizes('{"format\\u005fversion":"1.2","planned\\u005fvalues":{}}', 'plan.json')).toBe(true);
  });

  it('a policy that also has a host\'s top-level keys is a policy, whoever would claim it', () => {
    const both = '{"format_version":"1.2","planned_values":{},"ROSTemplateFormatVersion":"2015-09-01","Version":"1","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}';
    // The .json processors turn it away themselves (it is linted as a bare policy); Terraform, which
    // claims every .tf.json by name, is overruled.
    for (const p of builtinProcessors) expect([p.id, p.recognizes(both, 'a.json')]).toEqual([p.id, false]);
    expect(claimFile(builtinProcessors, both, 'a.json')).toBeUndefined();
    expect(claimFile(builtinProcessors, both, 'a.tf.json')).toBe('policy');
    expect(claimFile(builtinProcessors, both, 'a.yaml')).toBeUndefined();
  });

  it('a broken policy with a host\'s words is left to the engine, which reports the syntax error', () => {
    const broken = '{"Version":"1" "Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"k":["format_version","planned_values"]}}}]}';
    expect(claimFile(builtinProcessors, broken, 'a.json')).toBeUndefined();
  });
});

describe('host files are still claimed by their structure', () => {
  it('a plan needs format_version and planned_values or resource_changes at the top level', () => {
    expect(terraformPlanProcessor.recognizes(readHost('plan/plan.json'), 'plan.json')).toBe(true);
    expect(terraformPlanProcessor.recognizes('{"format_version":"1.2","resource_changes":[]}', 'plan.json')).toBe(true);
    expect(terraformPlanProcessor.recognizes('{"format_version":"1.2","values":{"planned_values":{},"resource_changes":[]}}', 'state.json')).toBe(false);
    expect(terraformPlanProcessor.recognizes('{"x":{"format_version":"1.2","planned_values":{}}}', 'p.json')).toBe(false);
    expect(terraformPlanProcessor.recognizes('["format_version", "planned_values"]', 'p.json')).toBe(false);
    // Broken: still the plan's, which reports it as an invalid host file.
    expect(terraformPlanProcessor.recognizes('{"format_version": "1.2", "planned_values": {', 'plan.json')).toBe(true);
  });

  it('a JSON ROS template needs ROSTemplateFormatVersion at the top level; YAML templates are read as before', () => {
    expect(rosProcessor.recognizes(readHost('ros/template.json'), 't.json')).toBe(true);
    expect(rosProcessor.recognizes(readHost('ros/template.yaml'), 't.yaml')).toBe(true);
    expect(rosProcessor.recognizes(`\uFEFF${readHost('ros/template.yaml')}`, 't.yml')).toBe(true);
    expect(rosProcessor.recognizes('{ROSTemplateFormatVersion: "2015-09-01", Resources: {}}', 't.yaml')).toBe(true);
    expect(rosProcessor.recognizes('{"Metadata":{"ROSTemplateFormatVersion":"2015-09-01"}}', 't.json')).toBe(false);
    expect(rosProcessor.recognizes('{"Description":"ROSTemplateFormatVersion: x"}', 't.json')).toBe(false);
  });

  it('an API response needs a document field as a key, and is no plan or template', () => {
    for (const file of ['api/get-role.json', 'api/get-policy.json', 'api/get-policy-version.json', 'api/list-policy-versions.json']) {
      expect([file, apiResponseProcessor.recognizes(readHost(file), file)]).toEqual([file, true]);
    }
    expect(apiResponseProcessor.recognizes('{"RequestId":"x","Note":"\\"PolicyDocument\\": 1"}', 'r.json')).toBe(false);
    expect(apiResponseProcessor.recognizes('{"RequestId":"x","Names":["PolicyDocument"]}', 'r.json')).toBe(false);
    expect(apiResponseProcessor.recognizes('{"format_version":"1","x":{"PolicyDocument":"{}"}}', 'r.json')).toBe(false);
  });

  it('.tf and .tf.json files are Terraform\'s, as before', () => {
    expect((claimFile(builtinProcessors, readHost('terraform/heredoc.tf'), 'main.tf') as { id: string }).id).toBe('terraform');
    expect((claimFile(builtinProcessors, readHost('terraform/policies.tf.json'), 'x.tf.json') as { id: string }).id).toBe('terraform');
    expect((claimFile(builtinProcessors, '', 'empty.tf') as { id: string }).id).toBe('terraform');
  });
});

describe('big inputs do not overflow the stack', () => {
  it('a JSON policy of 150k lines in a YAML block scalar is read, not reported as an invalid template', async () => {
    const lines = ['{', '  "Version": "1",', '  "Statement": [{', '    "Effect": "Allow",', '    "Action": "oss:GetObject",', '    "Resource": ['];
    for (let i = 0; i < 150_000; i++) lines.push(`      "acs:oss:*:*:bucket/k${i}",`);
    lines.push('      "acs:oss:*:*:bucket/last"', '    ]', '  }]', '}');
    const template = [
      "ROSTemplateFormatVersion: '2015-09-01'",
      'Resources:',
      '  Big:',
      '    Type: ALIYUN::RAM::ManagedPolicy',
      '    Properties:',
      '      PolicyName: big',
      '      PolicyDocument: |',
      ...lines.map((l) => `        ${l}`),
      '',
    ].join('\n');
    const out = await rosProcessor.preprocess(template, 'big.yaml');
    expect(out.notes).toEqual([]);
    expect(out.documents.map((d) => d.label)).toEqual(['Resources.Big.Properties.PolicyDocument']);
    const doc = out.documents[0];
    expect(doc?.text.startsWith('{\n  "Version": "1",\n')).toBe(true);
    expect(JSON.parse(doc?.text ?? '').Statement[0].Resource).toHaveLength(150_001);
  });
});
