/**
 * fixText: apply the safe fixes of the current findings, re-lint, repeat
 * (at most MAX_FIX_PASSES times). A fix that overlaps one already taken waits
 * for the next pass instead of being dropped; waived findings are not fixed;
 * the byte-order mark, line endings, layout and comments are kept; fixing a
 * fixed text changes nothing.
 */
import { fixText, MAX_FIX_PASSES } from '../../src/engine/fix';
import type { LintOptions } from '../../src/engine/linter';
import { defineRule, type Rule } from '../../src/engine/rule';
import { builtinRules } from '../../src/rules';

function fix(text: string, options: Partial<LintOptions> = {}) {
  return fixText(text, { rules: builtinRules, filePath: 'p.json', ...options });
}

/** A rule that reports nothing and counts how often the engine linted. */
function counter(): { rule: Rule; count: () => number } {
  let n = 0;
  const rule = defineRule({
    meta: { id: 'test/count', category: 'correctness', defaultSeverity: 'info', description: 'Counts lint runs.', fixable: 'none', messages: { m: 'm' } },
    check() {
      n++;
    },
  }) as Rule;
  return { rule, count: () => n };
}

function withCounter(): { rules: Map<string, Rule>; lints: () => number } {
  const c = counter();
  return { rules: new Map([...builtinRules, [c.rule.meta.id, c.rule]]), lints: c.count };
}

describe('passes', () => {
  it('fixes what an earlier fix made fixable: a renamed "version" then gets its value fixed', () => {
    const { rules, lints } = withCounter();
    // A Deny, whose misspelt elements can only forbid more once renamed, so every rename is a safe fix.
    const outcome = fix('{"version": 1, "Statement": {"effect": "deny", "action": "ecs:Describe*", "resource": "*"}}', { rules });
    expect(outcome.output).toBe('{"Version": "1", "Statement": [{"Effect": "Deny", "Action": "ecs:Describe*", "Resource": "*"}]}');
    expect(outcome.changed).toBe(true);
    expect(outcome.result.messages).toEqual([]);
    // Pass 1 renames the keys and wraps the single statement, pass 2 fixes the values they hold (the number, "deny"): the first lint plus one per pass.
    expect(lints()).toBe(3);
  });

  it('non-overlapping fixes of one pass are applied together', () => {
    const { rules, lints } = withCounter();
    const outcome = fix('{"Version": "1", "Statement": {"Effect": "deny", "Action": ["ecs:Describe*", "ECS:describe*"], "Resource": "*"}}', { rules });
    expect(outcome.output).toBe('{"Version": "1", "Statement": [{"Effect": "Deny", "Action": ["ecs:Describe*"], "Resource": "*"}]}');
    expect(lints()).toBe(2);
  });

  it('a replacement and a deletion that only touch it are applied in the same pass', () => {
    // Removing the second entry deletes from the end of the first, whose whitespace fix replaces it.
    const { rules, lints } = withCounter();
    const outcome = fix('{"Version": "1", "Statement": [{"Effect": "Allow", "Action": ["ecs :Describe*", "ecs :Describe*"], "Resource": "*"}]}', { rules });
    expect(outcome.output).toBe('{"Version": "1", "Statement": [{"Effect": "Allow", "Action": ["ecs:Describe*"], "Resource": "*"}]}');
    expect(outcome.result.messages).toEqual([]);
    expect(lints()).toBe(2);
  });

  it('an insertion at the edge of a fix already taken is deferred to the next pass, not lost', () => {
    const insertAt = (id: string, text: string) =>
      defineRule({
        meta: { id, category: 'suggestion', defaultSeverity: 'warning', description: 'Inserts.', fixable: 'safe', messages: { m: 'm' } },
        check(context) {
          const v = context.policy.version;
          if (v && !context.source.text.includes(text)) context.report({ messageId: 'm', node: v.valueNode, path: v.path, fix: [{ offset: v.valueNode.offset, length: 0, text }] });
        },
      }) as Rule;
    const c = counter();
    const rules = new Map<string, Rule>([['test/a', insertAt('test/a', '/*a*/')], ['test/b', insertAt('test/b', '/*b*/')], [c.rule.meta.id, c.rule]]);
    const outcome = fix('{"Version": "1", "Statement": []}', { rules, filePath: 'p.jsonc' });
    expect(outcome.output.match(/\/\*[ab]\*\//g)?.sort()).toEqual(['/*a*/', '/*b*/']);
    expect(c.count()).toBe(3);
  });

  it('overlapping fixes of two rules on one node: the first is taken, the other re-reported and applied next pass', () => {
    const wrapFirst = defineRule({
      meta: { id: 'test/first-only', category: 'suggestion', defaultSeverity: 'warning', description: 'Keeps the first action.', fixable: 'safe', messages: { m: 'm' } },
      check(context) {
        for (const st of context.policy.statements) {
          const action = st.action;
          if (action?.isArray && action.values.length > 1) {
            context.report({ messageId: 'm', node: action.valueNode, fix: [{ offset: action.valueNode.offset, length: action.valueNode.length, text: JSON.stringify(action.values[0]?.value) }] });
          }
        }
      },
    }) as Rule;
    const squeeze = defineRule({
      meta: { id: 'test/squeeze', category: 'suggestion', defaultSeverity: 'warning', description: 'Removes spaces.', fixable: 'safe', messages: { m: 'm' } },
      check(context) {
        for (const st of context.policy.statements) {
          for (const v of st.action?.values ?? []) {
            if (/\s/.test(v.value)) context.report({ messageId: 'm', node: v.node, fix: [{ offset: v.node.offset, length: v.node.length, text: JSON.stringify(v.value.replace(/\s+/g, '')) }] });
          }
        }
      },
    }) as Rule;
    const c = counter();
    const rules = new Map([wrapFirst, squeeze, c.rule].map((r) => [r.meta.id, r]));
    const outcome = fixText('{"Statement": [{"Action": ["a :b", "c :d"]}]}', { rules });
    expect(outcome.output).toBe('{"Statement": [{"Action": "a:b"}]}');
    expect(c.count()).toBe(3);
  });

  it(`stops after ${MAX_FIX_PASSES} passes even if a fix never converges`, () => {
    const grow = defineRule({
      meta: { id: 'test/grow', category: 'suggestion', defaultSeverity: 'warning', description: 'Always wants a space more.', fixable: 'safe', messages: { m: 'm' } },
      check(context) {
        context.report({ messageId: 'm', node: { offset: 0, length: 0 }, path: [], fix: [{ offset: context.source.text.length, length: 0, text: ' ' }] });
      },
    }) as Rule;
    const outcome = fixText('{}', { rules: new Map([[grow.meta.id, grow]]) });
    expect(outcome.output).toBe(`{}${' '.repeat(MAX_FIX_PASSES)}`);
    expect(outcome.result.messages).toHaveLength(1);
  });

  it('a fix that leaves the text as it was ends the loop', () => {
    const same = defineRule({
      meta: { id: 'test/same', category: 'suggestion', defaultSeverity: 'warning', description: 'A no-op fix.', fixable: 'safe', messages: { m: 'm' } },
      check(context) {
        context.report({ messageId: 'm', node: { offset: 0, length: 1 }, path: [], fix: [{ offset: 0, length: 1, text: '{' }] });
      },
    }) as Rule;
    const outcome = fixText('{}', { rules: new Map([[same.meta.id, same]]) });
    expect(outcome.changed).toBe(false);
    expect(outcome.output).toBe('{}');
    expect(outcome.result.output).toBeUndefined();
  });
});

describe('only safe fixes of reported findings', () => {
  it('suggestions are never applied', () => {
    const text = '{"Version": "2", "Statement": [{"Effect": "Allow", "Action": "ecs:Describe*", "Resource": "*"}]}';
    const outcome = fix(text);
    expect(outcome.changed).toBe(false);
    expect(outcome.output).toBe(text);
    expect(outcome.result.messages.map((m) => [m.ruleId, m.suggestions?.length])).toEqual([['invalid-version', 1]]);
  });

  it('a rule turned off fixes nothing', () => {
    const text = '{"Version": "1", "Statement": [{"Effect": "allow", "Action": "ecs:Describe*", "Resource": "*"}]}';
    expect(fix(text, { settings: { 'invalid-effect': { severity: 'off' } } }).changed).toBe(false);
    expect(fix(text).output).toContain('"Effect": "Allow"');
  });

  it('invalid JSON is left alone', () => {
    const outcome = fix('{"Version": "1", "Statement": [');
    expect(outcome.changed).toBe(false);
    expect(outcome.result.messages.map((m) => m.ruleId)).toEqual(['invalid-json']);
  });
});

describe('waived findings are not fixed', () => {
  const text = `{
  "Version": "1",
  "Statement": [
    {
      // ramlint-disable-next-line invalid-effect -- the deploy tool expects lower case
      "Effect": "allow",
      "Action": ["ecs:Describe*", "ecs:describe*"],
      "Resource": "*"
    }
  ]
}
`;

  it('by an inline directive', () => {
    const outcome = fix(text, { filePath: 'p.jsonc' });
    expect(outcome.output).toBe(text.replace(', "ecs:describe*"', ''));
    expect(outcome.result.suppressedMessages.map((m) => m.ruleId)).toEqual(['invalid-effect']);
  });

  it('by a config waiver, but again once it has expired', () => {
    const waiver = { id: 'ramlint.config.jsonc: waivers[0]', rule: 'duplicate-list-entry', reason: 'kept for the audit', expires: '2024-06-30' };
    const active = fix(text, { filePath: 'p.jsonc', waivers: [waiver], today: '2024-06-30' });
    expect(active.changed).toBe(false);
    expect(active.result.suppressedMessages.map((m) => m.ruleId).sort()).toEqual(['duplicate-list-entry', 'invalid-effect']);
    const expired = fix(text, { filePath: 'p.jsonc', waivers: [waiver], today: '2024-07-01' });
    expect(expired.output).toBe(text.replace(', "ecs:describe*"', ''));
  });
});

describe('what fixing keeps', () => {
  it('the byte-order mark', () => {
    const outcome = fix('\uFEFF{"Version": "1", "Statement": [{"Effect": "allow", "Action": "ecs:Describe*", "Resource": "*"}]}');
    expect(outcome.output).toBe('\uFEFF{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "ecs:Describe*", "Resource": "*"}]}');
    expect(outcome.result.output).toBe(outcome.output);
  });

  it('CRLF line endings, also in inserted members', () => {
    const text = '{\r\n  "Statement": [\r\n    {\r\n      "Effect": "allow",\r\n      "Action": "ecs:Describe*",\r\n      "Resource": "*"\r\n    }\r\n  ]\r\n}\r\n';
    const outcome = fix(text);
    expect(outcome.output).toBe('{\r\n  "Version": "1",\r\n  "Statement": [\r\n    {\r\n      "Effect": "Allow",\r\n      "Action": "ecs:Describe*",\r\n      "Resource": "*"\r\n    }\r\n  ]\r\n}\r\n');
    expect(outcome.output.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('comments, layout and the rest of the text', () => {
    const text = `// deploy role
{
  /* no Version yet */
  "Statement": [
    {
      "Effect":   "deny", // trailing
      "Action": [
        "ecs:Describe*", // first
        "ECS:Describe*"  // repeat
      ],
      "Resource": "*"
    }
  ]
}
`;
    const outcome = fix(text, { filePath: 'p.jsonc' });
    // The comment after the removed entry stays on its line (how far it is indented is not the point).
    expect(outcome.output.replace(/^ +\/\/ repeat$/m, '        // repeat')).toBe(`// deploy role
{
  /* no Version yet */
  "Version": "1",
  "Statement": [
    {
      "Effect":   "Deny", // trailing
      "Action": [
        "ecs:Describe*" // first
        // repeat
      ],
      "Resource": "*"
    }
  ]
}
`);
  });
});

describe('idempotence', () => {
  it.each([
    ['lower-case keys', '{"version": 1, "statement": {"effect": "allow", "action": ["ecs:A", "ECS:a"], "resource": "*"}}'],
    ['a BOM and CRLF', '\uFEFF{\r\n  "Statement": {\r\n    "Effect": "deny",\r\n    "Action": "ecs:Describe*",\r\n    "Resource": "*"\r\n  }\r\n}\r\n'],
    ['condition operators', '{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "ecs:Describe*", "Resource": "*", "Condition": {"ipaddress": {"acs:SourceIp": "10.0.0.0/8"}}}]}'],
  ])('fixing the fixed text of %s changes nothing', (_name, text) => {
    const first = fix(text);
    expect(first.changed).toBe(true);
    const second = fix(first.output);
    expect(second.changed).toBe(false);
    expect(second.output).toBe(first.output);
    expect(second.result.output).toBeUndefined();
  });
});

describe('many duplicates', () => {
  it('removes 65,536 repeats of one action in a single pass, and fixing again changes nothing', () => {
    const { rules, lints } = withCounter();
    const text = JSON.stringify({ Version: '1', Statement: [{ Effect: 'Allow', Action: Array(65_536).fill('ecs:DescribeInstances'), Resource: '*' }] }, null, 2);
    const outcome = fix(text, { rules });
    expect(JSON.parse(outcome.output).Statement[0].Action).toEqual(['ecs:DescribeInstances']);
    expect(outcome.result.messages).toEqual([]);
    // The first lint, and one after the only pass.
    expect(lints()).toBe(2);
    expect(fix(outcome.output).changed).toBe(false);
  });

  it('removes interleaved repeats of several entries in one pass', () => {
    const { rules, lints } = withCounter();
    const actions = Array.from({ length: 3_000 }, (_, i) => ['ecs:A', 'ecs:B', 'ecs:C'][i % 3]);
    const outcome = fix(JSON.stringify({ Version: '1', Statement: [{ Effect: 'Allow', Action: actions, Resource: '*' }] }), { rules });
    expect(JSON.parse(outcome.output).Statement[0].Action).toEqual(['ecs:A', 'ecs:B', 'ecs:C']);
    expect(lints()).toBe(2);
  });
});
