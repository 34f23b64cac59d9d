import { createScanner, SyntaxKind } from 'jsonc-parser';
import type { LocatedString } from '../engine/model';
import type { JsonNode } from '../engine/parse';
import { defineRule } from '../engine/rule';
import type { TextEdit } from '../engine/types';

/** Offset of the first comma token in text[from, to), skipping comments; -1 if none. */
function commaBetween(text: string, from: number, to: number): number {
  const scanner = createScanner(text.slice(from, to), false);
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind === SyntaxKind.CommaToken) return from + scanner.getTokenOffset();
  }
  return -1;
}

/**
 * Deletes the repeated entry with one neighbouring comma, keeping the list's
 * layout and every comment: the comma before it when only whitespace lies
 * between, else the comma after it (comments stay on their lines). A repeat
 * always has a previous entry: the first occurrence.
 */
function removeEntry(text: string, entry: LocatedString): TextEdit[] {
  const siblings = entry.node.parent?.children ?? [];
  // The path ends in the entry's index: indexOf per repeat is quadratic in a list of 64k repeats.
  const last = entry.path[entry.path.length - 1];
  const index = typeof last === 'number' && siblings[last] === entry.node ? last : siblings.indexOf(entry.node);
  const previous = siblings[index - 1] as JsonNode;
  const next = siblings[index + 1];
  const start = entry.node.offset;
  const end = start + entry.node.length;
  const prevEnd = previous.offset + previous.length;
  if (/^\s*,\s*$/.test(text.slice(prevEnd, start))) return [{ offset: prevEnd, length: end - prevEnd, text: '' }];
  const after = next ? commaBetween(text, end, next.offset) : -1;
  if (after >= 0) {
    // The spaces after the comma go too, so what follows keeps its column.
    let stop = after + 1;
    while (text[stop] === ' ' || text[stop] === '\t') stop++;
    return [{ offset: start, length: stop - start, text: '' }];
  }
  const before = commaBetween(text, prevEnd, start);
  return [
    ...(before >= 0 ? [{ offset: before, length: 1, text: '' }] : []),
    { offset: start, length: entry.node.length, text: '' },
  ];
}

export default defineRule({
  meta: {
    id: 'duplicate-list-entry',
    category: 'suggestion',
    // Suggestions are tidy-ups that change no access: info, which no --max-warnings gate counts.
    defaultSeverity: 'info',
    description: 'Disallow the same entry twice in an Action, NotAction, Resource or NotResource list.',
    fixable: 'safe',
    messages: {
      duplicate: '{{key}} lists "{{value}}" twice (first at line {{line}}); remove the repeat.',
    },
  },
  check(context) {
    for (const statement of context.policy.statements) {
      for (const member of [statement.action, statement.notAction, statement.resource, statement.notResource]) {
        if (!member?.isArray) continue;
        // Actions compare case-insensitively, resources exactly.
        const fold = member.key.endsWith('Action') ? (s: string) => s.toLowerCase() : (s: string) => s;
        const seen = new Map<string, JsonNode>();
        for (const entry of member.values) {
          const key = fold(entry.value);
          const first = seen.get(key);
          if (first === undefined) {
            seen.set(key, entry.node);
            continue;
          }
          context.report({
            messageId: 'duplicate',
            node: entry.node,
            data: { key: member.key, value: entry.value },
            // The engine words the line, in the host file's lines for a policy embedded in one.
            related: { line: first },
            fix: removeEntry(context.source.text, entry),
          });
        }
      }
    }
  },
});
