/**
 * Inline waivers in .jsonc files: `ramlint-disable-next-line <rules> -- <reason>`
 * and `ramlint-disable-line <rules> -- <reason>`. The reason is mandatory; a
 * directive without one, without a rule, or naming an unknown rule is reported
 * (invalid-waiver) and suppresses nothing.
 */
import { directiveFinder, parseDirectives } from '../../src/engine/directives';
import { lintText } from '../../src/engine/linter';
import { SourceText } from '../../src/engine/source';
import type { LintMessage } from '../../src/engine/types';
import { builtinRules } from '../../src/rules';

const known = ['a-rule', 'b-rule'];
const parse = (text: string) => parseDirectives(new SourceText(text), known);

describe('parseDirectives', () => {
  it('reads a next-line directive: its rules, its reason, the line it waives and its own range', () => {
    const text = '{\n  // ramlint-disable-next-line a-rule -- DataWorks needs it; ticket SEC-142\n  "x": 1\n}';
    expect(parse(text)).toEqual({
      directives: [{ kind: 'next-line', targetLine: 3, line: 2, rules: ['a-rule'], reason: 'DataWorks needs it; ticket SEC-142', offset: 4, length: 73 }],
      problems: [],
    });
  });

  it('reads a same-line directive after code, with rules separated by commas or spaces', () => {
    expect(parse('{\n  "x": 1 // ramlint-disable-line a-rule, b-rule -- two rules\n}').directives).toEqual([
      { kind: 'line', targetLine: 2, line: 2, rules: ['a-rule', 'b-rule'], reason: 'two rules', offset: 11, length: 51 },
    ]);
    expect(parse('// ramlint-disable-next-line a-rule b-rule -- x\r\n{}').directives.map((d) => [d.rules, d.targetLine])).toEqual([[['a-rule', 'b-rule'], 2]]);
  });

  it('reads block comments; a next-line block comment waives the line after its end', () => {
    expect(parse('/* ramlint-disable-line a-rule -- one line */ {}').directives.map((d) => [d.kind, d.targetLine, d.reason])).toEqual([['line', 1, 'one line']]);
    expect(parse('/* ramlint-disable-next-line a-rule\n   -- spans lines */\n{}').directives.map((d) => [d.kind, d.targetLine, d.reason])).toEqual([['next-line', 3, 'spans lines']]);
  });

  it('keeps " -- " inside the reason, and accepts "--" directly followed by the reason', () => {
    expect(parse('// ramlint-disable-next-line a-rule -- a -- b').directives[0]?.reason).toBe('a -- b');
    expect(parse('// ramlint-disable-next-line a-rule --why').directives[0]?.reason).toBe('why');
    expect(parse('//ramlint-disable-line a-rule -- tight').directives[0]?.reason).toBe('tight');
  });

  const NO_REASON = 'This waiver of a-rule has no reason, so it waives nothing; add "-- " and why the risk is accepted.';

  it.each([
    ['no "--" at all', '// ramlint-disable-next-line a-rule', NO_REASON],
    ['"--" and nothing after it', '// ramlint-disable-next-line a-rule --', NO_REASON],
    ['"--" and only spaces', '// ramlint-disable-next-line a-rule --   ', NO_REASON],
    ['a same-line directive without reason', '{} // ramlint-disable-line a-rule', NO_REASON],
    ['no rule', '// ramlint-disable-next-line -- why', 'This waiver names no rule; write the rule ids it waives, then "-- " and the reason.'],
    ['an unknown rule', '// ramlint-disable-next-line a-rule z-rule -- why', 'This waiver names unknown rule "z-rule" (did you mean "a-rule"?); it waives nothing.'],
    ['two unknown rules', '// ramlint-disable-next-line x-rule y -- why', 'This waiver names unknown rules "x-rule" (did you mean "a-rule"?), "y"; it waives nothing.'],
    ['"--" glued to the rule id', '// ramlint-disable-next-line a-rule--why', 'This waiver names unknown rule "a-rule--why" (did you mean "a-rule"?); it waives nothing.'],
    ['a block-wide disable', '// ramlint-disable a-rule -- why', 'Use "ramlint-disable-next-line" or "ramlint-disable-line"; ramlint has no block-wide disable.'],
  ])('%s is a problem, not a directive', (_name, text, message) => {
    const start = text.indexOf('//');
    expect(parse(text)).toEqual({ directives: [], problems: [{ message, offset: start, length: text.length - start }] });
  });

  it.each([
    ['another tool', '// eslint-disable-next-line a-rule -- x\n{}'],
    ['a longer word', '// ramlint-disabled a-rule -- x\n{}'],
    ['text inside a string', '{"k": "// ramlint-disable-line a-rule -- x"}'],
    ['a plain comment', '// ramlint is a linter\n{}'],
  ])('%s is not a directive', (_name, text) => {
    expect(parse(text)).toEqual({ directives: [], problems: [] });
  });
});

describe('directives in lintText', () => {
  const policy = (comments: { effect?: string; action?: string; before?: string } = {}) => `{
  "Version": "1",
  "Statement": [
    {${comments.before ? `\n      ${comments.before}` : ''}
      "Effect": "allow",${comments.effect ? ` ${comments.effect}` : ''}
      "Action": ["ecs"],${comments.action ? ` ${comments.action}` : ''}
      "Resource": "*"
    }
  ]
}`;
  const lint = (text: string, filePath = 'p.jsonc', extra: { reportUnusedWaivers?: boolean } = {}) => lintText(text, { rules: builtinRules, filePath, ...extra });
  const brief = (m: LintMessage) => `${m.line}:${m.column} ${m.ruleId}`;

  it('without directives, the policy has two findings', () => {
    expect(lint(policy()).messages.map(brief)).toEqual(['5:17 invalid-effect', '6:18 invalid-action-format']);
  });

  it('a next-line directive with a reason moves the finding to suppressedMessages with its reason and line', () => {
    const result = lint(policy({ before: '// ramlint-disable-next-line invalid-effect -- the deploy tool lower-cases it' }));
    expect(result.messages.map(brief)).toEqual(['7:18 invalid-action-format']);
    expect(result.suppressedMessages.map((m) => [brief(m), m.suppressed])).toEqual([
      ['6:17 invalid-effect', { kind: 'directive', reason: 'the deploy tool lower-cases it', source: 'line 5' }],
    ]);
    expect(result.errorCount).toBe(1);
  });

  it('a same-line directive suppresses findings of the named rules on its own line only', () => {
    const result = lint(policy({ action: '// ramlint-disable-line invalid-action-format, invalid-effect -- legacy' }));
    expect(result.messages.map(brief)).toEqual(['5:17 invalid-effect']);
    expect(result.suppressedMessages.map(brief)).toEqual(['6:18 invalid-action-format']);
  });

  it('a directive for another rule suppresses nothing', () => {
    const result = lint(policy({ action: '// ramlint-disable-line admin-access -- not this one' }));
    expect(result.messages.map(brief)).toEqual(['5:17 invalid-effect', '6:18 invalid-action-format']);
    expect(result.suppressedMessages).toEqual([]);
  });

  it('a directive without a reason is an invalid-waiver warning at the comment, and the finding stays', () => {
    const result = lint(policy({ action: '// ramlint-disable-line invalid-action-format' }));
    expect(result.messages.map((m) => `${brief(m)}-${m.endLine}:${m.endColumn} ${m.severity} ${m.message}`)).toEqual([
      '5:17 invalid-effect-5:24 error Effect "allow" must be exactly "Allow"; RAM compares it character by character, case and spaces included.',
      '6:18 invalid-action-format-6:23 error Action "ecs" is not in the form <service>:<action>, for example "oss:GetObject" or "ecs:Describe*".',
      '6:26 invalid-waiver-6:71 warning This waiver of invalid-action-format has no reason, so it waives nothing; add "-- " and why the risk is accepted.',
    ]);
    expect(result.suppressedMessages).toEqual([]);
  });

  it('a directive naming an unknown rule, or a core diagnostic, is an invalid-waiver', () => {
    const result = lint(policy({ action: '// ramlint-disable-line invalid-action-formats -- typo' }));
    expect(result.messages.map((m) => `${brief(m)} ${m.message}`)).toContain('6:26 invalid-waiver This waiver names unknown rule "invalid-action-formats" (did you mean "invalid-action-format"?); it waives nothing.');
    expect(result.messages.map(brief)).toContain('6:18 invalid-action-format');
    const core = lint(policy({ action: '// ramlint-disable-line invalid-waiver -- cannot' }));
    expect(core.messages.map((m) => m.message)).toContain('This waiver names unknown rule "invalid-waiver"; it waives nothing.');
  });

  it('--report-unused-waivers reports a directive that matched nothing', () => {
    const text = policy({ effect: '// ramlint-disable-line admin-access -- nothing to waive here' });
    expect(lint(text).messages.filter((m) => m.ruleId === 'invalid-waiver')).toEqual([]);
    const result = lint(text, 'p.jsonc', { reportUnusedWaivers: true });
    expect(result.messages.filter((m) => m.ruleId === 'invalid-waiver').map((m) => `${brief(m)} ${m.message}`)).toEqual([
      '5:26 invalid-waiver This waiver of admin-access matched no finding on line 5; remove it.',
    ]);
    // A used directive is not reported.
    const used = lint(policy({ effect: '// ramlint-disable-line invalid-effect -- used' }), 'p.jsonc', { reportUnusedWaivers: true });
    expect(used.messages.map((m) => m.ruleId)).not.toContain('invalid-waiver');
  });

  it('directives are read only where comments are allowed', () => {
    const text = policy({ before: '// ramlint-disable-next-line invalid-effect -- reason' });
    expect(lint(text, 'p.json').messages.map((m) => m.ruleId)).toEqual(['invalid-json']);
    const allowed = lintText(text, { rules: builtinRules, filePath: 'p.json', allowComments: true });
    expect(allowed.suppressedMessages.map((m) => m.ruleId)).toEqual(['invalid-effect']);
  });
});

describe('directiveFinder', () => {
  const { directives } = parse('{\n  // ramlint-disable-next-line a-rule -- x\n  "x": 1, // ramlint-disable-line b-rule -- y\n  "y": 2\n}');
  const find = directiveFinder(directives);

  it('finds the directive for a rule on its target line, and nothing elsewhere', () => {
    expect(find(3, 'a-rule')?.reason).toBe('x');
    expect(find(3, 'b-rule')?.reason).toBe('y');
    expect(find(4, 'a-rule')).toBeUndefined();
    expect(find(3, 'c-rule')).toBeUndefined();
  });
});

describe('many directives and findings in one file', () => {
  it('waives each of 5,000 findings by its own directive', () => {
    const lines = Array.from({ length: 5_000 }, (_, i) => `    // ramlint-disable-next-line invalid-action-format -- legacy ${i}\n    "bad${i}"`);
    const text = `{"Version": "1", "Statement": [{"Effect": "Allow", "Resource": "*", "Action": [\n${lines.join(',\n')}\n]}]}`;
    const result = lintText(text, { rules: builtinRules, filePath: 'p.jsonc' });
    const waived = result.suppressedMessages.filter((m) => m.ruleId === 'invalid-action-format');
    expect(waived).toHaveLength(5_000);
    expect(waived[4_999]?.suppressed?.reason).toBe('legacy 4999');
    expect(result.messages.filter((m) => m.ruleId === 'invalid-action-format')).toEqual([]);
  });
});
