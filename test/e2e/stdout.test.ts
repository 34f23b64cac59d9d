/**
 * Standard output is written with fs.writeSync where Node would write
 * synchronously anyway (a file, /dev/null, a pipe) and through
 * process.stdout otherwise (a socket, a terminal, a pipe that says EAGAIN).
 * Whatever fd 1 is, the report is the same bytes and the exit code the same.
 * (A reader that closes the pipe early is in exit-codes.test.ts.)
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { BIN } from '../helpers/cli';
import { ADMIN, project } from './support';

// About 400 KB of JSON report: several times a pipe's 64 KiB buffer, so a slow reader fills it.
const files: Record<string, string> = {};
for (let i = 0; i < 600; i++) files[`p/admin-${String(i).padStart(3, '0')}.json`] = ADMIN;
const s = project(files);
afterAll(() => s.cleanup());

const ARGS = [BIN, '--format', 'json', 'p'];
const env = { ...process.env, NO_COLOR: '1' };

/** spawnSync's default stdio is a socket pair: the process.stdout path. */
const reference = spawnSync(process.execPath, ARGS, { cwd: s.dir, encoding: 'utf8', env, maxBuffer: 1 << 26 });

function hasPython(): boolean {
  return spawnSync('python3', ['-c', 'import os; os.set_blocking'], { stdio: 'ignore' }).status === 0;
}

describe('the report is the same bytes whatever standard output is', () => {
  it('a socket (the reference run)', () => {
    expect(reference.status).toBe(1);
    expect(reference.stderr).toBe('');
    expect(reference.stdout.length).toBeGreaterThan(300_000);
    expect(JSON.parse(reference.stdout)).toHaveLength(600);
  });

  it('a regular file', () => {
    const out = path.join(s.dir, 'report.json');
    const fd = fs.openSync(out, 'w');
    try {
      const r = spawnSync(process.execPath, ARGS, { cwd: s.dir, stdio: ['ignore', fd, 'pipe'], encoding: 'utf8', env });
      expect([r.status, r.stderr]).toEqual([1, '']);
    } finally {
      fs.closeSync(fd);
    }
    expect(fs.readFileSync(out, 'utf8')).toBe(reference.stdout);
  });

  it('/dev/null', () => {
    const r = spawnSync(process.execPath, ARGS, { cwd: s.dir, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', env });
    expect([r.status, r.stderr]).toEqual([1, '']);
  });

  it('a pipe with a slow reader', () => {
    const out = path.join(s.dir, 'piped.json');
    const r = spawnSync('bash', ['-c', `"$0" "$@" | { sleep 0.3; cat > "${out}"; }; exit \${PIPESTATUS[0]}`, process.execPath, ...ARGS], { cwd: s.dir, encoding: 'utf8', env });
    expect([r.status, r.stderr]).toEqual([1, '']);
    expect(fs.readFileSync(out, 'utf8')).toBe(reference.stdout);
  });

  (hasPython() ? it : it.skip)('a non-blocking pipe with a slow reader (EAGAIN: process.stdout takes over, in order) — needs python3', () => {
    const out = path.join(s.dir, 'nonblocking.json');
    // os.pipe() with O_NONBLOCK on the write end, which the child inherits; the reader waits before it reads.
    const script = [
      'import os, subprocess, sys, time',
      'r, w = os.pipe()',
      'os.set_blocking(w, False)',
      'p = subprocess.Popen(sys.argv[2:], stdout=w)',
      'os.close(w)',
      'time.sleep(0.3)',
      'with open(sys.argv[1], "wb") as f:',
      '    while True:',
      '        chunk = os.read(r, 65536)',
      '        if not chunk: break',
      '        f.write(chunk)',
      'sys.exit(p.wait())',
    ].join('\n');
    const r = spawnSync('python3', ['-c', script, out, process.execPath, ...ARGS], { cwd: s.dir, encoding: 'utf8', env });
    expect([r.status, r.stderr]).toEqual([1, '']);
    expect(fs.readFileSync(out, 'utf8')).toBe(reference.stdout);
  });

  (fs.existsSync('/dev/full') ? it : it.skip)('a full disk (/dev/full): exit 2 and one plain line saying so, no internal error — needs /dev/full', () => {
    const fd = fs.openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, ARGS, { cwd: s.dir, stdio: ['ignore', fd, 'pipe'], encoding: 'utf8', env });
      expect([r.status, r.stderr]).toEqual([2, 'ramlint: cannot write the report to standard output: ENOSPC (no space left on device)\n']);
    } finally {
      fs.closeSync(fd);
    }
  });
});
