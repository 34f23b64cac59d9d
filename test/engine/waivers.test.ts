/**
 * Configuration waivers within one file: a waiver names a rule, optionally a
 * statement (its Sid or 0-based index) and a JSON path that also covers
 * everything below it, always a reason, and may expire. The expires date is
 * the last day the waiver applies; from the day after, the finding is back
 * and says that its waiver expired.
 */
import { lintText } from '../../src/engine/linter';
import { buildPolicy } from '../../src/engine/model';
import { parseJson } from '../../src/engine/parse';
import type { LintMessage } from '../../src/engine/types';
import { findWaiver, isExpired, today, type Waiver } from '../../src/engine/waivers';
import { builtinRules } from '../../src/rules';

const text = `{
  "Version": "1",
  "Statement": [
    {"Sid": "Legacy", "Effect": "Allow", "Action": ["ecs", "ecs:Describe*"], "Resource": "*"},
    {"Effect": "Allow", "Action": "ram", "Resource": "*"},
    {"Sid": "Other", "Effect": "Allow", "Action": ["oss"], "Resource": "acs:oss:*:*:bucket"}
  ]
}`;

const RULE = 'invalid-action-format';
const waiver = (extra: Partial<Waiver> = {}): Waiver => ({ id: 'ramlint.config.jsonc: waivers[0]', rule: RULE, reason: 'accepted', ...extra });

function lint(waivers: Waiver[], options: { today?: string; source?: string; filePath?: string } = {}) {
  return lintText(options.source ?? text, { rules: builtinRules, filePath: options.filePath ?? 'p.json', waivers, today: options.today ?? '2024-06-15' });
}

const paths = (messages: LintMessage[]) => messages.filter((m) => m.ruleId === RULE).map((m) => m.path);

describe('the test policy', () => {
  it('has one invalid-action-format finding per statement', () => {
    expect(paths(lint([]).messages)).toEqual(['Statement[0].Action[0]', 'Statement[1].Action', 'Statement[2].Action[0]']);
  });
});

describe('which findings a waiver covers', () => {
  it.each<[string, Partial<Waiver>, string[]]>([
    ['rule only: every finding of the rule', {}, ['Statement[0].Action[0]', 'Statement[1].Action', 'Statement[2].Action[0]']],
    ['statement by Sid', { statement: 'Legacy' }, ['Statement[0].Action[0]']],
    ['statement by another Sid', { statement: 'Other' }, ['Statement[2].Action[0]']],
    ['statement by index', { statement: 1 }, ['Statement[1].Action']],
    ['statement index 0', { statement: 0 }, ['Statement[0].Action[0]']],
    ['a Sid no statement has', { statement: 'Missing' }, []],
    ['a Sid in another case', { statement: 'legacy' }, []],
    ['an index past the end', { statement: 3 }, []],
    ['a path prefix', { path: 'Statement[0].Action' }, ['Statement[0].Action[0]']],
    ['a statement path', { path: 'Statement[2]' }, ['Statement[2].Action[0]']],
    ['an exact path', { path: 'Statement[1].Action' }, ['Statement[1].Action']],
    ['a path that is only a string prefix', { path: 'Statement[0].Act' }, []],
    ['a path to another element', { path: 'Statement[0].Resource' }, []],
    ['a statement and a path together', { statement: 'Legacy', path: 'Statement[0].Action[0]' }, ['Statement[0].Action[0]']],
    ['a statement and a path that disagree', { statement: 1, path: 'Statement[0]' }, []],
    ['another rule', { rule: 'admin-access' }, []],
  ])('%s', (_name, extra, suppressed) => {
    const result = lint([waiver(extra)]);
    expect(paths(result.suppressedMessages)).toEqual(suppressed);
    expect(paths(result.messages).length + suppressed.length).toBe(3);
  });

  it('a single-object Statement is statement 0', () => {
    const single = '{"Version": "1", "Statement": {"Sid": "Only", "Effect": "Allow", "Action": "ecs", "Resource": "*"}}';
    expect(paths(lint([waiver({ statement: 0 })], { source: single }).suppressedMessages)).toEqual(['Statement.Action']);
    expect(paths(lint([waiver({ statement: 'Only' })], { source: single }).suppressedMessages)).toEqual(['Statement.Action']);
    expect(paths(lint([waiver({ statement: 1 })], { source: single }).suppressedMessages)).toEqual([]);
  });
});

describe('findWaiver', () => {
  const policy = buildPolicy(parseJson(text, { allowComments: false }).root);

  it('path prefixes end at a segment boundary', () => {
    const w = [waiver({ path: 'Statement[1]' })];
    expect(findWaiver(w, policy, RULE, ['Statement', 1], 'Statement[1]')).toBe(w[0]);
    expect(findWaiver(w, policy, RULE, ['Statement', 1, 'Action'], 'Statement[1].Action')).toBe(w[0]);
    expect(findWaiver(w, policy, RULE, ['Statement', 1, 'Action', 0], 'Statement[1][0]')).toBe(w[0]);
    expect(findWaiver(w, policy, RULE, ['Statement', 10, 'Action'], 'Statement[10].Action')).toBeUndefined();
    const resource = [waiver({ path: 'Statement[0].Resource' })];
    expect(findWaiver(resource, policy, RULE, ['Statement', 0, 'Resources'], 'Statement[0].Resources')).toBeUndefined();
    expect(findWaiver(resource, policy, RULE, ['Statement', 0, 'Resource', 2], 'Statement[0].Resource[2]')).toBe(resource[0]);
  });

  it('a waiver for a statement does not cover a finding outside every statement', () => {
    expect(findWaiver([waiver({ statement: 0 })], policy, RULE, [], '')).toBeUndefined();
    expect(findWaiver([waiver({ statement: 0 })], policy, RULE, ['Version'], 'Version')).toBeUndefined();
    expect(findWaiver([waiver()], policy, RULE, [], '')).toBeDefined();
  });

  it('returns the first waiver that covers the finding', () => {
    const first = waiver({ id: 'a', statement: 'Legacy' });
    const second = waiver({ id: 'b' });
    expect(findWaiver([first, second], policy, RULE, ['Statement', 0, 'Action', 0], 'Statement[0].Action[0]')).toBe(first);
    expect(findWaiver([first, second], policy, RULE, ['Statement', 1, 'Action'], 'Statement[1].Action')).toBe(second);
  });
});

describe('expiry', () => {
  it('the expires date itself is still valid; the day after, the waiver has expired', () => {
    const w = waiver({ expires: '2024-06-30' });
    expect(isExpired(w, '2024-06-29')).toBe(false);
    expect(isExpired(w, '2024-06-30')).toBe(false);
    expect(isExpired(w, '2024-07-01')).toBe(true);
    expect(isExpired(w, '2025-01-01')).toBe(true);
    expect(isExpired(waiver(), '9999-12-31')).toBe(false);
  });

  it('today() is the UTC date', () => {
    expect(today(new Date('2024-06-30T23:59:59.999Z'))).toBe('2024-06-30');
    expect(today(new Date('2024-07-01T00:00:00Z'))).toBe('2024-07-01');
  });

  it('on its last day a waiver still suppresses', () => {
    const result = lint([waiver({ statement: 1, expires: '2024-06-30' })], { today: '2024-06-30' });
    expect(paths(result.suppressedMessages)).toEqual(['Statement[1].Action']);
    expect(result.waiversMatched).toEqual(['ramlint.config.jsonc: waivers[0]']);
  });

  it('once expired it suppresses nothing, and the finding says which waiver expired, when, and why it was granted', () => {
    const result = lint([waiver({ statement: 1, expires: '2024-06-30', reason: 'migration until June' })], { today: '2024-07-01' });
    expect(result.suppressedMessages).toEqual([]);
    const finding = result.messages.find((m) => m.path === 'Statement[1].Action');
    expect(finding?.message).toBe(
      'Action "ram" is not in the form <service>:<action>, for example "oss:GetObject" or "ecs:Describe*". (The waiver in ramlint.config.jsonc: waivers[0] expired on 2024-06-30: migration until June)',
    );
    expect(finding?.severity).toBe('error');
    expect(result.errorCount).toBe(3);
    // Matched, so --report-unused-waivers does not also call it unused.
    expect(result.waiversMatched).toEqual(['ramlint.config.jsonc: waivers[0]']);
  });
});

describe('suppressed findings', () => {
  it('keep their position and carry the waiver reason and where it is declared', () => {
    const result = lint([waiver({ id: 'team/ramlint.config.jsonc: waivers[3]', statement: 'Other', reason: 'bucket is public by design', owner: 'web' })]);
    expect(result.suppressedMessages.map((m) => [m.ruleId, m.line, m.column, m.path, m.suppressed])).toEqual([
      [RULE, 6, 52, 'Statement[2].Action[0]', { kind: 'waiver', reason: 'bucket is public by design', source: 'team/ramlint.config.jsonc: waivers[3]' }],
    ]);
    expect(result.errorCount).toBe(2);
    expect(result.waiversMatched).toEqual(['team/ramlint.config.jsonc: waivers[3]']);
  });

  it('a waiver that matches nothing is not in waiversMatched', () => {
    expect(lint([waiver({ statement: 'Missing' })]).waiversMatched).toBeUndefined();
  });

  it('core diagnostics are never waived', () => {
    const source = '{\n  // ramlint-disable-next-line admin-access\n  "Version": "1", "Statement": []\n}';
    const result = lint([waiver({ rule: 'invalid-waiver' })], { source, filePath: 'p.jsonc' });
    expect(result.messages.map((m) => m.ruleId)).toContain('invalid-waiver');
    expect(result.suppressedMessages).toEqual([]);
  });
});

describe('a waiver by a Sid that two statements share', () => {
  const copied = `{
  "Version": "1",
  "Statement": [
    {"Sid": "Legacy", "Effect": "Allow", "Action": ["ecs"], "Resource": "*"},
    {"Sid": "Legacy", "Effect": "Allow", "Action": ["ram"], "Resource": "*"}
  ]
}`;

  it('suppresses nothing, in either statement', () => {
    const result = lint([waiver({ statement: 'Legacy' })], { source: copied });
    expect(paths(result.suppressedMessages)).toEqual([]);
    expect(paths(result.messages)).toEqual(['Statement[0].Action[0]', 'Statement[1].Action[0]']);
  });

  it('is reported as an ambiguous invalid-waiver at the second Sid', () => {
    const result = lint([waiver({ statement: 'Legacy' })], { source: copied });
    const problems = result.messages.filter((m) => m.ruleId === 'invalid-waiver');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      severity: 'warning',
      message: 'The waiver in ramlint.config.jsonc: waivers[0] names Sid "Legacy", which 2 statements have (Statement[0], Statement[1]); it waives nothing until the Sid is unique.',
      path: 'Statement[1].Sid',
      line: 5,
      column: 13,
      endColumn: 21,
    });
  });

  it('leaves a waiver by a unique Sid and waivers by index working beside it', () => {
    const result = lint([waiver({ statement: 'Legacy' }), waiver({ id: 'w1', statement: 1 })], { source: copied });
    expect(paths(result.suppressedMessages)).toEqual(['Statement[1].Action[0]']);
    expect(lint([waiver({ statement: 'Legacy' })]).messages.filter((m) => m.ruleId === 'invalid-waiver')).toEqual([]);
  });

  it('finds the statement of each of 9,000 findings by Sid through an index, not a scan per finding', () => {
    const statements = Array.from({ length: 9_000 }, (_, i) => `{"Sid": "S${i}", "Effect": "Allow", "Action": ["ecs"], "Resource": "*"}`);
    const big = `{"Version": "1", "Statement": [${statements.join(',\n')}]}`;
    const result = lint([waiver({ statement: 'S8999' })], { source: big });
    expect(paths(result.suppressedMessages)).toEqual(['Statement[8999].Action[0]']);
    expect(paths(result.messages)).toHaveLength(8_999);
  });
});
