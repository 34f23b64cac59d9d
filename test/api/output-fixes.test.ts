/**
 * RamLint.outputFixes and the report writer: what --fix and -o may and may
 * not do to the user's files (issue #10 §2).
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RamLint } from '../../src';
import { writeFileAtomic } from '../../src/api/write';
import { WARNING, project } from '../e2e/support';

const FIXED = '"Action": ["ecs:DescribeInstances"]';
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

async function fixResults(dir: string, files: string[]) {
  return new RamLint({ cwd: dir, fix: true }).lintFiles(files);
}

describe('outputFixes', () => {
  it('keeps the mode of the file it rewrites', async () => {
    const s = project({ 'p.json': WARNING });
    fs.chmodSync(path.join(s.dir, 'p.json'), 0o640);
    await RamLint.outputFixes(await fixResults(s.dir, ['p.json']));
    expect(fs.readFileSync(path.join(s.dir, 'p.json'), 'utf8')).toContain(FIXED);
    expect(fs.statSync(path.join(s.dir, 'p.json')).mode & 0o777).toBe(0o640);
    s.cleanup();
  });

  it('keeps hard links: every name sees the fix, and they stay one file', async () => {
    const s = project({ 'p.json': WARNING });
    fs.linkSync(path.join(s.dir, 'p.json'), path.join(s.dir, 'other-name.json'));
    const inode = fs.statSync(path.join(s.dir, 'p.json')).ino;
    await RamLint.outputFixes(await fixResults(s.dir, ['p.json']));
    expect(fs.statSync(path.join(s.dir, 'p.json')).ino).toBe(inode);
    expect(fs.statSync(path.join(s.dir, 'p.json')).nlink).toBe(2);
    expect(fs.readFileSync(path.join(s.dir, 'other-name.json'), 'utf8')).toContain(FIXED);
    s.cleanup();
  });

  it('refuses a read-only file with a finding on it, and still writes the others', async () => {
    const s = project({ 'ro.json': WARNING, 'rw.json': WARNING });
    fs.chmodSync(path.join(s.dir, 'ro.json'), 0o444);
    const written = await RamLint.outputFixes(await fixResults(s.dir, ['ro.json', 'rw.json']));
    const ro = written.find((r) => r.filePath.endsWith('ro.json'));
    expect(ro?.output).toBeUndefined();
    expect(ro?.messages[0]).toMatchObject({ ruleId: 'unwritable-file', severity: 'error', message: 'The fixes were not written: the file is read-only.' });
    expect(ro?.errorCount).toBe(1);
    expect(fs.readFileSync(path.join(s.dir, 'ro.json'), 'utf8')).toBe(WARNING);
    expect(fs.statSync(path.join(s.dir, 'ro.json')).mode & 0o777).toBe(0o444);
    expect(fs.readFileSync(path.join(s.dir, 'rw.json'), 'utf8')).toContain(FIXED);
    s.cleanup();
  });

  it('never recreates a file that vanished during the run', async () => {
    const s = project({ 'gone/p.json': WARNING });
    const results = await fixResults(s.dir, ['gone/p.json']);
    fs.rmSync(path.join(s.dir, 'gone'), { recursive: true });
    const [written] = await RamLint.outputFixes(results);
    expect(written?.messages[0]?.message).toBe('The fixes were not written: the file no longer exists, so it was not recreated.');
    expect(fs.existsSync(path.join(s.dir, 'gone'))).toBe(false);
    s.cleanup();
  });

  (isRoot ? it : it.skip)('keeps the owner of a file owned by someone else (root only)', async () => {
    const s = project({ 'p.json': WARNING });
    fs.chownSync(path.join(s.dir, 'p.json'), 12345, 12345);
    await RamLint.outputFixes(await fixResults(s.dir, ['p.json']));
    const st = fs.statSync(path.join(s.dir, 'p.json'));
    expect([st.uid, st.gid]).toEqual([12345, 12345]);
    expect(fs.readFileSync(path.join(s.dir, 'p.json'), 'utf8')).toContain(FIXED);
    s.cleanup();
  });
});

describe('the report writer (-o)', () => {
  it('streams into a FIFO instead of replacing it', async () => {
    const s = project();
    const fifo = path.join(s.dir, 'report.fifo');
    const made = spawn('mkfifo', [fifo]);
    await new Promise((resolve) => made.on('close', resolve));
    const reader = spawn('cat', [fifo]);
    let received = '';
    reader.stdout.on('data', (c: Buffer) => (received += c.toString()));
    const closed = new Promise((resolve) => reader.on('close', resolve));
    writeFileAtomic(fifo, 'the report\n', s.dir);
    await closed;
    expect(received).toBe('the report\n');
    expect(fs.lstatSync(fifo).isFIFO()).toBe(true);
    s.cleanup();
  });

  it('refuses a read-only report file, as a shell\'s > does and as --fix does, leaving it as it was', () => {
    const s = project({ 'report.txt': 'old' });
    fs.chmodSync(path.join(s.dir, 'report.txt'), 0o444);
    expect(() => writeFileAtomic(path.join(s.dir, 'report.txt'), 'new', s.dir)).toThrow('it is read-only; make it writable, or give another file');
    expect(fs.readFileSync(path.join(s.dir, 'report.txt'), 'utf8')).toBe('old');
    expect(fs.statSync(path.join(s.dir, 'report.txt')).mode & 0o777).toBe(0o444);
    expect(fs.readdirSync(s.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    s.cleanup();
  });

  it('replaces a regular file atomically, keeping its mode', () => {
    const s = project({ 'report.txt': 'old' });
    fs.chmodSync(path.join(s.dir, 'report.txt'), 0o600);
    writeFileAtomic(path.join(s.dir, 'report.txt'), 'new', s.dir);
    expect(fs.readFileSync(path.join(s.dir, 'report.txt'), 'utf8')).toBe('new');
    expect(fs.statSync(path.join(s.dir, 'report.txt')).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(s.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    s.cleanup();
  });
});
