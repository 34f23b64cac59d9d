/**
 * Terraform .tf and .tf.json: documents found, and engine findings at exact
 * host positions (line:column-endLine:endColumn and the host text there).
 */
import { applyEdits } from '../../src/engine/edits';
import { lintText } from '../../src/engine/linter';
import { terraformProcessor } from '../../src/processors/terraform';
import { mapMessagesToHost } from '../../src/processors/map-back';
import { builtinRules } from '../../src/rules';
import { lintDocument, readHost, runHost, where } from './helpers';

async function run(file: string) {
  const text = readHost(`terraform/${file}`);
  return runHost(terraformProcessor, text, file);
}

function findings(r: Awaited<ReturnType<typeof run>>): string[] {
  return [...r.messages].sort((a, b) => a.offset - b.offset).map((m) => `${m.document ?? ''} ${where(r.text, m)}`);
}

describe('terraform processor', () => {
  it('claims .tf and .tf.json files', () => {
    expect(terraformProcessor.extensions).toEqual(['.tf', '.tf.json']);
    expect(terraformProcessor.recognizes('', 'infra/main.tf')).toBe(true);
    expect(terraformProcessor.recognizes('', 'infra/main.TF.json')).toBe(true);
    expect(terraformProcessor.recognizes('{}', 'policy.json')).toBe(false);
  });

  it('finds two heredoc policies in one file, labelled by address and attribute, with the kind the attribute states', async () => {
    const r = await run('heredoc.tf');
    expect(r.output.documents.map((d) => [d.label, d.kind])).toEqual([
      ['alicloud_ram_policy.etl.policy_document', 'permission'],
      ['alicloud_ram_role.ops.assume_role_policy_document', 'trust'],
    ]);
    expect(findings(r)).toEqual([
      'alicloud_ram_policy.etl.policy_document passrole-missing-service-condition 10:17-10:31 "ram:PassRole"',
      'alicloud_ram_policy.etl.policy_document passrole-wildcard-resource 11:19-11:54 "acs:ram::${var.account_id}:role/*"',
      // <<-EOT: the document has its indent stripped; the finding is at the indented column in the file.
      'alicloud_ram_role.ops.assume_role_policy_document trust-wildcard-principal 27:34-27:37 "*"',
    ]);
  });

  it('strips the <<- indent from the document text', async () => {
    const r = await run('heredoc.tf');
    const trust = r.output.documents[1];
    expect(trust?.text.split('\n').slice(0, 3)).toEqual(['{', '  "Version": "1",', '  "Statement": [']);
  });

  it('maps positions in a file with CRLF line ends', async () => {
    const r = await run('crlf.tf');
    expect(r.text).toContain('\r\n');
    expect(findings(r)).toEqual(['alicloud_ram_policy.crlf.policy_document admin-access 5:47-5:50 "*"']);
  });

  it('reports a JSON syntax error inside a heredoc at its line in the .tf file', async () => {
    const r = await run('broken-heredoc.tf');
    expect(findings(r)).toEqual(['alicloud_ram_policy.broken.policy_document invalid-json 6:51-6:61 "Resource"']);
  });

  it('decodes a quoted string with escapes and maps findings to the escaped text', async () => {
    const r = await run('quoted.tf');
    const doc = r.output.documents[0];
    expect(doc?.text).toContain('"Resource": "acs:ecs:*:${var.uid}:instance/é*"');
    expect(findings(r)).toEqual(['alicloud_ram_policy.quoted.policy_document oss-overbroad-grant 3:233-3:238 \\"*\\"']);
    // The suggestion's replacement is escaped for the HCL string it lands in.
    const edit = r.messages[0]?.suggestions?.[0]?.edits[0];
    expect(edit?.text).toBe('[\\"acs:oss:*:*:<bucket>\\", \\"acs:oss:*:*:<bucket>/*\\"]');
    expect(r.text.slice(edit?.offset, (edit?.offset ?? 0) + (edit?.length ?? 0))).toBe('\\"*\\"');
  });

  it('reads interpolations as unknown values: inside a string one value, for a whole value a placeholder string', async () => {
    const r = await run('interpolation.tf');
    const doc = r.output.documents.find((d) => d.label === 'alicloud_ram_policy.deploy.policy_document');
    // Quotes inside an interpolation are masked so the JSON string stays one string of the same length.
    expect(doc?.text).toContain('"Resource": "acs:ram::${var.account_id}:role/${var.roles[_deploy_]}"');
    expect(doc?.text).toContain('"Resource": "${jsonencode(var.bucket_arns)}"');
    expect(lintText(doc?.text ?? '', { rules: builtinRules, kind: doc?.kind }).messages).toEqual([]);
    // A %{ } directive: the text exists only once Terraform renders it.
    expect(findings(r)).toEqual([
      'alicloud_ram_policy.templated.policy_document unresolved-value 25:21-27:4 ' + r.text.slice(r.text.indexOf('<<EOF\n{"Version": "1", "Statement": [%{'), r.text.lastIndexOf('EOF') + 3),
    ]);
    expect(r.messages[0]?.severity).toBe('info');
  });

  it('maps a finding on an interpolated value to the ${...} in the heredoc', async () => {
    const text = readHost('terraform/interpolation.tf');
    const r = await runHost(terraformProcessor, text, 'interpolation.tf');
    const doc = r.output.documents[0];
    const at = doc?.text.indexOf('"${jsonencode(var.bucket_arns)}"') ?? -1;
    const start = doc?.map.toHost(at, 'start') ?? -1;
    const end = doc?.map.toHost(at + '"${jsonencode(var.bucket_arns)}"'.length, 'end') ?? -1;
    expect(text.slice(start, end)).toBe('${jsonencode(var.bucket_arns)}');
    expect(doc?.map.isExact(at, at + 5)).toBe(false);
  });

  it('builds JSON from jsonencode({...}) with each value at its HCL node', async () => {
    const r = await run('jsonencode.tf');
    const doc = r.output.documents[0];
    expect(doc?.label).toBe('alicloud_oss_bucket_policy.logs.policy');
    expect(doc?.kind).toBe('bucket');
    expect(doc?.encode).toBeUndefined();
    expect(JSON.parse(doc?.text ?? '')).toEqual({
      Version: '1',
      Statement: [
        { Effect: 'Allow', Action: ['oss:*'], Principal: ['*'], Resource: ['acs:oss:*:*:*'] },
        { Effect: 'Allow', Action: ['oss:PutObject', 'oss:PutObject'], Principal: ['${var.writer_uid}'], Resource: ['acs:oss:*:*:${var.bucket}/*'] },
      ],
    });
    expect(findings(r)).toEqual([
      'alicloud_oss_bucket_policy.logs.policy trust-wildcard-principal 9:22-9:25 "*"',
      'alicloud_oss_bucket_policy.logs.policy duplicate-list-entry 14:39-14:54 "oss:PutObject"',
    ]);
    // Its safe fix cannot be written into HCL: it is offered by hand instead.
    const duplicate = r.messages.find((m) => m.ruleId === 'duplicate-list-entry');
    expect(duplicate?.fix).toBeUndefined();
    expect(duplicate?.suggestions?.[0]?.edits).toEqual([]);
    // A member's range, key to value, is the HCL attribute: `Resource  = ["acs:oss:*:*:*"]`.
    const text = r.text;
    const key = doc?.text.indexOf('"Resource"') ?? -1;
    const valueEnd = (doc?.text.indexOf('"acs:oss:*:*:*"]') ?? -1) + '"acs:oss:*:*:*"]'.length;
    expect(text.slice(doc?.map.toHost(key, 'start'), doc?.map.toHost(valueEnd, 'end'))).toBe('Resource  = ["acs:oss:*:*:*"]');
  });

  it('turns the policy-document data source into documents positioned on its HCL attributes', async () => {
    const r = await run('data-source.tf');
    expect(r.output.documents.map((d) => d.label)).toEqual(['data.alicloud_ram_policy_document.pass', 'data.alicloud_ram_policy_document.trust']);
    expect(JSON.parse(r.output.documents[0]?.text ?? '')).toEqual({
      Version: '1',
      Statement: [{ Effect: 'Allow', Action: ['ram:PassRole'], Resource: ['*'], Condition: { StringEquals: { 'acs:Service': ['ecs.aliyuncs.com'] } } }],
    });
    expect(findings(r)).toEqual([
      'data.alicloud_ram_policy_document.pass passrole-wildcard-resource 6:17-6:20 "*"',
      'data.alicloud_ram_policy_document.trust trust-wildcard-principal 20:22-20:25 "*"',
      // file() is left to that file and a reference to the data source is linted there; a variable is unknown.
      'alicloud_ram_policy.from_var.policy_document unresolved-value 32:21-32:31 var.policy',
    ]);
  });

  it('merges principal blocks with one entity into one key, as the provider renders them, each identifier at its own HCL value', async () => {
    const text = [
      'data "alicloud_ram_policy_document" "trust" { statement {',
      '  action = ["sts:AssumeRole"]',
      '  principal { entity = "RAM"  identifiers = ["acs:ram::111111111111:root"] }',
      '  principal { entity = "RAM"  identifiers = ["acs:ram::222222222222:root", "*"] }',
      '  principal { entity = "Service"  identifiers = ["ecs.aliyuncs.com"] } } }',
      '',
    ].join('\n');
    const r = await runHost(terraformProcessor, text, 'trust.tf');
    expect(JSON.parse(r.output.documents[0]?.text ?? '')).toEqual({
      Version: '1',
      Statement: [{ Effect: 'Allow', Action: ['sts:AssumeRole'], Principal: { RAM: ['acs:ram::111111111111:root', 'acs:ram::222222222222:root', '*'], Service: ['ecs.aliyuncs.com'] } }],
    });
    // No duplicate-key on "RAM"; the wildcard is found in the second block.
    expect(findings(r)).toEqual([
      'data.alicloud_ram_policy_document.trust trust-external-principal 3:46-3:74 "acs:ram::111111111111:root"',
      'data.alicloud_ram_policy_document.trust trust-external-principal 4:46-4:74 "acs:ram::222222222222:root"',
      'data.alicloud_ram_policy_document.trust trust-wildcard-principal 4:76-4:79 "*"',
    ]);
  });

  it('merges condition blocks with one operator and variable into one list of values, each at its own HCL value', async () => {
    const condition = (operator: string, variable: string, values: string) => `    condition {\n      operator = "${operator}"\n      variable = "${variable}"\n      values   = ${values}\n    }\n`;
    const text = `data "alicloud_ram_policy_document" "read" {\n  statement {\n    action   = ["ecs:DescribeInstances"]\n    resource = ["*"]\n${[
      condition('IpAddress', 'acs:SourceIp', '["10.0.0.0/8"]'),
      condition('IpAddress', 'acs:SourceIp', '["192.168.0.0/16", "not-an-address"]'),
      condition('Bool', 'acs:SecureTransport', '["true"]'),
      condition('Bool', 'acs:SecureTransport', '["false"]'),
    ].join('')}  }\n}\n`;
    const r = await runHost(terraformProcessor, text, 'read.tf');
    expect(JSON.parse(r.output.documents[0]?.text ?? '').Statement[0].Condition).toEqual({
      IpAddress: { 'acs:SourceIp': ['10.0.0.0/8', '192.168.0.0/16', 'not-an-address'] },
      Bool: { 'acs:SecureTransport': ['true', 'false'] },
    });
    // No duplicate-key: the bad address is found in the second block, and the merged list spans both blocks' lists.
    expect(findings(r)).toEqual([
      'data.alicloud_ram_policy_document.read condition-value-type 13:37-13:53 "not-an-address"',
      'data.alicloud_ram_policy_document.read bool-condition-multiple-values 18:18-23:27 ' + text.slice(text.indexOf('["true"]'), text.indexOf('["false"]') + '["false"]'.length),
    ]);
  });

  it('lints a local used as a policy once, where the local is written; jsonencode of a variable is unknown', async () => {
    const r = await run('locals.tf');
    expect(r.output.documents.map((d) => [d.label, d.kind])).toEqual([['local.policy_json', 'permission']]);
    expect(findings(r)).toEqual([
      'local.policy_json admin-access 3:62-3:65 "*"',
      'alicloud_ram_policy.c.policy_document unresolved-value 17:21-17:32 local.other',
      'alicloud_ram_policy.d.policy_document unresolved-value 21:21-21:43 jsonencode(var.policy)',
    ]);
    expect(r.messages.find((m) => m.document === 'alicloud_ram_policy.c.policy_document')?.message).toContain('local.other, which is var.policy');
  });

  it('reads the deprecated statement blocks of alicloud_ram_policy as its policy', async () => {
    const r = await run('statement-blocks.tf');
    expect(r.output.documents.map((d) => [d.label, d.kind])).toEqual([['alicloud_ram_policy.legacy.statement', 'permission']]);
    expect(findings(r)).toEqual(['alicloud_ram_policy.legacy.statement oss-overbroad-grant 7:17-7:32 "acs:oss:*:*:*"']);
  });

  it('notes a data source with dynamic blocks instead of linting what is left of it', async () => {
    const text = 'data "alicloud_ram_policy_document" "d" {\n  statement {\n    action = ["ram:PassRole"]\n    resource = ["*"]\n    dynamic "condition" {\n      for_each = var.services\n      content {}\n    }\n  }\n}\n';
    const r = await runHost(terraformProcessor, text, 'd.tf');
    expect(r.output.documents).toEqual([]);
    expect(r.messages.map((m) => `${m.document} ${m.ruleId} ${m.line}:${m.column}-${m.endLine}:${m.endColumn}`)).toEqual(['data.alicloud_ram_policy_document.d unresolved-value 1:1-10:2']);
  });

  it('reports unparseable HCL as invalid-host-file and still lints the intact blocks', async () => {
    const r = await run('invalid.tf');
    expect(r.output.documents.map((d) => d.label)).toEqual(['alicloud_ram_policy.fine.policy_document']);
    expect(findings(r)).toEqual(['alicloud_ram_policy.fine.policy_document admin-access 3:62-3:65 "*"', ' invalid-host-file 9:17-9:18 =']);
    expect(r.messages.find((m) => m.ruleId === 'invalid-host-file')?.severity).toBe('error');
  });

  it('applies a fix inside an indented heredoc exactly, and offers it as a suggestion inside jsonencode', async () => {
    const text = readHost('terraform/fix.tf');
    const { output } = await runHost(terraformProcessor, text, 'fix.tf');
    const [heredoc, encoded] = output.documents;
    const inHeredoc = lintDocument(text, heredoc!);
    expect(inHeredoc.map((m) => where(text, m))).toEqual(['invalid-effect 7:21-7:28 "allow"']);
    const fixed = applyEdits(text, inHeredoc[0]?.fix ?? []);
    expect(fixed).toBe(text.replace('"Effect": "allow",\n          "Action": "ecs:DescribeInstances",\n          "Resource": "acs:ecs', '"Effect": "Allow",\n          "Action": "ecs:DescribeInstances",\n          "Resource": "acs:ecs'));
    // The fixed file yields the fixed policy and no finding.
    const again = await runHost(terraformProcessor, fixed, 'fix.tf');
    expect(again.byDocument.get('alicloud_ram_policy.fixable.policy_document')).toEqual([]);

    const inEncoded = lintDocument(text, encoded!);
    expect(inEncoded.map((m) => where(text, m))).toEqual(['invalid-effect 20:18-20:25 "allow"']);
    expect(inEncoded[0]?.fix).toBeUndefined();
    expect(inEncoded[0]?.suggestions).toEqual([
      {
        desc: 'The fix cannot be applied in place in alicloud_ram_policy.encoded.policy_document (the text there is generated from HCL or YAML, or holds a ${…} value); make it by hand: replace "\\"allow\\"" with "\\"Allow\\"".',
        edits: [],
      },
    ]);
  });

  it('writes a multi-line fix into a <<- heredoc with the heredoc indent', async () => {
    const text = readHost('terraform/fix.tf');
    const { output } = await runHost(terraformProcessor, text, 'fix.tf');
    expect(output.documents[0]?.encode?.('a\nb ${x}')).toBe('a\n    b $${x}');
  });

  it('never writes a heredoc marker into the heredoc: such a fix is made by hand', async () => {
    const text = readHost('terraform/heredoc.tf');
    const { output } = await runHost(terraformProcessor, text, 'heredoc.tf');
    const doc = output.documents[0]!;
    const at = doc.text.indexOf('"Version"');
    const [m] = mapMessagesToHost(text, doc, [{ ruleId: 'r', category: 'syntax', severity: 'error', message: 'm', line: 1, column: 1, endLine: 1, endColumn: 1, path: '', offset: at, endOffset: at, fix: [{ offset: at, length: 0, text: '\nEOF\n' }] }]);
    expect(m?.fix).toBeUndefined();
    expect(m?.suggestions?.[0]?.edits).toEqual([]);
  });

  it('reads both endpoint resources\' policy_document as an endpoint policy: a warning that it lets every request through, never public or administrator access', async () => {
    const r = await run('endpoints.tf');
    expect(r.output.documents.map((d) => [d.label, d.kind])).toEqual([
      ['alicloud_privatelink_vpc_endpoint.oss.policy_document', 'endpoint'],
      ['alicloud_vpc_gateway_endpoint.oss.policy_document', 'endpoint'],
      ['alicloud_vpc_gateway_endpoint.logs.policy_document', 'endpoint'],
    ]);
    // jsonencode: at the HCL value; heredoc: at the JSON token. The narrowed policy draws nothing.
    expect(findings(r)).toEqual([
      'alicloud_privatelink_vpc_endpoint.oss.policy_document admin-access 6:100-6:103 "*"',
      'alicloud_vpc_gateway_endpoint.oss.policy_document admin-access 18:16-18:19 "*"',
    ]);
    expect(r.messages.map((m) => [m.messageId, m.severity, m.path])).toEqual([
      ['endpointStar', 'warning', 'Statement[0].Action[0]'],
      ['endpointStar', 'warning', 'Statement[0].Action[0]'],
    ]);
  });

  it('renders an interpolation of a literal (${"*"}) as Terraform does, and notes a dynamic "statement" block instead of passing over it', async () => {
    const r = await run('literal-interpolation.tf');
    expect(findings(r).filter((f) => !f.includes(' unresolved-value '))).toEqual([
      'alicloud_ram_policy.a.policy_document admin-access 3:56-3:64 "${"*"}"',
      'alicloud_ram_policy.b.policy_document admin-access 7:91-7:99 "${"*"}"',
    ]);
    // The note covers the whole resource block.
    const note = r.messages.find((m) => m.ruleId === 'unresolved-value');
    expect([note?.document, note?.line, note?.column, note?.endLine, note?.endColumn]).toEqual(['alicloud_ram_policy.c.statement', 9, 1, 19, 2]);
  });

  it('reads a control policy and an ECS role attachment\'s policy as limits that grant nothing, and leaves a MaxCompute role\'s policy alone', async () => {
    const r = await run('limiting.tf');
    expect(r.output.documents.map((d) => [d.label, d.kind])).toEqual([
      ['alicloud_resource_manager_control_policy.guard.policy_document', 'control'],
      ['alicloud_ecs_ram_role_attachment.worker.policy', 'session'],
    ]);
    // "*" on "*" is no administrator access there; a Deny without Resource is still what RAM would reject.
    expect(findings(r)).toEqual(['alicloud_resource_manager_control_policy.guard.policy_document missing-resource 12:5-12:6 {']);
  });

  it('unchanged: the same default endpoint policy read as a bare document (no kind from a host) is public administrator access', async () => {
    const r = await run('endpoints.tf');
    const gateway = r.output.documents[1]!;
    const result = lintText(gateway.text, { rules: builtinRules });
    expect(result.kind).toBe('resource');
    expect(result.messages.map((m) => [m.ruleId, m.messageId, m.severity, m.line, m.column, m.endLine, m.endColumn, m.path])).toEqual([
      ['admin-access', 'star', 'error', 6, 16, 6, 19, 'Statement[0].Action[0]'],
      ['trust-wildcard-principal', 'public', 'error', 7, 19, 7, 22, 'Statement[0].Principal[0]'],
    ]);
  });

  it('reads .tf.json policy strings through their escapes', async () => {
    const r = await run('policies.tf.json');
    expect(findings(r)).toEqual([
      'alicloud_ram_policy.etl.policy_document oss-overbroad-grant 6:127-6:160 \\"acs:oss:*:${var.account_id}:*\\"',
      'alicloud_ram_role.ops.assume_role_policy_document unresolved-value 12:40-12:61 "${var.trust_policy}"',
    ]);
  });

  it('never throws on broken input', async () => {
    for (const text of ['', 'resource "x" {', '<<EOF', 'resource "alicloud_ram_policy" "a" { policy_document = <<EOF\n{', '\uFEFFresource "alicloud_ram_policy" "a" { policy_document = "{" }', '{'.repeat(5000), 'a = "${'.repeat(2000)]) {
      const out = await terraformProcessor.preprocess(text, 'x.tf');
      expect(Array.isArray(out.documents)).toBe(true);
      for (const doc of out.documents) {
        expect(() => lintDocument(text, doc)).not.toThrow();
      }
    }
    const json = await terraformProcessor.preprocess('{"resource": ', 'x.tf.json');
    expect(json.notes.map((n) => n.ruleId)).toEqual(['invalid-host-file']);
  });
});
