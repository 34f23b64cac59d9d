/**
 * --cache and --cache-location through the CLI: a second run prints the same
 * report from the cache, a changed file or config is linted again, and with
 * --cache off no cache file appears. (Which files were served from the cache
 * is proved in-process by test/api/cache.test.ts; here the cache file shows it.)
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ramlint, ramlintProcess } from '../helpers/cli';
import { ADMIN, CLEAN, WARNING, project } from './support';

const FILES = { 'p/admin.json': ADMIN, 'p/clean.json': CLEAN, 'p/warning.json': WARNING, '.ramlintrc.json': '{"rules": {"duplicate-list-entry": "warn"}}\n' };

describe('ramlint --cache', () => {
  it('a second run gives the same JSON report; a change in a file or the config is seen', () => {
    const s = project(FILES);
    const fresh = ramlint(['--format', 'json', 'p'], { cwd: s.dir });
    const first = ramlint(['--cache', '--format', 'json', 'p'], { cwd: s.dir });
    const cacheFile = path.join(s.dir, '.ramlintcache');
    const written = fs.statSync(cacheFile).mtimeMs;
    const second = ramlint(['--cache', '--format', 'json', 'p'], { cwd: s.dir });
    expect(second).toEqual(first);
    expect(second.stdout).toBe(fresh.stdout);
    expect(second.code).toBe(1);
    // Nothing changed, so nothing was written.
    expect(fs.statSync(cacheFile).mtimeMs).toBe(written);

    s.write('p/clean.json', ADMIN);
    expect(JSON.parse(ramlint(['--cache', '--format', 'json', 'p'], { cwd: s.dir }).stdout).filter((r: { errorCount: number }) => r.errorCount > 0)).toHaveLength(2);
    s.write('.ramlintrc.json', '{"rules": {"admin-access": "off"}}\n');
    const off = ramlint(['--cache', '--format', 'json', 'p'], { cwd: s.dir });
    expect(off.stdout).toBe(ramlint(['--format', 'json', 'p'], { cwd: s.dir }).stdout);
    expect(off.stdout).not.toContain('"admin-access"');
    s.cleanup();
  });

  it('--cache-location takes a file or a directory; without --cache nothing is written', () => {
    const s = project({ ...FILES, 'caches/.keep': '' });
    ramlint(['p'], { cwd: s.dir });
    ramlint(['--cache-location', 'x.cache', 'p'], { cwd: s.dir });
    expect(fs.readdirSync(s.dir).filter((f) => f.includes('cache'))).toEqual(['caches']);
    expect(fs.readdirSync(path.join(s.dir, 'caches'))).toEqual(['.keep']);
    ramlint(['--cache', '--cache-location', 'x.cache', 'p'], { cwd: s.dir });
    expect(fs.existsSync(path.join(s.dir, 'x.cache'))).toBe(true);
    ramlint(['--cache', '--cache-location', 'caches', 'p'], { cwd: s.dir });
    expect(fs.existsSync(path.join(s.dir, 'caches', '.ramlintcache'))).toBe(true);
    expect(fs.existsSync(path.join(s.dir, '.ramlintcache'))).toBe(false);
    expect(ramlint(['--cache-location', '', 'p'], { cwd: s.dir })).toMatchObject({ code: 2, stderr: expect.stringContaining('--cache-location needs') });
    s.cleanup();
  });

  it('a plain lint does not load node:crypto; --cache does', () => {
    const s = project(FILES);
    const probe = path.join(s.dir, 'probe.js');
    // Reports at exit whether node:crypto was loaded by the run.
    fs.writeFileSync(probe, "process.on('exit', () => process.stderr.write(process.moduleLoadList.some((m) => m === 'NativeModule crypto') ? 'CRYPTO\\n' : 'NO-CRYPTO\\n'));\n");
    const env = { NODE_OPTIONS: `--require ${probe}` };
    expect(ramlintProcess(['p'], { cwd: s.dir, env }).stderr).toMatch(/^NO-CRYPTO$/m);
    expect(ramlintProcess(['--cache', 'p'], { cwd: s.dir, env }).stderr).toMatch(/^CRYPTO$/m);
    s.cleanup();
  });

  it('an entry with a valid key but messages that are not messages is linted again, not an internal error on every run', () => {
    const s = project(FILES);
    const first = ramlint(['--cache', '--format', 'json', 'p'], { cwd: s.dir });
    const cacheFile = path.join(s.dir, '.ramlintcache');
    const good = fs.readFileSync(cacheFile, 'utf8');
    for (const damaged of ['[null]', '[{"ruleId":"admin-access","message":5}]']) {
      fs.writeFileSync(cacheFile, good.replace(/("filePath":"[^"]*admin\.json","kind":"[a-z]+"(?:,"kindSource":"[a-z]+")?,"messages":)\[.*?\](,"suppressedMessages")/, `$1${damaged}$2`));
      expect(fs.readFileSync(cacheFile, 'utf8')).toContain(damaged);
      for (const format of ['stylish', 'json']) {
        const r = ramlint(['--cache', '--format', format, 'p'], { cwd: s.dir });
        expect(r.stderr).toBe('');
        expect(r.code).toBe(1);
      }
      expect(fs.readFileSync(cacheFile, 'utf8')).not.toContain(damaged);
      expect(ramlint(['--cache', '--format', 'json', 'p'], { cwd: s.dir }).stdout).toBe(first.stdout);
    }
    s.cleanup();
  });
});

(process.platform === 'win32' ? describe.skip : describe)('a cache location through a linked directory in the tree', () => {
  it('--cache-location .cache/ramlint/ with a committed .cache -> outside: a note, the run goes on, nothing written outside', () => {
    const s = project({ 'p.json': ADMIN });
    const outside = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'ramlint-outside-'));
    fs.symlinkSync(outside, path.join(s.dir, '.cache'));
    const r = ramlint(['--cache', '--cache-location', '.cache/ramlint/', 'p.json'], { cwd: s.dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('admin-access');
    expect(r.stderr).toBe(
      'ramlint: note: the cache location .cache/ramlint/.ramlintcache goes through .cache, a symbolic link inside the working directory; the cache is neither read nor written (give --cache-location a path without links, or one outside the checkout)\n',
    );
    expect(fs.readdirSync(outside)).toEqual([]);
    fs.rmSync(outside, { recursive: true });
    s.cleanup();
  });
});
