import fc from 'fast-check';
import rule from '../../src/rules/duplicate-list-entry';
import { applyEdits } from '../../src/engine/edits';
import { fixText } from '../../src/engine/fix';
import { setIncludedIn } from '../../src/evaluation/automaton';
import { globSet } from '../../src/evaluation/glob';
import { runRule, testRule } from '../helpers/rule-tester';

type Doc = { Version: string; Statement: Record<string, unknown>[] };

/** One statement (Allow unless said otherwise) with the given members. */
const doc = (members: Record<string, unknown>, effect = 'Allow'): Doc => ({ Version: '1', Statement: [{ Effect: effect, ...members }] });
const pretty = (d: Doc) => JSON.stringify(d, null, 2);

/** The audit's repro (/tmp/audit-peers/repro/aa2-redundant.json). */
const aa2 =
  '{"Version":"1","Statement":[\n {"Effect":"Allow","Action":["oss:*","oss:GetObject"],"Resource":["acs:oss:*:*:b/*","acs:oss:*:*:b/x/*"]},\n {"Effect":"Allow","Action":"oss:GetObject","Resource":"acs:oss:*:*:b/*"}]}\n';

const withDuplicates = doc({
  Action: ['ecs:StartInstance', 'ecs:StopInstance', 'ECS:StartInstance', 'ecs:RebootInstance'],
  Resource: ['acs:ecs:*:*:instance/i-1', 'acs:ecs:*:*:instance/i-2', 'acs:ecs:*:*:instance/i-1'],
});
const deduplicated = doc({
  Action: ['ecs:StartInstance', 'ecs:StopInstance', 'ecs:RebootInstance'],
  Resource: ['acs:ecs:*:*:instance/i-1', 'acs:ecs:*:*:instance/i-2'],
});

testRule(rule, {
  valid: [
    { name: 'no repeated entries', code: deduplicated },
    { name: 'single string values', code: doc({ Action: 'ecs:StartInstance', Resource: '*' }) },
    { name: 'resources that differ only in case are different resources', code: doc({ Action: 'oss:GetObject', Resource: ['acs:oss:*:*:Logs/*', 'acs:oss:*:*:logs/*'] }) },
    { name: 'the same value in Action and Resource lists', code: doc({ Action: ['ram:*'], Resource: ['ram:*'] }) },
    {
      name: 'the same action in two statements',
      code: { Version: '1', Statement: [{ Effect: 'Allow', Action: ['ecs:StartInstance'], Resource: '*' }, { Effect: 'Deny', Action: ['ecs:StartInstance'], Resource: 'acs:ecs:*:*:instance/i-prod' }] },
    },
    { name: 'repeated Principal entries are not a list this rule reads', code: { Version: '1', Statement: [{ Effect: 'Allow', Principal: ['1', '1'], Action: 'oss:GetObject', Resource: 'acs:oss:*:*:b/*' }] } },
    { name: 'repeated non-string entries are invalid-element-type\'s finding', code: doc({ Action: [1, 1], Resource: '*' }) },
    { name: 'covered: wildcards that overlap without one covering the other', code: doc({ Action: ['oss:Get*', 'oss:*Object'], Resource: ['acs:oss:*:*:b/?', 'acs:oss:*:*:b/*x'] }) },
    { name: 'covered: resources compare exactly, so Logs/* does not cover logs/a', code: doc({ Action: 'oss:GetObject', Resource: ['acs:oss:*:*:Logs/*', 'acs:oss:*:*:logs/a'] }) },
    { name: 'covered: a masked documentation account is one account, not a wildcard', code: doc({ Action: 'oss:GetObject', Resource: ['acs:oss:*:1234****:b/*', 'acs:oss:*:123456789012:b/x'] }) },
    { name: 'covered: an entry with a placeholder covers nothing', code: doc({ Action: 'oss:GetObject', Resource: ['acs:oss:*:*:${var.bucket}/*', 'acs:oss:*:*:${var.bucket}/logs/*'] }) },
    { name: 'covered: a whole placeholder is not judged, not even beside "*"', code: doc({ Action: 'ram:GetRole', Resource: ['*', '${var.role_arn}', '<role-arn>'] }) },
    { name: 'covered: a ? cannot stand for a placeholder of unknown length', code: doc({ Action: 'oss:GetObject', Resource: ['acs:oss:*:*:????????/*', 'acs:oss:*:*:${var.b}/*'] }) },
    {
      name: 'covered: an entry covered only by another statement\'s is left alone',
      code: { Version: '1', Statement: [{ Effect: 'Allow', Action: ['oss:*'], Resource: '*' }, { Effect: 'Allow', Action: ['oss:GetObject', 'oss:PutObject'], Resource: 'acs:oss:*:*:b/*' }] },
    },
  ],
  invalid: [
    {
      name: 'a repeat after a block comment: the comments stay (.jsonc)',
      filePath: 'policies/ops.jsonc',
      code: '{"Version": "1", "Statement": [{"Effect": "Allow", "Action": ["ecs:StartInstance", "ecs:StopInstance" /* keep */, "ecs:StartInstance" // why\n], "Resource": "*"}]}',
      errors: [{ messageId: 'duplicate', line: 1, column: 115, endLine: 1, endColumn: 134, text: '"ecs:StartInstance"', path: 'Statement[0].Action[2]' }],
      output: '{"Version": "1", "Statement": [{"Effect": "Allow", "Action": ["ecs:StartInstance", "ecs:StopInstance" /* keep */  // why\n], "Resource": "*"}]}',
    },
    {
      name: 'actions compare case-insensitively, resources exactly (two-space indent)',
      code: withDuplicates,
      errors: [
        { messageId: 'duplicate', line: 9, column: 9, endLine: 9, endColumn: 28, text: '"ECS:StartInstance"', path: 'Statement[0].Action[2]', severity: 'info' },
        { messageId: 'duplicate', line: 15, column: 9, endLine: 15, endColumn: 35, text: '"acs:ecs:*:*:instance/i-1"', path: 'Statement[0].Resource[2]', severity: 'info' },
      ],
      output: JSON.stringify(deduplicated, null, 2),
    },
    {
      name: 'four-space indentation is kept',
      code: JSON.stringify(withDuplicates, null, 4),
      errors: [
        { messageId: 'duplicate', line: 9, column: 17, endLine: 9, endColumn: 36, text: '"ECS:StartInstance"' },
        { messageId: 'duplicate', line: 15, column: 17, endLine: 15, endColumn: 43, text: '"acs:ecs:*:*:instance/i-1"' },
      ],
      output: JSON.stringify(deduplicated, null, 4),
    },
    {
      name: 'tab indentation is kept',
      code: JSON.stringify(withDuplicates, null, '\t'),
      errors: [
        { messageId: 'duplicate', line: 9, column: 5, endLine: 9, endColumn: 24, text: '"ECS:StartInstance"' },
        { messageId: 'duplicate', line: 15, column: 5, endLine: 15, endColumn: 31, text: '"acs:ecs:*:*:instance/i-1"' },
      ],
      output: JSON.stringify(deduplicated, null, '\t'),
    },
    {
      name: 'CRLF line endings are kept',
      code: JSON.stringify(withDuplicates, null, 2).replace(/\n/g, '\r\n'),
      errors: [
        { messageId: 'duplicate', line: 9, column: 9, endLine: 9, endColumn: 28, text: '"ECS:StartInstance"' },
        { messageId: 'duplicate', line: 15, column: 9, endLine: 15, endColumn: 35, text: '"acs:ecs:*:*:instance/i-1"' },
      ],
      output: JSON.stringify(deduplicated, null, 2).replace(/\n/g, '\r\n'),
    },
    {
      name: 'a repeat in the middle of the list goes, its comment stays (.jsonc)',
      filePath: 'policies/ops.jsonc',
      code: `{
  "Version": "1",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": [
        "ecs:StartInstance", // start
        "ecs:StartInstance", // again
        "ecs:StopInstance"
      ],
      "Resource": "*"
    }
  ]
}`,
      errors: [{ messageId: 'duplicate', line: 8, column: 9, endLine: 8, endColumn: 28, text: '"ecs:StartInstance"', path: 'Statement[0].Action[1]' }],
      output: `{
  "Version": "1",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": [
        "ecs:StartInstance", // start
        // again
        "ecs:StopInstance"
      ],
      "Resource": "*"
    }
  ]
}`,
    },
    {
      name: 'a one-line list stays on one line',
      code: '{"Version": "1", "Statement": [{"Effect": "Allow", "Action": ["oss:GetObject", "oss:PutObject", "oss:GetObject"], "Resource": "*"}]}',
      errors: [{ messageId: 'duplicate', line: 1, column: 97, endLine: 1, endColumn: 112, text: '"oss:GetObject"', path: 'Statement[0].Action[2]' }],
      output: '{"Version": "1", "Statement": [{"Effect": "Allow", "Action": ["oss:GetObject", "oss:PutObject"], "Resource": "*"}]}',
    },
    {
      name: 'a minified policy with the same entry three times',
      code: '{"Version":"1","Statement":[{"Effect":"Allow","Action":["oss:GetObject","oss:GetObject","oss:GetObject"],"Resource":"*"}]}',
      errors: [
        { messageId: 'duplicate', line: 1, column: 73, endLine: 1, endColumn: 88, text: '"oss:GetObject"', path: 'Statement[0].Action[1]' },
        { messageId: 'duplicate', line: 1, column: 89, endLine: 1, endColumn: 104, text: '"oss:GetObject"', path: 'Statement[0].Action[2]' },
      ],
      output: '{"Version":"1","Statement":[{"Effect":"Allow","Action":["oss:GetObject"],"Resource":"*"}]}',
    },
    {
      name: 'a hand-formatted CRLF file keeps its layout',
      code: '{\r\n\t"Version": "1",\r\n\t"Statement": [{"Effect": "Allow", "Action": [\r\n\t\t"ecs:StartInstance",\r\n\t\t"ecs:StartInstance"\r\n\t], "Resource": "*"}]\r\n}',
      errors: [{ messageId: 'duplicate', line: 5, column: 3, endLine: 5, endColumn: 22, text: '"ecs:StartInstance"' }],
      output: '{\r\n\t"Version": "1",\r\n\t"Statement": [{"Effect": "Allow", "Action": [\r\n\t\t"ecs:StartInstance"\r\n\t], "Resource": "*"}]\r\n}',
    },
    {
      name: 'NotAction and NotResource lists',
      code: { Version: '1', Statement: [{ Effect: 'Deny', NotAction: ['ram:*', 'RAM:*', 'ims:*'], NotResource: ['acs:ram:*:*:role/ops', 'acs:ram:*:*:role/ops'] }] },
      errors: [
        { messageId: 'duplicate', line: 8, column: 9, endLine: 8, endColumn: 16, text: '"RAM:*"', path: 'Statement[0].NotAction[1]' },
        { messageId: 'duplicate', line: 13, column: 9, endLine: 13, endColumn: 31, text: '"acs:ram:*:*:role/ops"', path: 'Statement[0].NotResource[1]' },
      ],
      output: JSON.stringify({ Version: '1', Statement: [{ Effect: 'Deny', NotAction: ['ram:*', 'ims:*'], NotResource: ['acs:ram:*:*:role/ops'] }] }, null, 2),
    },
    {
      name: 'covered (the audit repro): an action under oss:* and a resource under b/*, removed safely',
      code: aa2,
      errors: [
        { messageId: 'covered', line: 2, column: 38, endLine: 2, endColumn: 53, text: '"oss:GetObject"', path: 'Statement[0].Action[1]', severity: 'info' },
        { messageId: 'covered', line: 2, column: 85, endLine: 2, endColumn: 104, text: '"acs:oss:*:*:b/x/*"', path: 'Statement[0].Resource[1]', severity: 'info' },
      ],
      output:
        '{"Version":"1","Statement":[\n {"Effect":"Allow","Action":["oss:*"],"Resource":["acs:oss:*:*:b/*"]},\n {"Effect":"Allow","Action":"oss:GetObject","Resource":"acs:oss:*:*:b/*"}]}\n',
    },
    {
      name: 'covered: entries before the one that covers them go, the list keeps its layout',
      code: doc({ Action: ['oss:GetObject', 'oss:PutObject', 'oss:*'], Resource: '*' }),
      errors: [
        { messageId: 'covered', line: 7, column: 9, endLine: 7, endColumn: 24, text: '"oss:GetObject"', path: 'Statement[0].Action[0]' },
        { messageId: 'covered', line: 8, column: 9, endLine: 8, endColumn: 24, text: '"oss:PutObject"', path: 'Statement[0].Action[1]' },
      ],
      output: pretty(doc({ Action: ['oss:*'], Resource: '*' })),
    },
    {
      name: 'covered: in NotAction and NotResource lists too, where removing it leaves out the same',
      code: doc({ NotAction: ['ram:*', 'ram:Get*'], NotResource: ['acs:ram:*:*:role/*', 'acs:ram:*:*:role/ops'] }, 'Deny'),
      errors: [
        { messageId: 'covered', line: 8, column: 9, endLine: 8, endColumn: 19, text: '"ram:Get*"', path: 'Statement[0].NotAction[1]' },
        { messageId: 'covered', line: 12, column: 9, endLine: 12, endColumn: 31, text: '"acs:ram:*:*:role/ops"', path: 'Statement[0].NotResource[1]' },
      ],
      output: pretty(doc({ NotAction: ['ram:*'], NotResource: ['acs:ram:*:*:role/*'] }, 'Deny')),
    },
    {
      name: 'covered: actions compare case-insensitively, but with the cases differing there is no fix',
      code: doc({ Action: ['OSS:*', 'oss:GetObject'], Resource: '*' }),
      errors: [{ messageId: 'covered', line: 8, column: 9, endLine: 8, endColumn: 24, text: '"oss:GetObject"' }],
    },
    {
      name: 'covered: a lower-case action under a lower-case wildcard is fixed',
      code: doc({ Action: ['oss:*', 'oss:getobject'], Resource: '*' }),
      errors: [{ messageId: 'covered', line: 8, column: 9, endLine: 8, endColumn: 24, text: '"oss:getobject"' }],
      output: pretty(doc({ Action: ['oss:*'], Resource: '*' })),
    },
    {
      name: 'covered: of two entries that cover each other, the later one goes',
      code: doc({ Action: ['oss:Get*', 'oss:Get**'], Resource: '*' }),
      errors: [{ messageId: 'covered', line: 8, column: 9, endLine: 8, endColumn: 20, text: '"oss:Get**"' }],
      output: pretty(doc({ Action: ['oss:Get*'], Resource: '*' })),
    },
    {
      name: 'covered and repeated: one finding each, and the fixes together leave the wildcard',
      code: doc({ Action: ['oss:GetObject', 'oss:*', 'oss:GetObject'], Resource: '*' }),
      errors: [
        { messageId: 'covered', line: 7, column: 9, endLine: 7, endColumn: 24, text: '"oss:GetObject"', path: 'Statement[0].Action[0]' },
        { messageId: 'duplicate', line: 9, column: 9, endLine: 9, endColumn: 24, text: '"oss:GetObject"', path: 'Statement[0].Action[2]' },
      ],
      output: pretty(doc({ Action: ['oss:*'], Resource: '*' })),
    },
    {
      name: 'covered: an entry with a placeholder, beside "*"',
      code: doc({ Action: 'ram:GetRole', Resource: ['*', 'acs:ram::${var.account}:role/x'] }),
      errors: [{ messageId: 'covered', line: 9, column: 9, endLine: 9, endColumn: 41, text: '"acs:ram::${var.account}:role/x"' }],
      output: pretty(doc({ Action: 'ram:GetRole', Resource: ['*'] })),
    },
    {
      name: 'covered: a chain goes to the widest entry',
      code: doc({ Action: ['oss:GetObject', 'oss:Get*', 'oss:*'], Resource: '*' }),
      errors: [
        { messageId: 'covered', line: 7, column: 9, endLine: 7, endColumn: 24, text: '"oss:GetObject"' },
        { messageId: 'covered', line: 8, column: 9, endLine: 8, endColumn: 19, text: '"oss:Get*"' },
      ],
      output: pretty(doc({ Action: ['oss:*'], Resource: '*' })),
    },
    {
      name: 'covered: a ? takes one character, so Get*bject covers Get?bject and not the other way',
      code: doc({ Action: ['oss:Get?bject', 'oss:Get*bject'], Resource: '*' }),
      errors: [{ messageId: 'covered', line: 7, column: 9, endLine: 7, endColumn: 24, text: '"oss:Get?bject"' }],
      output: pretty(doc({ Action: ['oss:Get*bject'], Resource: '*' })),
    },
    {
      name: 'repeats in a later statement carry its index in the path',
      code: {
        Version: '1',
        Statement: [
          { Effect: 'Allow', Action: ['oss:GetObject'], Resource: '*' },
          { Effect: 'Allow', Action: ['oss:PutObject', 'oss:PutObject', 'oss:DeleteObject'], Resource: 'acs:oss:*:*:uploads/*' },
        ],
      },
      errors: [{ messageId: 'duplicate', line: 15, column: 9, endLine: 15, endColumn: 24, text: '"oss:PutObject"', path: 'Statement[1].Action[1]' }],
      output: JSON.stringify(
        {
          Version: '1',
          Statement: [
            { Effect: 'Allow', Action: ['oss:GetObject'], Resource: '*' },
            { Effect: 'Allow', Action: ['oss:PutObject', 'oss:DeleteObject'], Resource: 'acs:oss:*:*:uploads/*' },
          ],
        },
        null,
        2,
      ),
    },
  ],
});

describe('duplicate-list-entry covered entries', () => {
  it('names the covering entry and its line', () => {
    const { messages } = runRule(rule, { name: '', code: doc({ Action: ['oss:*', 'oss:GetObject'], Resource: ['acs:oss:*:*:b/*', 'acs:oss:*:*:b/x/*'] }) });
    expect(messages.map((m) => m.message)).toEqual([
      'Action lists "oss:GetObject", which "oss:*" (line 7) already covers; remove it.',
      'Resource lists "acs:oss:*:*:b/x/*", which "acs:oss:*:*:b/*" (line 11) already covers; remove it.',
    ]);
  });

  it('fixes a run of covered entries in one pass', () => {
    const text = pretty(doc({ Action: [...Array.from({ length: 40 }, (_, i) => `oss:Get${i}`), 'oss:*', 'oss:Put1'], Resource: '*' }));
    const outcome = fixText(text, { rules: new Map([[rule.meta.id, rule]]), filePath: 'p.json' });
    expect(JSON.parse(outcome.output).Statement[0].Action).toEqual(['oss:*']);
    expect(outcome.result.messages).toEqual([]);
  });

  it('stays fast on many long wildcard entries, and leaves a list too large to compare alone', () => {
    const many = Array.from({ length: 400 }, (_, i) => `acs:oss:*:*:${'a*'.repeat(100)}${i}`);
    let start = Date.now();
    runRule(rule, { name: '', code: doc({ Action: 'oss:GetObject', Resource: many }) });
    expect(Date.now() - start).toBeLessThan(5000);
    const huge = Array.from({ length: 1_500 }, (_, i) => `oss:Get${i}*`);
    start = Date.now();
    const { messages } = runRule(rule, { name: '', code: doc({ Action: [...huge, 'oss:*'], Resource: '*' }) });
    expect(messages).toEqual([]);
    expect(Date.now() - start).toBeLessThan(5000);
  });
});

describe('duplicate-list-entry covered fixes keep the list\'s meaning (property test)', () => {
  const SEED = { seed: 20260517, numRuns: 500 };
  const pattern = (prefix: string, chars: string[]) => fc.array(fc.constantFrom(...chars), { maxLength: 4 }).map((cs) => `${prefix}${cs.join('')}`);
  const same = (a: string[], b: string[], ignoreCase: boolean) =>
    setIncludedIn(globSet(a, ignoreCase), [globSet(b, ignoreCase)]) === true && setIncludedIn(globSet(b, ignoreCase), [globSet(a, ignoreCase)]) === true;

  it.each([
    ['Action', pattern('s:', ['a', 'A', 'b', '*', '?'])],
    ['NotAction', pattern('s:', ['a', 'A', 'b', '*', '?'])],
    ['Resource', pattern('acs:x:*:*:', ['a', 'b', '/', '*', '?'])],
    ['NotResource', pattern('acs:x:*:*:', ['a', 'b', '/', '*', '?'])],
  ] as const)('%s: the covered entries the fixes remove leave the same union, compared case-sensitively (by the automaton)', (key, entry) => {
    fc.assert(
      fc.property(fc.array(entry, { minLength: 2, maxLength: 6 }), fc.constantFrom('Allow', 'Deny'), (list, effect) => {
        const other = key.endsWith('Action') ? { Resource: '*' } : { Action: 's:*' };
        const text = JSON.stringify({ Version: '1', Statement: [{ Effect: effect, [key]: list, ...other }] });
        const { messages } = runRule(rule, { name: '', code: text });
        const fixes = messages.filter((m) => m.messageId === 'covered').flatMap((m) => m.fix ?? []);
        const after = (JSON.parse(applyEdits(text, fixes)) as Doc).Statement[0]?.[key] as string[];
        // Case-sensitively: safe however RAM compares action names; for actions, the case-insensitive reading follows.
        expect(same(list, after, false)).toBe(true);
      }),
      SEED,
    );
  });
});
