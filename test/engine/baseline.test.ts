/**
 * Baselines: entries keyed by rule, message id, file, the statement (its Sid,
 * or a hash of its content), the path within the statement without list
 * indices and a hash of the offending value, with a count. Applying one moves
 * matching findings to suppressedMessages; entries left over for files linted
 * in this run are stale. Because neither lines nor statement indices are part
 * of the key, entries survive reformatting and edits to other statements.
 */
import { applyBaseline, type Baseline, BASELINE_VERSION, buildBaseline, compareEntries, parseBaseline, valueHash } from '../../src/engine/baseline';
import { fileProblemResult, summarize } from '../../src/engine/linter';
import type { LintMessage, LintResult } from '../../src/engine/types';
import { lint } from '../../src';

const relative = (filePath: string) => filePath.replace(/^\/repo\//, '');

const original = `{
  "Version": "1",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["ecs", "ecs:DescribeInstances", "ecs:DescribeInstances"],
      "Resource": "*"
    },
    {
      "Effect": "Allow",
      "Action": ["ram:PassRole"],
      "Resource": "*"
    }
  ]
}`;

/** duplicate-list-entry reports at info by default, which no baseline records; these tests baseline it as a warning. */
function lintAt(filePath: string, text = original): LintResult {
  return lint(text, { filePath, settings: { 'duplicate-list-entry': { severity: 'warning' } } });
}

const brief = (messages: LintMessage[]) => messages.map((m) => `${m.ruleId} ${m.path}`);

/** The statement anchors of a result, in statement order. */
function statementsOf(r: LintResult): string[] {
  const byIndex = new Map<number, string>();
  for (const m of r.messages) {
    const index = /^Statement\[(\d+)\]/.exec(m.path)?.[1];
    if (index !== undefined && m.statement) byIndex.set(Number(index), m.statement);
  }
  return [...byIndex.keys()].sort((a, b) => a - b).map((i) => byIndex.get(i) as string);
}

function message(ruleId: string, path: string, value: string | undefined, severity: LintMessage['severity'] = 'error'): LintMessage {
  return { ruleId, category: 'correctness', severity, message: `msg ${ruleId}`, line: 1, column: 1, endLine: 1, endColumn: 2, path, offset: 0, endOffset: 1, fingerprintValue: value };
}

function result(filePath: string, messages: LintMessage[]): LintResult {
  return summarize({ filePath, kind: 'permission', messages, suppressedMessages: [] });
}

describe('the test policy', () => {
  it('has four findings', () => {
    expect(brief(lintAt('/repo/p.json').messages)).toEqual([
      'invalid-action-format Statement[0].Action[0]',
      'duplicate-list-entry Statement[0].Action[2]',
      'passrole-missing-service-condition Statement[1].Action[0]',
      'passrole-wildcard-resource Statement[1].Resource',
    ]);
  });
});

describe('buildBaseline', () => {
  it('writes one entry per rule, file, statement, path in it and value, sorted', () => {
    const baseline = buildBaseline([lintAt('/repo/b.json'), lintAt('/repo/a.json')], relative);
    expect(baseline.version).toBe(BASELINE_VERSION);
    expect(baseline.entries).toEqual([...baseline.entries].sort(compareEntries));
    const anchors = statementsOf(lintAt('/repo/a.json'));
    expect(baseline.entries.map((e) => `${e.file} S${anchors.indexOf(e.statement as string)} ${e.path} ${e.rule} ${e.count}`).sort()).toEqual([
      'a.json S0 Statement[0].Action[0] invalid-action-format 1',
      'a.json S0 Statement[0].Action[2] duplicate-list-entry 1',
      'a.json S1 Statement[1].Action[0] passrole-missing-service-condition 1',
      'a.json S1 Statement[1].Resource passrole-wildcard-resource 1',
      'b.json S0 Statement[0].Action[0] invalid-action-format 1',
      'b.json S0 Statement[0].Action[2] duplicate-list-entry 1',
      'b.json S1 Statement[1].Action[0] passrole-missing-service-condition 1',
      'b.json S1 Statement[1].Resource passrole-wildcard-resource 1',
    ]);
    for (const e of baseline.entries) expect(e.hash).toMatch(/^[0-9a-f]{16}$/);
    for (const e of baseline.entries) expect(e.statement).toMatch(/^hash:[0-9a-f]{14}$/);
  });

  it('counts findings that share a key', () => {
    const r = result('/repo/p.json', [message('r', 'Statement[0]', 'x'), message('r', 'Statement[0]', 'x'), message('r', 'Statement[0]', 'y')]);
    expect(buildBaseline([r], relative).entries.map((e) => [e.path, e.hash, e.count])).toEqual(
      [
        ['Statement[0]', valueHash(message('r', 'Statement[0]', 'x')), 2],
        ['Statement[0]', valueHash(message('r', 'Statement[0]', 'y')), 1],
      ].sort((a, b) => ((a[1] as string) < (b[1] as string) ? -1 : 1)),
    );
  });

  it('leaves out info findings and unreadable or failed files', () => {
    const r = result('/repo/p.json', [message('a', '', 'x', 'info'), message('unreadable-file', '', undefined), message('internal-error', '', undefined), message('b', '', 'x', 'warning')]);
    expect(buildBaseline([r, fileProblemResult('/repo/q.json', 'unreadable-file', 'syntax', 'Cannot read the file: no such file.')], relative).entries.map((e) => e.rule)).toEqual(['b']);
  });

  it('hashes the offending value, or the message when a finding has none', () => {
    expect(valueHash(message('r', 'p', 'value'))).toBe(valueHash(message('other', 'q', 'value')));
    expect(valueHash(message('r', 'p', 'value'))).not.toBe(valueHash(message('r', 'p', 'other')));
    const a = { ...message('r', 'p', undefined), message: 'one' };
    const b = { ...message('r', 'p', undefined), message: 'two' };
    expect(valueHash(a)).not.toBe(valueHash(b));
  });
});

describe('applyBaseline', () => {
  it('round trip: every finding of the baselined files moves to suppressedMessages, and the counts follow', () => {
    const results = [lintAt('/repo/a.json'), lintAt('/repo/b.json')];
    const outcome = applyBaseline(results, buildBaseline(results, relative), relative);
    expect(outcome.stale).toEqual([]);
    for (const r of outcome.results) {
      expect(r.messages).toEqual([]);
      expect(r.errorCount + r.warningCount + r.infoCount + r.fixableCount).toBe(0);
      expect(r.suppressedMessages).toHaveLength(4);
      for (const m of r.suppressedMessages) expect(m.suppressed).toEqual({ kind: 'baseline', reason: 'present in the baseline' });
    }
  });

  it('only new findings remain', () => {
    const before = lintAt('/repo/p.json');
    const baseline = buildBaseline([before], relative);
    const after = lintAt('/repo/p.json', original.replace('"Statement": [', '"Statement": [\n    {"Effect": "Allow", "Action": ["ecs"], "Resource": "acs:ecs:*:*:instance/i-1"},'));
    const [r] = applyBaseline([after], baseline, relative).results;
    expect(brief(r?.messages ?? [])).toEqual(['invalid-action-format Statement[0].Action[0]']);
    expect(r?.errorCount).toBe(1);
    expect(r?.suppressedMessages).toHaveLength(4);
  });

  describe('edits to other statements', () => {
    const statements = [
      '{"Effect": "Allow", "Action": ["ecs"], "Resource": "*"}',
      '{"Effect": "Allow", "Action": ["ram:PassRole"], "Resource": "*"}',
      '{"Effect": "Allow", "Action": ["oss:GetObject"], "Resource": "acs:oss:*:*:b/*"}',
    ];
    const policy = (list: string[]) => `{"Version": "1", "Statement": [\n${list.join(',\n')}\n]}`;
    const baseline = buildBaseline([lintAt('/repo/p.json', policy(statements))], relative);

    it.each([
      ['a clean statement inserted above them', ['{"Effect": "Allow", "Action": "ecs:Describe*", "Resource": "*"}', ...statements]],
      ['the first statement removed (its finding is stale, the others move up)', statements.slice(1)],
      ['the statements reordered', [...statements].reverse()],
    ])('leave the old findings suppressed after %s', (_name, list) => {
      const outcome = applyBaseline([lintAt('/repo/p.json', policy(list))], baseline, relative);
      const stillThere = list.includes(statements[0] as string);
      expect(outcome.results[0]?.messages).toEqual([]);
      expect(outcome.stale.map((e) => `${e.rule} ${e.path}`)).toEqual(stillThere ? [] : ['invalid-action-format Statement[0].Action[0]']);
    });

    it('report a copied statement as new: the copy has its own findings', () => {
      const outcome = applyBaseline([lintAt('/repo/p.json', policy([...statements, statements[0] as string]))], baseline, relative);
      // The copy has the same content, so the same anchor: the count of 1 suppresses only one of the two.
      expect(brief(outcome.results[0]?.messages ?? [])).toEqual(['invalid-action-format Statement[3].Action[0]']);
    });
  });

  describe('an edit inside the statement that holds the finding', () => {
    const withSid = (extra: string) => `{"Version": "1", "Statement": [{"Sid": "Legacy", "Effect": "Allow", "Action": ["ecs"${extra}], "Resource": "*"}]}`;

    it('keeps the finding suppressed when the statement has a Sid', () => {
      const baseline = buildBaseline([lintAt('/repo/p.json', withSid(''))], relative);
      expect(baseline.entries.map((e) => e.statement)).toContain('sid:Legacy');
      const outcome = applyBaseline([lintAt('/repo/p.json', withSid(', "ecs:DescribeInstances"'))], baseline, relative);
      expect(brief(outcome.results[0]?.messages ?? []).filter((m) => m.startsWith('invalid-action-format'))).toEqual([]);
    });

    it('keeps the finding suppressed without a Sid while it stays at its path (its statement hash changed)', () => {
      const noSid = (extra: string) => `{"Version": "1", "Statement": [{"Effect": "Allow", "Action": ["ecs"${extra}], "Resource": "*"}]}`;
      const baseline = buildBaseline([lintAt('/repo/p.json', noSid(''))], relative);
      const outcome = applyBaseline([lintAt('/repo/p.json', noSid(', "ecs:DescribeInstances", "ram"'))], baseline, relative);
      expect(brief(outcome.results[0]?.messages ?? [])).toEqual(['invalid-action-format Statement[0].Action[2]']);
      expect(outcome.stale).toEqual([]);
    });

    it('matches by statement before path: a new statement above an edited one takes no old entry', () => {
      const old = '{"Sid": "Old", "Effect": "Allow", "Action": ["ecs"], "Resource": "*"}';
      const baseline = buildBaseline([lintAt('/repo/p.json', `{"Version": "1", "Statement": [${old}]}`)], relative);
      const added = '{"Effect": "Allow", "Action": ["ecs"], "Resource": "acs:ecs:*:*:instance/i-1"}';
      const outcome = applyBaseline([lintAt('/repo/p.json', `{"Version": "1", "Statement": [${added}, ${old}]}`)], baseline, relative);
      expect(brief(outcome.results[0]?.messages ?? []).filter((m) => m.startsWith('invalid-action-format'))).toEqual(['invalid-action-format Statement[0].Action[0]']);
    });
  });

  it('reads a version 1 baseline: its entries match by the full path', () => {
    const r = lintAt('/repo/p.json');
    const v1 = {
      version: 1,
      entries: r.messages.map((m) => ({ rule: m.ruleId, messageId: m.messageId ?? '', file: 'p.json', path: m.path, hash: valueHash(m), count: 1 })),
    };
    const outcome = applyBaseline([r], parseBaseline(v1), relative);
    expect(outcome.results[0]?.messages).toEqual([]);
    expect(outcome.stale).toEqual([]);
  });

  it('keeps findings already suppressed by waivers', () => {
    const r = summarize({
      filePath: '/repo/p.json',
      kind: 'permission',
      messages: [message('a', 'x', 'v')],
      suppressedMessages: [{ ...message('b', 'y', 'w'), suppressed: { kind: 'waiver', reason: 'r', source: 's' } }],
    });
    const [out] = applyBaseline([r], buildBaseline([r], relative), relative).results;
    expect(out?.suppressedMessages.map((m) => `${m.ruleId} ${m.suppressed?.kind}`)).toEqual(['b waiver', 'a baseline']);
  });

  it('suppresses as many findings as an entry counts; the rest are new', () => {
    const one = result('/repo/p.json', [message('r', 'Statement[0]', 'x')]);
    const three = result('/repo/p.json', [message('r', 'Statement[0]', 'x'), message('r', 'Statement[0]', 'x'), message('r', 'Statement[0]', 'x')]);
    const outcome = applyBaseline([three], buildBaseline([one], relative), relative);
    expect(outcome.results[0]?.messages).toHaveLength(2);
    expect(outcome.results[0]?.suppressedMessages).toHaveLength(1);
    expect(outcome.results[0]?.errorCount).toBe(2);
    expect(outcome.stale).toEqual([]);
  });

  it('an entry with a higher count than the findings left is stale by the difference', () => {
    const three = result('/repo/p.json', [message('r', 'Statement[0]', 'x'), message('r', 'Statement[0]', 'x'), message('r', 'Statement[0]', 'x')]);
    const one = result('/repo/p.json', [message('r', 'Statement[0]', 'x')]);
    const outcome = applyBaseline([one], buildBaseline([three], relative), relative);
    expect(outcome.results[0]?.messages).toEqual([]);
    expect(outcome.stale.map((e) => [e.rule, e.file, e.path, e.count])).toEqual([['r', 'p.json', 'Statement[0]', 2]]);
  });

  it('fixed findings leave stale entries, but only for files linted in this run', () => {
    const baseline = buildBaseline([lintAt('/repo/a.json'), lintAt('/repo/b.json')], relative);
    const clean = '{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "ecs:DescribeInstances", "Resource": "*"}]}';
    const outcome = applyBaseline([lintAt('/repo/a.json', clean)], baseline, relative);
    expect(outcome.stale.map((e) => `${e.file} ${e.rule} ${e.path} ${e.count}`).sort()).toEqual([
      'a.json duplicate-list-entry Statement[0].Action[2] 1',
      'a.json invalid-action-format Statement[0].Action[0] 1',
      'a.json passrole-missing-service-condition Statement[1].Action[0] 1',
      'a.json passrole-wildcard-resource Statement[1].Resource 1',
    ]);
  });

  it('a changed offending value is a new finding, and its old entry is stale', () => {
    const baseline = buildBaseline([lintAt('/repo/p.json')], relative);
    const outcome = applyBaseline([lintAt('/repo/p.json', original.replace('["ecs",', '["ram",'))], baseline, relative);
    expect(brief(outcome.results[0]?.messages ?? [])).toEqual(['invalid-action-format Statement[0].Action[0]']);
    expect(outcome.stale.map((e) => `${e.rule} ${e.path}`)).toEqual(['invalid-action-format Statement[0].Action[0]']);
  });

  it('a finding that gets worse in place (a read grant made a write grant) is new', () => {
    const grant = (action: string) => `{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "${action}", "Resource": "*"}]}`;
    const baseline = buildBaseline([lintAt('/repo/p.json', grant('oss:GetObject'))], relative);
    expect(baseline.entries.map((e) => `${e.rule} ${e.messageId} ${e.path}`)).toEqual(['oss-overbroad-grant read Statement[0].Resource']);
    const outcome = applyBaseline([lintAt('/repo/p.json', grant('oss:PutObject'))], baseline, relative);
    expect(outcome.results[0]?.messages.map((m) => `${m.ruleId} ${m.messageId} ${m.path}`)).toEqual(['oss-overbroad-grant write Statement[0].Resource']);
    expect(outcome.stale.map((e) => `${e.rule} ${e.messageId}`)).toEqual(['oss-overbroad-grant read']);
  });

  it('entries for another file do not match', () => {
    const outcome = applyBaseline([lintAt('/repo/b.json')], buildBaseline([lintAt('/repo/a.json')], relative), relative);
    expect(outcome.results[0]?.messages).toHaveLength(4);
    expect(outcome.stale).toEqual([]);
  });

  it.each([
    [
      're-indented and keys reordered',
      JSON.stringify(
        {
          Statement: [
            { Resource: '*', Action: ['ecs', 'ecs:DescribeInstances', 'ecs:DescribeInstances'], Effect: 'Allow' },
            { Resource: '*', Effect: 'Allow', Action: ['ram:PassRole'] },
          ],
          Version: '1',
        },
        null,
        4,
      ),
    ],
    ['minified', JSON.stringify(JSON.parse(original))],
    ['moved down by blank lines and with CRLF line endings', `\n\n\n${original}`.replace(/\n/g, '\r\n')],
  ])('entries survive the file being %s', (_name, reformatted) => {
    const baseline = buildBaseline([lintAt('/repo/p.json')], relative);
    const after = lintAt('/repo/p.json', reformatted);
    expect(after.messages.map((m) => m.line)).not.toEqual(lintAt('/repo/p.json').messages.map((m) => m.line));
    const outcome = applyBaseline([after], baseline, relative);
    expect(outcome.results[0]?.messages).toEqual([]);
    expect(outcome.results[0]?.suppressedMessages).toHaveLength(4);
    expect(outcome.stale).toEqual([]);
  });
});

describe('compareEntries', () => {
  it('orders by code point (upper case before lower case), not by locale', () => {
    const e = (file: string, path = '', rule = 'r', hash = 'h', messageId = 'm') => ({ file, path, rule, messageId, hash, count: 1 });
    const sorted = [e('b.json'), e('a.json', 'Z'), e('B.json'), e('a.json', 'A', 's'), e('a.json', 'A', 'r', 'b'), e('a.json', 'A', 'r', 'a', 'n'), e('a.json', 'A', 'r', 'a')].sort(compareEntries);
    expect(sorted.map((x) => `${x.file}|${x.path}|${x.rule}|${x.messageId}|${x.hash}`)).toEqual([
      'B.json||r|m|h',
      'a.json|A|r|m|a',
      'a.json|A|r|m|b',
      'a.json|A|r|n|a',
      'a.json|A|s|m|h',
      'a.json|Z|r|m|h',
      'b.json||r|m|h',
    ]);
  });
});

describe('parseBaseline', () => {
  const NOT_A_BASELINE = 'not a ramlint baseline (expected {"version": 2, "entries": [...]}; version 1 is read too)';
  const good = { rule: 'r', messageId: 'm', file: 'f.json', path: 'Statement[0]', hash: '0123456789abcdef', count: 1 };

  it('accepts a baseline it wrote', () => {
    const baseline = buildBaseline([lintAt('/repo/p.json')], relative);
    expect(parseBaseline(JSON.parse(JSON.stringify(baseline)))).toEqual(baseline);
    expect(parseBaseline({ version: 2, entries: [] })).toEqual({ version: 2, entries: [] });
    expect(parseBaseline({ version: 1, entries: [good] })).toEqual({ version: 2, entries: [good] });
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['a string', 'baseline'],
    ['an array', []],
    ['no version', { entries: [] }],
    ['another version', { version: 3, entries: [] }],
    ['a version as a string', { version: '1', entries: [] }],
    ['no entries', { version: 1 }],
    ['entries that are not a list', { version: 1, entries: {} }],
  ])('rejects %s', (_name, value) => {
    expect(() => parseBaseline(value)).toThrow(NOT_A_BASELINE);
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['a missing hash', { ...good, hash: undefined }],
    ['a numeric rule', { ...good, rule: 1 }],
    ['no message id', { ...good, messageId: undefined }],
    ['a count of 0', { ...good, count: 0 }],
    ['a fractional count', { ...good, count: 1.5 }],
    ['a count as a string', { ...good, count: '1' }],
  ])('rejects an entry with %s, naming its index', (_name, entry) => {
    expect(() => parseBaseline({ version: 1, entries: [good, entry] })).toThrow('entry 1 must have rule, messageId, file, path, hash (strings) and count (a positive whole number)');
  });
});

describe('a baseline as data', () => {
  it('is plain JSON', () => {
    const baseline: Baseline = buildBaseline([lintAt('/repo/p.json')], relative);
    expect(JSON.parse(JSON.stringify(baseline))).toEqual(baseline);
  });
});
