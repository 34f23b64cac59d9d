/**
 * Completion of what a policy may contain: elements, Effect and Version
 * values, condition operators and global keys, and `service:Action` names
 * from the catalogue.
 */
import { type CompletionItem, CompletionItemKind, type Range } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CONDITION_OPERATORS } from '../engine/catalog/condition-operators';
import type { ActionCatalogue } from './catalogue';
import { GLOBAL_CONDITION_KEYS } from './condition-keys';
import { cursorContext, type PolicySlot } from './json-location';

const TOP_LEVEL = ['Version', 'Statement'];
const STATEMENT_ELEMENTS = ['Effect', 'Action', 'NotAction', 'Resource', 'NotResource', 'Principal', 'Condition'];

function labels(slot: PolicySlot, catalogue: ActionCatalogue): { label: string; kind: CompletionItemKind; detail?: string }[] {
  switch (slot.kind) {
    case 'top-level-key':
      return TOP_LEVEL.map((label) => ({ label, kind: CompletionItemKind.Property }));
    case 'statement-key':
      return STATEMENT_ELEMENTS.map((label) => ({ label, kind: CompletionItemKind.Property }));
    case 'version-value':
      return [{ label: '1', kind: CompletionItemKind.Value, detail: 'the only policy language version RAM accepts' }];
    case 'effect-value':
      return ['Allow', 'Deny'].map((label) => ({ label, kind: CompletionItemKind.EnumMember }));
    case 'condition-operator':
      return [...CONDITION_OPERATORS].map(([label, type]) => ({ label, kind: CompletionItemKind.Operator, detail: `${type} values` }));
    case 'condition-key':
      return GLOBAL_CONDITION_KEYS.map(([label, type]) => ({ label, kind: CompletionItemKind.Variable, detail: `${type} values` }));
    case 'action': {
      const colon = slot.typed.indexOf(':');
      if (colon < 0) return catalogue.services().map((s) => ({ label: `${s}:`, kind: CompletionItemKind.Module, detail: 'service' }));
      const service = slot.typed.slice(0, colon);
      return catalogue.actions(service).map((a) => ({ label: `${service}:${a.name}`, kind: CompletionItemKind.Function, ...(a.accessLevel ? { detail: `access level: ${a.accessLevel}` } : {}) }));
    }
  }
}

export function complete(document: TextDocument, offset: number, catalogue: ActionCatalogue): CompletionItem[] {
  const text = document.getText();
  const context = cursorContext(text, offset);
  if (!context) return [];
  const range: Range | undefined = context.content && { start: document.positionAt(context.content.start), end: document.positionAt(context.content.end) };
  return labels(context.slot, catalogue).map(({ label, kind, detail }) => {
    const item: CompletionItem = { label, kind, ...(detail ? { detail } : {}) };
    // Inside a string the item replaces what is typed; outside one it brings its own quotes.
    if (range) item.textEdit = { range, newText: label };
    else item.insertText = JSON.stringify(label);
    return item;
  });
}
