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
