'use strict';
/**
 * The generated parts of the rule docs: each doc's header block and the rules
 * table in README.md and docs/rules/README.md. Pure functions over rule
 * metadata, shared by scripts/update-docs.js (which feeds them the compiled
 * registry from dist/) and test/docs.test.ts (which feeds them src/).
 */

const HEADER_START = "<!-- header:start (generated from the rule's metadata; npm run docs:update) -->";
const HEADER_START_PREFIX = '<!-- header:start';
const HEADER_END = '<!-- header:end -->';
const TABLE_START = '<!-- rules-table:start -->';
const TABLE_END = '<!-- rules-table:end -->';
const CORE_AUTOFIX = 'core (cannot be turned off)';

/** Table cells and the header quote: keep `|` inside the cell and `<service>` visible. */
function escapeMarkdown(text) {
  return String(text).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\*/g, '\\*').replace(/</g, '&lt;');
}

/** The host resources a rule with checkResources judges, as the docs name them. */
const RESOURCE_NAMES = {
  'policy-attachment': 'policy attachments (Terraform, ROS)',
  'bucket-acl': 'bucket ACLs (Terraform, ROS)',
  'object-acl': 'object ACLs (Terraform)',
  'public-access-block': 'Block Public Access (Terraform, ROS)',
};

/** What a rule applies to: the host resources it judges, the policy kinds it inspects, or every kind. */
function appliesTo(meta) {
  if (meta.resources && meta.resources.length > 0) return meta.resources.map((r) => RESOURCE_NAMES[r] || r).join(', ');
  return meta.kinds && meta.kinds.length > 0 ? meta.kinds.join(', ') : 'all policy kinds';
}

/**
 * One entry per built-in rule and core diagnostic, sorted by id.
 * @param {ReadonlyMap<string, {meta: object}>} rules
 * @param {readonly object[]} coreDiagnostics
 */
function docEntries(rules, coreDiagnostics) {
  const entries = [...rules.values()].map(({ meta }) => ({
    id: meta.id,
    category: meta.category,
    severity: meta.defaultSeverity,
    autofix: meta.fixable === 'safe' ? 'safe' : 'none',
    appliesTo: appliesTo(meta),
    description: meta.description,
    core: false,
  }));
  for (const d of coreDiagnostics) {
    entries.push({
      id: d.id,
      category: d.category,
      severity: d.severity,
      autofix: CORE_AUTOFIX,
      appliesTo: 'all policy kinds',
      description: d.description,
      core: true,
    });
  }
  return entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The block between (and including) the header markers of docs/rules/<id>.md. */
function headerBlock(entry) {
  return [
    HEADER_START,
    `> ${escapeMarkdown(entry.description)}`,
    '',
    '| Category | Default severity | Autofix | Applies to |',
    '| --- | --- | --- | --- |',
    `| ${entry.category} | ${entry.severity} | ${entry.autofix} | ${entry.appliesTo} |`,
    HEADER_END,
  ].join('\n');
}

/**
 * The rules table; `linkPrefix` is the path from the file holding the table
 * to docs/rules/ ('' in docs/rules/README.md, 'docs/rules/' in README.md).
 */
function rulesTable(entries, linkPrefix) {
  const rows = entries.map(
    (e) => `| [${e.id}](${linkPrefix}${e.id}.md) | ${e.category} | ${e.severity} | ${e.autofix} | ${escapeMarkdown(e.description)} |`,
  );
  return ['| Rule | Category | Default severity | Autofix | Description |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

/** The text between the table markers, or undefined when the markers are missing. */
function extractTable(text) {
  const start = text.indexOf(TABLE_START);
  const end = text.indexOf(TABLE_END);
  if (start < 0 || end < start) return undefined;
  return text.slice(start + TABLE_START.length, end).trim();
}

/** `text` with the table between the markers replaced; throws when the markers are missing. */
function replaceTable(text, table) {
  const start = text.indexOf(TABLE_START);
  const end = text.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`missing ${TABLE_START} … ${TABLE_END} markers`);
  return `${text.slice(0, start + TABLE_START.length)}\n${table}\n${text.slice(end)}`;
}

/** The header block as written in a doc (markers included), or undefined. */
function extractHeader(text) {
  const start = text.indexOf(HEADER_START_PREFIX);
  const end = text.indexOf(HEADER_END);
  if (start < 0 || end < start) return undefined;
  return text.slice(start, end + HEADER_END.length);
}

/** `text` with its header block regenerated; throws when the markers are missing. */
function replaceHeader(text, entry) {
  const current = extractHeader(text);
  if (current === undefined) throw new Error(`missing ${HEADER_START_PREFIX} … ${HEADER_END} markers`);
  const start = text.indexOf(current);
  return text.slice(0, start) + headerBlock(entry) + text.slice(start + current.length);
}

module.exports = {
  HEADER_START,
  HEADER_END,
  TABLE_START,
  TABLE_END,
  CORE_AUTOFIX,
  escapeMarkdown,
  docEntries,
  headerBlock,
  rulesTable,
  extractTable,
  replaceTable,
  extractHeader,
  replaceHeader,
};
