/**
 * The README, --help and the code say the same: every option in --help is in
 * the README's options table and the other way round, every format is
 * documented, and the quick start is the two commands CI runs.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FORMAT_NAMES } from '../src/formatters';
import { ramlint, ROOT } from './helpers/cli';

const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const help = ramlint(['--help']).stdout;

/** `--name` tokens, with `--no-x` read as `--x` (yargs prints the positive form). */
function longOptions(text: string): Set<string> {
  return new Set([...text.matchAll(/(?<![\w-])--(?:no-)?([a-z][a-z-]*[a-z])/g)].map((m) => m[1] as string));
}

function section(text: string, heading: string): string {
  const start = text.indexOf(heading);
  const next = text.indexOf('\n#', start + heading.length);
  return text.slice(start, next < 0 ? undefined : next);
}

describe('README.md', () => {
  it('has the two quick-start commands CI runs, between the markers', () => {
    const block = /<!-- quickstart:start -->\n```sh\n([\s\S]*?)```\n<!-- quickstart:end -->/.exec(readme)?.[1] ?? '';
    expect(block.trim().split('\n')).toEqual(['npm ci && npx ramlint examples/', 'npm test']);
  });

  it('documents every option of --help, and no option --help lacks', () => {
    const fromHelp = longOptions(section(help, 'Options:'));
    const fromReadme = longOptions(section(readme, '### Options'));
    expect([...fromHelp].filter((o) => !fromReadme.has(o)).sort()).toEqual([]);
    expect([...fromReadme].filter((o) => !fromHelp.has(o)).sort()).toEqual([]);
  });

  it('documents every report format', () => {
    const formats = section(readme, '### Report formats');
    expect(FORMAT_NAMES.filter((f) => !formats.includes(`| \`${f}\` |`))).toEqual([]);
  });

  it('states the exit codes that the CLI uses', () => {
    const codes = section(readme, '### Exit codes');
    for (const code of ['| 0 |', '| 1 |', '| 2 |']) expect(codes).toContain(code);
  });
});
