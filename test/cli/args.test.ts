/** parseArgs: what follows "--" is paths, never dropped. */
import { fastParse, parseArgs, parseWithYargs } from '../../src/cli/args';
import { parseSubcommand } from '../../src/cli/commands/parse-subcommand';

function paths(argv: string[]): string[] | undefined {
  const parsed = parseArgs(argv, '0.0.0');
  return parsed.ok ? parsed.options.paths : undefined;
}

describe('paths after "--"', () => {
  it('are linted together with the paths before it', () => {
    expect(paths(['a.json', '--', 'b.json'])).toEqual(['a.json', 'b.json']);
  });

  it('may look like options or like the rules command', () => {
    expect(paths(['--', '-dash.json', '--quiet', 'rules'])).toEqual(['-dash.json', '--quiet', 'rules']);
  });

  it('leave options before "--" working', () => {
    const parsed = parseArgs(['--quiet', 'a.json', '--', 'b.json'], '0.0.0');
    expect(parsed.ok && parsed.options.quiet).toBe(true);
  });

  it('count as paths for the --stdin check', () => {
    const parsed = parseArgs(['--stdin', '--', 'b.json'], '0.0.0');
    expect(parsed).toMatchObject({ ok: false, exitCode: 2, stderr: 'ramlint: give either --stdin or paths, not both\n' });
  });
});

describe('--baseline and --no-baseline', () => {
  const options = (argv: string[]) => {
    const parsed = parseArgs([...argv, 'p.json'], '0.0.0');
    return parsed.ok ? parsed.options : parsed;
  };

  it('leaves the baseline to the default file when neither is given', () => {
    expect(options([])).toMatchObject({ baseline: undefined });
  });

  it('reads --baseline <file> and --no-baseline', () => {
    expect(options(['--baseline', 'ci/b.json'])).toMatchObject({ baseline: 'ci/b.json' });
    expect(options(['--no-baseline'])).toMatchObject({ baseline: false });
  });

  it('refuses --no-baseline with --update-baseline, and --baseline without a file', () => {
    expect(options(['--no-baseline', '--update-baseline'])).toMatchObject({ ok: false, exitCode: 2, stderr: 'ramlint: use either --update-baseline or --no-baseline\n' });
    expect(options(['--baseline='])).toMatchObject({ ok: false, exitCode: 2, stderr: 'ramlint: --baseline needs a file name\n' });
  });
});

describe('the flagless fast path (ramlint <paths..>, without loading yargs)', () => {
  it.each([[['policy.json']], [['a.json', 'dir/', 'main.tf']], [['policies/**/*.json']], [['help']], [['p.json', 'help']], [['version']], [['p.json', 'rules']], [['lsp-policies']], [['./rules']]])('gives exactly what yargs gives for %j', (argv) => {
    expect(parseArgs(argv, '1.0.0')).toEqual(parseWithYargs(argv, '1.0.0'));
  });

  it('is not taken when a flag, "rules" or an empty argument is there', () => {
    for (const argv of [['-f', 'json', 'p.json'], ['rules'], ['p.json', ''], ['p.json', '--', 'q.json'], []]) {
      expect(parseArgs(argv, '1.0.0')).toEqual(parseWithYargs(argv, '1.0.0'));
    }
  });
});

describe('the fast path for the flags CI jobs pass (without loading yargs)', () => {
  // Each is read by fastParse; every combination must give what yargs gives.
  const taken: string[][] = [
    ['--format', 'json'], ['-f', 'sarif'], ['--format=compact'], ['--cache'], ['--cache-location', '.cache/rl'], ['--cache-location=dir/'],
    ['-o', 'report.json'], ['--output-file=r.sarif'], ['--output-file=-r.json'], ['--max-warnings', '0'], ['--max-warnings=-1'], ['--max-warnings', '12'],
    ['--quiet'], ['--fix'], ['--policies-only'],
  ];
  // Each is left to yargs (an error, another meaning, or a form fastParse does not read).
  const left: string[][] = [
    ['--format', 'nope'], ['--format'], ['-f', 'rules'], ['--cache', 'false'], ['--cache=true'], ['--quiet', 'true'], ['--max-warnings', '-1'],
    ['--max-warnings', '01'], ['--max-warnings', 'x'], ['--format', 'json', '--format', 'sarif'], ['--cache-location='], ['-o', '--quiet'],
    ['--no-color'], ['-fjson'], ['--', 'q.json'], ['--cache-location', 'help'],
  ];
  const pathSets = [['p.json'], ['a.json', 'dir/', 'main.tf']];

  const ALIASES: Record<string, string> = { '-f': '--format', '-o': '--output-file' };
  const option = (flag: string[]) => {
    const name = (flag[0] as string).split('=')[0] as string;
    return ALIASES[name] ?? name;
  };

  it('reads one flag or two, before or after the paths, exactly as yargs does', () => {
    const combos: string[][] = [];
    for (const paths of pathSets) {
      for (const a of taken) {
        combos.push([...a, ...paths], [...paths, ...a]);
        for (const b of taken) if (option(a) !== option(b)) combos.push([...a, ...paths, ...b]);
      }
    }
    for (const argv of combos) {
      const fast = fastParse(argv);
      expect([argv, fast === undefined]).toEqual([argv, false]);
      expect([argv, fast]).toEqual([argv, parseWithYargs(argv, '1.0.0')]);
    }
  });

  it('leaves to yargs what it does not read exactly, alone or beside a flag it does', () => {
    for (const paths of pathSets) {
      for (const bad of left) {
        for (const argv of [[...bad, ...paths], [...(taken[0] as string[]), ...paths, ...bad], [...paths, ...bad, '--cache']]) {
          expect([argv, fastParse(argv)]).toEqual([argv, undefined]);
          expect([argv, parseArgs(argv, '1.0.0')]).toEqual([argv, parseWithYargs(argv, '1.0.0')]);
        }
      }
    }
  });
});

describe('usage errors quote arguments escaped', () => {
  // A hook passes file names as arguments; one that looks like an option must not colour the terminal.
  const hostile = '--e\u001b[31mvil\u0007';

  it('in the lint command', () => {
    expect(parseArgs([hostile, 'p.json'], '0.0.0')).toEqual({ ok: false, exitCode: 2, stderr: 'ramlint: Unknown argument: e\\u001b[31mvil\\u0007\nRun "ramlint --help" for usage.\n' });
  });

  it('in a subcommand', () => {
    const parsed = parseSubcommand('can', [hostile], (y) => y);
    expect(parsed).toMatchObject({ ok: false, exitCode: 2, stderr: 'ramlint can: Unknown argument: e\\u001b[31mvil\\u0007\nRun "ramlint can --help" for usage.\n' });
  });

  it('keeping the line breaks of yargs own messages', () => {
    const parsed = parseArgs(['--format', 'x\u001b', 'p.json'], '0.0.0');
    expect(parsed.ok === false && parsed.stderr).toMatch(/^ramlint: Invalid values:\n {2}Argument: format, Given: "x\\u001b", Choices: /);
  });
});

describe('a flag left without its value is a usage error, never its default', () => {
  // `npx ramlint . --max-warnings` with the 0 forgotten must not turn the warnings gate off.
  it.each([
    [['p.json', '--max-warnings']],
    [['--max-warnings', '--quiet', 'p.json']],
  ])('--max-warnings in %j', (argv) => {
    expect(parseArgs(argv, '0.0.0')).toEqual({ ok: false, exitCode: 2, stderr: 'ramlint: --max-warnings takes a whole number, -1 or more\n' });
  });

  it('--format at the end', () => {
    const parsed = parseArgs(['p.json', '--format'], '0.0.0');
    expect(parsed.ok === false && parsed.stderr).toMatch(/^ramlint: Invalid values:\n {2}Argument: format, Given: "", Choices: "stylish"/);
  });

  it('leaves the defaults to flags not given, and reads a path named like the flag after "--"', () => {
    expect(parseArgs(['p.json'], '0.0.0')).toMatchObject({ ok: true, options: { format: 'stylish', maxWarnings: -1 } });
    expect(parseArgs(['p.json', '--', '--max-warnings'], '0.0.0')).toMatchObject({ ok: true, options: { maxWarnings: -1, paths: ['p.json', '--max-warnings'] } });
    expect(parseArgs(['p.json', '--max-warnings=0', '-f', 'json'], '0.0.0')).toMatchObject({ ok: true, options: { format: 'json', maxWarnings: 0 } });
  });
});
