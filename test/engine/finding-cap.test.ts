/**
 * One file's findings are capped: past MAX_FINDINGS_PER_RULE a rule's further
 * findings are counted into one summary finding of that rule, never lost to
 * an internal error.
 */
import { MAX_FINDINGS_PER_RULE } from '../../src/engine/finding-cap';
import { fixText } from '../../src/engine/fix';
import { lintText } from '../../src/engine/linter';
import { builtinRules } from '../../src/rules';

describe('a file with more findings than the cap', () => {
  const n = 140_000;
  const text = JSON.stringify({ Version: '1', Statement: [{ Effect: 'Allow', Action: Array(n).fill('ecs:DescribeInstances'), Resource: '*' }] });
  const result = lintText(text, { rules: builtinRules, filePath: 'p.json' });

  it('keeps the first findings up to the cap and summarises the rest', () => {
    expect(result.messages.some((m) => m.ruleId === 'internal-error')).toBe(false);
    const duplicates = result.messages.filter((m) => m.ruleId === 'duplicate-list-entry');
    expect(duplicates).toHaveLength(MAX_FINDINGS_PER_RULE + 1);
    const summary = duplicates.find((m) => m.messageId === 'findingsCapped');
    expect(summary).toMatchObject({
      // duplicate-list-entry reports at info (a suggestion); the summary takes the rule's severity.
      severity: 'info',
      line: 1,
      column: 1,
      path: '',
      message: `${n - 1 - MAX_FINDINGS_PER_RULE} more findings of duplicate-list-entry in this file not shown: ramlint reports at most 10,000 findings of one rule per file.`,
    });
  });

  it('counts the summary as a problem of the rule, and keeps the findings of other rules', () => {
    expect(result.infoCount).toBe(MAX_FINDINGS_PER_RULE + 1);
    expect(result.messages.filter((m) => m.ruleId === 'policy-size')).toHaveLength(1);
  });
});

describe('a file under the cap', () => {
  it('has no summary finding', () => {
    const text = JSON.stringify({ Version: '1', Statement: [{ Effect: 'Allow', Action: Array(MAX_FINDINGS_PER_RULE + 1).fill('ecs:DescribeInstances'), Resource: '*' }] });
    const result = lintText(text, { rules: builtinRules, filePath: 'p.json' });
    expect(result.messages.filter((m) => m.ruleId === 'duplicate-list-entry')).toHaveLength(MAX_FINDINGS_PER_RULE);
    expect(result.messages.some((m) => m.messageId === 'findingsCapped')).toBe(false);
  });
});

describe('fixing a file with more findings than the cap', () => {
  it('fixes every one in one run, and reports what is left capped', () => {
    const n = 30_000;
    const text = JSON.stringify({ Version: '1', Statement: [{ Effect: 'Allow', Action: [...Array(n).fill('ecs:A'), ...Array(n).fill('bad action')], Resource: '*' }] });
    const outcome = fixText(text, { rules: builtinRules, filePath: 'p.json' });
    const actions = JSON.parse(outcome.output).Statement[0].Action as string[];
    expect(actions).toEqual(['ecs:A', 'bad action']);
    expect(outcome.result.messages.filter((m) => m.messageId === 'findingsCapped')).toEqual([]);
  });

  it('caps the findings a fix could not remove', () => {
    const actions = Array.from({ length: MAX_FINDINGS_PER_RULE + 5 }, (_, i) => `bad${i}`);
    const outcome = fixText(JSON.stringify({ Version: '1', Statement: [{ Effect: 'Allow', Action: actions, Resource: '*' }] }), { rules: builtinRules, filePath: 'p.json' });
    const invalid = outcome.result.messages.filter((m) => m.ruleId === 'invalid-action-format');
    expect(invalid).toHaveLength(MAX_FINDINGS_PER_RULE + 1);
    expect(invalid.filter((m) => m.messageId === 'findingsCapped')).toHaveLength(1);
  });
});
