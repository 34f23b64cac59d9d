/**
 * --stdin: the policy comes from standard input; --stdin-filename names it in
 * the report and decides comment handling (.jsonc) without the file having to
 * exist; --kind overrides detection. Nothing is written.
 */
import * as path from 'node:path';
import { ramlint, ramlintProcess } from '../helpers/cli';
import { ADMIN, adminLine, lines, listing, project, STACK_FRAME, TRUST } from './support';

const s = project();
const before = listing(s.dir);
afterAll(() => s.cleanup());
const run = (args: string[], input: string | Buffer) => ramlint(['--stdin', ...args], { cwd: s.dir, input });

const WITH_COMMENTS = `{
  // Managed by the platform team.
  "Version": "1",
  "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}] /* for break-glass only */
}
`;
const COMMENTS_MESSAGE = 'Comments are not allowed in JSON, and RAM rejects them; name the file .jsonc if a build step strips them.';

describe('--stdin without --stdin-filename', () => {
  it('reports the policy as <stdin> in stylish', () => {
    const r = run([], ADMIN);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(lines(r.stdout)).toEqual([
      '<stdin> (detected: permission policy)',
      `  6:17  error  ${'Action "*" on Resource "*" allows every action on every resource, which is full administrator access; grant the actions and resources the task needs'}  admin-access`,
      '',
      '✖ 1 problem (1 error, 0 warnings, 0 info)',
    ]);
  });

  it('reports it as <stdin> in json, and as JSON (no comments allowed)', () => {
    const r = run(['--format', 'json'], WITH_COMMENTS);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual([
      {
        filePath: '<stdin>',
        kind: null,
        messages: [
          { ruleId: 'invalid-json', category: 'syntax', severity: 'error', message: COMMENTS_MESSAGE, line: 2, column: 3, endLine: 2, endColumn: 35, path: '' },
        ],
        suppressedMessages: [],
        errorCount: 1,
        warningCount: 0,
        infoCount: 0,
        fixableCount: 0,
      },
    ]);
  });

  it('a clean policy exits 0 with no output', () => {
    expect(run([], TRUST)).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('empty, binary and non-UTF-8 input each give a finding, not a crash', () => {
    const empty = run(['--format', 'compact'], '');
    expect(empty).toEqual({ code: 1, stdout: '<stdin>:1:1: error The file is empty; a RAM policy is a JSON object. [invalid-json]\n', stderr: '' });
    const binary = run(['--format', 'compact'], Buffer.from([0x7b, 0x00, 0x01, 0x02, 0x7d]));
    expect(binary).toEqual({ code: 1, stdout: '<stdin>:1:1: error The file is binary (it contains NUL bytes), not a JSON policy. [unreadable-file]\n', stderr: '' });
    const latin1 = run(['--format', 'compact'], Buffer.from('{"Version": "1",\n"Statement": [{"Action": "ecs:D\xe9crire"}]}', 'latin1'));
    expect(latin1.code).toBe(1);
    expect(latin1.stdout).toBe(
      '<stdin>:2:32: error The file is not valid UTF-8: byte 0xe9 at byte offset 48 cannot start or continue a character. Save it as UTF-8. [unreadable-file]\n',
    );
    for (const r of [empty, binary, latin1]) expect(r.stderr).not.toMatch(STACK_FRAME);
  });

  it('reads past a UTF-8 byte-order mark, positions counted after it', () => {
    const r = run(['--format', 'compact'], Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ADMIN)]));
    expect(r).toEqual({ code: 1, stdout: `${adminLine('<stdin>')}\n`, stderr: '' });
  });
});

describe('--stdin-filename', () => {
  it('names the policy in the report, relative in compact and absolute in json', () => {
    const compact = run(['--stdin-filename', 'roles/ops.json', '--format', 'compact'], ADMIN);
    expect(compact).toEqual({ code: 1, stdout: `${adminLine('roles/ops.json')}\n`, stderr: '' });
    const json = run(['--stdin-filename', 'roles/ops.json', '--format', 'json'], ADMIN);
    expect(JSON.parse(json.stdout)[0].filePath).toBe(path.join(s.dir, 'roles', 'ops.json'));
  });

  it('a .jsonc name allows comments: the policy behind them is linted', () => {
    const r = run(['--stdin-filename', 'roles/ops.jsonc', '--format', 'compact'], WITH_COMMENTS);
    expect(r).toEqual({ code: 1, stdout: `${adminLine('roles/ops.jsonc', 4, 47)}\n`, stderr: '' });
  });

  it('a .json name does not', () => {
    const r = run(['--stdin-filename', 'roles/ops.json', '--format', 'compact'], WITH_COMMENTS);
    expect(r).toEqual({ code: 1, stdout: `roles/ops.json:2:3: error ${COMMENTS_MESSAGE} [invalid-json]\n`, stderr: '' });
  });
});

describe('--kind', () => {
  it('is detected from the content: a trust policy is clean as a trust policy', () => {
    const r = run(['--format', 'json'], TRUST);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)[0]).toMatchObject({ kind: 'trust', messages: [] });
  });

  it('overrides detection: the same trust policy read as a permission policy', () => {
    const r = run(['--kind', 'permission', '--format', 'compact'], TRUST);
    expect(r.code).toBe(1);
    expect(lines(r.stdout)).toEqual([
      '<stdin>:4:5: error The statement has neither "Resource" nor "NotResource"; name the resources it applies to ("*" only if the actions cannot be scoped). [missing-resource]',
      '<stdin>:7:7: error "Principal" belongs in trust policies and resource policies; a permission policy applies to the user, group or role it is attached to. Remove it, or lint this file with the right --kind. [unexpected-principal]',
    ]);
  });
});

describe('after every run above', () => {
  it('nothing was written: the file --stdin-filename names is never created', () => {
    expect(listing(s.dir)).toEqual(before);
  });
});

describe('standard input past the size limit', () => {
  it('is read only up to the limit and reported as unreadable-file, as a file that large is', () => {
    const r = ramlintProcess(['--stdin', '--format', 'json'], { input: Buffer.alloc(5 * 1024 * 1024, 0x20) });
    expect(r.code).toBe(1);
    const [result] = JSON.parse(r.stdout) as { messages: { ruleId: string; message: string }[] }[];
    expect(result?.messages.map((m) => m.ruleId)).toEqual(['unreadable-file']);
    expect(result?.messages[0]?.message).toContain('more than 4,194,304 bytes');
  });
});
