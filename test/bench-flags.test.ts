/**
 * bench/flags.js: the one flag reader of the bench scripts. Unknown flags and
 * bad values are errors, never silently read as a default or as NaN.
 */
import * as path from 'node:path';

const { parseFlags, FlagError } = require('../bench/flags') as {
  parseFlags: (argv: string[], spec: Record<string, unknown>, defaults?: Record<string, unknown>) => Record<string, unknown>;
  FlagError: new (message: string) => Error;
};

const SPEC = {
  '--files': 'whole',
  '--sizes': 'wholes',
  '--file': 'path',
  '--json': 'switch',
  '--single-pairs': 'whole',
  '--quick': (opts: Record<string, unknown>) => Object.assign(opts, { quick: true, rounds: 4 }),
};

describe('bench flags', () => {
  it('reads each kind, camel-cases the name and keeps the defaults of what was not given', () => {
    expect(parseFlags(['--files', '300', '--sizes', '50,10,50,20', '--file', 'x.json', '--json', '--single-pairs', '2'], SPEC, { files: 1, rounds: 10 })).toEqual({
      files: 300,
      sizes: [10, 20, 50],
      file: path.resolve('x.json'),
      json: true,
      singlePairs: 2,
      rounds: 10,
    });
    expect(parseFlags(['--quick'], SPEC, { rounds: 10 })).toEqual({ quick: true, rounds: 4 });
    expect(parseFlags([], SPEC, { files: 7 })).toEqual({ files: 7 });
  });

  it.each([
    [['--bogus'], 'unknown argument "--bogus"'],
    [['--files'], '--files takes a value'],
    [['--files', '0'], '--files takes whole numbers of 1 or more, not "0"'],
    [['--files', '1.5'], 'not "1.5"'],
    [['--files', 'ten'], 'not "ten"'],
    [['--files', ''], 'not ""'],
    [['--sizes', '10,,20'], 'not ""'],
    [['--toString'], 'unknown argument "--toString"'],
    [['constructor'], 'unknown argument "constructor"'],
  ])('%j is an error: %s', (argv, message) => {
    expect(() => parseFlags(argv, SPEC)).toThrow(FlagError);
    expect(() => parseFlags(argv, SPEC)).toThrow(message);
  });
});
