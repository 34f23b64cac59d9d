/**
 * bin/ramlint.js runs the bundled CLI (dist/ramlint.cjs) through a code cache,
 * and the unbundled dist/src when asked to; both must say the same thing.
 * These spawn the binary: what is tested is how the process starts.
 */
import * as fs from 'node:fs';
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
});
