/** The registry of built-in processors, which host each claims, and that none throws on any input. */
import fc from 'fast-check';
import { builtinProcessors } from '../../src/processors';
import { lintDocument, readHost } from './helpers';

const CLAIMS: ReadonlyArray<[string, string]> = [
  ['terraform/heredoc.tf', 'terraform'],
  ['terraform/policies.tf.json', 'terraform'],
  ['plan/plan.json', 'terraform-plan'],
  ['ros/template.yaml', 'ros'],
  ['ros/template.json', 'ros'],
  ['api/get-role.json', 'api-response'],
];

describe('builtinProcessors', () => {
  it('has the four built-in hosts, in a fixed order', () => {
    expect(builtinProcessors.map((p) => p.id)).toEqual(['terraform', 'terraform-plan', 'ros', 'api-response']);
  });

  it.each(CLAIMS)('%s is claimed by %s alone', (file, id) => {
    const text = readHost(file);
    const claiming = builtinProcessors.filter((p) => p.extensions.some((e) => file.endsWith(e)) && p.recognizes(text, file)).map((p) => p.id);
    expect(claiming).toEqual([id]);
  });

  it('claims no bare policy', () => {
    const policy = '{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:GetObject", "Resource": "*"}]}';
    expect(builtinProcessors.filter((p) => p.recognizes(policy, 'policy.json'))).toEqual([]);
  });

  it('never throws, and every document lints, on any input', async () => {
    const pieces = fc.constantFrom('resource "alicloud_ram_policy" "a" {', 'policy_document = ', '<<EOF\n', '<<-EOF\n', '\nEOF\n', '"{\\"a\\": 1}"', '${', '}', '{', '[', ']', '"', 'jsonencode(', ')', '\r\n', '%{', 'ROSTemplateFormatVersion: x\n', 'Resources:\n', '  P:\n    Type: ALIYUN::RAM::ManagedPolicy\n    Properties:\n      PolicyDocument: ', '!Ref ', '"PolicyDocument": ', '"format_version": "1", "planned_values": ', '\uFEFF', '\\u00', 'é😀');
    await fc.assert(
      fc.asyncProperty(fc.array(pieces, { maxLength: 30 }), fc.constantFrom('x.tf', 'x.tf.json', 'x.json', 'x.yaml'), async (parts, file) => {
        const text = parts.join('');
        for (const p of builtinProcessors) {
          const out = await p.preprocess(text, file);
          for (const note of out.notes) expect(note.offset + note.length).toBeLessThanOrEqual(text.length);
          for (const doc of out.documents) {
            for (const m of lintDocument(text, doc)) {
              expect(m.ruleId).not.toBe('internal-error');
              expect(m.endOffset).toBeLessThanOrEqual(text.length);
            }
          }
        }
      }),
      { seed: 7, numRuns: 150 },
    );
  });
});
