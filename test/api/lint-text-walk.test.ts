/**
 * lintText in walk mode (`explicit: false`): the text is judged as a
 * directory walk finds its file, so a client (the language server) reports
 * exactly what `ramlint .` would, and nothing on files a walk passes over.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RamLint } from '../../src';
import { ADMIN, project } from '../e2e/support';

const HOSTS = path.resolve(__dirname, '..', '..', 'fixtures', 'hosts');
const WORKFLOW = 'on: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n';
const ids = (results: { messages: { ruleId: string }[] }[]) => results.flatMap((r) => r.messages.map((m) => m.ruleId));

describe('lintText with explicit: false', () => {
  it('gives no result for what a walk passes over, where a named file is linted', async () => {
    const s = project();
    const api = new RamLint({ cwd: s.dir });
    for (const [filePath, text] of [
      ['ci.yml', WORKFLOW],
      ['empty.yaml', ''],
      ['package.json', '{ "name": "x" }'],
    ] as const) {
      expect(await api.lintText(text, { filePath, explicit: false })).toEqual([]);
      expect(await api.lintText(text, { filePath })).toHaveLength(1);
    }
    expect(ids(await api.lintText(WORKFLOW, { filePath: 'ci.yml' }))).toEqual(['invalid-json']);
    s.cleanup();
  });

  it('lints policies and the host files processors read, as a walk does', async () => {
    const s = project();
    const api = new RamLint({ cwd: s.dir });
    expect(ids(await api.lintText(ADMIN, { filePath: 'admin.json', explicit: false }))).toEqual(['admin-access']);
    for (const file of ['terraform/policies.tf.json', 'plan/plan.json', 'ros/template.json', 'ros/template.yaml']) {
      const text = fs.readFileSync(path.join(HOSTS, file), 'utf8');
      const walked = await api.lintText(text, { filePath: path.basename(file), explicit: false });
      expect(walked).toEqual(await api.lintText(text, { filePath: path.basename(file) }));
      expect(ids(walked).length).toBeGreaterThan(0);
    }
    s.cleanup();
  });

  it('gives no result for a file the config ignores', async () => {
    const s = project({ 'ramlint.config.json': '{ "ignores": ["vendor/**"] }' });
    const api = new RamLint({ cwd: s.dir });
    expect(await api.lintText(ADMIN, { filePath: 'vendor/admin.json', explicit: false })).toEqual([]);
    s.cleanup();
  });

  it('must be a boolean', async () => {
    await expect(new RamLint().lintText('{}', { explicit: 'no' as never })).rejects.toThrow('RamLint.lintText option "explicit" must be a boolean');
  });
});
