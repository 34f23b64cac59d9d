/**
 * Config glob patterns are compiled with extglobs off and refused when they
 * are too long, expand to too many patterns, or are too many in one config;
 * any number of `*` is fine, as glob-match.ts matches without backtracking.
 */
import * as path from 'node:path';
import * as fs from 'node:fs';
import { compileGlob, type GlobMatchStats } from '../../src/config/glob-match';
import { braceExpansions, checkGlob, MAX_BRACE_EXPANSIONS, MAX_GLOB_LENGTH, MAX_GLOB_PATTERNS, MAX_GLOB_STEPS } from '../../src/config/globs';
import { parseConfig } from '../../src/config/parse';
import { ConfigResolver, configMode } from '../../src/config/resolve';
import { ConfigError } from '../../src/config/types';
import { scratch } from '../helpers/cli';

function errorOf(text: string): string {
  try {
    parseConfig('/repo/ramlint.config.jsonc', text, 'ramlint.config.jsonc');
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    const e = error as ConfigError;
    return `${e.origin.line}:${e.origin.column}: ${e.message}`;
  }
  throw new Error('expected a ConfigError');
}

describe('braceExpansions', () => {
  it.each([
    ['*.json', 1],
    ['*.{json,jsonc}', 2],
    ['{a,b}/{c,d,e}', 6],
    ['{a,{b,c}}', 3],
    ['{1..10}', 10],
    ['{a..e}', 5],
    ['{0..100..10}', 11],
    ['{x}', 1],
    ['{{a,b}{c,d}}', 4],
    ['\\{a,b}', 1],
    ['{a,b', 1],
  ])('%s expands to %d', (pattern, n) => {
    expect(braceExpansions(pattern)).toBe(n);
  });

  it('stops counting just above the limit, however many groups multiply', () => {
    expect(braceExpansions('{a,b}'.repeat(100))).toBe(MAX_BRACE_EXPANSIONS + 1);
    expect(braceExpansions('{1..100000000}')).toBe(MAX_BRACE_EXPANSIONS + 1);
  });
});

describe('checkGlob', () => {
  it.each(['**/*.json', 'generated/', 'policies/{prod,dev}/*.json', '+(a|aa)b', '*a*b*c.json', '**/tmp/**', 'x/*a*a*a*b', 'x/*a*a*a*a*a*a*a*a*a*a*a*a*b', '[[:digit:]]x'])('accepts %s', (pattern) => {
    expect(checkGlob(pattern)).toBeUndefined();
  });

  it.each([
    ['a long pattern', 'a'.repeat(MAX_GLOB_LENGTH + 1), `is ${MAX_GLOB_LENGTH + 1} characters long; patterns are limited to ${MAX_GLOB_LENGTH}`],
    ['multiplying braces', '{a,b}{c,d}{e,f}{g,h}{i,j}{k,l}{m,n}', `expands to more than ${MAX_BRACE_EXPANSIONS} patterns through its {…} braces; list fewer alternatives`],
    ['a huge range', 'p{1..1000000}.json', `expands to more than ${MAX_BRACE_EXPANSIONS} patterns through its {…} braces; list fewer alternatives`],
    [
      'a POSIX class beside a "-"',
      '[[:digit:]]-x',
      'cannot be compiled: minimatch cannot read "-", ",", "#", "\\!" or whitespace outside the class in a path segment with a POSIX class such as [[:digit:]]; write the class as a range ([0-9]) instead',
    ],
  ])('refuses %s', (_name, pattern, message) => {
    expect(checkGlob(pattern)).toBe(message);
  });
});

describe('patterns in a config file', () => {
  it.each([
    ['ignores', '{"ignores": ["ok", "{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}"]}', '1:20: the pattern in "ignores" expands to more than 64 patterns'],
    ['overrides files', '{"overrides": [{"files": "{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}"}]}', '1:26: the pattern in overrides[0].files expands to more than 64 patterns'],
    ['overrides excludedFiles', '{"overrides": [{"files": "*", "excludedFiles": ["x{1..99999}"]}]}', '1:49: the pattern in overrides[0].excludedFiles expands'],
    ['waiver files', `{"waivers": [{"rule": "admin-access", "reason": "r", "files": "${'x'.repeat(600)}"}]}`, '1:63: the pattern in waivers[0].files is 600 characters long'],
  ])('are checked in %s', (_name, text, start) => {
    expect(errorOf(text)).toMatch(new RegExp(`^${start.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  });
});

describe('how many patterns a config may hold', () => {
  const files = (n: number, start = 0) => JSON.stringify(Array.from({ length: n }, (_, i) => `p${start + i}/*.json`));

  it(`accepts ${MAX_GLOB_PATTERNS} in all`, () => {
    const config = parseConfig('/repo/ramlint.config.jsonc', `{"ignores": ${files(400)}, "overrides": [{"files": ${files(300, 400)}, "excludedFiles": ${files(299, 700)}}], "waivers": [{"rule": "admin-access", "reason": "r", "files": "w/*"}]}`, 'ramlint.config.jsonc');
    expect(config.ignores).toHaveLength(400);
  });

  it('refuses one more, naming where the limit was passed', () => {
    const text = `{"overrides": [{"files": ${files(MAX_GLOB_PATTERNS)}}],\n "ignores": ["generated/"]}`;
    expect(errorOf(text)).toBe(
      `2:14: the config holds more than ${MAX_GLOB_PATTERNS} glob patterns with this one in "ignores" (each {…} alternative counts); use fewer, broader patterns, or split the config between directories`,
    );
  });

  it('counts each brace alternative, and counts across blocks and waivers', () => {
    // 16 × 62 = 992 patterns from braces, then 8 more are fine and the ninth is one too many.
    const braces = JSON.stringify(Array.from({ length: 16 }, (_, i) => `b${i}/{${Array.from({ length: 62 }, (_, j) => `x${j}`).join(',')}}`));
    const waiver = (n: number) => `{"rule": "admin-access", "reason": "r", "files": ${files(n, 5000)}}`;
    expect(() => parseConfig('/repo/c.json', `{"overrides": [{"files": ${braces}}], "waivers": [${waiver(8)}]}`, 'c.json')).not.toThrow();
    expect(errorOf(`{"overrides": [{"files": ${braces}}], "waivers": [${waiver(9)}]}`)).toMatch(/^1:\d+: the config holds more than 1000 glob patterns with this one in waivers\[0\]\.files/);
  });

  it('refuses the config of the report, 2,000 patterns of x/*a*a*a…, before matching any', () => {
    const patterns = Array.from({ length: 2000 }, (_, i) => `x/*a*a*a${'c'.repeat(i % 45)}${'d'.repeat(Math.floor(i / 45))}`);
    expect(errorOf(JSON.stringify({ root: true, overrides: [{ files: patterns, kind: 'trust' }] }))).toMatch(/^1:\d+: the config holds more than 1000 glob patterns with this one in overrides\[0\]\.files/);
  });
});

describe('extglobs are off when config patterns are matched', () => {
  let tmp: ReturnType<typeof scratch>;
  beforeEach(() => {
    tmp = scratch('ramlint-globs-');
    fs.mkdirSync(path.join(tmp.dir, '.git'));
    tmp.write('ramlint.config.jsonc', JSON.stringify({ ignores: ['+(a|aa)b'] }));
  });
  afterEach(() => tmp.cleanup());

  it('matches "+(a|aa)b" as literal text, quickly, against a name that would make the extglob backtrack', () => {
    const resolver = new ConfigResolver(configMode(undefined), tmp.dir);
    expect(resolver.resolve(path.join(tmp.dir, `${'a'.repeat(40)}c.json`)).ignoredBy).toBeUndefined();
    expect(resolver.resolve(path.join(tmp.dir, 'aab')).ignoredBy).toBeUndefined();
    expect(resolver.resolve(path.join(tmp.dir, '+(a|aa)b')).ignoredBy).toBe('ramlint.config.jsonc ("+(a|aa)b")');
  });
});

describe('the config of the report, at the limit of 1,000 patterns', () => {
  // x/*a*a*a followed by c's and d's, against a name of 240 a's: minimatch needed about 13 ms per pattern and name.
  const patterns = Array.from({ length: MAX_GLOB_PATTERNS - 1 }, (_, i) => `x/*a*a*a${'c'.repeat(i % 45)}${'d'.repeat(Math.floor(i / 45))}`);
  const name = (i: number) => `x/${'a'.repeat(240)}${i}.json`;

  it('matches a 240-character name against every pattern in a few steps per character', () => {
    const stats: GlobMatchStats = { steps: 0 };
    let matched = 0;
    for (const p of patterns) {
      const before = stats.steps;
      if (compileGlob(p).matches(name(0), stats)) matched++;
      expect(stats.steps - before).toBeLessThanOrEqual((p.length + 1) * (name(0).length + 1));
    }
    expect(matched).toBe(0);
    expect(stats.steps).toBeLessThanOrEqual(patterns.length * 4 * name(0).length);
    // Far below what one file may take.
    expect(stats.steps).toBeLessThan(MAX_GLOB_STEPS / 5);
  });

  describe('through the resolver', () => {
    let tmp: ReturnType<typeof scratch>;
    beforeEach(() => {
      tmp = scratch('ramlint-globs-');
      // The last pattern matches, so every other is tried first.
      tmp.write('ramlint.config.json', JSON.stringify({ root: true, overrides: [{ files: [...patterns, 'x/*a*a*a*.json'], kind: 'trust' }] }));
    });
    afterEach(() => tmp.cleanup());

    // The timeout only keeps a regression from hanging the suite; the step count above is the check.
    it('resolves 20 such files, each tried against all 1,000 patterns', () => {
      const resolver = new ConfigResolver(configMode(undefined), tmp.dir);
      for (let i = 0; i < 20; i++) expect(resolver.resolve(path.join(tmp.dir, name(i))).kind).toBe('trust');
      expect(resolver.resolve(path.join(tmp.dir, 'x', 'other.json')).kind).toBeUndefined();
    }, 60_000);
  });
});

describe('the steps one file may take', () => {
  let tmp: ReturnType<typeof scratch>;
  beforeEach(() => {
    tmp = scratch('ramlint-globs-');
    fs.mkdirSync(path.join(tmp.dir, '.git'));
  });
  afterEach(() => tmp.cleanup());

  // Within every limit of the parser, each costs some 30,000 steps against a 255-character name.
  const costly = (n: number) => Array.from({ length: n }, (_, i) => `**/?*${'a'.repeat(240)}${'b'.repeat(1 + (i % 10))}${'c'.repeat(Math.floor(i / 10))}`);
  const name = `${'a'.repeat(250)}.json`;

  it('stop the run with a config error naming the file and the pattern, rather than let a config make it crawl', () => {
    tmp.write('ramlint.config.json', JSON.stringify({ overrides: [{ files: costly(1000), kind: 'trust' }] }));
    const resolver = new ConfigResolver(configMode(undefined), tmp.dir);
    let error: unknown;
    try {
      resolver.resolve(path.join(tmp.dir, 'x', name));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const e = error as ConfigError;
    expect(e.origin).toEqual({ file: path.join(tmp.dir, 'ramlint.config.json'), line: 1, column: 1 });
    expect(e.message).toMatch(/^matching the glob patterns of the configs that apply to "x\/a{78}…" took more than 10,000,000 steps, the limit for one file, at "\*\*\/\?\*a+…" in this config; /);
  });

  it('are counted across the configs of the file', () => {
    // 300 such patterns take some 9.4 million steps: under the limit in one config, over it in two.
    tmp.write('ramlint.config.json', JSON.stringify({ overrides: [{ files: costly(300), kind: 'trust' }] }));
    expect(new ConfigResolver(configMode(undefined), tmp.dir).resolve(path.join(tmp.dir, 'x', name)).kind).toBeUndefined();
    tmp.write('x/ramlint.config.json', JSON.stringify({ overrides: [{ files: costly(300).map((p) => p.replace('**/', '')), kind: 'trust' }] }));
    expect(() => new ConfigResolver(configMode(undefined), tmp.dir).resolve(path.join(tmp.dir, 'x', name))).toThrow(/took more than 10,000,000 steps/);
  });
});
