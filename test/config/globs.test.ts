/**
 * Config glob patterns are compiled with extglobs off and refused when brace
 * expansion, length or `*` wildcards would make matching exponential.
 */
import * as path from 'node:path';
import * as fs from 'node:fs';
import { braceExpansions, checkGlob, MAX_BRACE_EXPANSIONS, MAX_GLOB_LENGTH } from '../../src/config/globs';
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
  it.each(['**/*.json', 'generated/', 'policies/{prod,dev}/*.json', '+(a|aa)b', '*a*b*c.json', '**/tmp/**'])('accepts %s', (pattern) => {
    expect(checkGlob(pattern)).toBeUndefined();
  });

  it.each([
    ['a long pattern', 'a'.repeat(MAX_GLOB_LENGTH + 1), `is ${MAX_GLOB_LENGTH + 1} characters long; patterns are limited to ${MAX_GLOB_LENGTH}`],
    ['multiplying braces', '{a,b}{c,d}{e,f}{g,h}{i,j}{k,l}{m,n}', `expands to more than ${MAX_BRACE_EXPANSIONS} patterns through its {…} braces; list fewer alternatives`],
    ['a huge range', 'p{1..1000000}.json', `expands to more than ${MAX_BRACE_EXPANSIONS} patterns through its {…} braces; list fewer alternatives`],
    ['four stars in a segment', 'x/*a*a*a*b', 'has 4 "*" wildcards in the path segment "*a*a*a*b"; at most 3 are allowed, as matching slows down exponentially with each'],
  ])('refuses %s', (_name, pattern, message) => {
    expect(checkGlob(pattern)).toBe(message);
  });
});

describe('patterns in a config file', () => {
  it.each([
    ['ignores', '{"ignores": ["ok", "{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}"]}', '1:20: the pattern in "ignores" expands to more than 64 patterns'],
    ['overrides files', '{"overrides": [{"files": "*a*a*a*a*b"}]}', '1:26: the pattern in overrides[0].files has 5 "*" wildcards'],
    ['overrides excludedFiles', '{"overrides": [{"files": "*", "excludedFiles": ["x{1..99999}"]}]}', '1:49: the pattern in overrides[0].excludedFiles expands'],
    ['waiver files', `{"waivers": [{"rule": "admin-access", "reason": "r", "files": "${'x'.repeat(600)}"}]}`, '1:63: the pattern in waivers[0].files is 600 characters long'],
  ])('are checked in %s', (_name, text, start) => {
    expect(errorOf(text)).toMatch(new RegExp(`^${start.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
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
