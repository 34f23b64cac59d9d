/**
 * The results cache (`cache`, `cacheLocation`): a file is served from the
 * cache while its text, its configuration, the plugins, the ramlint version
 * and the catalogue are unchanged, and the served result is the fresh one.
 * "Served" is proved by counting calls into the per-file linter, not by time.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { RamLint, type RamLintOptions } from '../../src';
import { parseString } from '../../src/api/cache';
import * as lintFile from '../../src/api/lint-file';
import { scratch } from '../helpers/cli';
import { ACME, ADMIN, CLEAN, WARNING, project } from '../e2e/support';

const ECS_STAR = `{
  "Version": "1",
  "Statement": [{"Effect": "Allow", "Action": "ecs:*", "Resource": "acs:ecs:*:*:instance/i-1"}]
}
`;

let calls: jest.SpyInstance;
beforeEach(() => {
  calls = jest.spyOn(lintFile, 'lintFileText');
});
afterEach(() => calls.mockRestore());

/** Lints `patterns` with a new RamLint (as a new process would) and says how many files the linter ran on. */
async function run(cwd: string, options: RamLintOptions = {}, patterns: string[] = ['p']) {
  calls.mockClear();
  const ramlint = new RamLint({ cwd, cache: true, ...options });
  const results = await ramlint.lintFiles(patterns);
  const json = (await ramlint.loadFormatter('json')).format(results);
  return { results, json, linted: calls.mock.calls.length };
}

function files(): Record<string, string> {
  return { 'p/admin.json': ADMIN, 'p/clean.json': CLEAN, 'p/warning.json': WARNING, '.ramlintrc.json': '{"rules": {"duplicate-list-entry": "warn"}}\n' };
}

describe('a second run is served from the cache', () => {
  it('gives the same results and the same JSON, with no file linted again', async () => {
    const s = project(files());
    const first = await run(s.dir);
    expect(first.linted).toBe(3);
    expect(fs.existsSync(path.join(s.dir, '.ramlintcache'))).toBe(true);
    const second = await run(s.dir);
    expect(second.linted).toBe(0);
    expect(second.results).toEqual(first.results);
    expect(second.json).toBe(first.json);
    const fresh = await run(s.dir, { cache: false });
    expect(fresh.linted).toBe(3);
    expect(second.json).toBe(fresh.json);
    s.cleanup();
  });

  it('suppressed messages, documents and positions in host files come back as they were', async () => {
    const tf = `resource "alicloud_ram_policy" "p" {\n  policy_name     = "p"\n  policy_document = <<EOF\n${ADMIN}EOF\n}\n`;
    const s = project({
      'main.tf': tf,
      'p/admin.json': ADMIN,
      'ramlint.config.json': JSON.stringify({ waivers: [{ rule: 'admin-access', files: ['p/admin.json'], reason: 'break-glass role' }] }),
    });
    const first = await run(s.dir, {}, ['.']);
    const second = await run(s.dir, {}, ['.']);
    expect(second.linted).toBe(0);
    expect(second.results).toEqual(first.results);
    const admin = second.results.find((r) => r.filePath.endsWith('admin.json'));
    expect(admin?.suppressedMessages.map((m) => m.ruleId)).toEqual(['admin-access']);
    const host = second.results.find((r) => r.filePath.endsWith('main.tf'));
    expect(host?.documents?.length).toBe(1);
    expect(host?.messages[0]).toMatchObject({ ruleId: 'admin-access', line: 9 });
    s.cleanup();
  });

  it('a changed file is linted again, the others are not', async () => {
    const s = project(files());
    await run(s.dir);
    s.write('p/clean.json', ADMIN);
    const second = await run(s.dir);
    expect(second.linted).toBe(1);
    expect(second.results.find((r) => r.filePath.endsWith('clean.json'))?.errorCount).toBe(1);
    s.cleanup();
  });

  it('a configuration change (a rule turned off) invalidates the files it covers', async () => {
    const s = project(files());
    await run(s.dir);
    s.write('.ramlintrc.json', '{"rules": {"duplicate-list-entry": "warn", "admin-access": "off"}}\n');
    const second = await run(s.dir);
    expect(second.linted).toBe(3);
    expect(second.results.find((r) => r.filePath.endsWith('admin.json'))?.messages.map((m) => m.ruleId)).not.toContain('admin-access');
    s.cleanup();
  });

  it('API options that change the result are part of the key', async () => {
    const s = project(files());
    await run(s.dir);
    expect((await run(s.dir, { kind: 'trust' })).linted).toBe(3);
    expect((await run(s.dir, { reportUnusedWaivers: true })).linted).toBe(3);
    expect((await run(s.dir, { reportUnusedWaivers: true, allowInlineConfig: false })).linted).toBe(3);
    s.cleanup();
  });

  it('a plugin change invalidates; the same plugin does not', async () => {
    const s = project({ 'p/ecs.json': ECS_STAR, 'tools/acme.js': fs.readFileSync(ACME, 'utf8') });
    const plugin = path.join(s.dir, 'tools/acme.js');
    const first = await run(s.dir, { plugins: [plugin] });
    expect(first.results[0]?.messages.map((m) => m.ruleId)).toContain('acme/no-ecs-wildcard');
    expect((await run(s.dir, { plugins: [plugin] })).linted).toBe(0);
    fs.appendFileSync(plugin, '\n// a new version\n');
    expect((await run(s.dir, { plugins: [plugin] })).linted).toBe(1);
    expect((await run(s.dir)).linted).toBe(1); // no plugin at all: another key
    s.cleanup();
  });

  it('a cache written by another ramlint version, build or catalogue is ignored and rewritten', async () => {
    const s = project(files());
    await run(s.dir);
    const file = path.join(s.dir, '.ramlintcache');
    for (const field of ['version', 'build', 'catalogue']) {
      const [head, ...entries] = fs.readFileSync(file, 'utf8').split('\n');
      const data = JSON.parse(head as string);
      const kept = data[field];
      data[field] = `${kept}-other`;
      fs.writeFileSync(file, [JSON.stringify(data), ...entries].join('\n'));
      expect((await run(s.dir)).linted).toBe(3);
      expect(JSON.parse(fs.readFileSync(file, 'utf8').split('\n')[0] as string)[field]).toBe(kept);
    }
    s.cleanup();
  });

  it('a waiver with an expiry date keys on today: a cache from yesterday is not served', async () => {
    const s = project({
      'p/admin.json': ADMIN,
      'ramlint.config.json': JSON.stringify({ waivers: [{ rule: 'admin-access', files: ['p/*.json'], reason: 'until the migration', expires: '2999-01-01' }] }),
    });
    await run(s.dir);
    expect((await run(s.dir)).linted).toBe(0);
    // Tomorrow: only Date is faked, so the file system's callbacks still run.
    jest.useFakeTimers({ now: Date.now() + 86_400_000, doNotFake: ['setTimeout', 'setImmediate', 'setInterval', 'nextTick', 'queueMicrotask'] });
    try {
      expect((await run(s.dir)).linted).toBe(1);
    } finally {
      jest.useRealTimers();
    }
    s.cleanup();
  });
});

describe('the cache file', () => {
  it('a corrupt or unreadable cache is ignored and rewritten', async () => {
    const s = project(files());
    const file = path.join(s.dir, '.ramlintcache');
    for (const junk of ['{"ramlintCache": 2, "entr', 'null', '[]', '{"ramlintCache": 1, "entries": {}}', '{"ramlintCache": 2}\n"x"\t5', '\u0000\u0001binary']) {
      fs.writeFileSync(file, junk);
      const r = await run(s.dir);
      expect(r.linted).toBe(3);
      expect(r.results.map((x) => x.errorCount).sort()).toEqual([0, 0, 1]);
      expect(JSON.parse(fs.readFileSync(file, 'utf8').split('\n')[0] as string).ramlintCache).toBe(2);
    }
    // Entries with a good header and key but a result of the wrong shape (or not JSON) are linted again, not served.
    const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    const broken = lines.map((line, i) => (i === 0 ? line : line.replace(/\t[^\t]*$/, i === 1 ? '\t{"filePath": 1}' : '\t{not json')));
    fs.writeFileSync(file, `${broken.join('\n')}\n`);
    expect((await run(s.dir)).linted).toBe(3);
    expect((await run(s.dir)).linted).toBe(0);
    s.cleanup();
  });

  it('an entry with a valid key but damaged messages is a miss: linted again and rewritten, never a crash', async () => {
    const s = project(files());
    const file = path.join(s.dir, '.ramlintcache');
    const fresh = await run(s.dir);
    expect(fresh.linted).toBe(3);
    const good = fs.readFileSync(file, 'utf8');
    const damage: ((m: Record<string, unknown>) => unknown)[] = [
      () => null,
      (m) => ({ ...m, message: 5 }),
      (m) => ({ ...m, severity: 'fatal' }),
      (m) => ({ ...m, line: '6' }),
      (m) => ({ ...m, fix: [null] }),
      (m) => ({ ...m, suggestions: [{ desc: 'x', edits: [{ offset: 0, length: 1 }] }] }),
      (m) => ({ ...m, suppressed: { kind: 'baseline' } }),
    ];
    for (const hurt of damage) {
      // admin.json's entry keeps its key; only its result is damaged.
      const lines = good.trimEnd().split('\n').map((line) => {
        if (!line.includes('admin.json')) return line;
        const cut = line.lastIndexOf('\t');
        const result = JSON.parse(line.slice(cut + 1)) as { messages: Record<string, unknown>[] };
        result.messages = result.messages.map(hurt) as Record<string, unknown>[];
        return `${line.slice(0, cut)}\t${JSON.stringify(result)}`;
      });
      fs.writeFileSync(file, `${lines.join('\n')}\n`);
      const again = await run(s.dir);
      expect(again.linted).toBe(1);
      expect(again.json).toBe(fresh.json);
      // Rewritten: the next run is served whole.
      expect((await run(s.dir)).linted).toBe(0);
    }
    // A damaged suppressed message or document list is a miss too.
    const lines = good.trimEnd().split('\n').map((line) => (line.includes('clean.json') ? line.replace('"suppressedMessages":[]', '"suppressedMessages":[{"ruleId":1}]') : line));
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    expect((await run(s.dir)).linted).toBe(1);
    s.cleanup();
  });

  it('cacheLocation: a file name, an existing directory, a path ending in a separator', async () => {
    const s = project({ 'p/admin.json': ADMIN, 'caches/.keep': '' });
    await run(s.dir, { cacheLocation: 'my.cache' }, ['p']);
    expect(fs.existsSync(path.join(s.dir, 'my.cache'))).toBe(true);
    await run(s.dir, { cacheLocation: 'caches' }, ['p']);
    expect(fs.existsSync(path.join(s.dir, 'caches', '.ramlintcache'))).toBe(true);
    await run(s.dir, { cacheLocation: 'new-dir/' }, ['p']);
    expect(fs.existsSync(path.join(s.dir, 'new-dir', '.ramlintcache'))).toBe(true);
    expect((await run(s.dir, { cacheLocation: 'caches' }, ['p'])).linted).toBe(0);
    expect(fs.existsSync(path.join(s.dir, '.ramlintcache'))).toBe(false);
    s.cleanup();
  });

  it('is never written with the cache off, nor when fixing', async () => {
    const s = project(files());
    await run(s.dir, { cache: false });
    await run(s.dir, { cache: undefined, cacheLocation: 'x.cache' });
    await run(s.dir, { fix: true });
    expect(fs.readdirSync(s.dir).filter((f) => f.includes('cache'))).toEqual([]);
    s.cleanup();
  });

  it('fixing is never served from the cache', async () => {
    const s = project(files());
    await run(s.dir);
    const fixed = await run(s.dir, { fix: true });
    expect(fixed.linted).toBe(3);
    expect(fixed.results.find((r) => r.filePath.endsWith('warning.json'))?.output).toBeDefined();
    s.cleanup();
  });

  it('a symbolic link at the cache location is neither followed nor replaced', async () => {
    const s = project({ 'p/admin.json': ADMIN, 'elsewhere/target.txt': 'keep me\n' });
    const target = path.join(s.dir, 'elsewhere/target.txt');
    fs.symlinkSync(target, path.join(s.dir, '.ramlintcache'));
    const ramlint = new RamLint({ cwd: s.dir, cache: true });
    const report = await ramlint.lintFilesReport(['p']);
    expect(report.notes.join('\n')).toMatch(/cache .* is a symbolic link/);
    expect(fs.readFileSync(target, 'utf8')).toBe('keep me\n');
    expect(fs.lstatSync(path.join(s.dir, '.ramlintcache')).isSymbolicLink()).toBe(true);
    s.cleanup();
  });

  (process.platform === 'win32' ? it.skip : it)('a linked directory on the way to the cache inside cwd: neither read nor written, with a note; the run goes on', async () => {
    const s = project({ 'p/admin.json': ADMIN });
    const outside = scratch('ramlint-outside-');
    // The pull request commits .cache -> a directory outside the checkout.
    fs.symlinkSync(outside.dir, path.join(s.dir, '.cache'));
    for (const cacheLocation of ['.cache/ramlint/', '.cache/ramlint/.ramlintcache', path.join(s.dir, '.cache', 'x.cache')]) {
      const report = await new RamLint({ cwd: s.dir, cache: true, cacheLocation }).lintFilesReport(['p']);
      expect(report.results.map((r) => r.errorCount)).toEqual([1]);
      expect(report.notes.join('\n')).toMatch(/the cache location \.cache\/.* goes through \.cache, a symbolic link inside the working directory; the cache is neither read nor written/);
    }
    // A cache planted there is not read either.
    fs.writeFileSync(path.join(outside.dir, '.ramlintcache'), 'planted\n');
    await new RamLint({ cwd: s.dir, cache: true, cacheLocation: '.cache/' }).lintFilesReport(['p']);
    expect(fs.readdirSync(outside.dir)).toEqual(['.ramlintcache']);
    expect(fs.readFileSync(path.join(outside.dir, '.ramlintcache'), 'utf8')).toBe('planted\n');
    outside.cleanup();
    s.cleanup();
  });

  (process.platform === 'win32' ? it.skip : it)('a location outside cwd is the user\'s: links there are followed', async () => {
    const s = project({ 'p/admin.json': ADMIN });
    const outside = scratch('ramlint-ci-cache-');
    fs.mkdirSync(path.join(outside.dir, 'real'));
    fs.symlinkSync(path.join(outside.dir, 'real'), path.join(outside.dir, 'link'));
    const report = await new RamLint({ cwd: s.dir, cache: true, cacheLocation: path.join(outside.dir, 'link') + path.sep }).lintFilesReport(['p']);
    expect(report.notes).toEqual([]);
    expect(fs.existsSync(path.join(outside.dir, 'real', '.ramlintcache'))).toBe(true);
    outside.cleanup();
    s.cleanup();
  });

  it('keeps the entries of files a partial run did not see, and drops those of deleted files', async () => {
    const s = project(files());
    await run(s.dir);
    s.write('p/admin.json', CLEAN);
    expect((await run(s.dir, {}, ['p/admin.json'])).linted).toBe(1);
    // A file named on the command line has its own key (a named file that is no policy gets a note), so admin.json is linted again.
    expect((await run(s.dir)).linted).toBe(1);
    fs.rmSync(path.join(s.dir, 'p/clean.json'));
    await run(s.dir, {}, ['p/admin.json']);
    // Format 2: a header line, then a line per file starting with its path as a JSON string.
    const entries = fs.readFileSync(path.join(s.dir, '.ramlintcache'), 'utf8').trimEnd().split('\n').slice(1).map((line) => path.relative(s.dir, JSON.parse(line.slice(0, line.indexOf('\t'))) as string));
    expect(entries.sort()).toEqual(['p/admin.json', 'p/warning.json']);
    s.cleanup();
  });

  it('rejects a wrong cacheLocation option', () => {
    expect(() => new RamLint({ cacheLocation: '' })).toThrow(/cacheLocation/);
    expect(() => new RamLint({ cache: 'yes' as unknown as boolean })).toThrow(/cache/);
  });
});

describe('a cache committed to the repository', () => {
  const git = (cwd: string, ...args: string[]) => require('node:child_process').execFileSync('git', args, { cwd, stdio: 'pipe' });
  let hasGit = true;
  try {
    git(process.cwd(), '--version');
  } catch {
    hasGit = false;
  }
  if (!hasGit) process.stderr.write('note: git is not installed, so the committed-cache test is skipped (test/api/cache.test.ts)\n');
  (hasGit ? it : it.skip)('is neither read nor written: a pull request could forge clean results for its own policies', async () => {
    const s = project(files());
    fs.rmSync(path.join(s.dir, '.git'), { recursive: true });
    git(s.dir, 'init', '-q');
    await run(s.dir);
    const cacheFile = path.join(s.dir, '.ramlintcache');
    // The forgery: admin.json's entry keeps its key and claims no finding.
    const forged = fs
      .readFileSync(cacheFile, 'utf8')
      .split('\n')
      .map((line) => (line.includes('admin.json') ? line.replace(/\t[^\t]*$/, `\t${JSON.stringify({ filePath: path.join(s.dir, 'p/admin.json'), messages: [], suppressedMessages: [], errorCount: 0, warningCount: 0, infoCount: 0, fixableCount: 0 })}`) : line))
      .join('\n');
    fs.writeFileSync(cacheFile, forged);
    // Untracked, the cache is the user's own and is served: this is what a committed one must not do.
    expect((await run(s.dir)).results.find((r) => r.filePath.endsWith('admin.json'))?.errorCount).toBe(0);
    git(s.dir, 'add', '.ramlintcache');
    git(s.dir, '-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', 'cache');
    const report = await new RamLint({ cwd: s.dir, cache: true }).lintFilesReport(['p']);
    expect(report.results.find((r) => r.filePath.endsWith('admin.json'))?.errorCount).toBe(1);
    expect(report.notes.join('\n')).toMatch(/\.ramlintcache is committed to the repository.*neither read nor written/);
    expect(fs.readFileSync(cacheFile, 'utf8')).toBe(forged);
    s.cleanup();
  });
});

describe('file names in the cache file', () => {
  test('read back as JSON.parse reads them, the fast path for plain names included', () => {
    const pieces = fc.oneof(fc.constantFrom('"', '\\', '\n', '\u0000', '\u001f', ' ', 'é', '\u2028', '\ud800', 'a/b.json', 'u'), fc.string());
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 8 }), (parts) => {
        const name = parts.join('');
        expect(parseString(JSON.stringify(name))).toBe(name);
        // Any line start at all: the answer of JSON.parse, or undefined where that is not a string.
        for (const text of [name, `"${name}"`]) {
          let expected: string | undefined;
          try {
            const value: unknown = JSON.parse(text);
            expected = typeof value === 'string' ? value : undefined;
          } catch {
            expected = undefined;
          }
          expect(parseString(text)).toBe(expected);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
