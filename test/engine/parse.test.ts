/**
 * Syntax errors through the engine's front door: lintText with every built-in
 * rule. Each broken document yields exactly one invalid-json error, with a
 * message that says what is wrong and the exact range of the culprit.
 */
import { lintText } from '../../src/engine/linter';
import { MAX_NESTING_DEPTH, parseJson } from '../../src/engine/parse';
import type { LintMessage } from '../../src/engine/types';
import { builtinRules } from '../../src/rules';

function lint(text: string, filePath?: string) {
  return lintText(text, { rules: builtinRules, filePath });
}

/** The text a message covers, counted after a byte-order mark as the engine does. */
function covered(text: string, m: LintMessage): string {
  return (text.startsWith('\uFEFF') ? text.slice(1) : text).slice(m.offset, m.endOffset);
}

interface SyntaxCase {
  name: string;
  text: string;
  filePath?: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The exact source text the range covers. */
  covers: string;
}

const pretty = `{
  "Version": "1",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": [
        "ecs:StartInstance",
        "ecs:StopInstance",
      ],
      "Resource": "*"
    }
  ]
}`;

const cases: SyntaxCase[] = [
  {
    name: 'trailing comma in an object points at the comma',
    text: '{"Version": "1",}',
    message: 'Trailing comma: JSON allows no comma before a closing bracket; remove it.',
    line: 1, column: 16, endLine: 1, endColumn: 17, covers: ',',
  },
  {
    name: 'trailing comma in an array on the line before the bracket',
    text: pretty,
    message: 'Trailing comma: JSON allows no comma before a closing bracket; remove it.',
    line: 8, column: 27, endLine: 8, endColumn: 28, covers: ',',
  },
  {
    name: 'a line comment in a .json file',
    text: '{\n  // read-only access\n  "Version": "1"\n}',
    filePath: 'policies/read.json',
    message: 'Comments are not allowed in JSON, and RAM rejects them; name the file .jsonc if a build step strips them.',
    line: 2, column: 3, endLine: 2, endColumn: 22, covers: '// read-only access',
  },
  {
    name: 'a block comment in text without a file name',
    text: '{"Version": /* always 1 */ "1"}',
    message: 'Comments are not allowed in JSON, and RAM rejects them; name the file .jsonc if a build step strips them.',
    line: 1, column: 13, endLine: 1, endColumn: 27, covers: '/* always 1 */',
  },
  {
    name: 'an unterminated string runs to the end of its line',
    text: '{\n  "Version": "1,\n  "Statement": []\n}',
    message: 'Unterminated string: a closing double quote is missing.',
    line: 2, column: 14, endLine: 2, endColumn: 17, covers: '"1,',
  },
  {
    name: 'an unterminated string at the end of the file',
    text: '{"Version": "1}',
    message: 'Unterminated string: a closing double quote is missing.',
    line: 1, column: 13, endLine: 1, endColumn: 16, covers: '"1}',
  },
  {
    name: 'a missing comma between members points at the next key',
    text: '{\n  "Version": "1"\n  "Statement": []\n}',
    message: 'Expected \',\' between elements but found "Statement"; add the missing comma.',
    line: 3, column: 3, endLine: 3, endColumn: 14, covers: '"Statement"',
  },
  {
    name: 'a missing comma between array entries points at the next entry',
    text: '{"Version": "1", "Statement": [{"Effect": "Allow", "Action": ["ecs:Start*" "ecs:Stop*"], "Resource": "*"}]}',
    message: 'Expected \',\' between elements but found "ecs:Stop*"; add the missing comma.',
    line: 1, column: 76, endLine: 1, endColumn: 87, covers: '"ecs:Stop*"',
  },
  {
    name: 'a second document after the first',
    text: '{"Version": "1", "Statement": []}\n{"Version": "1", "Statement": []}',
    message: 'Unexpected "{" after the end of the JSON document; a policy file holds exactly one JSON object.',
    line: 2, column: 1, endLine: 2, endColumn: 2, covers: '{',
  },
  {
    name: 'a stray word after the document',
    text: '{"Version": "1", "Statement": []} EOF',
    message: 'Unexpected "EOF"; this is not valid JSON.',
    line: 1, column: 35, endLine: 1, endColumn: 38, covers: 'EOF',
  },
  {
    name: 'an empty file',
    text: '',
    message: 'The file is empty; a RAM policy is a JSON object.',
    line: 1, column: 1, endLine: 1, endColumn: 1, covers: '',
  },
  {
    name: 'a whitespace-only file',
    text: ' \n\t\r\n  ',
    message: 'The file is empty; a RAM policy is a JSON object.',
    line: 1, column: 1, endLine: 1, endColumn: 1, covers: '',
  },
  {
    name: 'an object cut off at the end of the file',
    text: '{"Version": "1"',
    message: "Unexpected end of file: an object is missing its closing '}'.",
    line: 1, column: 16, endLine: 1, endColumn: 16, covers: '',
  },
  {
    name: 'an array cut off at the end of the file',
    text: '{"Version": "1", "Statement": [',
    message: "Unexpected end of file: an array is missing its closing ']'.",
    line: 1, column: 32, endLine: 1, endColumn: 32, covers: '',
  },
  {
    name: 'a missing colon',
    text: '{"Version" "1"}',
    message: 'Expected \':\' after the property name but found "1".',
    line: 1, column: 12, endLine: 1, endColumn: 15, covers: '"1"',
  },
  {
    name: 'an unquoted property name',
    text: '{Version: "1"}',
    message: 'Unexpected "Version"; this is not valid JSON.',
    line: 1, column: 2, endLine: 1, endColumn: 9, covers: 'Version',
  },
  {
    name: 'single quotes',
    text: "{\"Version\": '1'}",
    message: 'Unexpected "\'1\'"; this is not valid JSON.',
    line: 1, column: 13, endLine: 1, endColumn: 16, covers: "'1'",
  },
  {
    name: 'an invalid escape sequence',
    text: '{"Version": "\\x31"}',
    message: 'Invalid escape sequence "\\"\\\\x31\\"" in a string.',
    line: 1, column: 13, endLine: 1, endColumn: 19, covers: '"\\x31"',
  },
  {
    name: 'a \\u escape with too few hex digits',
    text: '{"Version": "\\u31"}',
    message: 'Invalid \\u escape: it needs four hexadecimal digits.',
    line: 1, column: 13, endLine: 1, endColumn: 19, covers: '"\\u31"',
  },
  {
    name: 'a raw tab inside a string',
    text: '{"Version": "1\t"}',
    message: 'Invalid character in a string: control characters must be escaped (for example \\n).',
    line: 1, column: 13, endLine: 1, endColumn: 17, covers: '"1\t"',
  },
  {
    name: 'a number with a trailing dot',
    text: '{"Version": 1.}',
    message: 'Invalid number "1.".',
    line: 1, column: 13, endLine: 1, endColumn: 15, covers: '1.',
  },
  {
    name: 'NaN is not JSON',
    text: '{"Version": NaN}',
    message: 'Unexpected "NaN"; this is not valid JSON.',
    line: 1, column: 13, endLine: 1, endColumn: 16, covers: 'NaN',
  },
  {
    name: 'an unterminated block comment in a .jsonc file',
    text: '{"Version": "1"} /* trailing',
    filePath: 'policy.jsonc',
    message: "Unterminated comment: '*/' is missing.",
    line: 1, column: 18, endLine: 1, endColumn: 29, covers: '/* trailing',
  },
  {
    name: 'a backslash before a CRLF line break ends before the line break, not past the line',
    text: '{"Version": "1", "Statement": ["\\\r\n]}',
    message: 'Unterminated string: a closing double quote is missing.',
    line: 1, column: 32, endLine: 1, endColumn: 34, covers: '"\\',
  },
  {
    name: 'only the first of several errors is reported',
    text: '{"Version": "1",, "Statement" [],}',
    message: 'Expected a property name in double quotes but found ",".',
    line: 1, column: 17, endLine: 1, endColumn: 18, covers: ',',
  },
];

describe('syntax errors via lintText', () => {
  for (const c of cases) {
    it(c.name, () => {
      const result = lint(c.text, c.filePath);
      expect(result.messages).toHaveLength(1);
      const [m] = result.messages as [LintMessage];
      expect({
        ruleId: m.ruleId,
        severity: m.severity,
        category: m.category,
        path: m.path,
        message: m.message,
        line: m.line,
        column: m.column,
        endLine: m.endLine,
        endColumn: m.endColumn,
        covers: covered(c.text, m),
      }).toEqual({
        ruleId: 'invalid-json',
        severity: 'error',
        category: 'syntax',
        path: '',
        message: c.message,
        line: c.line,
        column: c.column,
        endLine: c.endLine,
        endColumn: c.endColumn,
        covers: c.covers,
      });
      expect(result.errorCount).toBe(1);
      expect(result.kind).toBeUndefined();
    });
  }
});

describe('comments', () => {
  const commented = `{
  // Read-only access to ECS.
  "Version": "1",
  "Statement": [
    /* one statement */
    {"Effect": "Allow", "Action": "ecs:DescribeInstances", "Resource": "*"}
  ]
}`;

  it('are allowed in .jsonc files', () => {
    expect(lint(commented, 'policies/ecs-read.jsonc').messages).toEqual([]);
  });

  it('are allowed in .JSONC files (any case)', () => {
    expect(lint(commented, 'POLICY.JSONC').messages).toEqual([]);
  });

  it('are allowed when the caller says so', () => {
    expect(lintText(commented, { rules: builtinRules, allowComments: true }).messages).toEqual([]);
  });

  it('are an error in .json files', () => {
    const messages = lint(commented, 'policies/ecs-read.json').messages;
    expect(messages.map((m) => [m.ruleId, m.line, m.column, covered(commented, m)])).toEqual([['invalid-json', 2, 3, '// Read-only access to ECS.']]);
  });

  it('are an error when the caller forbids them even in .jsonc', () => {
    const messages = lintText(commented, { rules: builtinRules, filePath: 'a.jsonc', allowComments: false }).messages;
    expect(messages.map((m) => m.ruleId)).toEqual(['invalid-json']);
  });

  it('that hold brackets do not count towards nesting depth', () => {
    const text = `{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "ecs:DescribeInstances", "Resource": "*"}] /* ${'['.repeat(500)} */}`;
    expect(lint(text, 'p.jsonc').messages).toEqual([]);
  });
});

describe('byte-order mark', () => {
  it('is read past, and positions are counted after it', () => {
    const text = '\uFEFF{"Version": "1",}';
    const [m] = lint(text).messages as [LintMessage];
    expect([m.ruleId, m.line, m.column, m.offset, covered(text, m)]).toEqual(['invalid-json', 1, 16, 15, ',']);
  });

  it('does not make a valid policy invalid', () => {
    const text = '\uFEFF{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "ecs:DescribeInstances", "Resource": "*"}]}';
    expect(lint(text).messages).toEqual([]);
  });

  it('does not shift the findings of rules', () => {
    const text = '\uFEFF{"Version": "1", "Statement": [{"Effect": "allow", "Action": "ecs:DescribeInstances", "Resource": "*"}]}';
    const found = lint(text).messages.filter((m) => m.ruleId === 'invalid-effect');
    expect(found.map((m) => [m.line, m.column, covered(text, m)])).toEqual([[1, 43, '"allow"']]);
  });

  it('alone is an empty file', () => {
    const [m] = lint('\uFEFF').messages as [LintMessage];
    expect([m.ruleId, m.message, m.line, m.column]).toEqual(['invalid-json', 'The file is empty; a RAM policy is a JSON object.', 1, 1]);
  });
});

describe('nesting depth', () => {
  const tooDeep = `JSON nesting is deeper than ${MAX_NESTING_DEPTH} levels; a RAM policy needs about 6, so ramlint stops reading here.`;

  it('100,000 opening brackets give one finding at the first bracket too deep, not a crash', () => {
    const text = '['.repeat(100_000);
    const result = lint(text);
    expect(result.messages.map((m) => [m.ruleId, m.message, m.line, m.column, m.endLine, m.endColumn, covered(text, m)])).toEqual([
      ['invalid-json', tooDeep, 1, MAX_NESTING_DEPTH + 1, 1, MAX_NESTING_DEPTH + 2, '['],
    ]);
  });

  it('100,000 balanced levels of arrays and objects give one finding', () => {
    const text = `${'{"a": ['.repeat(50_000)}${']}'.repeat(50_000)}`;
    const result = lint(text);
    expect(result.messages.map((m) => [m.ruleId, m.message, m.offset])).toEqual([['invalid-json', tooDeep, 7 * 50]]);
  });

  it(`${MAX_NESTING_DEPTH} levels are still read`, () => {
    const text = `${'['.repeat(MAX_NESTING_DEPTH)}${']'.repeat(MAX_NESTING_DEPTH)}`;
    expect(lint(text).messages.map((m) => m.ruleId)).not.toContain('invalid-json');
  });

  it('brackets inside strings do not count', () => {
    const text = JSON.stringify({ Version: '1', Statement: [{ Effect: 'Allow', Action: 'ecs:DescribeInstances', Resource: `acs:ecs:*:*:instance/${'['.repeat(300)}` }] });
    expect(lint(text).messages.map((m) => m.ruleId)).not.toContain('invalid-json');
  });
});

describe('duplicate keys', () => {
  const text = `{
  "Version": "1",
  "Statement": [
    {
      "Effect": "Deny",
      "Action": "ecs:DeleteInstance",
      "Resource": "*",
      "Effect": "Allow",
      "Principal": {"RAM": "acs:ram::1:root", "RAM": "acs:ram::2:root"},
      "Condition": {
        "StringEquals": {"acs:SourceVpc": "vpc-1", "acs:SourceVpc": "vpc-2"},
        "StringEquals": {"acs:AccessId": "LTAI1"}
      }
    }
  ],
  "Version": "1",
  "Version": "1"
}`;

  const found = () =>
    lint(text, 'p.json')
      .messages.filter((m) => m.ruleId === 'duplicate-key')
      .map((m) => ({ line: m.line, column: m.column, text: covered(text, m), path: m.path, first: /first at line (\d+)/.exec(m.message)?.[1] }));

  it('are found at every depth, and the later key is the one reported', () => {
    expect(found()).toEqual([
      { line: 8, column: 7, text: '"Effect"', path: 'Statement[0].Effect', first: '5' },
      { line: 9, column: 47, text: '"RAM"', path: 'Statement[0].Principal.RAM', first: '9' },
      { line: 11, column: 52, text: '"acs:SourceVpc"', path: 'Statement[0].Condition.StringEquals["acs:SourceVpc"]', first: '11' },
      { line: 12, column: 9, text: '"StringEquals"', path: 'Statement[0].Condition.StringEquals', first: '11' },
      { line: 16, column: 3, text: '"Version"', path: 'Version', first: '2' },
      { line: 17, column: 3, text: '"Version"', path: 'Version', first: '2' },
    ]);
  });

  it('are not a syntax error', () => {
    expect(lint(text).messages.map((m) => m.ruleId)).not.toContain('invalid-json');
  });

  it('are kept by parseJson with both occurrences', () => {
    const parsed = parseJson('{"a": {"b": 1, "b": 2}}', { allowComments: false });
    expect(parsed.problems).toEqual([]);
    expect(parsed.duplicateKeys.map((d) => [d.key, d.first.offset, d.node.offset])).toEqual([['b', 7, 15]]);
  });

  it('in different objects are not duplicates', () => {
    const parsed = parseJson('{"Statement": [{"Effect": "Allow"}, {"Effect": "Deny"}]}', { allowComments: false });
    expect(parsed.duplicateKeys).toEqual([]);
  });
});
