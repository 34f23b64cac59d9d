/**
 * Plan JSON and API responses: policies in escaped JSON strings, findings at
 * the escaped text in the host file, fixes re-escaped.
 */
import { applyEdits } from '../../src/engine/edits';
import { apiResponseProcessor } from '../../src/processors/api-response';
import { terraformPlanProcessor } from '../../src/processors/terraform-plan';
import type { Processor } from '../../src/processors/types';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readHost, runHost, where } from './helpers';

async function run(processor: Processor, file: string) {
  const text = readHost(file);
  const r = await runHost(processor, text, file);
  return { ...r, lines: [...r.messages].sort((a, b) => a.offset - b.offset).map((m) => `${m.document ?? ''} ${where(text, m)}`) };
}

describe('terraform-plan processor', () => {
  it('recognises a plan by format_version and planned_values or resource_changes', () => {
    expect(terraformPlanProcessor.recognizes(readHost('plan/plan.json'), 'plan.json')).toBe(true);
    expect(terraformPlanProcessor.recognizes('{"Version": "1", "Statement": []}', 'p.json')).toBe(false);
    expect(terraformPlanProcessor.recognizes('{"format_version": "1.0", "values": {}}', 'state.json')).toBe(false);
  });

  it('lints each address once, root and child modules, and notes a value known only after apply', async () => {
    const r = await run(terraformPlanProcessor, 'plan/plan.json');
    // alicloud_ram_policy.etl is in planned_values and resource_changes: one document.
    expect(r.output.documents.map((d) => [d.label, d.kind])).toEqual([
      ['alicloud_ram_policy.etl.policy_document', 'permission'],
      ['module.logs.alicloud_oss_bucket_policy.this.policy', 'bucket'],
    ]);
    expect(r.lines).toEqual([
      'alicloud_ram_policy.etl.policy_document passrole-missing-service-condition 14:100-14:116 \\"ram:PassRole\\"',
      'alicloud_ram_policy.etl.policy_document passrole-wildcard-resource 14:130-14:135 \\"*\\"',
      'module.logs.alicloud_oss_bucket_policy.this.policy trust-wildcard-principal 36:130-36:135 \\"*\\"',
      'alicloud_ram_role.later.assume_role_policy_document unresolved-value 67:59-67:63 true',
    ]);
    const note = r.messages.find((m) => m.ruleId === 'unresolved-value');
    expect(note?.severity).toBe('info');
    expect(note?.category).toBe('correctness');
  });

  it('reads the endpoints\' policy_document in a plan as an endpoint policy', async () => {
    const r = await run(terraformPlanProcessor, 'plan/endpoints-plan.json');
    expect(r.output.documents.map((d) => [d.label, d.kind])).toEqual([
      ['alicloud_vpc_gateway_endpoint.oss.policy_document', 'endpoint'],
      ['alicloud_privatelink_vpc_endpoint.oss.policy_document', 'endpoint'],
    ]);
    expect(r.lines).toEqual([
      'alicloud_vpc_gateway_endpoint.oss.policy_document admin-access 14:101-14:106 \\"*\\"',
      'alicloud_privatelink_vpc_endpoint.oss.policy_document admin-access 24:101-24:106 \\"*\\"',
    ]);
    expect(r.messages.map((m) => [m.messageId, m.severity])).toEqual([
      ['endpointStar', 'warning'],
      ['endpointStar', 'warning'],
    ]);
  });

  it('escapes a suggestion for the JSON string it lands in', async () => {
    const r = await run(terraformPlanProcessor, 'plan/plan.json');
    const wildcard = r.messages.find((m) => m.ruleId === 'passrole-wildcard-resource');
    const edits = wildcard?.suggestions?.[0]?.edits ?? [];
    expect(edits).toEqual([{ offset: wildcard?.offset, length: 5, text: '\\"acs:ram::<account-id>:role/<role-name>\\"' }]);
    const changed = applyEdits(r.text, edits);
    expect(JSON.parse(changed).planned_values.root_module.resources[0].values.policy_document).toContain('"Resource":"acs:ram::<account-id>:role/<role-name>"');
  });

  it('reports a plan that is not JSON', async () => {
    const out = await terraformPlanProcessor.preprocess('{"format_version": "1.2", "planned_values": {', 'plan.json');
    expect(out.documents).toEqual([]);
    expect(out.notes.map((n) => [n.ruleId, n.severity])).toEqual([['invalid-host-file', 'error']]);
  });
});

describe('api-response processor', () => {
  it('recognises envelopes, not bare policies or other hosts', () => {
    expect(apiResponseProcessor.recognizes(readHost('api/get-role.json'), 'r.json')).toBe(true);
    expect(apiResponseProcessor.recognizes('{"Version": "1", "Statement": []}', 'p.json')).toBe(false);
    expect(apiResponseProcessor.recognizes(readHost('ros/template.json'), 't.json')).toBe(false);
  });

  it('GetPolicyVersion: the PolicyDocument string, positions inside the escapes', async () => {
    const r = await run(apiResponseProcessor, 'api/get-policy-version.json');
    expect(r.output.documents.map((d) => d.label)).toEqual(['PolicyVersion.PolicyDocument']);
    expect(r.lines).toEqual(['PolicyVersion.PolicyDocument admin-access 7:70-7:75 \\"*\\"']);
  });

  it('GetRole: AssumeRolePolicyDocument is a trust policy', async () => {
    const r = await run(apiResponseProcessor, 'api/get-role.json');
    expect(r.output.documents.map((d) => [d.label, d.kind])).toEqual([['Role.AssumeRolePolicyDocument', 'trust']]);
    expect(r.lines).toEqual(['Role.AssumeRolePolicyDocument trust-wildcard-principal 7:136-7:141 \\"*\\"']);
  });

  it('ListPolicyVersions: every version, labelled by its place in the list', async () => {
    const r = await run(apiResponseProcessor, 'api/list-policy-versions.json');
    expect(r.output.documents.map((d) => d.label)).toEqual(['PolicyVersions.PolicyVersion[0].PolicyDocument', 'PolicyVersions.PolicyVersion[1].PolicyDocument']);
    expect(r.lines).toEqual(['PolicyVersions.PolicyVersion[1].PolicyDocument invalid-version 13:141-13:146 \\"2\\"']);
  });

  it('GetPolicy: DefaultPolicyVersion.PolicyDocument, labelled by its path', async () => {
    const text = readHost('api/get-policy.json');
    expect(apiResponseProcessor.recognizes(text, 'get-policy.json')).toBe(true);
    const r = await run(apiResponseProcessor, 'api/get-policy.json');
    expect(r.output.documents.map((d) => d.label)).toEqual(['DefaultPolicyVersion.PolicyDocument']);
    expect(r.lines).toEqual(['DefaultPolicyVersion.PolicyDocument undocumented-sid 14:137-14:144 \\"Sid\\"']);
  });

  it('never throws on broken input', async () => {
    for (const text of ['', '{', '{"PolicyDocument": "{\\u12"}', '{"PolicyDocument": "{\\"a\\": \\"\\ud800\\"}"}', '['.repeat(10000), `{"PolicyDocument": ${'['.repeat(50)}`]) {
      const out = await apiResponseProcessor.preprocess(text, 'r.json');
      expect(Array.isArray(out.notes)).toBe(true);
    }
  });
});

describe('terraform-plan processor: deprecated aliases', () => {
  const fixture = (name: string) => fs.readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');

  it('reads the primary attribute once, the alias only where the primary has no value, and notes an unknown policy once', async () => {
    const text = fixture('plan-aliases.json');
    const r = await runHost(terraformPlanProcessor, text, 'plan.json');
    expect(r.output.documents.map((d) => [d.label, d.kind])).toEqual([
      ['alicloud_ram_role.old.assume_role_policy_document', 'trust'],
      ['alicloud_ram_role.new.assume_role_policy_document', 'trust'],
      ['alicloud_ram_policy.legacy.document', 'permission'],
    ]);
    expect([...r.messages].sort((a, b) => a.offset - b.offset).map((m) => `${m.document ?? ''} ${where(text, m)}`)).toEqual([
      // An existing role: Read set both attributes to one string; the alias is not linted again.
      'alicloud_ram_role.old.assume_role_policy_document trust-wildcard-principal 13:137-13:142 \\"*\\"',
      // A create: the unset alias is in after_unknown, and draws no note.
      'alicloud_ram_role.new.assume_role_policy_document trust-wildcard-principal 42:144-42:149 \\"*\\"',
      // Only the alias is written: it is the policy, and the unknown primary draws no note.
      'alicloud_ram_policy.legacy.document admin-access 53:61-53:66 \\"*\\"',
      'alicloud_ram_role.later.assume_role_policy_document unresolved-value 65:59-65:63 true',
    ]);
  });
});
