/**
 * A value the host file computes, written by its processor as one `"${...}"`
 * string where a Statement, a statement, a Principal, a Condition or an
 * operator's map stands: never a type error, nothing judged inside it, one
 * unresolved-value note (`value`) at it, and no rule that reads it as absent.
 * A `"${...}"` the host text itself holds (quoted in a heredoc, in a plan, in
 * a bare file) is a string, and a string there is the type error it looks like.
 */
import { lintFileText, type FileSettings } from '../../src/api/lint-file';
import { builtinProcessors } from '../../src/processors';
import { builtinRules } from '../../src/rules';

function settings(): FileSettings {
  return { rules: builtinRules, processors: builtinProcessors, fix: false, explicit: true, policiesOnly: false };
}

/** Every message as `rule/messageId severity line:column-endLine:endColumn host-text`. */
async function lint(filePath: string, text: string): Promise<string[]> {
  const result = await lintFileText(filePath, text, settings());
  return (result?.messages ?? []).map((m) => `${m.ruleId}/${m.messageId ?? '-'} ${m.severity} ${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${text.slice(m.offset, m.endOffset)}`);
}

async function messages(filePath: string, text: string): Promise<string[]> {
  const result = await lintFileText(filePath, text, settings());
  return (result?.messages ?? []).map((m) => m.message);
}

const heredoc = (resource: string, attribute: string, body: string[]) =>
  [`resource ${resource} {`, `  ${attribute} = <<EOF`, ...body, 'EOF', '}', ''].join('\n');

describe('a whole value a Terraform heredoc interpolates', () => {
  it('as the Statement is unknown, not a string', async () => {
    const tf = heredoc('"alicloud_ram_policy" "dyn"', 'policy_document', ['{', '  "Version": "1",', '  "Statement": ${jsonencode(var.statements)}', '}']);
    expect(await lint('main.tf', tf)).toEqual(['unresolved-value/value info 5:16-5:45 ${jsonencode(var.statements)}']);
    expect(await messages('main.tf', tf)).toEqual([
      '"Statement" is ${jsonencode(var.statements)}, a value Terraform knows only when it plans, so the statements it holds were not checked; lint the plan (terraform show -json) to check it.',
    ]);
  });

  it('as the Condition is unknown: no type error, and PassRole is not "without a condition"', async () => {
    const tf = heredoc('"alicloud_ram_policy" "pass"', 'policy_document', [
      '{',
      '  "Version": "1",',
      '  "Statement": [{',
      '    "Effect": "Allow",',
      '    "Action": "ram:PassRole",',
      '    "Resource": "acs:ram::123456789012:role/etl",',
      '    "Condition": ${jsonencode(var.pass_condition)}',
      '  }]',
      '}',
    ]);
    expect(await lint('main.tf', tf)).toEqual(['unresolved-value/value info 9:18-9:51 ${jsonencode(var.pass_condition)}']);
  });

  it('as the Principal of a trust policy is unknown: no form error, and not missing', async () => {
    const tf = heredoc('"alicloud_ram_role" "ops"', 'assume_role_policy_document', [
      '{',
      '  "Version": "1",',
      '  "Statement": [{',
      '    "Effect": "Allow",',
      '    "Action": "sts:AssumeRole",',
      '    "Principal": ${jsonencode(var.trusted)}',
      '  }]',
      '}',
    ]);
    expect(await lint('main.tf', tf)).toEqual(['unresolved-value/value info 8:18-8:44 ${jsonencode(var.trusted)}']);
  });

  it('written in quotes is a string Terraform renders: "Statement" as a string is still an error', async () => {
    const tf = heredoc('"alicloud_ram_policy" "quoted"', 'policy_document', ['{', '  "Version": "1",', '  "Statement": "${var.statements}"', '}']);
    expect(await lint('main.tf', tf)).toEqual(['invalid-statement/wrongType error 5:16-5:35 "${var.statements}"']);
  });
});

describe('a whole value in a Terraform jsonencode value', () => {
  const tf = [
    'resource "alicloud_ram_policy" "each" {', // 1
    '  policy_name     = "each"', // 2
    '  policy_document = jsonencode({', // 3
    '    Version   = "1"', // 4
    '    Statement = [for b in var.buckets : {', // 5
    '      Effect   = "Allow"', // 6
    '      Action   = ["oss:GetObject"]', // 7
    '      Resource = ["acs:oss:*:*:${b}/*"]', // 8
    '    }]', // 9
    '  })', // 10
    '}', // 11
    'resource "alicloud_ram_policy" "joined" {', // 12
    '  policy_name     = "joined"', // 13
    '  policy_document = jsonencode({', // 14
    '    Version   = "1"', // 15
    '    Statement = concat(local.reads, local.writes)', // 16
    '  })', // 17
    '}', // 18
    'resource "alicloud_ram_policy" "cond" {', // 19
    '  policy_name     = "cond"', // 20
    '  policy_document = jsonencode({', // 21
    '    Version   = "1"', // 22
    '    Statement = [local.extra, {', // 23
    '      Effect    = "Allow"', // 24
    '      Action    = ["ram:PassRole"]', // 25
    '      Resource  = ["acs:ram::123456789012:role/etl"]', // 26
    '      Condition = var.cond', // 27
    '    }, {', // 28
    '      Effect    = "Allow"', // 29
    '      Action    = ["ram:PassRole"]', // 30
    '      Resource  = ["acs:ram::123456789012:role/fc"]', // 31
    '      Condition = { StringEquals = var.pins }', // 32
    '    }]', // 33
    '  })', // 34
    '}', // 35
    '',
  ].join('\n');

  it('is unknown wherever a Statement, a statement, a Condition or an operator map stands', async () => {
    expect(await lint('main.tf', tf)).toEqual([
      'unresolved-value/value info 5:17-9:7 [for b in var.buckets : {\n      Effect   = "Allow"\n      Action   = ["oss:GetObject"]\n      Resource = ["acs:oss:*:*:${b}/*"]\n    }]',
      'unresolved-value/value info 16:17-16:50 concat(local.reads, local.writes)',
      'unresolved-value/value info 23:18-23:29 local.extra',
      'unresolved-value/value info 27:19-27:27 var.cond',
      'unresolved-value/value info 32:36-32:44 var.pins',
    ]);
  });

  it('is named in its note by where it stands', async () => {
    const found = (await messages('main.tf', tf)).map((m) => m.slice(0, m.indexOf(',')).replace(/\$\{\[for[^]*$/, '${[for …'));
    expect(found).toEqual([
      '"Statement" is ${[for …',
      '"Statement" is ${concat(local.reads',
      'Statement entry 0 is ${local.extra}',
      '"Condition" is ${var.cond}',
      'The keys of condition operator "StringEquals" are ${var.pins}',
    ]);
  });
});

describe('a bucket policy whose Condition the host file computes', () => {
  it('is not called public: "*" may be confined by it (a warning, not an error)', async () => {
    const tf = [
      'resource "alicloud_oss_bucket_policy" "site" {', // 1
      '  bucket = "site"', // 2
      '  policy = jsonencode({', // 3
      '    Version   = "1"', // 4
      '    Statement = [{', // 5
      '      Effect    = "Allow"', // 6
      '      Principal = ["*"]', // 7
      '      Action    = ["oss:GetObject"]', // 8
      '      Resource  = ["acs:oss:*:*:site/*"]', // 9
      '      Condition = var.only_from_vpc', // 10
      '    }]', // 11
      '  })', // 12
      '}', // 13
      '',
    ].join('\n');
    expect(await lint('bucket.tf', tf)).toEqual([
      'trust-wildcard-principal/unknownCondition warning 7:20-7:23 "*"',
      'unresolved-value/value info 10:19-10:36 var.only_from_vpc',
    ]);
  });
});

describe('a ROS intrinsic function as a whole value', () => {
  it('is unknown as the Statement (!Ref) and as the Condition (Fn::If) of a YAML template', async () => {
    const yaml = [
      "ROSTemplateFormatVersion: '2015-09-01'", // 1
      'Resources:', // 2
      '  Dynamic:', // 3
      '    Type: ALIYUN::RAM::ManagedPolicy', // 4
      '    Properties:', // 5
      '      PolicyName: dynamic', // 6
      '      PolicyDocument:', // 7
      "        Version: '1'", // 8
      '        Statement: !Ref Statements', // 9
      '  Pass:', // 10
      '    Type: ALIYUN::RAM::ManagedPolicy', // 11
      '    Properties:', // 12
      '      PolicyName: pass', // 13
      '      PolicyDocument:', // 14
      "        Version: '1'", // 15
      '        Statement:', // 16
      '          - Effect: Allow', // 17
      '            Action: ram:PassRole', // 18
      '            Resource: acs:ram::123456789012:role/etl', // 19
      '            Condition:', // 20
      '              Fn::If: [IsProd, {StringEquals: {acs:Service: ecs.aliyuncs.com}}, {Ref: ALIYUN::NoValue}]', // 21
      '',
    ].join('\n');
    expect(await lint('stack.yaml', yaml)).toEqual([
      'unresolved-value/value info 9:20-9:35 !Ref Statements',
      // A YAML block map's range runs to the start of the next line.
      'unresolved-value/value info 21:15-22:1 Fn::If: [IsProd, {StringEquals: {acs:Service: ecs.aliyuncs.com}}, {Ref: ALIYUN::NoValue}]\n',
    ]);
    expect((await messages('stack.yaml', yaml))[0]).toBe('"Statement" is ${!Ref Statements}, which ROS computes when it creates the stack, so the statements it holds were not checked.');
  });

  it('is unknown as the Statement ({"Ref": …}) of a JSON template', async () => {
    const json = [
      '{', // 1
      '  "ROSTemplateFormatVersion": "2015-09-01",', // 2
      '  "Resources": {', // 3
      '    "P": {', // 4
      '      "Type": "ALIYUN::RAM::ManagedPolicy",', // 5
      '      "Properties": {', // 6
      '        "PolicyName": "p",', // 7
      '        "PolicyDocument": {"Version": "1", "Statement": {"Ref": "Statements"}}', // 8
      '      }', // 9
      '    }', // 10
      '  }', // 11
      '}', // 12
      '',
    ].join('\n');
    expect(await lint('stack.json', json)).toEqual(['unresolved-value/value info 8:57-8:78 {"Ref": "Statements"}']);
  });
});

describe('the note on a policy the host computes as a whole', () => {
  it('is the processor\'s, with the message id policy', async () => {
    const tf = ['resource "alicloud_ram_policy" "etl" {', '  policy_name     = "etl"', '  policy_document = var.policy', '}', ''].join('\n');
    expect(await lint('main.tf', tf)).toEqual(['unresolved-value/policy info 3:21-3:31 var.policy']);
  });
});

describe('a "${...}" string the text itself holds', () => {
  it('is a string in a bare policy file: the type error stands', async () => {
    const json = '{\n  "Version": "1",\n  "Statement": "${var.statements}"\n}\n';
    expect(await lint('policy.json', json)).toEqual(['invalid-statement/wrongType error 3:16-3:35 "${var.statements}"']);
  });

  it('is a string in a Terraform plan, whose values are final', async () => {
    const policy = JSON.stringify({ Version: '1', Statement: '${var.statements}' });
    const plan = JSON.stringify({ format_version: '1.2', planned_values: { root_module: { resources: [{ address: 'alicloud_ram_policy.p', mode: 'managed', type: 'alicloud_ram_policy', name: 'p', values: { policy_document: policy } }] } } });
    const found = await lint('plan.json', plan);
    expect(found.map((f) => f.replace(/ 1:\d+-1:\d+ /, ' '))).toEqual(['invalid-statement/wrongType error \\"${var.statements}\\"']);
  });
});
