import { CatalogueView, splitAction } from '../engine/analysis/action-catalogue';
import { hasPlaceholder } from '../engine/analysis/placeholders';
import type { LocatedString, Statement } from '../engine/model';
import { defineRule } from '../engine/rule';
import { hasWildcard } from '../engine/wildcard';


/** What an entry that matches nothing does, by where it stands: said in every message. */
function consequence(statement: Statement, inNotAction: boolean): string {
  const deny = statement.effectValue === 'Deny';
  if (inNotAction) return deny ? 'NotAction spares nothing by it, so the Deny applies to the action that was meant' : 'NotAction excludes nothing by it, so the statement still allows the action that was meant';
  return deny ? 'this Deny forbids nothing by it' : 'it grants nothing';
}

export default defineRule({
  meta: {
    id: 'unknown-action',
    category: 'correctness',
    defaultSeverity: 'error',
    description: 'Disallow actions that the action catalogue does not know for their service: a misspelt action grants or denies nothing.',
    fixable: 'none',
    messages: {
      unknown: '"{{action}}" is not an action of service "{{service}}"; {{consequence}}.',
      unknownGuess: '"{{action}}" is not an action of service "{{service}}" (did you mean "{{guess}}"?); {{consequence}}.',
      unknownDerived: '"{{action}}" is not among the APIs of service "{{service}}" that the catalogue knows; if it is misspelt, {{consequence}}.',
      unknownDerivedGuess:
        '"{{action}}" is not among the APIs of service "{{service}}" that the catalogue knows (did you mean "{{guess}}"?); if it is misspelt, {{consequence}}.',
      apiName: '"{{action}}" is the name of an API, not a RAM action: RAM authorizes it as "{{authorizedAs}}"; as written, {{consequence}}.',
      noMatch: '"{{action}}" matches no action of service "{{service}}" that the catalogue knows; if none exists, {{consequence}}.',
      unknownService: '"{{service}}" in "{{action}}" is not a service the catalogue knows; if it is misspelt, {{consequence}}.',
      unknownServiceGuess: '"{{service}}" in "{{action}}" is not a service the catalogue knows (did you mean "{{guess}}"?); if it is misspelt, {{consequence}}.',
    },
    messageSeverityCap: { unknownDerived: 'warning', unknownDerivedGuess: 'warning', noMatch: 'warning', unknownService: 'warning', unknownServiceGuess: 'warning' },
    options: {
      actions: {
        type: 'string[]',
        description: 'Actions to accept besides the catalogue\'s ("mysvc:DoThing"); "mysvc:*" accepts every action of a service.',
        default: [],
      },
      ignoreServices: { type: 'string[]', description: 'RAM codes whose actions are not checked ("ecs").', default: [] },
    },
  },
  check(context) {
    const view = new CatalogueView({
      actions: context.options.actions,
      ignoreServices: context.options.ignoreServices,
    });
    const checkEntry = (statement: Statement, entry: LocatedString, inNotAction: boolean) => {
      const value = entry.value;
      if (hasPlaceholder(value)) return;
      const parts = splitAction(value);
      if (!parts || hasWildcard(parts.service) || view.isIgnored(parts.service)) return;
      const { service, name } = parts;
      // Descriptors written out rather than spread from a shared base: this rule reports
      // more than any other in a large repository, and object spread is V8's slow path.
      const report = (messageId: Parameters<typeof context.report>[0]['messageId'], data: Record<string, string>) => context.report({ node: entry.node, path: entry.path, fingerprintValue: value, messageId, data });
      const action = value;
      const because = consequence(statement, inNotAction);
      const known = view.service(service);
      if (!known) {
        if (view.isKnownService(service)) return;
        const guess = view.suggestService(service);
        report(guess ? 'unknownServiceGuess' : 'unknownService', { action, service, consequence: because, guess: guess ?? '' });
        return;
      }
      if (hasWildcard(name)) {
        if (!view.matchesAny(service, value)) report('noMatch', { action, service, consequence: because });
        return;
      }
      if (view.lookup(value)) return;
      const authorizedAs = view.apiAction(value);
      if (authorizedAs) {
        report('apiName', { action, service, consequence: because, authorizedAs });
        return;
      }
      const guess = view.suggestAction(service, name);
      const strict = known.tier === 'authoritative' || known.tier === 'curated';
      const messageId = strict ? (guess ? 'unknownGuess' : 'unknown') : guess ? 'unknownDerivedGuess' : 'unknownDerived';
      report(messageId, { action, service, consequence: because, guess: guess ?? '' });
    };
    for (const statement of context.policy.statements) {
      for (const entry of statement.action?.values ?? []) checkEntry(statement, entry, false);
      for (const entry of statement.notAction?.values ?? []) checkEntry(statement, entry, true);
    }
  },
});
