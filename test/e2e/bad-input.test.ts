/**
 * Files that are not good policies, each beside a good and a bad policy:
 * malformed JSON, an empty file, bytes that are not UTF-8, a binary file, a
 * 20 MB file, nesting 100,000 levels deep, an unreadable file, a symbolic link
 * loop. Each gives a clear finding or message for that file, the run goes on
 * with the others, no stack trace is printed and nothing is written. A UTF-8
 * byte-order mark is read past, with correct positions.
 *
 * The big files are generated here, never committed.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ramlint } from '../helpers/cli';
import { ADMIN, adminLine, CLEAN, lines, listing, project, STACK_FRAME } from './support';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const DEPTH = 100_000;

/** A policy of about 20 MB: thousands of statements, each well formed. */
function hugePolicy(): string {
  const statement = '{"Effect": "Allow", "Action": ["ecs:DescribeInstances", "ecs:DescribeDisks"], "Resource": "acs:ecs:*:123456789012:instance/*"}';
  const count = Math.ceil((20 * 1024 * 1024) / (statement.length + 2));
  return `{"Version": "1", "Statement": [${new Array<string>(count).fill(statement).join(',\n')}]}\n`;
}

const s = project({
  'inputs/good.json': CLEAN,
  'inputs/admin.json': ADMIN,
  'inputs/bom.json': Buffer.concat([BOM, Buffer.from(ADMIN)]),
  // Cut off mid-way, as by a failed download.
  'inputs/truncated.json': '{\n  "Version": "1",\n  "Statement": [\n    {"Effect": "Allow", "Action": "ecs:Describe*", "Resource": "*"}',
  // "Décrire" saved as Latin-1: 0xE9 is not UTF-8.
  'inputs/latin1.json': Buffer.from('{\n  "Version": "1",\n  "Statement": [{"Effect": "Allow", "Action": "ecs:D\xe9crire*", "Resource": "*"}]\n}\n', 'latin1'),
  // The start of a PNG image, under a .json name.
  'inputs/binary.json': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x7b, 0x22]),
  'inputs/huge.json': hugePolicy(),
  'inputs/deep.json': `{"Version": "1", "Statement": ${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}}\n`,
  // Named on the command line only: a walk decides by a top-level "Statement", which these do not show.
  'named-only/missing-comma.json': '{\n  "Version": "1"\n  "Statement": []\n}\n',
  'named-only/empty.json': '',
});
// A loop of two file links, a link to itself, and a directory link back up the tree.
fs.symlinkSync('loop-b.json', path.join(s.dir, 'inputs', 'loop-a.json'));
fs.symlinkSync('loop-a.json', path.join(s.dir, 'inputs', 'loop-b.json'));
fs.symlinkSync('self.json', path.join(s.dir, 'inputs', 'self.json'));
fs.mkdirSync(path.join(s.dir, 'inputs', 'nested'));
fs.symlinkSync('..', path.join(s.dir, 'inputs', 'nested', 'up'));

const before = listing(s.dir);
afterAll(() => s.cleanup());
const run = (...args: string[]) => ramlint(args, { cwd: s.dir });

const TRUNCATED = "inputs/truncated.json:4:68: error Unexpected end of file: an array is missing its closing ']'. [invalid-json]";
const MISSING_COMMA = `named-only/missing-comma.json:3:3: error Expected ',' between elements but found "Statement"; add the missing comma. [invalid-json]`;
const EMPTY = 'named-only/empty.json:1:1: error The file is empty; a RAM policy is a JSON object. [invalid-json]';
const LATIN1 = 'inputs/latin1.json:3:53: error The file is not valid UTF-8: byte 0xe9 at byte offset 72 cannot start or continue a character. Save it as UTF-8. [unreadable-file]';
const BINARY = 'inputs/binary.json:1:1: error The file is binary (it contains NUL bytes), not a JSON policy. [unreadable-file]';
const huge = (size: number) =>
  `inputs/huge.json:1:1: error The file is ${size.toLocaleString('en-US')} bytes (${(size / (1024 * 1024)).toFixed(1)} MB); ramlint reads policy files up to 4,194,304 bytes (a RAM policy holds at most 6,144 characters, an OSS bucket policy 16 KB). [unreadable-file]`;
// Depth 1 is the object; the 100th "[" (column 31 + 99) is level 101.
const DEEP = 'inputs/deep.json:1:130: error JSON nesting is deeper than 100 levels; a RAM policy needs about 6, so ramlint stops reading here. [invalid-json]';
const LOOP = 'inputs/loop-a.json:1:1: error Cannot read the file: it is a symbolic link loop. [unreadable-file]';

describe('named on the command line', () => {
  it('each bad file gets its own finding and the good and bad policies beside them are linted normally', () => {
    const hugeSize = fs.statSync(path.join(s.dir, 'inputs', 'huge.json')).size;
    expect(hugeSize).toBeGreaterThanOrEqual(20 * 1024 * 1024);
    const names = ['inputs/good', 'inputs/truncated', 'named-only/missing-comma', 'named-only/empty', 'inputs/latin1', 'inputs/binary', 'inputs/huge', 'inputs/deep', 'inputs/loop-a', 'inputs/bom', 'inputs/admin'];
    const r = run(...names.map((n) => `${n}.json`), '--format', 'compact');
    expect(r.code).toBe(1);
    expect(lines(r.stdout)).toEqual([
      TRUNCATED,
      MISSING_COMMA,
      EMPTY,
      LATIN1,
      BINARY,
      huge(hugeSize),
      DEEP,
      LOOP,
      adminLine('inputs/bom.json'),
      adminLine('inputs/admin.json'),
    ]);
    expect(r.stderr).toBe('');
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });

  it('the default (stylish) report shows them too, with no stack trace anywhere', () => {
    const r = run('inputs/deep.json', 'inputs/huge.json', 'inputs/binary.json', 'inputs/good.json');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('✖ 3 problems (3 errors, 0 warnings, 0 info)');
    expect(`${r.stdout}${r.stderr}`).not.toMatch(STACK_FRAME);
    expect(r.stderr).toBe('');
  });

  it('a byte-order mark is read past: the json report has the same positions as without it', () => {
    const r = run('inputs/bom.json', 'inputs/admin.json', '--format', 'json');
    const [bom, plain] = JSON.parse(r.stdout) as { kind: string; messages: Record<string, unknown>[] }[];
    expect(bom?.kind).toBe('permission');
    expect(bom?.messages).toEqual(plain?.messages);
    expect(bom?.messages).toEqual([expect.objectContaining({ ruleId: 'admin-access', line: 6, column: 17, endLine: 6, endColumn: 20, path: 'Statement[0].Action' })]);
  });
});

describe('found by a directory walk', () => {
  it('each bad file gets a finding or a note on stderr; the walk goes on and enters the looped directory once', () => {
    const hugeSize = fs.statSync(path.join(s.dir, 'inputs', 'huge.json')).size;
    const r = run('inputs', '--format', 'compact');
    expect(r.code).toBe(1);
    // Name order; good.json has no findings.
    expect(lines(r.stdout)).toEqual([
      adminLine('inputs/admin.json'),
      BINARY,
      adminLine('inputs/bom.json'),
      DEEP,
      huge(hugeSize),
      LATIN1,
      TRUNCATED,
    ]);
    expect(r.stderr).toBe(
      [
        'ramlint: inputs/loop-a.json: skipped, it is a symbolic link loop',
        'ramlint: inputs/loop-b.json: skipped, it is a symbolic link loop',
        'ramlint: inputs/self.json: skipped, it is a symbolic link loop',
        '',
      ].join('\n'),
    );
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });
});

/** chmod 000 stops reading only for a user without CAP_DAC_OVERRIDE; root reads anyway. */
function chmodDeniesReading(): boolean {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ramlint-chmod-'));
  const file = path.join(dir, 'probe');
  try {
    fs.writeFileSync(file, 'x');
    fs.chmodSync(file, 0o000);
    fs.readFileSync(file);
    return false;
  } catch {
    return true;
  } finally {
    fs.chmodSync(file, 0o600);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const canDeny = chmodDeniesReading();
const unreadableTest = canDeny ? it : it.skip;
const unreadableTitle = canDeny
  ? 'an unreadable file (chmod 000) is a finding, an unreadable directory a note; the others are linted'
  : `an unreadable file (chmod 000): SKIPPED, this process (uid ${process.getuid?.()}) can read a chmod 000 file, so the case cannot be set up`;

describe('unreadable', () => {
  unreadableTest(unreadableTitle, () => {
    const u = project({ 'good.json': CLEAN, 'admin.json': ADMIN, 'locked.json': ADMIN, 'locked-dir/policy.json': ADMIN });
    try {
      fs.chmodSync(path.join(u.dir, 'locked.json'), 0o000);
      fs.chmodSync(path.join(u.dir, 'locked-dir'), 0o000);
      const was = listing(u.dir);
      const named = ramlint(['good.json', 'locked.json', 'admin.json', '--format', 'compact'], { cwd: u.dir });
      expect(named).toEqual({
        code: 1,
        stdout: `locked.json:1:1: error Cannot read the file: permission denied. [unreadable-file]\n${adminLine('admin.json')}\n`,
        stderr: '',
      });
      const walked = ramlint(['.', '--format', 'compact'], { cwd: u.dir });
      expect(walked).toEqual({
        code: 1,
        stdout: `${adminLine('admin.json')}\nlocked.json:1:1: error Cannot read the file: permission denied. [unreadable-file]\n`,
        stderr: 'ramlint: locked-dir: skipped, permission denied\n',
      });
      expect(listing(u.dir)).toEqual(was);
    } finally {
      fs.chmodSync(path.join(u.dir, 'locked.json'), 0o644);
      fs.chmodSync(path.join(u.dir, 'locked-dir'), 0o755);
      u.cleanup();
    }
  });
});

describe('after every run above', () => {
  it('nothing was written', () => {
    expect(listing(s.dir)).toEqual(before);
  });
});
