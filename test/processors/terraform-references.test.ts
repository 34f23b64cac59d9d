/**
 * Terraform .tf: policy attributes whose value is written elsewhere in the
 * file (a local's object value, the policy-document data source) are linted
 * there, with the attribute's kind; findings at exact host positions.
 */
import { terraformProcessor } from '../../src/processors/terraform';
import { runHost, where } from './helpers';

async function run(text: string) {
  return runHost(terraformProcessor, text, 'main.tf');
}

function findings(r: Awaited<ReturnType<typeof run>>): string[] {
  return [...r.messages].sort((a, b) => a.offset - b.offset).map((m) => `${m.document ?? ''} ${where(r.text, m)}`);
}

const ADMIN = '{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}';

describe('terraform: attributes that use a local', () => {
  it('follows local.NAME.attr into the local\'s object value and lints it once, labelled by that path, with the first attribute\'s kind', async () => {
    const r = await run(
      [
        'locals { admin = { document = <<-JSON',
        `      ${ADMIN}`,
        '    JSON',
        '} }',
        'resource "alicloud_ram_policy" "p" { policy_document = local.admin.document }',
        'resource "alicloud_ram_policy" "q" { policy_document = local.admin["document"] }',
        '',
      ].join('\n'),
    );
    expect(r.output.documents.map((d) => [d.label, d.kind])).toEqual([['local.admin.document', 'permission']]);
    expect(findings(r)).toEqual(['local.admin.document admin-access 2:68-2:71 "*"']);
    expect(r.messages[0]?.severity).toBe('error');
  });

  it('follows string keys, list indexes and locals that refer to other locals, labelled where the value is written', async () => {
    const r = await run(
      [
        'locals {',
        '  policies = {',
        '    "oss.read" = [{ doc = <<EOF',
        ADMIN,
        'EOF',
        '    }]',
        '  }',
        '  alias = local.policies',
        '}',
        'resource "alicloud_ram_role" "r" { assume_role_policy_document = "${local.alias["oss.read"][0].doc}" }',
        '',
      ].join('\n'),
    );
    expect(r.output.documents.map((d) => [d.label, d.kind])).toEqual([['local.policies["oss.read"][0].doc', 'trust']]);
    // Read as the trust policy the attribute states: an administrator policy has no business there.
    expect(findings(r)).toEqual([
      'local.policies["oss.read"][0].doc missing-principal 4:32-4:33 {',
      'local.policies["oss.read"][0].doc admin-access 4:62-4:65 "*"',
      'local.policies["oss.read"][0].doc trust-policy-action 4:62-4:65 "*"',
    ]);
  });

  it('reads jsonencode(local.NAME) as the JSON of the local\'s object value, at its HCL values', async () => {
    const r = await run(
      [
        'locals {',
        '  bucket_policy = {',
        '    Version   = "1"',
        '    Statement = [{ Effect = "Allow", Action = ["oss:GetObject"], Principal = ["*"], Resource = ["acs:oss:*:*:logs/*"] }]',
        '  }',
        '}',
        'resource "alicloud_oss_bucket_policy" "logs" {',
        '  bucket = "logs"',
        '  policy = jsonencode(local.bucket_policy)',
        '}',
        '',
      ].join('\n'),
    );
    expect(r.output.documents.map((d) => [d.label, d.kind])).toEqual([['local.bucket_policy', 'bucket']]);
    expect(JSON.parse(r.output.documents[0]?.text ?? '')).toEqual({
      Version: '1',
      Statement: [{ Effect: 'Allow', Action: ['oss:GetObject'], Principal: ['*'], Resource: ['acs:oss:*:*:logs/*'] }],
    });
    expect(findings(r)).toEqual(['local.bucket_policy trust-wildcard-principal 4:79-4:82 "*"']);
  });

  it('notes a path into a local that leads to no value written in the file, and jsonencode of a local that is no object, at the attribute', async () => {
    const r = await run(
      [
        'locals { admin = { document = "{}" } }',
        'resource "alicloud_ram_policy" "p" { policy_document = local.admin.documnt }',
        'resource "alicloud_ram_policy" "q" { policy_document = jsonencode(local.admin.document) }',
        '',
      ].join('\n'),
    );
    expect(r.output.documents).toEqual([]);
    expect(findings(r)).toEqual([
      'alicloud_ram_policy.p.policy_document unresolved-value 2:56-2:75 local.admin.documnt',
      'alicloud_ram_policy.q.policy_document unresolved-value 3:56-3:88 jsonencode(local.admin.document)',
    ]);
    expect(r.messages.map((m) => m.message)).toEqual([
      expect.stringContaining('is local.admin.documnt, which leads to no value written in this file, so it was not checked'),
      expect.stringContaining('is jsonencode(local.admin.document), and local.admin.document is not an object written in this file, so it was not checked'),
    ]);
  });
});

describe('terraform: references that lead nowhere', () => {
  it('notes a cycle of locals at the attribute, named as the attribute writes it', async () => {
    const r = await run(
      [
        'locals {',
        '  a = local.b.x',
        '  b = { x = local.a.y, y = local.c }',
        '  c = local.a',
        '  d = local.d',
        '}',
        'resource "alicloud_ram_policy" "p" { policy_document = local.a }',
        'resource "alicloud_ram_policy" "q" { policy_document = local.d.z }',
        'resource "alicloud_ram_policy" "r" { policy_document = jsonencode(local.c) }',
        '',
      ].join('\n'),
    );
    expect(r.output.documents).toEqual([]);
    expect(findings(r)).toEqual([
      'alicloud_ram_policy.p.policy_document unresolved-value 7:56-7:63 local.a',
      'alicloud_ram_policy.q.policy_document unresolved-value 8:56-8:65 local.d.z',
      'alicloud_ram_policy.r.policy_document unresolved-value 9:56-9:75 jsonencode(local.c)',
    ]);
    expect(r.messages.map((m) => m.message.split(', so it')[0])).toEqual([
      'alicloud_ram_policy.p.policy_document is local.a, which leads to no value written in this file',
      'alicloud_ram_policy.q.policy_document is local.d.z, which leads to no value written in this file',
      'alicloud_ram_policy.r.policy_document is jsonencode(local.c), which encodes a value that is not an object written in this file',
    ]);
  });
});

describe('terraform: the data source takes the kind of the attribute that uses it', () => {
  const dataSource = (principal: string) =>
    ['data "alicloud_ram_policy_document" "doc" {', '  statement {', '    action   = ["*"]', '    resource = ["*"]', principal, '  }', '}', ''].join('\n');
  const ramPrincipal = '    principal {\n      entity      = "RAM"\n      identifiers = ["*"]\n    }';

  it('on an endpoint: only the endpoint admin-access warning, no public or administrator error', async () => {
    const r = await run(`${dataSource(ramPrincipal)}resource "alicloud_vpc_gateway_endpoint" "oss" {\n  policy_document = data.alicloud_ram_policy_document.doc.document\n}\n`);
    expect(r.output.documents.map((d) => [d.label, d.kind])).toEqual([['data.alicloud_ram_policy_document.doc', 'endpoint']]);
    expect(findings(r)).toEqual(['data.alicloud_ram_policy_document.doc admin-access 3:17-3:20 "*"']);
    expect(r.messages.map((m) => [m.messageId, m.severity])).toEqual([['endpointStar', 'warning']]);
  });

  it('on a bucket policy, written "${...}": a bucket policy, so a statement without principal block draws missing-principal', async () => {
    const r = await run(`${dataSource('')}resource "alicloud_oss_bucket_policy" "b" {\n  policy = "\${data.alicloud_ram_policy_document.doc.document}"\n}\n`);
    expect(r.output.documents.map((d) => [d.label, d.kind])).toEqual([['data.alicloud_ram_policy_document.doc', 'bucket']]);
    expect(findings(r)).toEqual([
      'data.alicloud_ram_policy_document.doc missing-principal 2:3-2:12 statement',
      'data.alicloud_ram_policy_document.doc admin-access 3:17-3:20 "*"',
    ]);
  });

  it('on a role, even when the role comes first: a trust policy; a later attribute of another kind does not change it', async () => {
    const r = await run(
      `resource "alicloud_ram_role" "r" {\n  assume_role_policy_document = data.alicloud_ram_policy_document.doc.document\n}\n${dataSource(ramPrincipal)}resource "alicloud_ram_policy" "p" {\n  policy_document = data.alicloud_ram_policy_document.doc.document\n}\n`,
    );
    expect(r.output.documents.map((d) => [d.label, d.kind])).toEqual([['data.alicloud_ram_policy_document.doc', 'trust']]);
    expect(findings(r)).toEqual([
      'data.alicloud_ram_policy_document.doc admin-access 6:17-6:20 "*"',
      'data.alicloud_ram_policy_document.doc trust-policy-action 6:17-6:20 "*"',
      'data.alicloud_ram_policy_document.doc trust-wildcard-principal 10:22-10:25 "*"',
    ]);
  });

  it('through a local, and with an instance index: the kind still comes from the attribute', async () => {
    const r = await run(`${dataSource(ramPrincipal)}locals { ep = data.alicloud_ram_policy_document.doc[0].document }\nresource "alicloud_privatelink_vpc_endpoint" "e" {\n  policy_document = local.ep\n}\n`);
    expect(r.output.documents.map((d) => [d.label, d.kind])).toEqual([['data.alicloud_ram_policy_document.doc', 'endpoint']]);
    expect(findings(r)).toEqual(['data.alicloud_ram_policy_document.doc admin-access 3:17-3:20 "*"']);
  });

  it('used by no policy attribute: detected from content, as before', async () => {
    const r = await run(dataSource(ramPrincipal));
    expect(r.output.documents.map((d) => [d.label, d.kind])).toEqual([['data.alicloud_ram_policy_document.doc', undefined]]);
    expect(findings(r).map((f) => f.split(' ').slice(0, 2).join(' '))).toContain('data.alicloud_ram_policy_document.doc trust-wildcard-principal');
  });
});
