/**
 * The engine's contract: rules run in isolation, their metadata is enforced,
 * configuration applies, findings come back sorted, and no input makes
 * lintText throw.
 */
import { lintText, type LintOptions, type RuleSetting } from '../../src/engine/linter';
import { defineRule, type Rule, type RuleContext } from '../../src/engine/rule';
import { type LintMessage, POLICY_KINDS, type PolicyKind } from '../../src/engine/types';
import { builtinRules } from '../../src/rules';
import type { Waiver } from '../../src/engine/waivers';

const twoStatements = `{
  "Version": "1",
  "Statement": [
    {"Effect": "Allow", "Action": "ecs:DescribeInstances", "Resource": "*"},
    {"Effect": "Deny", "Action": "ecs:DeleteInstance", "Resource": "*"}
  ]
}`;

/** A rule that reports the given node of each statement (its "Effect" value by default). */
function effectRule(id: string, extra: Partial<Rule['meta']> = {}, pick: (ctx: RuleContext, i: number) => boolean = () => true): Rule {
  return defineRule({
    meta: { id, category: 'correctness', defaultSeverity: 'error', description: 'Test rule.', fixable: 'none', messages: { found: 'Found {{effect}}.' }, ...extra },
    check(context) {
      context.policy.statements.forEach((st, i) => {
        if (!st.effect || !pick(context, i)) return;
        context.report({ messageId: 'found', node: st.effect.valueNode, data: { effect: String(st.effectValue) } });
      });
    },
  }) as Rule;
}

function run(rules: Rule[], options: Partial<LintOptions> = {}, text = twoStatements) {
  return lintText(text, { ...options, rules: new Map(rules.map((r) => [r.meta.id, r])) });
}

const brief = (m: LintMessage) => ({ ruleId: m.ruleId, severity: m.severity, line: m.line, column: m.column, path: m.path });

describe('rule failures become internal-error findings', () => {
  const throwing = defineRule({
    meta: { id: 'test/throws', category: 'correctness', defaultSeverity: 'error', description: 'Throws.', fixable: 'none', messages: { found: 'Found.' } },
    check(context) {
      if (context.policy.root) context.report({ messageId: 'found', node: context.policy.root });
      throw new Error('boom');
    },
  }) as Rule;

  it('a rule that throws yields one internal-error at the start of the file, and its other findings are dropped', () => {
    const result = run([throwing]);
    expect(result.messages).toEqual([
      {
        ruleId: 'internal-error',
        category: 'correctness',
        severity: 'error',
        message: 'Rule "test/throws" failed on this file, so the file was not fully checked: boom',
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
        path: '',
        offset: 0,
        endOffset: 0,
      },
    ]);
    expect(result.errorCount).toBe(1);
  });

  it('the other rules still run', () => {
    const result = run([throwing, effectRule('test/ok')]);
    expect(result.messages.map(brief)).toEqual([
      { ruleId: 'internal-error', severity: 'error', line: 1, column: 1, path: '' },
      { ruleId: 'test/ok', severity: 'error', line: 4, column: 16, path: 'Statement[0].Effect' },
      { ruleId: 'test/ok', severity: 'error', line: 5, column: 16, path: 'Statement[1].Effect' },
    ]);
  });

  it('a thrown non-Error value is described too', () => {
    const rule = defineRule({
      meta: { id: 'test/throws-string', category: 'correctness', defaultSeverity: 'warning', description: 'Throws a string.', fixable: 'none', messages: {} },
      check() {
        throw 'not an Error';
      },
    }) as Rule;
    expect(run([rule]).messages.map((m) => [m.ruleId, m.severity, m.message])).toEqual([
      ['internal-error', 'error', 'Rule "test/throws-string" failed on this file, so the file was not fully checked: not an Error'],
    ]);
  });

  it('a rule that throws on a non-object document is still isolated', () => {
    const rule = defineRule({
      meta: { id: 'test/assumes-object', category: 'correctness', defaultSeverity: 'error', description: 'Assumes an object.', fixable: 'none', messages: {} },
      check(context) {
        (context.policy.root?.children as unknown as { x: () => void }).x();
      },
    }) as Rule;
    expect(run([rule], {}, '42').messages.map((m) => m.ruleId)).toEqual(['internal-error']);
  });

  const misbehaving: [string, Partial<Rule['meta']>, Parameters<RuleContext['report']>[0], string][] = [
    ['an undeclared message id', {}, { messageId: 'nope', node: { offset: 0, length: 1 }, path: [] }, 'rule reported undeclared message id "nope"'],
    ['an inherited property name as message id', {}, { messageId: 'toString', node: { offset: 0, length: 1 }, path: [] }, 'rule reported undeclared message id "toString"'],
    [
      'a fix without fixable: "safe"',
      { fixable: 'none' },
      { messageId: 'found', node: { offset: 0, length: 1 }, path: [], fix: [{ offset: 0, length: 0, text: ' ' }] },
      'rule reported a fix but does not declare fixable: "safe"',
    ],
    [
      'suggestions without hasSuggestions',
      {},
      { messageId: 'found', node: { offset: 0, length: 1 }, path: [], suggestions: [{ desc: 'Do it.', edits: [{ offset: 0, length: 0, text: ' ' }] }] },
      'rule reported suggestions but does not declare hasSuggestions',
    ],
  ];
  for (const [name, meta, descriptor, reason] of misbehaving) {
    it(`reporting ${name} becomes internal-error`, () => {
      const rule = defineRule({
        meta: { id: 'test/misbehaves', category: 'correctness', defaultSeverity: 'error', description: 'Misbehaves.', fixable: 'none', messages: { found: 'Found.' }, ...meta },
        check(context) {
          context.report(descriptor);
        },
      }) as Rule;
      expect(run([rule]).messages.map((m) => [m.ruleId, m.message])).toEqual([
        ['internal-error', `Rule "test/misbehaves" failed on this file, so the file was not fully checked: ${reason}`],
      ]);
    });
  }

  it('declared fixes and suggestions are passed through', () => {
    const fix = [{ offset: 0, length: 0, text: ' ' }];
    const suggestions = [{ desc: 'Do it.', edits: [{ offset: 1, length: 0, text: ' ' }] }];
    const rule = defineRule({
      meta: { id: 'test/fixes', category: 'correctness', defaultSeverity: 'error', description: 'Fixes.', fixable: 'safe', hasSuggestions: true, messages: { found: 'Found.' } },
      check(context) {
        context.report({ messageId: 'found', node: { offset: 0, length: 1 }, path: [], fix, suggestions });
      },
    }) as Rule;
    const [m] = run([rule]).messages;
    expect([m?.ruleId, m?.messageId, m?.fix, m?.suggestions]).toEqual(['test/fixes', 'found', fix, suggestions]);
    expect(run([rule]).fixableCount).toBe(1);
  });
});

describe('settings', () => {
  const rule = effectRule('test/effect');
  const settings = (s: RuleSetting) => ({ 'test/effect': s });

  it('a rule without a setting runs at its default severity', () => {
    expect(run([rule]).messages.map((m) => m.severity)).toEqual(['error', 'error']);
  });

  it('"off" disables the rule', () => {
    const result = run([rule, effectRule('test/other')], { settings: settings({ severity: 'off' }) });
    expect(result.messages.map((m) => m.ruleId)).toEqual(['test/other', 'test/other']);
  });

  it('"off" does not silence invalid-json, which is not a rule', () => {
    const result = lintText('{,}', { rules: builtinRules, settings: { 'invalid-json': { severity: 'off' } } });
    expect(result.messages.map((m) => m.ruleId)).toEqual(['invalid-json']);
  });

  it('a configured severity applies and is counted', () => {
    const warned = run([rule], { settings: settings({ severity: 'warning' }) });
    expect(warned.messages.map((m) => m.severity)).toEqual(['warning', 'warning']);
    expect([warned.errorCount, warned.warningCount, warned.infoCount]).toEqual([0, 2, 0]);
    const info = run([rule], { settings: settings({ severity: 'info' }) });
    expect([info.errorCount, info.warningCount, info.infoCount]).toEqual([0, 0, 2]);
  });

  it('a configured severity can raise a rule above its default', () => {
    const lenient = effectRule('test/lenient', { defaultSeverity: 'info' });
    expect(run([lenient], { settings: { 'test/lenient': { severity: 'error' } } }).messages.map((m) => m.severity)).toEqual(['error', 'error']);
  });

  it('messageSeverityCap caps the default and a configured severity, but never raises one', () => {
    const capped = effectRule('test/effect', { messageSeverityCap: { found: 'warning' } });
    expect(run([capped]).messages.map((m) => m.severity)).toEqual(['warning', 'warning']);
    expect(run([capped], { settings: settings({ severity: 'error' }) }).messages.map((m) => m.severity)).toEqual(['warning', 'warning']);
    expect(run([capped], { settings: settings({ severity: 'info' }) }).messages.map((m) => m.severity)).toEqual(['info', 'info']);
  });

  it('options are merged over the declared defaults', () => {
    const seen: unknown[] = [];
    const rule2 = defineRule({
      meta: {
        id: 'test/options',
        category: 'correctness',
        defaultSeverity: 'error',
        description: 'Reads options.',
        fixable: 'none',
        messages: {},
        options: {
          strict: { type: 'boolean', description: 'Strict.', default: false },
          limit: { type: 'number', description: 'Limit.', default: 3 },
        },
      },
      check(context) {
        seen.push(context.options);
      },
    }) as Rule;
    run([rule2]);
    run([rule2], { settings: { 'test/options': { severity: 'warning', options: { limit: 9 } } } });
    expect(seen).toEqual([{ strict: false, limit: 3 }, { strict: false, limit: 9 }]);
  });

  it('message data is interpolated; an unknown placeholder stays visible', () => {
    const rule2 = defineRule({
      meta: { id: 'test/data', category: 'correctness', defaultSeverity: 'error', description: 'Data.', fixable: 'none', messages: { m: 'A {{known}} and {{ spaced }} and {{unknown}}.' } },
      check(context) {
        context.report({ messageId: 'm', node: { offset: 0, length: 1 }, path: [], data: { known: 'x', spaced: 2 } });
      },
    }) as Rule;
    expect(run([rule2]).messages.map((m) => m.message)).toEqual(['A x and 2 and {{unknown}}.']);
  });
});

describe('the rule set', () => {
  it('a Map changed between calls is read afresh', () => {
    const rules = new Map<string, Rule>([['test/a', effectRule('test/a')]]);
    expect(lintText(twoStatements, { rules }).messages.map((m) => m.ruleId)).toEqual(['test/a', 'test/a']);
    rules.set('test/b', effectRule('test/b'));
    expect(lintText(twoStatements, { rules }).messages.map((m) => m.ruleId)).toEqual(['test/a', 'test/b', 'test/a', 'test/b']);
    rules.set('test/a', effectRule('test/c'));
    rules.delete('test/b');
    expect(lintText(twoStatements, { rules }).messages.map((m) => m.ruleId)).toEqual(['test/c', 'test/c']);
  });
});

describe('foldsInto', () => {
  const admin = effectRule('test/admin', {}, (_ctx, i) => i === 0);
  const narrow = effectRule('test/narrow', { foldsInto: ['test/admin'], defaultSeverity: 'warning' });

  it('drops a finding when the rule it folds into reported in the same statement only', () => {
    expect(run([admin, narrow]).messages.map(brief)).toEqual([
      { ruleId: 'test/admin', severity: 'error', line: 4, column: 16, path: 'Statement[0].Effect' },
      { ruleId: 'test/narrow', severity: 'warning', line: 5, column: 16, path: 'Statement[1].Effect' },
    ]);
  });

  it('keeps the finding when that rule is reported at a lower severity (admin-access set to info hides no error)', () => {
    const result = run([admin, narrow], { settings: { 'test/admin': { severity: 'info' } } });
    expect(result.messages.map((m) => [m.ruleId, m.severity, m.path])).toEqual([
      ['test/admin', 'info', 'Statement[0].Effect'],
      ['test/narrow', 'warning', 'Statement[0].Effect'],
      ['test/narrow', 'warning', 'Statement[1].Effect'],
    ]);
    expect(result.warningCount).toBe(2);
  });

  it('folds at the same severity', () => {
    const result = run([admin, narrow], { settings: { 'test/admin': { severity: 'warning' } } });
    expect(result.messages.map((m) => [m.ruleId, m.path])).toEqual([
      ['test/admin', 'Statement[0].Effect'],
      ['test/narrow', 'Statement[1].Effect'],
    ]);
  });

  it('keeps the finding when the finding it would fold into is waived: a waiver of admin-access waives nothing else', () => {
    const waiver = { id: 'cfg: waivers[0]', rule: 'test/admin', statement: 0, reason: 'break-glass role' };
    const result = run([admin, narrow], { waivers: [waiver], today: '2026-01-01' });
    expect(result.messages.map((m) => [m.ruleId, m.path])).toEqual([
      ['test/narrow', 'Statement[0].Effect'],
      ['test/narrow', 'Statement[1].Effect'],
    ]);
    expect(result.suppressedMessages.map((m) => m.ruleId)).toEqual(['test/admin']);
  });

  it('keeps every finding when the rule it folds into is off', () => {
    const result = run([admin, narrow], { settings: { 'test/admin': { severity: 'off' } } });
    expect(result.messages.map((m) => [m.ruleId, m.path])).toEqual([
      ['test/narrow', 'Statement[0].Effect'],
      ['test/narrow', 'Statement[1].Effect'],
    ]);
  });

  it('keeps findings outside any statement', () => {
    const topLevel = defineRule({
      meta: { id: 'test/top', category: 'correctness', defaultSeverity: 'error', description: 'Top.', fixable: 'none', foldsInto: ['test/admin'], messages: { m: 'Top.' } },
      check(context) {
        const v = context.policy.version;
        if (v) context.report({ messageId: 'm', node: v.valueNode });
      },
    }) as Rule;
    expect(run([admin, topLevel]).messages.map((m) => [m.ruleId, m.path])).toEqual([
      ['test/top', 'Version'],
      ['test/admin', 'Statement[0].Effect'],
    ]);
  });

  it('works for a single-object Statement', () => {
    const text = '{"Version": "1", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}';
    expect(run([effectRule('test/admin'), narrow], {}, text).messages.map((m) => [m.ruleId, m.path])).toEqual([['test/admin', 'Statement.Effect']]);
  });
});

describe('results', () => {
  it('findings are sorted by position, then end, then rule id, whatever order the rules report in', () => {
    const backwards = defineRule({
      meta: { id: 'test/a-backwards', category: 'correctness', defaultSeverity: 'error', description: 'Backwards.', fixable: 'none', messages: { m: 'M.' } },
      check(context) {
        const statements = [...context.policy.statements].reverse();
        for (const st of statements) {
          if (st.resource) context.report({ messageId: 'm', node: st.resource.valueNode });
          if (st.action) context.report({ messageId: 'm', node: st.action.valueNode });
          context.report({ messageId: 'm', node: st.node });
        }
      },
    }) as Rule;
    const messages = run([effectRule('test/z-effect'), backwards, effectRule('test/b-effect')]).messages;
    expect(messages.map((m) => `${m.line}:${m.column}-${m.endColumn} ${m.ruleId}`)).toEqual([
      '4:5-76 test/a-backwards',
      '4:16-23 test/b-effect',
      '4:16-23 test/z-effect',
      '4:35-58 test/a-backwards',
      '4:72-75 test/a-backwards',
      '5:5-72 test/a-backwards',
      '5:16-22 test/b-effect',
      '5:16-22 test/z-effect',
      '5:34-54 test/a-backwards',
      '5:68-71 test/a-backwards',
    ]);
  });

  it('identical findings are reported once', () => {
    const twice = defineRule({
      meta: { id: 'test/twice', category: 'correctness', defaultSeverity: 'error', description: 'Twice.', fixable: 'none', messages: { m: 'M.' } },
      check(context) {
        context.report({ messageId: 'm', node: { offset: 0, length: 1 }, path: [] });
        context.report({ messageId: 'm', node: { offset: 0, length: 1 }, path: [] });
      },
    }) as Rule;
    expect(run([twice]).messages).toHaveLength(1);
  });

  it('the file path is carried into the result', () => {
    expect(run([], { filePath: 'policies/a.json' }).filePath).toBe('policies/a.json');
    expect(run([]).filePath).toBe('<text>');
  });
});

describe('policy kind', () => {
  const trust = '{"Version": "1", "Statement": [{"Effect": "Allow", "Principal": {"Service": ["ecs.aliyuncs.com"]}, "Action": "sts:AssumeRole"}]}';
  const bucket = '{"Version": "1", "Statement": [{"Effect": "Allow", "Principal": ["1"], "Action": "oss:GetObject", "Resource": "acs:oss:*:*:b/*"}]}';
  const kms = '{"Version": "1", "Statement": [{"Effect": "Allow", "Principal": {"RAM": "acs:ram::1:root"}, "Action": "kms:*", "Resource": "*"}]}';

  it.each([
    ['a policy without Principal', twoStatements, 'permission'],
    ['a Principal with sts actions', trust, 'trust'],
    ['a Principal with oss actions', bucket, 'bucket'],
    ['a Principal with other actions and resources', kms, 'resource'],
  ])('is detected: %s', (_name, text, kind) => {
    expect(run([], {}, text).kind).toBe(kind);
  });

  it('is undefined when the document does not parse', () => {
    expect(run([], {}, '{').kind).toBeUndefined();
  });

  const trustOnly = effectRule('test/trust-only', { kinds: ['trust'] });
  for (const kind of POLICY_KINDS) {
    it(`the kind option "${kind}" overrides detection`, () => {
      const seen: PolicyKind[] = [];
      const probe = defineRule({
        meta: { id: 'test/probe', category: 'correctness', defaultSeverity: 'error', description: 'Probe.', fixable: 'none', messages: {} },
        check(context) {
          seen.push(context.policy.kind);
          expect(context.policy.kindSource).toBe('given');
        },
      }) as Rule;
      const result = run([probe, trustOnly], { kind }, trust);
      expect(result.kind).toBe(kind);
      expect(seen).toEqual([kind]);
      expect(result.messages.length).toBe(kind === 'trust' ? 1 : 0);
    });
  }

  it('rules limited to other kinds do not run on a detected kind', () => {
    expect(run([trustOnly], {}, twoStatements).messages).toEqual([]);
    expect(run([trustOnly], {}, trust).messages.map((m) => m.ruleId)).toEqual(['test/trust-only']);
  });
});

describe('a ROS stack policy', () => {
  const stack = (action = '"Update:*"', principal = '"Principal": "*", ') =>
    `{"Statement": [{"Effect": "Allow", "Action": ${action}, ${principal}"Resource": "*"}, {"Effect": "Deny", "Action": "Update:Delete", "Principal": "*", "Resource": "LogicalResourceId/db"}]}`;

  it('gets one info at its first action and no rule runs', () => {
    const result = lintText(stack(), { rules: builtinRules });
    expect(result.messages.map((m) => [m.ruleId, m.severity, m.line, m.column, m.endColumn, m.path])).toEqual([['not-a-ram-policy', 'info', 1, 46, 56, 'Statement[0].Action']]);
    expect(result.messages[0]?.message).toContain('ROS stack policy ("Update:*" with Principal "*")');
    expect([result.errorCount, result.warningCount, result.infoCount]).toEqual([0, 0, 1]);
    // Not a RAM policy of any kind: the report names no kind ("detected: resource policy" contradicted the note).
    expect([result.kind, result.kindSource]).toEqual([undefined, undefined]);
  });

  it('is linted as a RAM policy when the kind is given', () => {
    const ids = lintText(stack(), { rules: builtinRules, kind: 'resource' }).messages.map((m) => m.ruleId);
    expect(ids).toEqual(expect.arrayContaining(['invalid-version', 'trust-wildcard-principal', 'invalid-arn']));
    expect(ids).not.toContain('not-a-ram-policy');
  });

  it.each([
    ['a RAM action beside the update actions', stack('["Update:*", "ecs:DescribeInstances"]')],
    ['an update action that ROS does not define', stack('"Update:Everything"')],
    ['lower case, as a RAM service code would be', stack('"update:*"')],
    ['a statement without Principal "*"', stack('"Update:*"', '')],
  ])('is not recognised with %s', (_name, text) => {
    expect(lintText(text, { rules: builtinRules }).messages.map((m) => m.ruleId)).not.toContain('not-a-ram-policy');
  });
});

describe('an AWS IAM policy', () => {
  const aws = (version: string, statement: string) => `{"Version": ${version}, "Statement": [${statement}]}`;
  const allow = (rest: string) => `{"Effect": "Allow", "Action": "s3:GetObject", ${rest}}`;

  it.each([
    ['its version', aws('"2012-10-17"', allow('"Resource": "*"')), 1, 13, 25, 'Version', '"Version": "2012-10-17"'],
    ['the older version', aws('"2008-10-17"', allow('"Resource": "*"')), 1, 13, 25, 'Version', '"Version": "2008-10-17"'],
    ['an arn:aws: resource', aws('"1"', allow('"Resource": ["acs:oss:*:*:b", "arn:aws:s3:::b/*"]')), 1, 108, 126, 'Statement[0].Resource[1]', 'the resource "arn:aws:s3:::b/*"'],
    ['an AWS principal', aws('"1"', allow('"Principal": {"AWS": "arn:aws:iam::1:root"}, "Resource": "*"')), 1, 92, 97, 'Statement[0].Principal.AWS', 'an "AWS" principal'],
  ])('is recognised by %s: one info there, no rule runs', (_name, text, line, column, endColumn, path, what) => {
    const result = lintText(text, { rules: builtinRules });
    expect(result.messages.map((m) => [m.ruleId, m.severity, m.line, m.column, m.endColumn, m.path])).toEqual([['not-a-ram-policy', 'info', line, column, endColumn, path]]);
    expect(result.messages[0]?.message).toBe(
      `This is an AWS IAM policy (${what}), not an Alibaba Cloud RAM policy; ramlint checks RAM policies, so no rule ran. Give --kind to lint it as a RAM policy anyway.`,
    );
    expect([result.kind, result.kindSource]).toEqual([undefined, undefined]);
  });

  it('is linted as a RAM policy when the kind is given', () => {
    const ids = lintText(aws('"2012-10-17"', allow('"Resource": "arn:aws:s3:::b/*"')), { rules: builtinRules, kind: 'permission' }).messages.map((m) => m.ruleId);
    expect(ids).toEqual(expect.arrayContaining(['invalid-version', 'invalid-arn']));
    expect(ids).not.toContain('not-a-ram-policy');
  });

  it('a RAM policy naming an "aws" string elsewhere is still a RAM policy', () => {
    const ids = lintText(aws('"1"', allow('"Resource": "acs:oss:*:*:arn-aws-backups/*"')), { rules: builtinRules }).messages.map((m) => m.ruleId);
    expect(ids).not.toContain('not-a-ram-policy');
  });
});

describe('lintText on arbitrary input', () => {
  /** mulberry32: a small seeded generator, so every run tests the same strings. */
  function prng(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  const ATOMS = [
    '{', '}', '[', ']', ':', ',', '"', '\\', ' ', '\n', '\r', '\t', '0', '1', '-', '.', 'e', 'true', 'false', 'null',
    '/', '*', '//', '/*', '*/', '\uFEFF', '\u2028', '😀', '\uD800', 'é', '${', '"Version"', '"1"', '"Statement"', '"Effect"',
    '"Allow"', '"Deny"', '"Action"', '"NotAction"', '"Resource"', '"NotResource"', '"Principal"', '"Condition"', '"*"',
    '"RAM"', '"Service"', '"StringEquals"', '"Bool"', '"IpAddress"', '"DateLessThan"', '"NumericEquals"', '"acs:SourceIp"',
    '"ram:PassRole"', '"sts:AssumeRole"', '"oss:*"', '"acs:oss:*:*:b/*"', '"acs:ram::1:role/*"', '{"Ref": "X"}', '"Sid"',
  ];

  const seed = `{"Version": "1", "Statement": [{"Effect": "Allow", "Principal": {"RAM": ["acs:ram::1:root"]}, "Action": ["ram:PassRole", "oss:GetObject", "sts:AssumeRole"], "Resource": ["acs:ram::1:role/*", "acs:oss:*:*:b/*"], "Condition": {"StringEquals": {"acs:Service": "ecs.aliyuncs.com"}, "Bool": {"acs:SecureTransport": ["true", "false"]}, "IpAddress": {"acs:SourceIp": "10.0.0.0/8"}}}]}`;

  function check(text: string, options: Partial<LintOptions> = {}): void {
    let result;
    try {
      result = lintText(text, { rules: builtinRules, ...options });
    } catch (error) {
      throw new Error(`lintText threw on ${JSON.stringify(text)}: ${String(error)}`);
    }
    const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
    for (const m of result.messages) {
      if (m.ruleId === 'internal-error') throw new Error(`internal-error on ${JSON.stringify(text)}: ${m.message}`);
      // (invalid-json is left out of the end check: jsonc-parser reports an unterminated `/*` at the very end one past the text.)
      const endOk = m.ruleId === 'invalid-json' || m.endOffset <= body.length;
      if (!(m.offset >= 0 && m.offset <= m.endOffset && m.offset <= body.length && endOk && m.line >= 1 && m.column >= 1)) {
        throw new Error(`bad range ${m.offset}-${m.endOffset} (${m.line}:${m.column}) from ${m.ruleId} on ${JSON.stringify(text)}`);
      }
    }
    if (result.messages.some((m) => m.ruleId === 'invalid-json') && result.messages.length !== 1) {
      throw new Error(`invalid-json must stand alone on ${JSON.stringify(text)}`);
    }
  }

  it('never throws on a few thousand random strings of JSON-ish atoms', () => {
    const random = prng(20260101);
    for (let i = 0; i < 3000; i++) {
      const length = 1 + Math.floor(random() * 24);
      let text = '';
      for (let k = 0; k < length; k++) text += ATOMS[Math.floor(random() * ATOMS.length)];
      check(text);
    }
  });

  it('never throws on a few thousand mutations of a realistic policy, for every kind', () => {
    const random = prng(7);
    const kinds: (PolicyKind | undefined)[] = [undefined, ...POLICY_KINDS];
    for (let i = 0; i < 3000; i++) {
      let text = seed;
      const edits = 1 + Math.floor(random() * 4);
      for (let k = 0; k < edits; k++) {
        const at = Math.floor(random() * (text.length + 1));
        const atom = ATOMS[Math.floor(random() * ATOMS.length)] as string;
        const op = random();
        if (op < 0.4) text = text.slice(0, at) + atom + text.slice(at);
        else if (op < 0.8) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 8));
        else text = text.slice(0, at) + atom + text.slice(at + atom.length);
      }
      check(text, { kind: kinds[i % kinds.length], filePath: i % 2 === 0 ? 'p.json' : 'p.jsonc' });
    }
  });

  it('never throws on well-formed JSON of unexpected shapes', () => {
    const shapes = [
      'null', '0', '""', '[]', '{}', '[{}]', '{"Statement": null}', '{"Statement": {}}', '{"Statement": [null, 1, "x", []]}',
      '{"Statement": [{"Condition": null}]}', '{"Statement": [{"Condition": {"StringEquals": null}}]}',
      '{"Statement": [{"Condition": {"StringEquals": {"a:b": {}}}}]}', '{"Statement": [{"Principal": {"RAM": null}}]}',
      '{"Statement": [{"Principal": []}]}', '{"Statement": [{"Principal": {}}]}', '{"Statement": [{"Action": {}, "Resource": {}}]}',
      '{"Statement": [{"Effect": null, "Action": [[]], "NotAction": [{}], "Resource": [null], "NotResource": [1]}]}',
      '{"Version": {"Ref": "V"}, "Statement": [{"Effect": {"Fn::If": []}, "Action": {"Fn::Split": []}}]}',
      '{"": "", "Statement": [{"": ""}]}',
    ];
    for (const text of shapes) for (const kind of [undefined, ...POLICY_KINDS]) check(text, { kind });
  });
});

describe('failures outside the rules', () => {
  it('become an internal-error finding, never an exception or a pass', () => {
    const hostile = {
      id: 'x',
      get rule(): string {
        throw new Error('waiver exploded');
      },
      reason: 'r',
    };
    const result = lintText('{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}', {
      rules: builtinRules,
      waivers: [hostile as unknown as Waiver],
    });
    expect(result.messages.map((m) => `${m.ruleId}: ${m.message}`)).toEqual(['internal-error: ramlint failed on this file, so the file was not checked: waiver exploded']);
    expect(result.errorCount).toBe(1);
  });
});

describe('report() derives the JSON path from the node', () => {
  it('ignores a path a JavaScript rule passes beside a node, so range and path cannot disagree', () => {
    const wrongPath = {
      meta: { id: 'test/wrong-path', category: 'correctness', defaultSeverity: 'error', description: 'Wrong path.', fixable: 'none', messages: { m: 'M.' } },
      check(context: RuleContext) {
        const st = context.policy.statements[1];
        if (st?.effect) (context.report as (d: unknown) => void)({ messageId: 'm', node: st.effect.valueNode, path: ['Statement', 0, 'Resource'] });
      },
    } as Rule;
    expect(run([wrongPath]).messages.map((m) => m.path)).toEqual(['Statement[1].Effect']);
  });

  it('keeps the path given with an offset range, and the document otherwise', () => {
    const ranges = defineRule({
      meta: { id: 'test/ranges', category: 'correctness', defaultSeverity: 'error', description: 'Ranges.', fixable: 'none', messages: { m: 'M.' } },
      check(context) {
        context.report({ messageId: 'm', node: { offset: 0, length: 1 } });
        context.report({ messageId: 'm', node: { offset: 1, length: 1 }, path: ['Statement', 1] });
      },
    });
    expect(run([ranges as Rule]).messages.map((m) => m.path)).toEqual(['', 'Statement[1]']);
  });
});
