/**
 * Terraform .tf: literal policies outside policy attributes (module
 * arguments, locals, variable defaults), each its own document, and nothing
 * that is not policy-shaped; findings at exact host positions.
 */
import { terraformProcessor } from '../../src/processors/terraform';
import { runHost, where } from './helpers';

async function run(text: string) {
  return runHost(terraformProcessor, text, 'main.tf');
}

function findings(r: Awaited<ReturnType<typeof run>>): string[] {
  return [...r.messages].sort((a, b) => a.offset - b.offset).map((m) => `${m.document ?? ''} ${where(r.text, m)}`);
}

const TRUST = '{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"RAM": ["*"]}}]}';
const PASS = '{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "ram:PassRole", "Resource": "*"}]}';

describe('terraform: literal policies outside policy attributes', () => {
  it('lints heredoc and quoted policies passed to a module, labelled module.NAME.ARG, with the kind detected from content', async () => {
    const r = await run(
      [
        'module "role" {',
        '  source        = "./modules/ram-role"',
        '  role_name     = "etl"',
        '  role_document = <<EOF',
        `  ${TRUST}`,
        '  EOF',
        `  policy_document = "${PASS.replace(/"/g, '\\"')}"`,
        '  description   = <<EOF',
        '  Not a policy, though it mentions a "Statement".',
        '  EOF',
        '  settings      = "{\\"Version\\": \\"1\\"}"',
        '}',
        '',
      ].join('\n'),
    );
    expect(r.output.documents.map((d) => [d.label, d.kind])).toEqual([
      ['module.role.role_document', undefined],
      ['module.role.policy_document', undefined],
    ]);
    expect(findings(r)).toEqual([
      'module.role.role_document trust-wildcard-principal 5:104-5:107 "*"',
      'module.role.policy_document passrole-missing-service-condition 7:95-7:111 \\"ram:PassRole\\"',
      'module.role.policy_document passrole-wildcard-resource 7:127-7:132 \\"*\\"',
    ]);
  });

  it('lints each policy in a map of locals, labelled by its path, and a local object with a Statement key as its JSON', async () => {
    const r = await run(
      [
        'locals {',
        '  service_roles = {',
        '    EtlRole = {',
        '      description = "ETL"',
        '      document    = <<EOF',
        TRUST,
        'EOF',
        '    }',
        '    "etl.reader" = { document = <<EOF',
        PASS,
        'EOF',
        '    }',
        '  }',
        '  names = ["a", "b"]',
        '  admin = {',
        '    Version   = "1"',
        '    Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }]',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
    expect(r.output.documents.map((d) => [d.label, d.kind])).toEqual([
      ['local.service_roles.EtlRole.document', undefined],
      ['local.service_roles["etl.reader"].document', undefined],
      ['local.admin', undefined],
    ]);
    expect(findings(r)).toEqual([
      'local.service_roles.EtlRole.document trust-wildcard-principal 6:102-6:105 "*"',
      'local.service_roles["etl.reader"].document passrole-missing-service-condition 10:62-10:76 "ram:PassRole"',
      'local.service_roles["etl.reader"].document passrole-wildcard-resource 10:90-10:93 "*"',
      'local.admin admin-access 17:47-17:50 "*"',
    ]);
  });

  it('lints a policy in a variable default, labelled var.NAME.default (list elements by index), with the kind of an attribute that uses the variable', async () => {
    const r = await run(
      [
        'variable "trust" {',
        '  type    = string',
        '  default = <<EOF',
        TRUST,
        'EOF',
        '}',
        'variable "policies" {',
        '  default = [{ name = "pass", document = jsonencode({ Version = "1", Statement = [{ Effect = "Allow", Action = "ram:PassRole", Resource = "*" }] }) }]',
        '}',
        'resource "alicloud_ram_role" "r" {',
        '  assume_role_policy_document = var.trust',
        '}',
        '',
      ].join('\n'),
    );
    expect(r.output.documents.map((d) => [d.label, d.kind])).toEqual([
      ['var.trust.default', 'trust'],
      ['var.policies.default[0].document', undefined],
    ]);
    // The attribute's value is the variable, known when Terraform plans: its note stays.
    expect(findings(r)).toEqual([
      'var.trust.default trust-wildcard-principal 4:102-4:105 "*"',
      'var.policies.default[0].document passrole-missing-service-condition 8:112-8:126 "ram:PassRole"',
      'var.policies.default[0].document passrole-wildcard-resource 8:139-8:142 "*"',
      'alicloud_ram_role.r.assume_role_policy_document unresolved-value 11:33-11:42 var.trust',
    ]);
  });

  it('reads a local once: with the kind and label a policy attribute gives it, not again as a literal', async () => {
    const r = await run(
      [
        'locals {',
        '  roles = { etl = { document = <<EOF',
        TRUST,
        'EOF',
        '  } }',
        '}',
        'resource "alicloud_ram_role" "etl" { assume_role_policy_document = local.roles.etl.document }',
        '',
      ].join('\n'),
    );
    expect(r.output.documents.map((d) => [d.label, d.kind])).toEqual([['local.roles.etl.document', 'trust']]);
    expect(findings(r)).toEqual(['local.roles.etl.document trust-wildcard-principal 3:102-3:105 "*"']);
  });

  it('leaves alone what is not a literal policy: other JSON, blank text, references, and a template given to format()', async () => {
    const r = await run(
      [
        'locals {',
        '  config   = <<EOF',
        '{"Version": "1", "Rules": []}',
        'EOF',
        '  blank    = ""',
        '  ref      = "${var.policy}"',
        '  template = <<EOF',
        '{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"Service": ["%s@actiontrail.aliyuncs.com"]}}]}',
        'EOF',
        '}',
        'module "m" {',
        '  source = "./m"',
        '  policy = local.ref',
        '}',
        'resource "alicloud_ram_role" "r" { assume_role_policy_document = format(local.template, var.uid) }',
        '',
      ].join('\n'),
    );
    expect(r.output.documents).toEqual([]);
    expect(findings(r)).toEqual(['alicloud_ram_role.r.assume_role_policy_document unresolved-value 15:66-15:97 format(local.template, var.uid)']);
  });
});
