/**
 * `ramlint rules`: every rule (built-in, core diagnostic, and plugin rules
 * with --plugin) with its category, default severity and description, as a
 * table or as JSON.
 */
import * as fs from 'node:fs';
import { CORE_DIAGNOSTICS } from '../../src/engine/core-diagnostics';
import { builtinRules } from '../../src/rules';
import { ramlint } from '../helpers/cli';
import { ACME, BROKEN, lines, NOT_A_PLUGIN, project } from './support';

interface Row {
  id: string;
  category: string;
  defaultSeverity: string;
  fixable: string;
  description: string;
  docs: string | undefined;
  core: boolean;
}

const DOCS = 'https://github.com/ramlint/ramlint/blob/main/docs/rules/';
const BUILTIN_ROWS: Row[] = [
  ...[...builtinRules.values()].map(({ meta }) => ({
    id: meta.id,
    category: meta.category,
    defaultSeverity: meta.defaultSeverity,
    fixable: meta.fixable,
    description: meta.description,
    docs: `${DOCS}${meta.id}.md`,
    core: false,
  })),
  ...CORE_DIAGNOSTICS.map((d) => ({ id: d.id, category: d.category, defaultSeverity: d.severity, fixable: 'none', description: d.description, docs: `${DOCS}${d.id}.md`, core: true })),
];

/** The plugin's own metadata, read the way a user would see it. */
const acme = require(ACME) as { rules: Record<string, { meta: { category: string; defaultSeverity: string; description: string } }> };
const ACME_ROWS: Row[] = Object.entries(acme.rules).map(([name, { meta }]) => ({
  id: `acme/${name}`,
  category: meta.category,
  defaultSeverity: meta.defaultSeverity,
  fixable: 'none',
  description: meta.description,
  // Plugin rules link to documentation only when they give a url.
  docs: undefined,
  core: false,
}));

const byId = (a: Row, b: Row) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** One table row: id, category, default severity, a fix/core marker, description. */
const rowPattern = (r: Row) =>
  new RegExp(`^${escape(r.id)} +${r.category} +${r.defaultSeverity} +${r.core ? 'core' : r.fixable === 'safe' ? 'fix' : ''} +${escape(r.description)}$`);

const s = project();
afterAll(() => s.cleanup());
const run = (...args: string[]) => ramlint(args, { cwd: s.dir });

it('the built-in rules are what this test expects (a sanity check of the expectation)', () => {
  expect(BUILTIN_ROWS.length).toBeGreaterThanOrEqual(30);
  expect(BUILTIN_ROWS.map((r) => r.id)).toEqual(expect.arrayContaining(['admin-access', 'invalid-json', 'internal-error', 'unreadable-file']));
});

it('lists every rule in id order as a table, on stdout, exit 0', () => {
  const r = run('rules');
  expect(r.code).toBe(0);
  expect(r.stderr).toBe('');
  const out = lines(r.stdout);
  const expected = [...BUILTIN_ROWS].sort(byId);
  expect(out[0]).toMatch(/^rule +category +default +description$/);
  expect(out.slice(1, expected.length + 1)).toEqual(expected.map((row) => expect.stringMatching(rowPattern(row))));
  expect(out.slice(expected.length + 1)).toEqual(['', 'fix: has a safe autofix (--fix). core: reported by the engine itself; cannot be turned off.']);
});

it('--format json gives every rule with its metadata', () => {
  const r = run('rules', '--format', 'json');
  expect(r.code).toBe(0);
  expect(JSON.parse(r.stdout)).toEqual([...BUILTIN_ROWS].sort(byId));
});

it('with --plugin, the plugin rules are listed too, as <plugin>/<rule>', () => {
  const table = run('rules', '--plugin', ACME);
  expect(table.code).toBe(0);
  const rows = lines(table.stdout).filter((l) => l.startsWith('acme/'));
  expect(rows).toEqual([...ACME_ROWS].sort(byId).map((row) => expect.stringMatching(rowPattern(row))));

  const json = run('rules', '--format', 'json', '--plugin', ACME, '--plugin', BROKEN);
  expect(json.code).toBe(0);
  const listed = JSON.parse(json.stdout) as Row[];
  const brokenRow: Row = {
    id: 'broken/require-tag-condition',
    category: 'correctness',
    defaultSeverity: 'error',
    fixable: 'none',
    description: 'Require every statement to be limited by a resource tag condition.',
    docs: undefined,
    core: false,
  };
  // JSON has no undefined: a plugin rule without a url has no "docs".
  const plain = (row: Row) => JSON.parse(JSON.stringify(row)) as Row;
  expect(listed).toEqual([...BUILTIN_ROWS, ...ACME_ROWS, brokenRow].sort(byId).map(plain));
});

it('a plugin that is not a plugin is a usage error there too', () => {
  expect(run('rules', '--plugin', NOT_A_PLUGIN)).toEqual({ code: 2, stdout: '', stderr: `ramlint: plugin "${NOT_A_PLUGIN}" (${NOT_A_PLUGIN}) must export an object with "rules"\n` });
});

describe('its options', () => {
  const longOptions = (text: string) => [...text.matchAll(/^ +(?:-\w, )?--([a-z-]+)/gm)].map((m) => m[1]);

  it('--help lists only what "rules" reads, exit 0', () => {
    const r = run('rules', '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: ramlint rules /);
    expect(longOptions(r.stdout)).toEqual(['format', 'plugin', 'plugins', 'config', 'help']);
  });

  it('a format other than stylish or json is a usage error, not the table', () => {
    for (const format of ['sarif', 'compact', 'JSON', '']) {
      expect(run('rules', `--format=${format}`)).toEqual({
        code: 2,
        stdout: '',
        stderr: `ramlint rules: --format takes stylish or json, not "${format}"; the lint formats are for findings\nRun "ramlint rules --help" for usage.\n`,
      });
    }
    expect(run('rules', '--format')).toMatchObject({ code: 2, stdout: '' });
  });

  it('a lint option or a path is a usage error, not ignored', () => {
    for (const args of [['--fix'], ['--stdin'], ['--cache'], ['-o', 'rules.txt'], ['--print-config', 'p.json'], ['p.json']]) {
      const r = run('rules', ...args);
      expect([args, r.code, r.stdout]).toEqual([args, 2, '']);
      expect(r.stderr).toMatch(/^ramlint rules: Unknown argument: .*\nRun "ramlint rules --help" for usage\.\n$/);
    }
  });

  it('"rules" after a flag is a usage error that says to put it first', () => {
    expect(run('--format', 'sarif', 'rules')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'ramlint: "rules" must come first, before its options: ramlint rules [--format json]\nRun "ramlint rules --help" for usage.\n',
    });
  });

  it('lists the plugins the config names, and none with --no-plugins, --no-config or RAMLINT_NO_PLUGINS=1', () => {
    // A config's plugins must lie inside the project, so this project gets a copy.
    const p = project({ 'ramlint-plugin-acme.js': fs.readFileSync(ACME, 'utf8'), 'ramlint.config.jsonc': '{ "plugins": ["./ramlint-plugin-acme.js"] }\n' });
    const acmeRows = (args: string[], env?: NodeJS.ProcessEnv) => {
      const r = ramlint(['rules', ...args], { cwd: p.dir, env });
      expect([args, r.code, r.stderr]).toEqual([args, 0, '']);
      return lines(r.stdout).filter((l) => l.startsWith('acme/')).length;
    };
    expect(acmeRows([])).toBe(ACME_ROWS.length);
    expect(acmeRows(['--no-plugins'])).toBe(0);
    expect(acmeRows(['--no-config'])).toBe(0);
    expect(acmeRows([], { RAMLINT_NO_PLUGINS: '1' })).toBe(0);
    p.cleanup();
  });
});
