/**
 * Hover: on a finding, its rule's description and page; on an action name,
 * what the catalogue knows about it.
 */
import { getLocation } from 'jsonc-parser';
import type { Hover, MarkupContent } from 'vscode-languageserver/node';
import type { LintMessage } from '../engine/types';
import { type ActionCatalogue, findAction } from './catalogue';
import { withinStatement } from './json-location';

export interface RuleInfo {
  description?: string;
  /** The first paragraph of the rule page's "Why it matters". */
  why?: string;
  url?: string;
}

/** `isJson`: the document is a bare policy, where action names can be read from the JSON tree. */
export function hoverAt(text: string, offset: number, messages: readonly LintMessage[], ruleInfo: (id: string) => RuleInfo, catalogue: ActionCatalogue, isJson: boolean): Hover | null {
  const parts: string[] = [];
  const seen = new Set<string>();
  for (const m of messages) {
    if (offset < m.offset || offset > m.endOffset || seen.has(m.ruleId)) continue;
    seen.add(m.ruleId);
    const info = ruleInfo(m.ruleId);
    parts.push([`**${m.ruleId}** (${m.severity})`, info.description, info.why, info.url ? `[Documentation](${info.url})` : undefined].filter(Boolean).join('\n\n'));
  }
  const action = isJson ? actionAt(text, offset, catalogue) : undefined;
  if (action) parts.push(action);
  if (parts.length === 0) return null;
  const contents: MarkupContent = { kind: 'markdown', value: parts.join('\n\n---\n\n') };
  return { contents };
}

function actionAt(text: string, offset: number, catalogue: ActionCatalogue): string | undefined {
  // getLocation scans only up to the cursor and builds no tree: cheap on a large document.
  const location = getLocation(text, offset);
  const node = location.previousNode;
  if (location.isAtPropertyKey || !node || node.type !== 'string' || typeof node.value !== 'string') return undefined;
  if (offset < node.offset || offset > node.offset + node.length) return undefined;
  const element = withinStatement(location.path)?.[0];
  if (element !== 'Action' && element !== 'NotAction') return undefined;
  const found = findAction(catalogue, node.value);
  if (!found) return undefined;
  const lines = [`**${node.value}**`, `Service: \`${found.service}\``];
  if (found.action?.accessLevel) lines.push(`Access level: ${found.action.accessLevel}`);
  if (found.action?.resources) lines.push(`Resource types: ${found.action.resources.map((r) => `\`${r}\``).join(', ')}`);
  if (found.action?.tier) lines.push(`Catalogue entry: ${found.action.tier}`);
  else if (!found.action && !/[*?]/.test(node.value)) lines.push(`Not in ramlint's list of ${found.service} actions.`);
  return lines.join('\n\n');
}
