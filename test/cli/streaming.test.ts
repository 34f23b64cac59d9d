/**
 * The command line prints each file's findings as soon as the file is linted
 * (formats that allow it), so memory stays flat however many files there are;
 * the report is the same bytes either way.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { run } from '../../src/cli/run';
import type { Io } from '../../src/cli/io';
import { ADMIN, CLEAN, project } from '../e2e/support';

function recording(cwd: string): Io & { chunks: string[]; err: string[] } {
  const chunks: string[] = [];
  const err: string[] = [];
  return {
    cwd,
    env: { NO_COLOR: '1' },
    stdout: (t) => void chunks.push(t),
    stderr: (t) => void err.push(t),
    stdoutIsTTY: false,
    readStdin: async () => Buffer.alloc(0),
    chunks,
    err,
  };
}

const FILES = { 'p/a.json': ADMIN, 'p/b.json': CLEAN, 'p/c.json': ADMIN };

describe('streamed reports', () => {
  it.each(['json', 'stylish', 'compact', 'github', 'gitlab', 'checkstyle'])('%s: written as the files are linted, in writes of about 64 KiB', async (format) => {
    const many: Record<string, string> = {};
    for (let i = 0; i < 1000; i++) many[`p/f${String(i).padStart(4, '0')}.json`] = ADMIN;
    const s = project(many);
    const io = recording(s.dir);
    expect(await run(['--format', format, 'p'], io)).toBe(1);
    // The first write goes out long before the last file is linted.
    expect(io.chunks.length).toBeGreaterThanOrEqual(2);
    expect(io.chunks[0]).toMatch(/f0000\.json/);
    expect(io.chunks[0]).not.toMatch(/f0999\.json/);
    expect(io.chunks.slice(0, -1).every((c) => c.length >= 64 * 1024)).toBe(true);
    s.cleanup();
  });

  it('sarif and junit are built whole: one write', async () => {
    const s = project(FILES);
    for (const format of ['sarif', 'junit']) {
      const io = recording(s.dir);
      expect(await run(['--format', format, 'p'], io)).toBe(1);
      expect(io.chunks).toHaveLength(1);
    }
    s.cleanup();
  });

  it('-o streams into a temp file renamed into place at the end, with stylish on stdout', async () => {
    const s = project(FILES);
    const io = recording(s.dir);
    expect(await run(['--format', 'json', '-o', 'out/report.json', 'p'], io)).toBe(1);
    const report = JSON.parse(fs.readFileSync(path.join(s.dir, 'out/report.json'), 'utf8')) as { filePath: string; errorCount: number }[];
    expect(report.map((r) => [path.basename(r.filePath), r.errorCount])).toEqual([
      ['a.json', 1],
      ['b.json', 0],
      ['c.json', 1],
    ]);
    expect(io.chunks.join('')).toContain('✖ 2 problems (2 errors, 0 warnings, 0 info)');
    expect(fs.readdirSync(path.join(s.dir, 'out'))).toEqual(['report.json']);
    s.cleanup();
  });

  it('a run that fails part-way leaves the -o target as it was', async () => {
    const s = project({ ...FILES, 'report.json': 'old\n', '.ramlint-baseline.json': '{"version": 2, "entries": [' });
    const io = recording(s.dir);
    expect(await run(['--format', 'json', '-o', 'report.json', 'p'], io)).toBe(2);
    expect(io.err.join('')).toMatch(/the baseline .* is invalid/);
    expect(fs.readFileSync(path.join(s.dir, 'report.json'), 'utf8')).toBe('old\n');
    expect(fs.readdirSync(s.dir).filter((f) => f.includes('.tmp'))).toEqual([]);
    s.cleanup();
  });

  it('a baseline applies file by file: a streamed run hides the baselined findings', async () => {
    const s = project(FILES);
    expect(await run(['--update-baseline', 'p'], recording(s.dir))).toBe(0);
    const io = recording(s.dir);
    expect(await run(['--format', 'json', 'p'], io)).toBe(0);
    const report = JSON.parse(io.chunks.join('')) as { errorCount: number; suppressedMessages: unknown[] }[];
    expect(report.map((r) => [r.errorCount, r.suppressedMessages.length])).toEqual([
      [0, 1],
      [0, 0],
      [0, 1],
    ]);
    s.cleanup();
  });
});
