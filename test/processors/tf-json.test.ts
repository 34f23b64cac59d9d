/**
 * Terraform JSON syntax (.tf.json): deprecated aliases and the
 * alicloud_ram_policy_document data source, findings at their JSON nodes.
 */
import { terraformProcessor } from '../../src/processors/terraform';
import { runHost, where } from './helpers';

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
