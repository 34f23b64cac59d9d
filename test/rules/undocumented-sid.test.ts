import rule from '../../src/rules/undocumented-sid';
import { testRule } from '../helpers/rule-tester';

testRule(rule, {
  valid: [
    { name: 'no Sid', code: '{\n  "Version": "1",\n  "Statement": [{"Effect": "Allow", "Action": "ecs:Describe*", "Resource": "*"}]\n}' },
    {
      name: 'a KMS key policy (resource kind) documents Sid',
      code: '{\n  "Version": "1",\n  "Statement": [{"Sid": "Root", "Effect": "Allow", "Action": "kms:*", "Principal": {"RAM": "acs:ram::123456789012:root"}, "Resource": "*"}]\n}',
      kind: 'resource',
    },
  ],
  invalid: [
    {
      name: 'Sid in a permission policy',
      code: '{\n  "Version": "1",\n  "Statement": [\n    {\n      "Sid": "AllowDescribe",\n      "Effect": "Allow",\n      "Action": "ecs:Describe*",\n      "Resource": "*"\n    }\n  ]\n}',
      errors: [{ messageId: 'sid', line: 5, column: 7, endLine: 5, endColumn: 12, text: '"Sid"', path: 'Statement[0].Sid', severity: 'warning' }],
    },
    {
      name: 'Sid in a single-object Statement',
      code: '{\n  "Version": "1",\n  "Statement": {"Sid": "1", "Effect": "Allow", "Action": "ecs:Describe*", "Resource": "*"}\n}',
      errors: [{ messageId: 'sid', line: 3, column: 17, endLine: 3, endColumn: 22, text: '"Sid"', path: 'Statement.Sid' }],
    },
  ],
});
