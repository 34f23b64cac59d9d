/**
 * bin/ramlint.js runs the bundled CLI (dist/ramlint.cjs) through a code cache,
 * and the unbundled dist/src when asked to; both must say the same thing.
 * These spawn the binary: what is tested is how the process starts.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ramlintProcess as ramlint, ROOT } from '../helpers/cli';

const EXAMPLES = ['examples/unsafe', 'examples/dataworks'];

describe('bundled CLI', () => {
  it('is built, with a code cache beside it', () => {
    expect(fs.existsSync(path.join(ROOT, 'dist', 'ramlint.cjs'))).toBe(true);
    expect(fs.statSync(path.join(ROOT, 'dist', 'ramlint.cjs.cache')).size).toBeGreaterThan(0);
  });

  it('reports exactly what the unbundled build reports', () => {
    const bundled = ramlint(['--format', 'json', ...EXAMPLES]);
    const unbundled = ramlint(['--format', 'json', ...EXAMPLES], { env: { RAMLINT_NO_BUNDLE: '1' } });
    expect(bundled.code).toBe(1);
    expect(unbundled.code).toBe(1);
    expect(bundled.stderr).toBe(unbundled.stderr);
    expect(JSON.parse(bundled.stdout)).toEqual(JSON.parse(unbundled.stdout));
  });

  it('loads the catalogue split by service, with the same content as catalogue.json', () => {
    const catalog = path.join(ROOT, 'dist', 'src', 'engine', 'catalog');
    const whole = JSON.parse(fs.readFileSync(path.join(catalog, 'catalogue.json'), 'utf8'));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const lazy = require(path.join(catalog, 'lazy', 'index.cjs'));
    const { services, ...rest } = whole;
    const { services: lazyServices, ...lazyRest } = lazy;
    expect(lazyRest).toEqual(rest);
    expect(Object.keys(lazyServices)).toEqual(Object.keys(services));
    for (const code of Object.keys(services)) expect({ tier: lazyServices[code].tier, actions: lazyServices[code].actions }).toEqual(services[code]);
  });

  it('prints the version from package.json', () => {
    const version = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
    expect(ramlint(['--version']).stdout.trim()).toContain(version);
  });

  it('never runs a code cache made for another bundle of the same length (V8 checks only the length)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ramlint-stale-cache-'));
    try {
      const bundle = path.join(dir, 'bundle.cjs');
      const say = (word: string) => {
        fs.writeFileSync(bundle, `exports.main = () => process.stdout.write(${JSON.stringify(word)});\n`);
        return ramlint([], { env: { RAMLINT_BUNDLE: bundle } }).stdout;
      };
      expect(say('first')).toBe('first');
      expect(fs.existsSync(`${bundle}.cache`)).toBe(true);
      expect(say('other')).toBe('other');
      // The cache made for "other" is used again while the bundle is unchanged.
      const cache = fs.readFileSync(`${bundle}.cache`);
      expect(ramlint([], { env: { RAMLINT_BUNDLE: bundle } }).stdout).toBe('other');
      expect(fs.readFileSync(`${bundle}.cache`).equals(cache)).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('dist/ permissions', () => {
  it('the build the tests make is as readable as a plain mkdir makes a folder', () => {
    // The tests' own build (test/global-setup.js) renames a mkdtemp folder, which is 0700, into place.
    const probe = fs.mkdtempSync(path.join(os.tmpdir(), 'ramlint-mode-'));
    const plain = path.join(probe, 'plain');
    fs.mkdirSync(plain);
    try {
      expect((fs.statSync(path.join(ROOT, 'dist')).mode & 0o777).toString(8)).toBe((fs.statSync(plain).mode & 0o777).toString(8));
    } finally {
      fs.rmSync(probe, { recursive: true, force: true });
    }
  });

  const runuser = ['/usr/sbin/runuser', '/sbin/runuser'].find((p) => fs.existsSync(p));
  const canSwitch = process.getuid?.() === 0 && runuser !== undefined;
  if (!canSwitch) process.stdout.write('Note: not root or no runuser, so the unreadable-dist/ test is skipped (test/e2e/bundle.test.ts).\n');
  (canSwitch ? it : it.skip)('an unreadable dist/ is named as a permission problem, not as a missing build', () => {
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'ramlint-perm-'));
    try {
      fs.chmodSync(copy, 0o755);
      fs.cpSync(path.join(ROOT, 'bin'), path.join(copy, 'bin'), { recursive: true });
      fs.cpSync(path.join(ROOT, 'package.json'), path.join(copy, 'package.json'));
      fs.mkdirSync(path.join(copy, 'dist'), { mode: 0o700 });
      fs.chmodSync(path.join(copy, 'dist'), 0o700);
      const r = spawnSync(runuser as string, ['-u', 'nobody', '--', process.execPath, path.join(copy, 'bin', 'ramlint.js'), 'x.json'], { cwd: os.tmpdir(), encoding: 'utf8' });
      expect({ code: r.status, stderr: r.stderr }).toEqual({
        code: 2,
        stderr: `ramlint: cannot read the compiled files in ${JSON.stringify(path.join(copy, 'dist'))} (permission denied); give this user read access to the ramlint directory.\n`,
      });
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  });
});
