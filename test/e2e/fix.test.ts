/**
 * --fix and --fix-dry-run through the CLI. --fix writes each changed file
 * atomically (no temporary file left behind, permissions kept), keeps the
 * byte-order mark, CRLF line endings, layout and comments, and a second run
 * changes nothing. --fix-dry-run writes nothing: a unified diff in stylish
 * output, the fixed text as "output" in --format json. --fix cannot write to
 * standard input.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findings, ramlint, scratch } from '../helpers/cli';

/** A BOM, CRLF, comments: no Version, a lower-case Effect, a repeated action, and an error no fix touches. */
const BEFORE =
  '\uFEFF// deploy role, reviewed by SEC\r\n' +
  '{\r\n' +
  '  /* statements */\r\n' +
  '  "Statement": [\r\n' +
  '    {\r\n' +
  '      "Effect": "allow", // lower case from the old tool\r\n' +
  '      "Action": [\r\n' +
  '        "ecs:DescribeInstances",\r\n' +
  '        "ECS:DescribeInstances",\r\n' +
  '        "ecs"\r\n' +
  '      ],\r\n' +
  '      "Resource": "*"\r\n' +
  '    }\r\n' +
  '  ]\r\n' +
  '}\r\n';

const AFTER =
  '\uFEFF// deploy role, reviewed by SEC\r\n' +
  '{\r\n' +
  '  /* statements */\r\n' +
  '  "Version": "1",\r\n' +
  '  "Statement": [\r\n' +
  '    {\r\n' +
  '      "Effect": "Allow", // lower case from the old tool\r\n' +
  '      "Action": [\r\n' +
  '        "ecs:DescribeInstances",\r\n' +
  '        "ecs"\r\n' +
  '      ],\r\n' +
  '      "Resource": "*"\r\n' +
  '    }\r\n' +
  '  ]\r\n' +
  '}\r\n';

const CLEAN_AFTER_FIX = '{"Statement": [{"Effect": "deny", "Action": "ecs:DeleteInstance", "Resource": "*"}]}\n';

let tmp: ReturnType<typeof scratch>;
beforeEach(() => {
  tmp = scratch();
  tmp.write('.git/HEAD', 'ref: refs/heads/main\n');
});
afterEach(() => tmp.cleanup());

const run = (args: string[], input?: string) => ramlint(args, { cwd: tmp.dir, input });
const read = (rel: string) => fs.readFileSync(path.join(tmp.dir, rel), 'utf8');

describe('--fix', () => {
  it('writes the fixed file in place, keeping BOM, CRLF, comments and permissions, and leaves no temporary file', () => {
    const file = tmp.write('policies/p.jsonc', BEFORE);
    fs.chmodSync(file, 0o640);
    tmp.write('policies/q.json', CLEAN_AFTER_FIX);
    const r = run(['--fix', '--format', 'json', 'policies']);
    // The repeated action and the others are fixed; "ecs" has no safe fix and remains.
    expect(r.code).toBe(1);
    expect(findings(r.stdout, tmp.dir)).toEqual(['policies/p.jsonc 10:9 invalid-action-format']);
    expect(read('policies/p.jsonc')).toBe(AFTER);
    expect(read('policies/q.json')).toBe('{"Version": "1", "Statement": [{"Effect": "Deny", "Action": "ecs:DeleteInstance", "Resource": "*"}]}\n');
    expect(fs.statSync(file).mode & 0o777).toBe(0o640);
    expect(fs.readdirSync(path.join(tmp.dir, 'policies')).sort()).toEqual(['p.jsonc', 'q.json']);
    // The json report carries the fixed text of each changed file.
    const report = JSON.parse(r.stdout) as { output?: string }[];
    expect(report.map((x) => x.output)).toEqual([AFTER, read('policies/q.json')]);
  });

  it('a second run changes nothing and does not rewrite the file', () => {
    const file = tmp.write('p.jsonc', BEFORE);
    run(['--fix', 'p.jsonc']);
    const inode = fs.statSync(file).ino;
    const second = run(['--fix', '--format', 'json', 'p.jsonc']);
    expect(second.code).toBe(1);
    expect(read('p.jsonc')).toBe(AFTER);
    expect(fs.statSync(file).ino).toBe(inode);
    expect(JSON.parse(second.stdout)[0].output).toBeUndefined();
  });

  it('exits 0 when every problem was fixed, reports nothing left to fix, and says it fixed the file', () => {
    tmp.write('p.json', CLEAN_AFTER_FIX);
    const r = run(['--fix', 'p.json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('ramlint: applied safe fixes to 1 file\n');
  });

  it('does not fix findings waived inline or in the config', () => {
    tmp.write('ramlint.config.jsonc', JSON.stringify({ waivers: [{ rule: 'invalid-version', files: 'p.jsonc', reason: 'the deployer adds the Version' }] }));
    const waived = BEFORE.replace('      "Effect": "allow", // lower case from the old tool', '      // ramlint-disable-next-line invalid-effect -- the old tool reads lower case only\r\n      "Effect": "allow",');
    tmp.write('p.jsonc', waived);
    run(['--fix', 'p.jsonc']);
    expect(read('p.jsonc')).toBe(waived.replace('        "ECS:DescribeInstances",\r\n', ''));
  });
});

describe('--fix-dry-run', () => {
  it('writes nothing and prints a unified diff before the stylish report', () => {
    const file = tmp.write('p.jsonc', BEFORE);
    const mtime = fs.statSync(file).mtimeMs;
    const r = run(['--fix-dry-run', 'p.jsonc']);
    expect(r.code).toBe(1);
    expect(read('p.jsonc')).toBe(BEFORE);
    expect(fs.statSync(file).mtimeMs).toBe(mtime);
    expect(fs.readdirSync(tmp.dir).sort()).toEqual(['.git', 'p.jsonc']);
    const diff = [
      '--- a/p.jsonc\n',
      '+++ b/p.jsonc\n',
      '@@ -1,12 +1,12 @@\n',
      ' \uFEFF// deploy role, reviewed by SEC\r\n',
      ' {\r\n',
      '   /* statements */\r\n',
      '+  "Version": "1",\r\n',
      '   "Statement": [\r\n',
      '     {\r\n',
      '-      "Effect": "allow", // lower case from the old tool\r\n',
      '+      "Effect": "Allow", // lower case from the old tool\r\n',
      '       "Action": [\r\n',
      '         "ecs:DescribeInstances",\r\n',
      '-        "ECS:DescribeInstances",\r\n',
      '         "ecs"\r\n',
      '       ],\r\n',
      '       "Resource": "*"\r\n',
    ].join('');
    expect(r.stdout.startsWith(diff)).toBe(true);
    expect(r.stdout.slice(diff.length)).toMatch(/^p\.jsonc \(detected: permission policy\)\n.*10:9 +error +Action "ecs" is not in the form/s);
  });

  it('in --format json prints the fixed text as "output" and nothing but JSON', () => {
    tmp.write('p.jsonc', BEFORE);
    tmp.write('clean.json', '{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "ecs:DescribeInstances", "Resource": "*"}]}\n');
    const r = run(['--fix-dry-run', '--format', 'json', 'p.jsonc', 'clean.json']);
    expect(r.code).toBe(1);
    expect(read('p.jsonc')).toBe(BEFORE);
    const report = JSON.parse(r.stdout) as { filePath: string; output?: string; messages: { ruleId: string }[] }[];
    expect(report.map((x) => [path.basename(x.filePath), x.output])).toEqual([
      ['p.jsonc', AFTER],
      ['clean.json', undefined],
    ]);
    expect(report[0]?.messages.map((m) => m.ruleId)).toEqual(['invalid-action-format']);
  });

  it('works on standard input, where --fix cannot', () => {
    const fixed = run(['--stdin', '--stdin-filename', 'p.jsonc', '--fix-dry-run', '--format', 'json'], BEFORE);
    expect(JSON.parse(fixed.stdout)[0].output).toBe(AFTER);
    const refused = run(['--stdin', '--fix'], BEFORE);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toBe('ramlint: --fix cannot write to standard input; use --fix-dry-run --format json to get the fixed text\n');
  });

  it('--fix and --fix-dry-run together are a usage error', () => {
    tmp.write('p.jsonc', BEFORE);
    const r = run(['--fix', '--fix-dry-run', 'p.jsonc']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('ramlint: use either --fix or --fix-dry-run\n');
    expect(read('p.jsonc')).toBe(BEFORE);
  });
});
