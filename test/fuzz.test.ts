/**
 * The fuzz harness (scripts/fuzz.js): a small seeded slice passes and is
 * reproducible, and its checks catch what they claim to catch.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// Plain JavaScript modules of the harness; they run the built dist/ (built by the global setup).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { runFuzz, parseOptions, inputs } = require('../scripts/fuzz.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { checkResult, segments } = require('../scripts/fuzz/check.js');

interface Input {
  source: string;
  label: string;
  text: string;
}

function firstInputs(seed: number, count: number): Input[] {
  return [...(inputs(seed, count) as Iterable<Input>)];
}

describe('the fuzz inputs', () => {
  it('are the same for the same seed and different for another', () => {
    expect(firstInputs(5, 40)).toEqual(firstInputs(5, 40));
    expect(firstInputs(6, 40).map((i) => i.text)).not.toEqual(firstInputs(5, 40).map((i) => i.text));
  });

  it('mix mutations of the fixtures and examples with generated policies', () => {
    const sources = new Set(firstInputs(1, 20).map((i) => i.source));
    expect([...sources].sort()).toEqual(['grammar', 'mutation']);
  });
});

describe('a seeded slice', () => {
  it('passes every check, and writes nothing when nothing fails', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'ramlint-fuzz-test-'));
    try {
      const { stats, failures } = runFuzz(parseOptions(['--count', '150', '--seed', '3', '--out', out]));
      expect(failures).toEqual([]);
      expect(stats.tried).toBe(150);
      expect(fs.readdirSync(out)).toEqual([]);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('the checks', () => {
  const text = '{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}';
  const result = (messages: object[]) => ({ filePath: 'p.json', messages, suppressedMessages: [] });
  const message = (extra: object) => ({ ruleId: 'admin-access', line: 1, column: 1, endLine: 1, endColumn: 2, offset: 0, endOffset: 1, path: '', ...extra });

  it('accept a finding with a consistent range and a path that exists', () => {
    expect(checkResult(text, result([message({ path: 'Statement[0].Action', offset: 62, endOffset: 65, column: 63, endColumn: 66 })]))).toEqual([]);
  });

  it.each([
    ['an internal error', message({ ruleId: 'internal-error', message: 'boom' }), 'internal-error: boom'],
    ['a range past the end', message({ endOffset: 10_000 }), 'range 0..10000 outside the text'],
    ['positions that disagree with the offsets', message({ column: 5 }), 'positions 1:5-1:2 disagree'],
    ['a path that does not resolve', message({ path: 'Statement[3].Action' }), 'path does not resolve'],
  ])('catch %s', (_name, m, expected) => {
    expect(checkResult(text, result([m])).join('\n')).toContain(expected);
  });

  it('read the JSON paths ramlint writes', () => {
    expect(segments('Statement[1].Condition.StringEquals["acs:Service"][0]')).toEqual(['Statement', 1, 'Condition', 'StringEquals', 'acs:Service', 0]);
    expect(segments('["we\\"ird"]')).toEqual(['we"ird']);
  });
});

describe('the never-widens property of --fix', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { judgeFix } = require('../scripts/fuzz/widening.js');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { checkFix } = require('../scripts/fuzz/check.js');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { fixText } = require('../dist/src/engine/fix.js');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { builtinRules } = require('../dist/src/rules/index.js');

  type Verdict = { judged: true; problems: string[] } | { judged: false; reason: string };
  const judge = (before: string, after: string, filePath = 'p.json'): Verdict => judgeFix(before, after, filePath);
  const doc = (...statements: object[]) => JSON.stringify({ Version: '1', Statement: statements }, null, 2);
  const read = { Effect: 'Allow', Action: 'oss:GetObject', Resource: 'acs:oss:*:*:b/*' };
  const denyPrivate = { Effect: 'Deny', Action: 'oss:*', Resource: 'acs:oss:*:*:b/private/*' };

  // Deliberately widening "fixes": each must be caught.
  it.each([
    ['oss:GetObject → oss:*', doc(read), (t: string) => t.replace('"oss:GetObject"', '"oss:*"')],
    ['dropping a Deny', doc(read, denyPrivate), (t: string) => doc(JSON.parse(t).Statement[0])],
    ['Deny → Allow', doc(read, denyPrivate), (t: string) => t.replace('"Deny"', '"Allow"')],
    ['a narrower Resource on a Deny', doc(read, denyPrivate), (t: string) => t.replace('b/private/*', 'b/private/secret/*')],
    ['"action" → "Action" on an Allow (ignored, it grants nothing)', doc({ Effect: 'Allow', action: 'ecs:DescribeInstances', Resource: '*' }), (t: string) => t.replace('"action"', '"Action"')],
    ['"condition" → "Condition" on a Deny (ignored, the Deny is unconditional)', doc(read, { ...denyPrivate, condition: { Bool: { 'acs:SecureTransport': 'false' } } }), (t: string) => t.replace('"condition"', '"Condition"')],
    ['"ram" → "RAM" on an Allow (a misspelt principal type names nobody)', doc({ ...read, Principal: { ram: 'acs:ram::1:root' } }), (t: string) => t.replace('"ram"', '"RAM"')],
    ['dropping a condition from an Allow', doc({ ...read, Condition: { IpAddress: { 'acs:SourceIp': '10.0.0.0/8' } } }), (t: string) => doc(read)],
  ])('reports a widening fix: %s', (_name, before, widen) => {
    const verdict = judge(before, widen(before));
    expect(verdict.judged).toBe(true);
    expect(verdict.judged && verdict.problems.join('\n')).toMatch(/^fix widens access by the reference evaluator: /);
  });

  it('names the new grant: an action, a resource and the statement', () => {
    const verdict = judge(doc(read, denyPrivate), doc(read));
    expect(verdict).toEqual({ judged: true, problems: [expect.stringMatching(/"oss:GetObject" on "acs:oss:[^"]*:b\/private\/[^"]*", granted by Statement\[0\] of the fixed text/)] });
  });

  it('reports a fix that makes a readable statement unreadable, and one whose output is no policy', () => {
    // Both Action and NotAction: the evaluator cannot read the Deny, so it is out of force and its access is new too.
    expect(judge(doc(read, denyPrivate), doc(read, { ...denyPrivate, NotAction: 'x:y' }))).toEqual({
      judged: true,
      problems: [expect.stringContaining('fix made Statement[1] unreadable'), expect.stringContaining('fix widens access')],
    });
    expect(judge(doc(read), '[]')).toEqual({ judged: true, problems: [expect.stringContaining('no longer a policy')] });
  });

  it('passes real safe fixes, judged against the strictest reading of the original', () => {
    const before = doc(
      { Effect: ' allow ', Action: ['ecs: DescribeInstances', 'ecs: DescribeInstances'], Resource: '*', Condition: { stringequals: { 'acs:SourceVpc': 'vpc-1' }, Foo: { x: 'y' } } },
      { effect: 'Deny', Action: 'ecs:DeleteInstance', Resource: '*' },
      { Effect: 'Allow', Action: 'ecs:StartInstance', Resource: '*', condition: { Bool: { 'acs:MFAPresent': 'true' } } },
    );
    const fixed = fixText(before, { rules: builtinRules, filePath: 'p.json' });
    expect(fixed.changed).toBe(true);
    for (const done of ['"Allow"', '"ecs:DescribeInstances"', '"StringEquals"', '"Effect": "Deny"', '"Condition"']) expect(fixed.output).toContain(done);
    expect(judge(before, fixed.output)).toEqual({ judged: true, problems: [] });
  });

  it('does not judge an original the evaluator cannot read, and says why', () => {
    expect(judge('{"Statement": [', doc(read))).toEqual({ judged: false, reason: 'original not valid JSON' });
    expect(judge('{"Version": "1"}', doc(read))).toEqual({ judged: false, reason: 'original not a policy (no object with a Statement)' });
  });

  it('is run by the fuzz checks on every fix that changes the text, its problems reported', () => {
    const text = doc({ Effect: 'allow', Action: 'oss:GetObject', Resource: 'acs:oss:*:*:b/*' });
    const linted = { messages: [] };
    const widening = () => ({ judged: true, problems: ['fix widens access by the reference evaluator: (a fake)'] });
    expect(checkFix(text, 'p.json', linted, 2000, widening)).toMatchObject({ problems: ['fix widens access by the reference evaluator: (a fake)'], widening: 'judged' });
    expect(checkFix(text, 'p.json', linted, 2000)).toMatchObject({ problems: [], widening: 'judged' });
    expect(checkFix(doc(read), 'p.json', linted, 2000)).toEqual({ problems: [] });
  });

  it('leaves out statements for nobody, exactly: a Deny for {"RAM": []} denies nothing before or after', () => {
    const nobody = { Effect: 'Deny', Action: 'oss:*', Principal: { RAM: [] }, resource: 'acs:oss:*:*:b/private/*' };
    const allow = { ...read, Principal: '*' };
    expect(judge(doc(allow, nobody), doc(allow, { ...nobody, Resource: 'acs:oss:*:*:b/private/*', resource: undefined }))).toEqual({ judged: true, problems: [] });
  });

  it('re-asks each of the diff\'s witnesses as a request, and does not judge when none is new', () => {
    // The diff takes the old Deny (for account 2) to apply to every principal, so it reports b/y for
    // account 1; as a request, account 1 could read b/y before the fix too.
    const allow = { ...read, Principal: { RAM: 'acs:ram::1:root' } };
    const deny = { Effect: 'Deny', Action: 'oss:GetObject', Principal: { RAM: 'acs:ram::2:root' }, resource: 'acs:oss:*:*:b/x' };
    const before = doc(allow, deny);
    expect(judge(before, before.replace('"resource"', '"Resource"'))).toEqual({ judged: false, reason: "the diff's witness is not new by a request (its over-approximation)" });
    // The same rename with the Deny on account 1 is new access, at a principal the statements name.
    const own = doc(allow, { ...deny, Principal: { RAM: 'acs:ram::1:root' } });
    expect(judge(own, own.replace('"resource"', '"Resource"'))).toEqual({ judged: true, problems: [expect.stringMatching(/"oss:GetObject" on "acs:oss:[^"]*b\/[^"]*" for principal "acs:ram::1:root"/)] });
  });

  it('takes its statement-by-statement shortcut only where the evaluator agrees', () => {
    let compared = 0;
    for (const input of inputs(11, 300) as Iterable<Input & { filePath: string }>) {
      const fixed = fixText(input.text, { rules: builtinRules, filePath: input.filePath });
      if (!fixed.changed) continue;
      compared++;
      expect(judgeFix(input.text, fixed.output, input.filePath)).toEqual(judgeFix(input.text, fixed.output, input.filePath, { noShortcut: true }));
    }
    expect(compared).toBeGreaterThan(50);
  });

  it('judges most of the fixes in a seeded slice, and counts the rest', () => {
    const { stats } = runFuzz(parseOptions(['--count', '150', '--seed', '3', '--out', path.join(os.tmpdir(), 'ramlint-fuzz-never-written')]));
    expect(stats.fixed).toBeGreaterThan(10);
    const notJudged = Object.values(stats.wideningNotJudged as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(stats.wideningJudged + notJudged).toBe(stats.fixed);
    expect(stats.wideningJudged).toBeGreaterThan(stats.fixed / 2);
  });
});
