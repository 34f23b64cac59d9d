/** parseArgs: what follows "--" is paths, never dropped. */
import { parseArgs } from '../../src/cli/args';

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
