/**
 * The rule docs agree with the code: every rule and core diagnostic has a doc
 * and no doc is orphaned; each header matches the metadata; the sections come
 * in the fixed order; every ❌ example draws a finding of its rule and every ✅
 * example draws no finding at all; the rules tables are current. In the manner
 * of Biome's rules_check and ESLint's check-rule-examples.
 *
 * Example blocks are ```json or ```jsonc fences under a "### ❌ …" or
 * "### ✅ …" heading in "## Examples", linted as policies, or ```hcl and
 * ```yaml fences, linted as a Terraform file and a ROS template through the
 * processors (for rules over host resources). A fence may name the policy
 * kind, as `--kind` would (```json kind=permission), and options for the
 * rule, as the configuration would (```json options={"trustedAccounts": ["1"]}). Expected
 * texts are built from
 * src/ with the same module scripts/update-docs.js uses, never from dist/.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CORE_DIAGNOSTICS } from '../src/engine/core-diagnostics';
import { DOCS_BASE_URL, docsUrl } from '../src/engine/rule';
import { POLICY_KINDS, type PolicyKind } from '../src/engine/types';
import { lintFileText } from '../src/api/lint-file';
import type { RuleSetting } from '../src/engine/linter';
import type { LintResult } from '../src/engine/types';
import { lint } from '../src/index';
import { builtinProcessors } from '../src/processors';
import { builtinRules } from '../src/rules';
import { docEntries, extractHeader, extractTable, headerBlock, rulesTable } from '../scripts/rules-table';

const root = path.join(__dirname, '..');
const docsDir = path.join(root, 'docs', 'rules');
const entries = docEntries(builtinRules, CORE_DIAGNOSTICS);

/** Core diagnostics that no policy text can produce; their Examples section is prose. */
const PROSE_EXAMPLES = new Set(['unreadable-file', 'internal-error', 'unwritable-file', 'invalid-host-file', 'unresolved-value']);

const SECTIONS = ['What it checks', 'Why it matters', 'Examples', 'How to fix', 'When not to use it', 'References'];

/** The languages of example fences, and the file each is linted as: a policy, a Terraform file, a ROS template. */
const EXAMPLE_FILES = { json: 'json', jsonc: 'jsonc', hcl: 'tf', yaml: 'yaml' } as const;
type ExampleLang = keyof typeof EXAMPLE_FILES;

function isExampleLang(lang: string): lang is ExampleLang {
  return Object.prototype.hasOwnProperty.call(EXAMPLE_FILES, lang);
}

/** An example as the CLI would lint it: a policy with the engine, a host file through its processor. */
async function lintExample(id: string, block: ExampleBlock, settings: Record<string, RuleSetting> | undefined): Promise<LintResult> {
  const filePath = `docs/rules/${id}.example.${EXAMPLE_FILES[block.lang]}`;
  if (block.lang === 'json' || block.lang === 'jsonc') return lint(block.text, { filePath, kind: block.kind, settings });
  const result = await lintFileText(filePath, block.text, { rules: builtinRules, settings, kind: block.kind, processors: builtinProcessors, fix: false, explicit: true, policiesOnly: false });
  if (!result) throw new Error(`${filePath}: not linted at all`);
  return result;
}

interface ExampleBlock {
  verdict: 'incorrect' | 'correct';
  lang: ExampleLang;
  kind: PolicyKind | undefined;
  text: string;
  /** 1-based line of the opening fence. */
  line: number;
  /** Options for the documented rule, from `options={...}` on the fence line. */
  options?: Record<string, unknown>;
}

interface ParsedDoc {
  title: string | undefined;
  h2: string[];
  /** H3 headings inside "## Examples". */
  exampleHeadings: string[];
  blocks: ExampleBlock[];
  problems: string[];
}

function parseDoc(text: string): ParsedDoc {
  const doc: ParsedDoc = { title: undefined, h2: [], exampleHeadings: [], blocks: [], problems: [] };
  const lines = text.split('\n');
  let h2: string | undefined;
  let h3: string | undefined;
  let fence: { lang: string; info: string; line: number; body: string[] } | undefined;
  lines.forEach((line, i) => {
    if (fence) {
      if (/^```\s*$/.test(line)) {
        const verdict = h3?.startsWith('❌') ? 'incorrect' : h3?.startsWith('✅') ? 'correct' : undefined;
        const lang = fence.lang;
        if (h2 === 'Examples' && verdict && isExampleLang(lang)) {
          const kindAttr = /\bkind=(\S+)/.exec(fence.info)?.[1];
          if (kindAttr !== undefined && !POLICY_KINDS.includes(kindAttr as PolicyKind)) {
            doc.problems.push(`line ${fence.line}: unknown kind "${kindAttr}" (use one of ${POLICY_KINDS.join(', ')})`);
          }
          // `options={...}` (the rest of the fence line) configures the rule for this example.
          const optionsAttr = /\boptions=(\{.*\})\s*$/.exec(fence.info)?.[1];
          let options: Record<string, unknown> | undefined;
          try {
            options = optionsAttr === undefined ? undefined : (JSON.parse(optionsAttr) as Record<string, unknown>);
          } catch {
            doc.problems.push(`line ${fence.line}: options= is not a JSON object`);
          }
          doc.blocks.push({ verdict, lang, kind: kindAttr as PolicyKind | undefined, options, text: fence.body.join('\n'), line: fence.line });
        }
        fence = undefined;
      } else fence.body.push(line);
      return;
    }
    const open = /^```\s*([A-Za-z]*)(.*)$/.exec(line);
    if (open) {
      fence = { lang: open[1] ?? '', info: open[2] ?? '', line: i + 1, body: [] };
      return;
    }
    const heading = /^(#{1,6}) (.+?)\s*$/.exec(line);
    if (!heading) return;
    const level = heading[1]?.length;
    const title = heading[2] as string;
    if (level === 1 && doc.title === undefined) doc.title = title;
    if (level === 2) {
      doc.h2.push(title);
      h2 = title;
      h3 = undefined;
    }
    if (level === 3) {
      h3 = title;
      if (h2 === 'Examples') doc.exampleHeadings.push(title);
    }
  });
  if (fence) doc.problems.push(`line ${fence.line}: unclosed code fence`);
  return doc;
}

function readDoc(id: string): string | undefined {
  const file = path.join(docsDir, `${id}.md`);
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
}

const docIds = fs.existsSync(docsDir)
  ? fs
      .readdirSync(docsDir)
      .filter((f) => f.endsWith('.md') && f !== 'README.md')
      .map((f) => f.slice(0, -3))
      .sort()
  : [];

describe('rule docs', () => {
  it('exist for every built-in rule and core diagnostic, and for nothing else', () => {
    expect(docIds).toEqual(entries.map((e) => e.id).sort());
  });

  it('are where the docs links point', () => {
    for (const rule of builtinRules.values()) expect(docsUrl(rule.meta)).toBe(`${DOCS_BASE_URL}${rule.meta.id}.md`);
    for (const d of CORE_DIAGNOSTICS) expect(docsUrl(d)).toBe(`${DOCS_BASE_URL}${d.id}.md`);
  });

  describe.each(entries.map((e) => [e.id, e] as const))('%s', (id, entry) => {
    const text = readDoc(id);
    const doc = text === undefined ? undefined : parseDoc(text);

    it('has the title and the header generated from the metadata (npm run docs:update)', () => {
      expect(doc?.title).toBe(id);
      expect(text === undefined ? undefined : extractHeader(text)).toBe(headerBlock(entry));
    });

    it('has the sections in order', () => {
      expect(doc?.problems).toEqual([]);
      const options = builtinRules.get(id)?.meta.options;
      const expected = options && Object.keys(options).length > 0 ? [...SECTIONS.slice(0, 4), 'Options', ...SECTIONS.slice(4)] : SECTIONS;
      expect(doc?.h2).toEqual(expected);
      if (PROSE_EXAMPLES.has(id)) return;
      const headings = doc?.exampleHeadings ?? [];
      expect(headings[0]).toMatch(/^❌ Incorrect/);
      expect(headings.some((h) => /^✅ Correct/.test(h))).toBe(true);
      for (const h of headings) expect(h).toMatch(/^(❌ Incorrect|✅ Correct)/);
    });

    it('has a per-message table, if any, that agrees with messages and messageSeverityCap', () => {
      const rule = builtinRules.get(id);
      const table = text === undefined || !rule ? undefined : messageTable(text);
      if (!rule || !table) return;
      const declared = Object.keys(rule.meta.messages);
      const problems: string[] = [];
      for (const row of table.rows) {
        for (const messageId of row.ids) if (!declared.includes(messageId)) problems.push(`\`${messageId}\` is not a message of the rule`);
        if (table.severityColumn < 0) continue;
        for (const messageId of row.ids) {
          const cap = rule.meta.messageSeverityCap?.[messageId];
          const expected = cap && cap !== rule.meta.defaultSeverity ? `at most ${cap}` : rule.meta.defaultSeverity;
          if (!row.severity.startsWith(expected)) problems.push(`\`${messageId}\`: the table says "${row.severity}", the metadata ${expected}`);
        }
      }
      const listed = new Set(table.rows.flatMap((r) => r.ids));
      for (const messageId of declared) if (!listed.has(messageId)) problems.push(`\`${messageId}\` is missing from the table`);
      expect(problems).toEqual([]);
    });

    it('has ❌ examples that draw a finding of this rule and ✅ examples that draw no finding at all', async () => {
      const blocks = doc?.blocks ?? [];
      if (!PROSE_EXAMPLES.has(id)) {
        expect(blocks.filter((b) => b.verdict === 'incorrect').length).toBeGreaterThan(0);
        expect(blocks.filter((b) => b.verdict === 'correct').length).toBeGreaterThan(0);
      }
      const failures: string[] = [];
      for (const block of blocks) {
        const rule = builtinRules.get(id);
        const settings = block.options && rule ? { [id]: { severity: rule.meta.defaultSeverity, options: block.options } } : undefined;
        const result = await lintExample(id, block, settings);
        const found = result.messages.map((m) => `${m.ruleId} (${m.message})`);
        const where = `docs/rules/${id}.md:${block.line}`;
        if (block.verdict === 'incorrect' && !result.messages.some((m) => m.ruleId === id)) {
          failures.push(`${where}: ❌ example draws no ${id} finding; it draws ${found.length > 0 ? found.join('; ') : 'nothing'}`);
        }
        if (block.verdict === 'correct' && result.messages.length > 0) {
          failures.push(`${where}: ✅ example draws ${found.join('; ')}`);
        }
        if (block.verdict === 'correct' && result.suppressedMessages.some((m) => m.ruleId === id)) {
          failures.push(`${where}: ✅ example only hides its ${id} finding with a waiver`);
        }
      }
      expect(failures).toEqual([]);
    });
  });
});

/**
 * The first table whose header starts with "| Message |": each row's first
 * cell names message ids in backticks; the "Severity" column, when there is
 * one, states each message's severity.
 */
function messageTable(text: string): { rows: { ids: string[]; severity: string }[]; severityColumn: number } | undefined {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => /^\| Message \|/.test(l));
  if (start < 0) return undefined;
  const cells = (line: string) => line.replace(/^\|/, '').replace(/\|\s*$/, '').split(' | ').map((c) => c.trim());
  const severityColumn = cells(lines[start] as string).indexOf('Severity');
  const rows: { ids: string[]; severity: string }[] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    const row = cells(line);
    rows.push({ ids: [...(row[0] ?? '').matchAll(/`([A-Za-z]+)`/g)].map((m) => m[1] as string), severity: severityColumn < 0 ? '' : (row[severityColumn] ?? '') });
  }
  return { rows, severityColumn };
}

describe('rules tables', () => {
  it.each([
    ['docs/rules/README.md', ''],
    ['README.md', 'docs/rules/'],
  ])('%s lists every rule and core diagnostic as generated (npm run docs:update)', (file, linkPrefix) => {
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    expect(extractTable(text)).toBe(rulesTable(entries, linkPrefix));
  });
});
