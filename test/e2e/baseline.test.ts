/**
 * Baselines through the CLI: --update-baseline records today's findings,
 * --baseline (or the default file, when it exists) reports only new ones.
 * Entries are keyed by rule, file, statement, JSON path and value, so they
 * survive re-indenting, reordered keys, moved lines and edits to other
 * statements; entries that no longer match are reported on stderr; an update
 * from a partial run keeps the other files' entries.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findings, ramlint, scratch } from '../helpers/cli';

const POLICY = `{
  "Version": "1",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["ecs", "ecs:DescribeInstances"],
      "Resource": "*"
    }
  ]
}
`;

/** The same policy re-indented, with keys and statement members in another order, and moved down. */
const REFORMATTED = `

{
    "Statement": [
        {
            "Resource": "*",
            "Effect": "Allow",
            "Action": [
                "ecs",
                "ecs:DescribeInstances"
            ]
        }
    ],
    "Version": "1"
}
`;

interface BaselineDoc {
  version: number;
  entries: { rule: string; file: string; path: string; hash: string; count: number }[];
}

let tmp: ReturnType<typeof scratch>;
beforeEach(() => {
  tmp = scratch();
  tmp.write('.git/HEAD', 'ref: refs/heads/main\n');
});
afterEach(() => tmp.cleanup());

const run = (args: string[]) => ramlint(args, { cwd: tmp.dir });
const readBaseline = (rel = '.ramlint-baseline.json') => JSON.parse(fs.readFileSync(path.join(tmp.dir, rel), 'utf8')) as BaselineDoc;
const entries = (doc: BaselineDoc) => doc.entries.map((e) => `${e.file} ${e.rule} ${e.path} ${e.count}`);

describe('round trip', () => {
  it('--update-baseline records the findings; --baseline then reports none, and they stay visible as suppressed', () => {
    // duplicate-list-entry reports at info by default; as a warning it is baselined like any other.
    tmp.write('.ramlintrc.json', '{"rules": {"duplicate-list-entry": "warn"}}\n');
    tmp.write('a.json', POLICY);
    tmp.write('b.json', POLICY.replace('"ecs:DescribeInstances"]', '"ecs:DescribeInstances", "ecs:DescribeInstances"]'));
    expect(run(['a.json', 'b.json']).code).toBe(1);

    const update = run(['--update-baseline', 'a.json', 'b.json']);
    expect(update.code).toBe(0);
    expect(update.stderr).toBe('ramlint: wrote .ramlint-baseline.json with 3 findings from this run\n');
    const doc = readBaseline();
    expect(doc.version).toBe(2);
    expect(entries(doc)).toEqual([
      'a.json invalid-action-format Statement[0].Action[0] 1',
      'b.json invalid-action-format Statement[0].Action[0] 1',
      'b.json duplicate-list-entry Statement[0].Action[2] 1',
    ]);
    expect(fs.readFileSync(path.join(tmp.dir, '.ramlint-baseline.json'), 'utf8')).toMatch(/\n$/);

    const check = run(['--baseline', '.ramlint-baseline.json', '--format', 'json', 'a.json', 'b.json']);
    expect(check.code).toBe(0);
    expect(check.stderr).toBe('');
    expect(findings(check.stdout, tmp.dir)).toEqual([]);
    const report = JSON.parse(check.stdout) as { suppressedMessages: { ruleId: string; suppressed: unknown }[]; errorCount: number }[];
    expect(report.map((r) => r.errorCount)).toEqual([0, 0]);
    expect(report.flatMap((r) => r.suppressedMessages.map((m) => [m.ruleId, m.suppressed]))).toEqual([
      ['invalid-action-format', { kind: 'baseline', reason: 'present in the baseline' }],
      ['invalid-action-format', { kind: 'baseline', reason: 'present in the baseline' }],
      ['duplicate-list-entry', { kind: 'baseline', reason: 'present in the baseline' }],
    ]);
  });

  it('entries survive re-indenting, reordered keys and moved lines; a new finding is still reported', () => {
    tmp.write('p.json', POLICY);
    run(['--update-baseline', 'p.json']);
    tmp.write('p.json', REFORMATTED);
    const moved = run(['--baseline', '.ramlint-baseline.json', 'p.json']);
    expect(moved.code).toBe(0);
    expect(moved.stderr).toBe('');

    tmp.write('p.json', REFORMATTED.replace('"ecs:DescribeInstances"', '"ecs:DescribeInstances",\n                "ram"'));
    const added = run(['--baseline', '.ramlint-baseline.json', '--format', 'json', 'p.json']);
    expect(added.code).toBe(1);
    expect(findings(added.stdout, tmp.dir)).toEqual(['p.json 11:17 invalid-action-format']);
  });

  it('paths in the baseline are relative to its own directory, whatever the working directory', () => {
    tmp.write('policies/p.json', POLICY);
    fs.mkdirSync(path.join(tmp.dir, 'ci'));
    expect(ramlint(['--update-baseline', '--baseline', '../ci/baseline.json', 'p.json'], { cwd: path.join(tmp.dir, 'policies') }).code).toBe(0);
    expect(entries(readBaseline('ci/baseline.json'))).toEqual(['../policies/p.json invalid-action-format Statement[0].Action[0] 1']);
    const fromRoot = run(['--baseline', 'ci/baseline.json', 'policies/p.json']);
    expect(fromRoot.code).toBe(0);
    expect(fromRoot.stderr).toBe('');
  });
});

describe('stale entries', () => {
  it('are reported on stderr once the finding is gone, for linted files only', () => {
    tmp.write('a.json', POLICY);
    tmp.write('b.json', POLICY);
    run(['--update-baseline', 'a.json', 'b.json']);
    tmp.write('a.json', POLICY.replace('"ecs", ', ''));
    const r = run(['--baseline', '.ramlint-baseline.json', 'a.json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('ramlint: warning: baseline entry no longer found: invalid-action-format at a.json Statement[0].Action[0]; run with --update-baseline to drop it\n');
    // Stale entries count as warnings.
    expect(run(['--baseline', '.ramlint-baseline.json', '--max-warnings', '0', 'a.json']).code).toBe(1);
    // b.json still has its finding: nothing stale about it.
    expect(run(['--baseline', '.ramlint-baseline.json', 'b.json']).stderr).toBe('');
  });
});

describe('--update-baseline from a partial run', () => {
  it("rewrites the linted files' entries and keeps every other file's", () => {
    tmp.write('a.json', POLICY);
    tmp.write('b.json', POLICY);
    tmp.write('c.json', POLICY);
    run(['--update-baseline', 'a.json', 'b.json', 'c.json']);
    expect(readBaseline().entries).toHaveLength(3);

    tmp.write('a.json', POLICY.replace('"ecs", ', ''));
    tmp.write('b.json', POLICY.replace('"ecs", ', '"ram", '));
    const update = run(['--update-baseline', 'a.json', 'b.json']);
    expect(update.code).toBe(0);
    expect(update.stderr).toBe('ramlint: wrote .ramlint-baseline.json with 1 finding from this run, and kept 1 entry for files not linted in this run\n');
    const doc = readBaseline();
    expect(entries(doc)).toEqual(['b.json invalid-action-format Statement[0].Action[0] 1', 'c.json invalid-action-format Statement[0].Action[0] 1']);
    // b.json's entry is the new finding ("ram"), c.json's the untouched old one ("ecs").
    expect(doc.entries[0]?.hash).not.toBe(doc.entries[1]?.hash);
    const check = run(['--baseline', '.ramlint-baseline.json', 'a.json', 'b.json', 'c.json']);
    expect(check.code).toBe(0);
    expect(check.stderr).toBe('');
  });
});

describe('bad baselines', () => {
  it('a missing or invalid baseline file is a usage error', () => {
    tmp.write('p.json', POLICY);
    const missing = run(['--baseline', 'nope.json', 'p.json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('ramlint: cannot read the baseline nope.json: it does not exist; create it with --update-baseline\n');
    tmp.write('bad.json', '{"version": 3, "entries": []}');
    const invalid = run(['--baseline', 'bad.json', 'p.json']);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toBe('ramlint: the baseline bad.json is invalid: not a ramlint baseline (expected {"version": 2, "entries": [...]}; version 1 is read too)\n');
    tmp.write('broken.json', '{"version": 1, "entries": [');
    const broken = run(['--baseline', 'broken.json', 'p.json']);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/^ramlint: the baseline broken\.json is invalid: .+\n$/);
    expect(broken.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('the default baseline file', () => {
  it('is used without a flag once --update-baseline has written it, and --no-baseline turns it off', () => {
    tmp.write('p.json', POLICY);
    expect(run(['--update-baseline', 'p.json']).code).toBe(0);
    const plain = run(['p.json']);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toBe('  1 problem suppressed by waivers, directives or the baseline.\n');
    const off = run(['--no-baseline', '--format', 'json', 'p.json']);
    expect(off.code).toBe(1);
    expect(findings(off.stdout, tmp.dir)).toEqual(['p.json 6:18 invalid-action-format']);
  });

  it('is not required: without it a plain run reports everything', () => {
    tmp.write('p.json', POLICY);
    const r = run(['--format', 'json', 'p.json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
  });
});

describe('edits to other statements', () => {
  it('leave old findings suppressed when a statement is inserted above, and report the new one', () => {
    tmp.write('p.json', POLICY);
    run(['--update-baseline', 'p.json']);
    tmp.write('p.json', POLICY.replace('"Statement": [', '"Statement": [\n    {"Effect": "Allow", "Action": ["ram"], "Resource": "acs:ram::1:user/u"},'));
    const r = run(['--format', 'json', 'p.json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(findings(r.stdout, tmp.dir)).toEqual(['p.json 4:36 invalid-action-format']);
  });
});

describe('a hostile baseline file', () => {
  it('cannot print a line of its own through a stale entry', () => {
    tmp.write('p.json', POLICY);
    const entry = { rule: 'admin-access', messageId: 'm', file: 'p.json', statement: '', path: 'x\n::error file=README.md,line=1::Injected\u001b[2J', hash: '0123456789abcdef', count: 1 };
    tmp.write('.ramlint-baseline.json', JSON.stringify({ version: 2, entries: [entry] }));
    const r = run(['p.json']);
    expect(r.stderr).toContain('x\\n::error file=README.md,line=1::Injected\\u001b[2J');
    expect(r.stderr.split('\n').some((l) => l.startsWith('::error'))).toBe(false);
    expect(r.stderr).not.toContain('\u001b');
  });
});
