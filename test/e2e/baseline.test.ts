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
const posixOnly = process.platform === 'win32' ? it.skip : it;
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

describe('a baseline that is not a regular file, or too large', () => {
  const oneLineError = (r: { code: number | null; stdout: string; stderr: string }, why: RegExp) => {
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n').filter((l) => l !== '')).toHaveLength(1);
    expect(r.stderr).toMatch(why);
  };

  posixOnly('a symbolic link to /dev/zero at the default location is refused at once, not read forever', () => {
    tmp.write('p.json', POLICY);
    fs.symlinkSync('/dev/zero', path.join(tmp.dir, '.ramlint-baseline.json'));
    const started = Date.now();
    oneLineError(run(['p.json']), /^ramlint: cannot read the baseline \.ramlint-baseline\.json: it is not a regular file/);
    oneLineError(run(['--baseline', '.ramlint-baseline.json', 'p.json']), /it is not a regular file/);
    // --update-baseline reads the old entries first: refused the same way, and nothing is written through the link.
    oneLineError(run(['--update-baseline', 'p.json']), /it is not a regular file/);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  posixOnly('a FIFO is refused, not waited on', () => {
    tmp.write('p.json', POLICY);
    const { execFileSync } = require('node:child_process') as typeof import('node:child_process');
    execFileSync('mkfifo', [path.join(tmp.dir, 'fifo.json')]);
    oneLineError(run(['--baseline', 'fifo.json', 'p.json']), /^ramlint: cannot read the baseline fifo\.json: it is not a regular file/);
  });

  it('a file over the size limit is refused without being read', () => {
    tmp.write('p.json', POLICY);
    // Sparse: 40 MB on paper, nothing on disk.
    const big = path.join(tmp.dir, 'big.json');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, 40 * 1024 * 1024);
    oneLineError(run(['--baseline', 'big.json', 'p.json']), /^ramlint: cannot read the baseline big\.json: it is 41,943,040 bytes; a baseline may be at most 33,554,432\n$/);
  });

  it('a directory is refused with a clear error', () => {
    tmp.write('p.json', POLICY);
    fs.mkdirSync(path.join(tmp.dir, 'dir.json'));
    oneLineError(run(['--baseline', 'dir.json', 'p.json']), /cannot read the baseline dir\.json: it is a directory/);
  });

  posixOnly('a symbolic link to a regular baseline file is followed, as for configuration files', () => {
    tmp.write('p.json', POLICY);
    expect(run(['--update-baseline', '--baseline', 'real-baseline.json', 'p.json']).code).toBe(0);
    fs.symlinkSync('real-baseline.json', path.join(tmp.dir, '.ramlint-baseline.json'));
    const r = run(['p.json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('invalid JSON is one line, whatever the file holds', () => {
    tmp.write('p.json', POLICY);
    tmp.write('bad.json', '{"version": 2,\n\u001b[2J\n"entries": [}');
    const r = run(['--baseline', 'bad.json', 'p.json']);
    oneLineError(r, /^ramlint: the baseline bad\.json is invalid: /);
    expect(r.stderr).not.toContain('\u001b');
  });
});

describe('a baseline in a checkout that is not trusted (plugins off)', () => {
  // The pull request runs `ramlint --update-baseline .` and commits the result, hoping CI reads it.
  const commitBaseline = () => {
    tmp.write('p.json', POLICY);
    expect(run(['--update-baseline', 'p.json']).code).toBe(0);
  };
  const NOTE = /^ramlint: \.ramlint-baseline\.json is not used: plugins are off .*--baseline names it/;

  it('with --no-plugins the default baseline is not read, with a note; the findings are reported', () => {
    commitBaseline();
    expect(run(['p.json']).code).toBe(0); // trusted run: the baseline applies
    const r = run(['--no-plugins', '--format', 'json', 'p.json']);
    expect(r.code).toBe(1);
    expect(findings(r.stdout, tmp.dir)).toEqual(['p.json 6:18 invalid-action-format']);
    expect(r.stderr).toMatch(NOTE);
    expect(r.stderr.split('\n').filter((l) => l !== '')).toHaveLength(1);
  });

  it('with RAMLINT_NO_PLUGINS=1 likewise', () => {
    commitBaseline();
    const r = ramlint(['p.json'], { cwd: tmp.dir, env: { RAMLINT_NO_PLUGINS: '1' } });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('invalid-action-format');
    expect(r.stderr).toMatch(NOTE);
  });

  it('a baseline named with --baseline (the base branch\'s copy) is used; --no-baseline silences the note', () => {
    commitBaseline();
    fs.copyFileSync(path.join(tmp.dir, '.ramlint-baseline.json'), path.join(tmp.dir, 'trusted-baseline.json'));
    const named = run(['--no-plugins', '--baseline', 'trusted-baseline.json', 'p.json']);
    expect(named.code).toBe(0);
    expect(named.stderr).toBe('');
    const none = run(['--no-plugins', '--no-baseline', 'p.json']);
    expect(none.code).toBe(1);
    expect(none.stderr).toBe('');
  });

  posixOnly('a hostile default baseline cannot stall an untrusted run: it is not opened at all', () => {
    tmp.write('p.json', POLICY);
    fs.symlinkSync('/dev/zero', path.join(tmp.dir, '.ramlint-baseline.json'));
    const r = run(['--no-plugins', 'p.json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(NOTE);
  });
});
