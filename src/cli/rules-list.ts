/** `ramlint rules`: every rule and core diagnostic, as a table or as JSON. */
import { CORE_DIAGNOSTICS } from '../engine/core-diagnostics';
import { docsUrl, type Rule } from '../engine/rule';

interface Row {
  id: string;
  category: string;
  defaultSeverity: string;
  fixable: string;
  description: string;
  docs: string | undefined;
  core: boolean;
}

export function ruleRows(rules: ReadonlyMap<string, Rule>): Row[] {
  const rows: Row[] = [...rules.values()].map((r) => ({
    id: r.meta.id,
    category: r.meta.category,
    defaultSeverity: r.meta.defaultSeverity,
    fixable: r.meta.fixable,
    description: r.meta.description,
    docs: docsUrl(r.meta),
    core: false,
  }));
  for (const d of CORE_DIAGNOSTICS) {
    rows.push({ id: d.id, category: d.category, defaultSeverity: d.severity, fixable: 'none', description: d.description, docs: docsUrl(d), core: true });
  }
  return rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function formatRuleList(rules: ReadonlyMap<string, Rule>, format: string): string {
  const rows = ruleRows(rules);
  if (format === 'json') return `${JSON.stringify(rows, null, 2)}\n`;
  const idWidth = rows.reduce((w, r) => Math.max(w, r.id.length), 0);
  const lines = rows.map(
    (r) => `${r.id.padEnd(idWidth)}  ${r.category.padEnd(11)}  ${r.defaultSeverity.padEnd(7)}  ${(r.fixable === 'safe' ? 'fix' : r.core ? 'core' : '').padEnd(4)}  ${r.description}`,
  );
  const header = `${'rule'.padEnd(idWidth)}  ${'category'.padEnd(11)}  ${'default'.padEnd(7)}  ${''.padEnd(4)}  description`;
  return `${header}\n${lines.join('\n')}\n\nfix: has a safe autofix (--fix). core: reported by the engine itself; cannot be turned off.\n`;
}
