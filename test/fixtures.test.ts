/**
 * Bad/good fixture pairs: fixtures/rules/<rule-id>/bad-*.json(c) must draw at
 * least one finding of that rule from the full built-in rule set, and
 * good-*.json(c) none of it. Exact ranges live in test/rules/<rule-id>.test.ts.
 * A kind before the extension (`bad-x.permission.json`) lints the file as that
 * kind; an options.json in a rule's folder configures that rule for its fixtures.
 * Host files (`.tf`, `.tf.json`, `.yaml`, `.yml`), for the rules over host
 * resources, are linted through the processors, as the CLI lints them.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintFileText } from '../src/api/lint-file';
import { lint } from '../src';
import { builtinProcessors } from '../src/processors';
import { POLICY_KINDS, type PolicyKind } from '../src/engine/types';
import { builtinRules } from '../src/rules';

const root = path.join(__dirname, '..', 'fixtures', 'rules');
const FIXTURE_NAME = new RegExp(`^(bad|good)-[a-z0-9-]+(?:\\.(${POLICY_KINDS.join('|')}))?\\.(jsonc?|tf|tf\\.json|ya?ml)$`);
const HOST_EXTENSIONS = new Set(['tf', 'tf.json', 'yaml', 'yml']);
const dirs = fs.readdirSync(root).filter((d) => fs.statSync(path.join(root, d)).isDirectory()).sort();

describe('rule fixtures', () => {
  it('name only known rules', () => {
    expect(dirs.filter((d) => !builtinRules.has(d))).toEqual([]);
  });

  it('exist for every built-in rule, bad and good', () => {
    const missing = [...builtinRules.keys()].filter((id) => {
      const files = dirs.includes(id) ? fs.readdirSync(path.join(root, id)) : [];
      return !files.some((f) => f.startsWith('bad-')) || !files.some((f) => f.startsWith('good-'));
    });
    expect(missing).toEqual([]);
  });

  for (const dir of dirs) {
    const optionsFile = path.join(root, dir, 'options.json');
    const options = fs.existsSync(optionsFile) ? (JSON.parse(fs.readFileSync(optionsFile, 'utf8')) as Record<string, unknown>) : undefined;
    const rule = builtinRules.get(dir);
    const settings = options && rule ? { [dir]: { severity: rule.meta.defaultSeverity, options } } : undefined;
    for (const file of fs.readdirSync(path.join(root, dir)).sort()) {
      if (file === 'options.json') continue;
      const full = path.join(root, dir, file);
      it(`${dir}/${file}`, async () => {
        // `bad-x.permission.json` is linted as that kind, for rules that depend on a given kind.
        const match = FIXTURE_NAME.exec(file);
        expect(match).not.toBeNull();
        const kind = match?.[2] as PolicyKind | undefined;
        const text = fs.readFileSync(full, 'utf8');
        const result = HOST_EXTENSIONS.has(match?.[3] ?? '')
          ? await lintFileText(full, text, { rules: builtinRules, settings, processors: builtinProcessors, fix: false, explicit: true, policiesOnly: false })
          : lint(text, { filePath: full, kind, settings });
        if (!result) throw new Error(`${file} was not linted`);
        const own = result.messages.filter((m) => m.ruleId === dir).map((m) => `${m.line}:${m.column} ${m.message}`);
        if (file.startsWith('bad-')) expect(own.length).toBeGreaterThan(0);
        else expect(own).toEqual([]);
      });
    }
  }
});
