import { CatalogueView, MAX_SUGGESTION_LENGTH, MAX_SUGGESTIONS, splitAction } from '../engine/analysis/action-catalogue';
import { hasPlaceholder } from '../engine/analysis/placeholders';
import type { LocatedString, Statement } from '../engine/model';
import { defineRule } from '../engine/rule';
import { hasWildcard } from '../engine/wildcard';
import { detached } from '../engine/detached';

/**
 * What the catalogue says about one action string under one configuration,
 * minus the wording: null when the action is fine. It depends only on the
 * string and the configuration, and a repository repeats the same actions in
 * file after file, so it is worked out once per string (and the did-you-mean
 * once per verdict) instead of once per entry.
 */
interface Verdict {
  kind: 'service' | 'noMatch' | 'apiName' | 'action';
  /** Lower-cased RAM code. */
  service: string;
  /** The word a did-you-mean is sought for: the service code, or the action name as written. */
  word: string;
  /** The service's list is trusted (authoritative or curated): an unknown action is an error. */
  strict: boolean;
  authorizedAs?: string;
  /** The did-you-mean once sought: null when there is none. */
  guess?: string | null;
}

/** Verdicts kept per configuration before the memo starts afresh (a hostile file of distinct names). */
const MAX_VERDICTS = 10_000;

const views = new Map<string, { view: CatalogueView; verdicts: Map<string, Verdict | null> }>();

/** One view (and verdict memo) per configuration, keyed by its content: the option arrays are the caller's. */
function viewFor(actions: readonly string[], ignoreServices: readonly string[]): { view: CatalogueView; verdicts: Map<string, Verdict | null> } {
  const key = actions.length === 0 && ignoreServices.length === 0 ? '' : JSON.stringify([actions, ignoreServices]);
  let entry = views.get(key);
  if (!entry) {
    if (views.size >= 64) views.clear();
    entry = { view: new CatalogueView({ actions, ignoreServices }), verdicts: new Map() };
    views.set(key, entry);
  }
  return entry;
}

function judge(view: CatalogueView, value: string): Verdict | null {
  if (hasPlaceholder(value)) return null;
  const parts = splitAction(value);
  if (!parts || hasWildcard(parts.service) || view.isIgnored(parts.service)) return null;
  const { service, name } = parts;
  const known = view.service(service);
  if (!known) {
    if (view.isKnownService(service)) return null;
    return { kind: 'service', service, word: service, strict: false };
  }
  if (hasWildcard(name)) return view.matchesAny(service, value) ? null : { kind: 'noMatch', service, word: name, strict: false };
  if (view.lookup(value)) return null;
  const authorizedAs = view.apiAction(value);
  if (authorizedAs) return { kind: 'apiName', service, word: name, strict: false, authorizedAs };
  return { kind: 'action', service, word: name, strict: known.tier === 'authoritative' || known.tier === 'curated' };
}

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
    // In a trust policy, trust-policy-action reports every Action entry that is not sts:AssumeRole
    // and says what to write: one error for "sts:AssumeRoleWithOIDC", not two.
    foldsInto: ['trust-policy-action'],
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
    const { view, verdicts } = viewFor(context.options.actions, context.options.ignoreServices);
    // The did-you-mean budget is per file, as a new view per file had it (see MAX_SUGGESTIONS).
    let suggestionsLeft = MAX_SUGGESTIONS;
    const guessFor = (verdict: Verdict): string | undefined => {
      if (verdict.word.length > MAX_SUGGESTION_LENGTH || suggestionsLeft <= 0) return undefined;
      suggestionsLeft--;
      if (verdict.guess === undefined) verdict.guess = (verdict.kind === 'service' ? view.closestService(verdict.service) : view.closestAction(verdict.service, verdict.word)) ?? null;
      return verdict.guess ?? undefined;
    };
    const checkEntry = (statement: Statement, entry: LocatedString, inNotAction: boolean) => {
      const value = entry.value;
      let verdict = verdicts.get(value);
      if (verdict === undefined) {
        const own = detached(value);
        verdict = judge(view, own);
        if (verdicts.size >= MAX_VERDICTS) verdicts.clear();
        verdicts.set(own, verdict);
      }
      if (verdict === null) return;
      const { service } = verdict;
      const action = value;
      const because = consequence(statement, inNotAction);
      // Descriptors written out rather than spread from a shared base: this rule reports
      // more than any other in a large repository, and object spread is V8's slow path.
      const report = (messageId: Parameters<typeof context.report>[0]['messageId'], data: Record<string, string>) => context.report({ node: entry.node, fingerprintValue: value, messageId, data });
      switch (verdict.kind) {
        case 'service': {
          const guess = guessFor(verdict);
          report(guess ? 'unknownServiceGuess' : 'unknownService', { action, service, consequence: because, guess: guess ?? '' });
          return;
        }
        case 'noMatch':
          report('noMatch', { action, service, consequence: because });
          return;
        case 'apiName':
          report('apiName', { action, service, consequence: because, authorizedAs: verdict.authorizedAs as string });
          return;
        case 'action': {
          const guess = guessFor(verdict);
          const messageId = verdict.strict ? (guess ? 'unknownGuess' : 'unknown') : guess ? 'unknownDerivedGuess' : 'unknownDerived';
          report(messageId, { action, service, consequence: because, guess: guess ?? '' });
        }
      }
    };
    for (const statement of context.policy.statements) {
      for (const entry of statement.action?.values ?? []) checkEntry(statement, entry, false);
      for (const entry of statement.notAction?.values ?? []) checkEntry(statement, entry, true);
    }
  },
});
