/**
 * -o and the baseline writer never write through a symbolic link in the
 * working directory (docs/security.md): a pull request can commit
 * `results.sarif -> /tmp/victim`, `report.xml -> .git/config`, or a
 * directory link on the way to the file. Each is refused with one line and
 * exit 2; the link and what it points to are left as they were. FIFOs and
 * devices are still written as streams (test/e2e/file-layer.test.ts,
 * test/api/output-fixes.test.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { linkedDirectory, writeFileAtomic } from '../../src/api/write';
import { ramlint, scratch } from '../helpers/cli';
import { ADMIN, project } from './support';

const posixOnly = process.platform === 'win32' ? describe.skip : describe;

/** One line on stderr, exit 2, nothing on stdout: a refusal, not a crash. */
function refused(run: { code: number | null; stdout: string; stderr: string }, why: RegExp): void {
  expect(run.code).toBe(2);
  expect(run.stderr.split('\n').filter((l) => l !== '')).toHaveLength(1);
  expect(run.stderr).toMatch(why);
  expect(run.stderr).not.toMatch(/\n\s+at /);
}

posixOnly('a symbolic link committed at the -o path', () => {
  const LINK = /it is a symbolic link, and ramlint does not write through one/;

  it.each([
    ['sarif', 'results.sarif'],
    ['json', 'report.json'],
    ['stylish', 'report.txt'],
  ])('-f %s -o %s -> a file outside: refused, the file outside untouched', (format, name) => {
    const s = project({ 'p.json': ADMIN });
    const outside = scratch('ramlint-victim-');
    const victim = outside.write('victim', 'precious\n');
    fs.symlinkSync(victim, path.join(s.dir, name));
    const run = ramlint(['-f', format, '-o', name, '.'], { cwd: s.dir });
    refused(run, new RegExp(`^ramlint: cannot write the report to ${name.replace('.', '\\.')}: ${LINK.source}`));
    expect(fs.readFileSync(victim, 'utf8')).toBe('precious\n');
    expect(fs.readlinkSync(path.join(s.dir, name))).toBe(victim);
    expect(fs.readdirSync(s.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    outside.cleanup();
    s.cleanup();
  });

  it('report.xml -> .git/config (relative): refused, the config untouched', () => {
    const s = project({ 'p.json': ADMIN, '.git/config': '[core]\n\tbare = false\n' });
    fs.symlinkSync('.git/config', path.join(s.dir, 'report.xml'));
    refused(ramlint(['-f', 'junit', '-o', 'report.xml', '.'], { cwd: s.dir }), LINK);
    expect(fs.readFileSync(path.join(s.dir, '.git/config'), 'utf8')).toBe('[core]\n\tbare = false\n');
    s.cleanup();
  });

  it('a directory link on the way (out -> a directory outside): refused, nothing created there', () => {
    const s = project({ 'p.json': ADMIN });
    const outside = scratch('ramlint-outdir-');
    fs.symlinkSync(outside.dir, path.join(s.dir, 'out'));
    refused(ramlint(['-f', 'sarif', '-o', 'out/results.sarif', '.'], { cwd: s.dir }), /^ramlint: cannot write the report to out\/results\.sarif: out is a symbolic link, and ramlint writes through no link inside the working directory/);
    refused(ramlint(['-f', 'json', '-o', 'out/deeper/r.json', '.'], { cwd: s.dir }), /out is a symbolic link/);
    expect(fs.readdirSync(outside.dir)).toEqual([]);
    outside.cleanup();
    s.cleanup();
  });

  it('a link to /dev/null inside the working directory is refused; outside it, a link to a device is a stream, as /dev/stdout is', () => {
    const s = project({ 'p.json': ADMIN });
    fs.symlinkSync('/dev/null', path.join(s.dir, 'null.json'));
    refused(ramlint(['-f', 'json', '-o', 'null.json', '.'], { cwd: s.dir }), LINK);
    const outside = scratch('ramlint-devlink-');
    const link = path.join(outside.dir, 'stdout');
    fs.symlinkSync('/dev/null', link);
    const run = ramlint(['-f', 'json', '-o', link, '.'], { cwd: s.dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    outside.cleanup();
    s.cleanup();
  });

  it('a regular file is replaced as before, and a missing directory is created', () => {
    const s = project({ 'p.json': ADMIN, 'old.json': 'old' });
    expect(ramlint(['-f', 'json', '-o', 'old.json', '.'], { cwd: s.dir }).code).toBe(1);
    expect(JSON.parse(fs.readFileSync(path.join(s.dir, 'old.json'), 'utf8'))).toHaveLength(1);
    expect(ramlint(['-f', 'sarif', '-o', 'reports/new/r.sarif', 'p.json'], { cwd: s.dir }).code).toBe(1);
    expect(fs.lstatSync(path.join(s.dir, 'reports/new/r.sarif')).isFile()).toBe(true);
    s.cleanup();
  });
});

posixOnly('a symbolic link at the baseline', () => {
  it('--update-baseline through .ramlint-baseline.json -> a file outside is refused; the file outside is untouched', () => {
    const s = project({ 'p.json': ADMIN });
    const outside = scratch('ramlint-victim-');
    const victim = outside.write('victim.json', '{"version": 1, "entries": []}\n');
    fs.symlinkSync(victim, path.join(s.dir, '.ramlint-baseline.json'));
    refused(ramlint(['--update-baseline', 'p.json'], { cwd: s.dir }), /^ramlint: cannot write the baseline \.ramlint-baseline\.json: it is a symbolic link, and ramlint does not write through one/);
    refused(ramlint(['--update-baseline', '--baseline', '.ramlint-baseline.json', 'p.json'], { cwd: s.dir }), /it is a symbolic link/);
    expect(fs.readFileSync(victim, 'utf8')).toBe('{"version": 1, "entries": []}\n');
    // Read through the link, as before: only writing through it is refused.
    expect(ramlint(['p.json'], { cwd: s.dir }).code).toBe(1);
    outside.cleanup();
    s.cleanup();
  });

  it('a baseline under a linked directory is refused', () => {
    const s = project({ 'p.json': ADMIN });
    const outside = scratch('ramlint-outdir-');
    fs.symlinkSync(outside.dir, path.join(s.dir, 'ci'));
    refused(ramlint(['--update-baseline', '--baseline', 'ci/baseline.json', '.'], { cwd: s.dir }), /cannot write the baseline ci\/baseline\.json: ci is a symbolic link/);
    expect(fs.readdirSync(outside.dir)).toEqual([]);
    outside.cleanup();
    s.cleanup();
  });
});

posixOnly('linkedDirectory', () => {
  it('finds the first linked directory strictly inside cwd, and looks at nothing at or above it', () => {
    const s = scratch('ramlint-linked-');
    const dir = fs.realpathSync(s.dir);
    fs.mkdirSync(path.join(dir, 'cwd/real/deeper'), { recursive: true });
    fs.symlinkSync(path.join(dir, 'cwd/real'), path.join(dir, 'cwd/link'));
    fs.symlinkSync(path.join(dir, 'cwd'), path.join(dir, 'cwd-link'));
    const cwd = path.join(dir, 'cwd');
    expect(linkedDirectory(path.join(cwd, 'real/deeper/f'), cwd)).toBeUndefined();
    expect(linkedDirectory(path.join(cwd, 'link/deeper/f'), cwd)).toBe(path.join(cwd, 'link'));
    expect(linkedDirectory(path.join(cwd, 'missing/link/f'), cwd)).toBeUndefined();
    // The file itself is not a directory on the way; outside cwd nothing is looked at.
    expect(linkedDirectory(path.join(cwd, 'link'), cwd)).toBeUndefined();
    expect(linkedDirectory(path.join(dir, 'cwd-link/link/f'), cwd)).toBeUndefined();
    expect(() => writeFileAtomic(path.join(cwd, 'link/f'), 'x', cwd)).toThrow(/link is a symbolic link/);
    writeFileAtomic(path.join(dir, 'cwd-link/real/f'), 'x', cwd);
    expect(fs.readFileSync(path.join(cwd, 'real/f'), 'utf8')).toBe('x');
    s.cleanup();
  });
});
