#!/usr/bin/env node
'use strict';
/**
 * Regenerates the parts of the docs that come from rule metadata:
 *   - the header block of every docs/rules/<id>.md (between the header markers),
 *   - the rules table in docs/rules/README.md and README.md (between the rules-table markers),
 *   - schema/ramlint.schema.json, the JSON Schema of the configuration file.
 * Everything else in those files is left as written. A rule or core diagnostic
 * without a doc gets a skeleton to fill in.
 *
 * Reads the compiled registry, so run it through `npm run docs:update` (which builds first).
 * `--check` changes nothing and exits 1 when a file is out of date.
 */
const fs = require('node:fs');
const path = require('node:path');
const { docEntries, headerBlock, rulesTable, replaceHeader, replaceTable } = require('./rules-table');

const root = path.resolve(__dirname, '..');
const docsDir = path.join(root, 'docs', 'rules');
const check = process.argv.includes('--check');

function load(modulePath) {
  try {
    return require(path.join(root, 'dist', 'src', modulePath));
  } catch (error) {
    console.error(`update-docs: cannot load dist/src/${modulePath} (${error.message}); run "npm run build" first.`);
    process.exit(2);
  }
}

const { builtinRules } = load('rules');
const { CORE_DIAGNOSTICS } = load(path.join('engine', 'core-diagnostics'));
const entries = docEntries(builtinRules, CORE_DIAGNOSTICS);

function skeleton(entry) {
  const examples = ['### ❌ Incorrect', '', '```json', '```', '', '### ✅ Correct', '', '```json', '```'];
  return [
    `# ${entry.id}`,
    '',
    headerBlock(entry),
    '',
    '## What it checks',
    '',
    '## Why it matters',
    '',
    '## Examples',
    '',
    ...examples,
    '',
    '## How to fix',
    '',
    '## When not to use it',
    '',
    '## References',
    '',
  ].join('\n');
}

const stale = [];
function write(file, next) {
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
  if (current === next) return;
  stale.push(path.relative(root, file));
  if (!check) fs.writeFileSync(file, next);
}

fs.mkdirSync(docsDir, { recursive: true });
for (const entry of entries) {
  const file = path.join(docsDir, `${entry.id}.md`);
  if (!fs.existsSync(file)) {
    write(file, skeleton(entry));
    continue;
  }
  try {
    write(file, replaceHeader(fs.readFileSync(file, 'utf8'), entry));
  } catch (error) {
    console.error(`update-docs: ${path.relative(root, file)}: ${error.message}`);
    process.exitCode = 1;
  }
}

const ids = new Set(entries.map((e) => e.id));
for (const name of fs.readdirSync(docsDir)) {
  if (name.endsWith('.md') && name !== 'README.md' && !ids.has(name.slice(0, -3))) {
    console.error(`update-docs: docs/rules/${name} documents no rule or core diagnostic; delete or rename it.`);
    process.exitCode = 1;
  }
}

for (const [file, linkPrefix] of [
  [path.join(docsDir, 'README.md'), ''],
  [path.join(root, 'README.md'), 'docs/rules/'],
]) {
  try {
    write(file, replaceTable(fs.readFileSync(file, 'utf8'), rulesTable(entries, linkPrefix)));
  } catch (error) {
    console.error(`update-docs: ${path.relative(root, file)}: ${error.message}`);
    process.exitCode = 1;
  }
}

const { buildConfigSchema } = load(path.join('config', 'schema'));
fs.mkdirSync(path.join(root, 'schema'), { recursive: true });
write(path.join(root, 'schema', 'ramlint.schema.json'), `${JSON.stringify(buildConfigSchema(builtinRules), null, 2)}\n`);

if (check && stale.length > 0) {
  console.error(`update-docs: out of date: ${stale.join(', ')}; run "npm run docs:update".`);
  process.exitCode = 1;
} else if (!check) {
  console.log(stale.length > 0 ? `update-docs: updated ${stale.join(', ')}` : 'update-docs: everything is up to date');
}
