/**
 * bin/ramlint.js runs the bundled CLI (dist/ramlint.cjs) through a code cache,
 * and the unbundled dist/src when asked to; both must say the same thing.
 * These spawn the binary: what is tested is how the process starts.
 */
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
