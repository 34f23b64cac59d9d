/**
 * The 4 MB limit holds for files a directory walk finds, not only for files
 * named on the command line (docs/security.md): a walked file is judged by
 * fstat on the descriptor it would be read from (nodeFileSystem), or by a
 * stat (a FileSystem without readRegularFile), before any byte is read.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RamLint } from '../../src';
import { nodeFileSystem } from '../../src/api/node-fs';
import { readPolicyFile } from '../../src/api/read';
import type { FileSystem } from '../../src/api/types';
import { MAX_FILE_BYTES } from '../../src/engine/decode';
import { ramlint, scratch } from '../helpers/cli';
import { ADMIN, CLEAN } from '../e2e/support';

const posixOnly = process.platform === 'win32' ? it.skip : it;
const HUGE = 800 * 1024 * 1024;
const TOO_LARGE = /^The file is 838,860,800 bytes \(800\.0 MB\); ramlint reads policy files up to 4,194,304 bytes/;

/** A directory with a clean policy and a sparse 800 MB huge.json: nothing on disk, 800 MB to a reader. */
function bigTree() {
  const s = scratch('ramlint-big-');
  s.write('big/ok.json', CLEAN);
  const huge = s.write('big/huge.json', '');
  fs.truncateSync(huge, HUGE);
  return { ...s, huge };
}

describe('a walked file over the limit is not read', () => {
  it('nodeFileSystem: one fstat on the opened file, no read', async () => {
    const s = bigTree();
    // nodeFileSystem, with every call recorded.
    const asked: string[] = [];
    const recorded = Object.fromEntries(
      Object.entries(nodeFileSystem).map(([name, fn]) => [name, (...args: unknown[]) => (asked.push(name), (fn as (...a: unknown[]) => unknown)(...args))]),
    ) as unknown as FileSystem;
    const read = await readPolicyFile(recorded, s.huge, true);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.result.messages.map((m) => [m.ruleId, m.message])).toEqual([['unreadable-file', expect.stringMatching(TOO_LARGE)]]);
    expect(asked).toEqual(['readRegularFile']);
    // What it found, without a byte read: the size.
    expect(await nodeFileSystem.readRegularFile?.(s.huge, MAX_FILE_BYTES)).toEqual({ kind: 'too-large', size: HUGE });
    s.cleanup();
  });

  it('nodeFileSystem reuses one read buffer: a shorter file after a longer one reads as itself, and the bytes of a text read again are its own', async () => {
    const s = scratch('ramlint-reuse-');
    const long = s.write('long.json', `{"Version": "1", "Statement": [${'{"Effect": "Allow", "Action": "ecs:DescribeInstances", "Resource": "*"},'.repeat(2000)}{}]}`);
    const short = s.write('short.json', CLEAN);
    const bad = s.write('bad.json', '');
    fs.writeFileSync(bad, Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d]));
    const longRead = await readPolicyFile(nodeFileSystem, long, true);
    expect(longRead.ok && longRead.text.length).toBe(fs.statSync(long).size);
    expect(await readPolicyFile(nodeFileSystem, short, true)).toEqual({ ok: true, text: CLEAN });
    const got = await nodeFileSystem.readRegularFile?.(bad, MAX_FILE_BYTES);
    expect(got?.kind === 'read' && [...got.bytes]).toEqual([0x7b, 0x22, 0xff, 0x22, 0x7d]);
    // The next read reuses the buffer; the bytes handed out before are a copy, unchanged.
    await nodeFileSystem.readRegularFile?.(short, MAX_FILE_BYTES);
    expect(got?.kind === 'read' && [...got.bytes]).toEqual([0x7b, 0x22, 0xff, 0x22, 0x7d]);
    s.cleanup();
  });

  it('a FileSystem without readRegularFile: a stat first, then no read', async () => {
    const asked: string[] = [];
    const file = '/p/huge.json';
    const memory: FileSystem = {
      readFile: async (p) => (asked.push(`readFile ${p}`), new Uint8Array(HUGE)),
      readUtf8: async (p) => (asked.push(`readUtf8 ${p}`), ''),
      stat: async (p) => (asked.push(`stat ${p}`), { isFile: true, isDirectory: false, isSymbolicLink: false, size: HUGE, mode: 0o644, nlink: 1, uid: 0, gid: 0 }),
      lstat: async () => ({ isFile: true, isDirectory: false, isSymbolicLink: false, size: HUGE, mode: 0o644, nlink: 1, uid: 0, gid: 0 }),
      readdir: async () => [],
      realpath: async (p) => p,
      writeFile: async () => undefined,
    };
    const read = await readPolicyFile(memory, file, true);
    expect(read.ok).toBe(false);
    expect(asked).toEqual([`stat ${file}`]);
  });

  it('files within the limit read as before: a UTF-8 one, a UTF-16 one, an empty one', async () => {
    const s = scratch('ramlint-read-');
    const utf8 = s.write('a.json', ADMIN);
    const utf16 = s.write('b.json', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ADMIN, 'utf16le')]));
    const empty = s.write('c.json', '');
    expect(await readPolicyFile(nodeFileSystem, utf8, true)).toEqual({ ok: true, text: ADMIN });
    expect(await readPolicyFile(nodeFileSystem, utf16, true)).toEqual(await readPolicyFile(nodeFileSystem, utf16, false));
    expect(await readPolicyFile(nodeFileSystem, empty, true)).toEqual({ ok: true, text: '' });
    const exactly = s.write('d.json', Buffer.alloc(MAX_FILE_BYTES, 0x20));
    expect((await readPolicyFile(nodeFileSystem, exactly, true)).ok).toBe(true);
    s.cleanup();
  });

  posixOnly('a FIFO where the walk saw a file is refused at once, not waited on', async () => {
    const s = scratch('ramlint-fifo-');
    const fifo = path.join(s.dir, 'p.json');
    execFileSync('mkfifo', [fifo]);
    expect(await nodeFileSystem.readRegularFile?.(fifo, MAX_FILE_BYTES)).toEqual({ kind: 'not-regular', directory: false });
    s.cleanup();
  });

  it('the API: a walk reports the file too large and lints the rest', async () => {
    const s = bigTree();
    const results = await new RamLint({ cwd: s.dir }).lintFiles(['big']);
    expect(results.map((r) => [path.basename(r.filePath), r.messages.map((m) => m.ruleId)])).toEqual([
      ['huge.json', ['unreadable-file']],
      ['ok.json', []],
    ]);
    s.cleanup();
  });

  it('the CLI: `ramlint big` and `ramlint escalation big`, quickly', () => {
    const s = bigTree();
    const started = Date.now();
    const lint = ramlint(['--format', 'json', 'big'], { cwd: s.dir });
    expect(lint.code).toBe(1);
    const report = JSON.parse(lint.stdout) as { filePath: string; messages: { ruleId: string; message: string }[] }[];
    expect(report.find((r) => r.filePath.endsWith('huge.json'))?.messages).toEqual([expect.objectContaining({ ruleId: 'unreadable-file', message: expect.stringMatching(TOO_LARGE) })]);
    const escalation = ramlint(['escalation', 'big'], { cwd: s.dir });
    expect(escalation.code).toBe(2);
    expect(escalation.stderr).toMatch(/^ramlint escalation: big\/huge\.json: The file is 838,860,800 bytes/);
    // Reading 800 MB takes seconds and a gigabyte; one fstat takes nothing.
    expect(Date.now() - started).toBeLessThan(20_000);
    s.cleanup();
  });
});
