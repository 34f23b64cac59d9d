/**
 * lintFilesStream: each result handed over as it is ready, in report order,
 * none kept; lintFilesReport is the same run, collected.
 */
import * as path from 'node:path';
import { RamLint } from '../../src';
import { ADMIN, CLEAN, project } from '../e2e/support';

describe('RamLint.lintFilesStream', () => {
  it('hands over every result in report order, awaiting each, and keeps none', async () => {
    const s = project({ 'p/a.json': ADMIN, 'p/b.json': CLEAN, 'p/c/d.json': ADMIN, 'p/e.json': '{"Version": "1", "Statement": [' });
    const api = new RamLint({ cwd: s.dir });
    const seen: string[] = [];
    let inFlight = false;
    const run = await api.lintFilesStream(['p'], async (result) => {
      expect(inFlight).toBe(false); // the next file waits for this call to finish
      inFlight = true;
      await new Promise((resolve) => setTimeout(resolve, 5));
      seen.push(`${path.relative(s.dir, result.filePath)} ${result.errorCount}`);
      inFlight = false;
    });
    expect(seen).toEqual(['p/a.json 1', 'p/b.json 0', 'p/e.json 1', 'p/c/d.json 1']);
    expect(run.results).toEqual([]);
    expect(run.count).toBe(4);
    const report = await new RamLint({ cwd: s.dir }).lintFilesReport(['p']);
    expect(report.results.map((r) => `${path.relative(s.dir, r.filePath)} ${r.errorCount}`)).toEqual(seen);
    s.cleanup();
  });

  it('a callback that throws stops the run with that error', async () => {
    const s = project({ 'a.json': ADMIN, 'b.json': ADMIN });
    let calls = 0;
    await expect(
      new RamLint({ cwd: s.dir }).lintFilesStream('.', () => {
        calls++;
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(calls).toBe(1);
    s.cleanup();
  });

  it('rejects a callback that is not a function', async () => {
    await expect(new RamLint().lintFilesStream('.', undefined as never)).rejects.toThrow(TypeError);
  });
});
