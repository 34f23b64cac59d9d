/**
 * Terraform JSON syntax (.tf.json): deprecated aliases and the
 * alicloud_ram_policy_document data source, findings at their JSON nodes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { terraformProcessor } from '../../src/processors/terraform';
import { readHost, runHost, where } from './helpers';

async function run(text: string) {
  const r = await runHost(terraformProcessor, text, 'main.tf.json');
  return { ...r, lines: [...r.messages].sort((a, b) => a.offset - b.offset).map((m) => `${m.document ?? ''} ${where(text, m)}`) };
}

describe('.tf.json deprecated aliases', () => {
  it('reads document only where assume_role_policy_document is absent or null', async () => {
    const text = `{"resource": {"alicloud_ram_role": {
  "both": {
    "assume_role_policy_document": "{\\"Version\\": \\"1\\", \\"Statement\\": [{\\"Effect\\": \\"Allow\\", \\"Action\\": \\"sts:AssumeRole\\", \\"Principal\\": {\\"RAM\\": \\"*\\"}}]}",
    "document": "{\\"Version\\": \\"1\\", \\"Statement\\": [{\\"Effect\\": \\"Allow\\", \\"Action\\": \\"sts:AssumeRole\\", \\"Principal\\": {\\"RAM\\": \\"*\\"}}]}"
  },
  "legacy": {
    "assume_role_policy_document": null,
    "document": "{\\"Version\\": \\"1\\", \\"Statement\\": [{\\"Effect\\": \\"Allow\\", \\"Action\\": \\"sts:AssumeRole\\", \\"Principal\\": {\\"RAM\\": \\"*\\"}}]}"
  }
}}}
`;
    const r = await run(text);
    expect(r.output.documents.map((d) => [d.label, d.kind])).toEqual([
      ['alicloud_ram_role.both.assume_role_policy_document', 'trust'],
      ['alicloud_ram_role.legacy.document', 'trust'],
    ]);
    expect(r.lines).toEqual([
      'alicloud_ram_role.both.assume_role_policy_document trust-wildcard-principal 3:155-3:160 \\"*\\"',
      'alicloud_ram_role.legacy.document trust-wildcard-principal 8:136-8:141 \\"*\\"',
    ]);
  });
});

describe('.tf.json alicloud_ram_policy_document data source', () => {
  const fixture = (name: string) => fs.readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');

  it('is linted at the data source, with the kind of the attribute that uses it', async () => {
    const text = `{"data":{"alicloud_ram_policy_document":{"admin":{"statement":[{"effect":"Allow","action":["*"],"resource":["*"]}]}}},
 "resource":{"alicloud_ram_policy":{"p":{"policy_document":"\${data.alicloud_ram_policy_document.admin.document}"}}}}
`;
    const r = await run(text);
    expect(r.output.documents.map((d) => [d.label, d.kind, d.text])).toEqual([
      ['data.alicloud_ram_policy_document.admin', 'permission', '{"Version":"1","Statement":[{"Effect":"Allow","Action":["*"],"Resource":["*"]}]}'],
    ]);
    expect(r.lines).toEqual(['data.alicloud_ram_policy_document.admin admin-access 1:92-1:95 "*"']);
  });

  it('renders Version, Effect, Principal and Condition as the provider does, merging repeated principals and conditions', async () => {
    const r = await run(fixture('data-source.tf.json'));
    expect(r.output.documents.map((d) => [d.label, d.kind])).toEqual([
      ['data.alicloud_ram_policy_document.pass', 'permission'],
      ['data.alicloud_ram_policy_document.trust', 'trust'],
      // Used by no attribute here: the kind is detected from the content.
      ['data.alicloud_ram_policy_document.unused', undefined],
    ]);
    expect(JSON.parse(r.output.documents[1]?.text ?? '')).toEqual({
      Version: '1',
      Statement: [
        {
          Effect: 'Allow',
          Action: ['sts:AssumeRole'],
          Principal: { Service: ['ecs.aliyuncs.com'], RAM: ['acs:ram::${var.account_id}:root', '*'] },
          Condition: { StringEquals: { 'sts:ExternalId': ['a', 'b', 'a'] }, IpAddress: { 'acs:SourceIp': ['10.0.0.0/8'] } },
        },
      ],
    });
    expect(r.lines).toEqual([
      'data.alicloud_ram_policy_document.pass passrole-wildcard-resource 10:26-10:29 "*"',
      'data.alicloud_ram_policy_document.trust trust-wildcard-principal 25:48-25:51 "*"',
      'data.alicloud_ram_policy_document.unused oss-overbroad-grant 35:59-35:74 "acs:oss:*:*:*"',
      // A data source that is not in this file is not silently passed.
      'alicloud_ram_policy.elsewhere.policy_document unresolved-value 42:69-42:123 "${data.alicloud_ram_policy_document.shared.document}"',
    ]);
    const note = r.messages.find((m) => m.ruleId === 'unresolved-value');
    expect(note?.message).toContain('data.alicloud_ram_policy_document.shared, which is not in this file');
  });

  it('builds the same JSON as the .tf reader does for the same data source', async () => {
    const tf = await runHost(terraformProcessor, readHost('terraform/data-source.tf'), 'data-source.tf');
    const json = await run(fixture('data-source.tf.json'));
    expect(json.output.documents[0]?.text).toBe(tf.output.documents.find((d) => d.label === 'data.alicloud_ram_policy_document.pass')?.text);
  });

  it('maps a whole-document range to the data source body, and each member from key to value', async () => {
    const r = await run(fixture('data-source.tf.json'));
    const doc = r.output.documents[0]!;
    expect(r.text.slice(doc.map.toHost(0, 'start'), doc.map.toHost(doc.text.length, 'end'))).toBe(r.text.slice(r.text.indexOf('{\n        "version"'), r.text.indexOf(',\n      "trust"')));
    const key = doc.text.indexOf('"Resource"');
    const valueEnd = doc.text.indexOf('["*"]') + 5;
    expect(r.text.slice(doc.map.toHost(key, 'start'), doc.map.toHost(valueEnd, 'end'))).toBe('"resource": ["*"]');
  });

  it('notes a data source written with dynamic blocks, and a reference that is no data source output', async () => {
    const text = `{"data": {"alicloud_ram_policy_document": {"d": {"dynamic": {"statement": {"for_each": "\${var.s}", "content": {}}}}}},
 "resource": {"alicloud_ram_policy": {"p": {"policy_document": "\${data.alicloud_ram_policy_document.d.id}"}}}}
`;
    const r = await run(text);
    expect(r.output.documents).toEqual([]);
    expect(r.lines).toEqual([
      'data.alicloud_ram_policy_document.d unresolved-value 1:49-1:116 {"dynamic": {"statement": {"for_each": "${var.s}", "content": {}}}}',
      'alicloud_ram_policy.p.policy_document unresolved-value 2:64-2:107 "${data.alicloud_ram_policy_document.d.id}"',
    ]);
  });
});

describe('.tf.json data source: odd shapes', () => {
  it('keeps ${…} as one unknown value, even with braces and quotes inside', async () => {
    const text = `{"data": {"alicloud_ram_policy_document": {"x": {"statement": [{"action": "\${var.actions}", "resource": ["acs:oss:*:*:\${lookup({\\"a\\" = \\"b\\"}, \\"a\\")}/*", "$\${literal}"]}]}}}}`;
    const r = await run(text);
    expect(JSON.parse(r.output.documents[0]?.text ?? '').Statement[0]).toEqual({ Effect: 'Allow', Action: '${var.actions}', Resource: ['acs:oss:*:*:${lookup(__a_ = _b__, _a_)}/*', '${literal}'] });
  });

  it('never throws on shapes Terraform would reject', async () => {
    for (const body of ['"x"', '[]', '[{"statement": 1}]', '{"statement": "s"}', '{"statement": [1, {"principal": "p", "condition": [{"values": {}}]}]}', '{"version": {}, "statement": {"action": [[[]]], "principal": [{"identifiers": "*"}, {"entity": 3}]}}']) {
      const text = `{"data": {"alicloud_ram_policy_document": {"x": ${body}}}}`;
      const out = await terraformProcessor.preprocess(text, 'x.tf.json');
      for (const doc of out.documents) expect(() => JSON.parse(doc.text)).not.toThrow();
      await expect(runHost(terraformProcessor, text, 'x.tf.json')).resolves.toBeDefined();
    }
  });
});
