/**
 * Lines named inside messages ("first at line N") are counted in the file the
 * finding is reported in: the host file for a policy embedded in Terraform or
 * ROS, not the JSON generated from it; the file itself for a bare policy.
 */
import { lintFileText, type FileSettings } from '../../src/api/lint-file';
import { builtinProcessors } from '../../src/processors';
import { builtinRules } from '../../src/rules';
import type { LintMessage } from '../../src/engine/types';

function settings(): FileSettings {
  return { rules: builtinRules, processors: builtinProcessors, fix: false, explicit: true, policiesOnly: false };
}

async function lint(filePath: string, text: string, rule: string): Promise<string[]> {
  const result = await lintFileText(filePath, text, settings());
  return (result?.messages ?? []).filter((m) => m.ruleId === rule).map((m: LintMessage) => `${m.ruleId} ${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.message}`);
}

describe('a line named in a message', () => {
  it('is the host line of the first entry for duplicate-list-entry in a jsonencode value', async () => {
    const tf = [
      'resource "alicloud_ram_policy" "read" {', // 1
      '  policy_name     = "read"', // 2
      '  policy_document = jsonencode({', // 3
      '    Version   = "1"', // 4
      '    Statement = [{', // 5
      '      Effect   = "Allow"', // 6
      '      Action   = [', // 7
      '        "oss:GetObject",', // 8
      '        "oss:ListObjects",', // 9
      '        "oss:GetObject",', // 10
      '      ]', // 11
      '      Resource = ["acs:oss:*:*:logs/*"]', // 12
      '    }]', // 13
      '  })', // 14
      '}', // 15
      '',
    ].join('\n');
    expect(await lint('main.tf', tf, 'duplicate-list-entry')).toEqual([
      'duplicate-list-entry 10:9-10:24 Action lists "oss:GetObject" twice (first at line 8); remove the repeat.',
    ]);
  });

  it('is the host line of the first key for duplicate-key in a jsonencode object', async () => {
    // Repeated principal blocks of the data source are merged as the provider renders them (no duplicate);
    // an object constructor that repeats a key is one that reaches the JSON.
    const tf = [
      'resource "alicloud_ram_role" "trust" {', // 1
      '  role_name                   = "trust"', // 2
      '  assume_role_policy_document = jsonencode({', // 3
      '    Version   = "1"', // 4
      '    Statement = [{', // 5
      '      Effect    = "Allow"', // 6
      '      Action    = "sts:AssumeRole"', // 7
      '      Principal = { RAM = ["acs:ram::1234567890123456:root"] }', // 8
      '      Effect    = "Deny"', // 9
      '    }]', // 10
      '  })', // 11
      '}', // 12
      '',
    ].join('\n');
    const found = await lint('trust.tf', tf, 'duplicate-key');
    expect(found).toEqual([expect.stringMatching(/^duplicate-key 9:7-9:13 Duplicate key "Effect" \(first at line 6\);/)]);
  });

  it('is the host line in a heredoc, whose document starts lines below the top of the .tf file', async () => {
    const tf = [
      'resource "alicloud_ram_policy" "etl" {', // 1
      '  policy_name     = "etl"', // 2
      '  policy_document = <<-EOF', // 3
      '    {', // 4
      '      "Version": "1",', // 5
      '      "Statement": [{', // 6
      '        "Effect": "Allow",', // 7
      '        "Action": ["ecs:StartInstance", "ecs:StopInstance",', // 8
      '                   "ecs:StartInstance"],', // 9
      '        "Resource": "*",', // 10
      '        "Resource": "acs:ecs:*:*:instance/i-1"', // 11
      '      }]', // 12
      '    }', // 13
      '  EOF', // 14
      '}', // 15
      '',
    ].join('\n');
    const result = await lintFileText('etl.tf', tf, settings());
    const shown = (result?.messages ?? []).filter((m) => m.ruleId.startsWith('duplicate-')).map((m) => `${m.ruleId} ${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${/\(first at line \d+\)/.exec(m.message)?.[0]}`);
    expect(shown).toEqual(['duplicate-list-entry 9:20-9:39 (first at line 8)', 'duplicate-key 11:9-11:19 (first at line 10)']);
  });

  it('is the host line in a ROS template written as a YAML map', async () => {
    const yaml = [
      "ROSTemplateFormatVersion: '2015-09-01'", // 1
      'Resources:', // 2
      '  Reader:', // 3
      '    Type: ALIYUN::RAM::ManagedPolicy', // 4
      '    Properties:', // 5
      '      PolicyName: reader', // 6
      '      PolicyDocument:', // 7
      "        Version: '1'", // 8
      '        Statement:', // 9
      '          - Effect: Allow', // 10
      '            Action:', // 11
      '              - oss:GetObject', // 12
      '              - oss:GetObject', // 13
      "            Resource: 'acs:oss:*:*:logs/*'", // 14
      '',
    ].join('\n');
    expect(await lint('stack.yaml', yaml, 'duplicate-list-entry')).toEqual([
      'duplicate-list-entry 13:17-13:30 Action lists "oss:GetObject" twice (first at line 12); remove the repeat.',
    ]);
  });

  it('is the line of the file itself for a bare policy', async () => {
    const json = ['{', '  "Version": "1",', '  "Statement": [{', '    "Effect": "Allow",', '    "Action": [', '      "oss:GetObject",', '      "oss:GetObject"', '    ],', '    "Resource": "*"', '  }]', '}', ''].join('\n');
    expect(await lint('policy.json', json, 'duplicate-list-entry')).toEqual([
      'duplicate-list-entry 7:7-7:22 Action lists "oss:GetObject" twice (first at line 6); remove the repeat.',
    ]);
  });
});
