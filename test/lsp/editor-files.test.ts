/**
 * The editor-side files agree with the server and the CLI: the VS Code
 * extension's settings are the server's settings, its problem matcher reads
 * what `--format compact` prints, and docs/editors.md lists every setting.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_SETTINGS, readSettings } from '../../src/lsp/settings';
import { ROOT, tempWorkspace } from './client';

const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'editors', 'vscode', 'package.json'), 'utf8'));
const SERVER_KEYS = [...Object.keys(DEFAULT_SETTINGS), 'configFile'].sort();
/** Settings only the extension reads (how to start the server, protocol tracing). */
const CLIENT_ONLY = ['serverPath', 'trace.server'];

describe('the VS Code extension', () => {
  it('contributes exactly the settings the server reads, with the same defaults', () => {
    const properties: Record<string, { default: unknown }> = manifest.contributes.configuration.properties;
    const keys = Object.keys(properties).map((k) => k.replace(/^ramlint\./, ''));
    expect(keys.filter((k) => !CLIENT_ONLY.includes(k)).sort()).toEqual(SERVER_KEYS);
    const defaults = Object.fromEntries(Object.entries(properties).map(([k, v]) => [k.replace(/^ramlint\./, ''), v.default]));
    const read = readSettings(defaults);
    expect({ ...read, configFile: undefined }).toEqual({ ...DEFAULT_SETTINGS, configFile: undefined });
  });

  it('has a problem matcher that reads every line of ramlint --format compact', () => {
    const dir = tempWorkspace({
      'p.json': '{\n  "Version": "1",\n  "Statement": [{ "Effect": "allow", "Action": ["ram:PassRole", "ram:PassRole"], "Resource": "*" }]\n}\n',
      'stack.json': '{"Statement": [{"Effect": "Allow", "Action": "Update:*", "Principal": "*", "Resource": "*"}]}',
    });
    const run = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'ramlint.js'), '--format', 'compact', 'p.json', 'stack.json'], { cwd: dir, encoding: 'utf8', timeout: 20_000 });
    const lines = run.stdout.split('\n').filter((l) => l.trim() !== '');
    const [matcher] = manifest.contributes.problemMatchers;
    const regexp = new RegExp(matcher.pattern.regexp);
    const parsed = lines.map((l) => {
      const m = regexp.exec(l);
      return m && { file: m[matcher.pattern.file], line: m[matcher.pattern.line], severity: m[matcher.pattern.severity], code: m[matcher.pattern.code] };
    });
    expect(parsed).toEqual([
      { file: 'p.json', line: '3', severity: 'error', code: 'invalid-effect' },
      { file: 'p.json', line: '3', severity: 'info', code: 'duplicate-list-entry' },
      { file: 'stack.json', line: '1', severity: 'info', code: 'not-a-ram-policy' },
    ]);
  });
});

describe('docs/editors.md', () => {
  it('lists every server setting', () => {
    const doc = fs.readFileSync(path.join(ROOT, 'docs', 'editors.md'), 'utf8');
    const table = doc.slice(doc.indexOf('### Settings'), doc.indexOf('## VS Code'));
    const documented = [...table.matchAll(/^\| `([A-Za-z]+)` \|/gm)].map((m) => m[1]).sort();
    expect(documented).toEqual(SERVER_KEYS);
  });
});
