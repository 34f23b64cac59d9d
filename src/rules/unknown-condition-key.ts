import { catalogue } from '../engine/catalog/catalogue';
import { isTemplateExpression } from '../engine/analysis/templates';
import { closest } from '../engine/closest';
import { defineRule } from '../engine/rule';

type MessageId = 'unknownGlobal' | 'unknownGlobalGuess' | 'unknownServiceKey' | 'unknownServiceKeyGuess';

/** Longer keys get no did-you-mean: bounded work on untrusted input. */
const MAX_SUGGESTION_LENGTH = 80;
const KEY = /^([A-Za-z0-9_-]+):([^\s:/]+)(\/\S+)?$/;

export default defineRule<MessageId>({
  meta: {
    id: 'unknown-condition-key',
    category: 'correctness',
    defaultSeverity: 'warning',
    description: 'Warn on condition keys that RAM does not define: global acs: keys, and keys of services whose key list the catalogue knows.',
    fixable: 'none',
    messages: {
      unknownGlobal: '"{{key}}" is not a global condition key; no request carries it, so the condition does not test what it seems to.',
      unknownGlobalGuess:
        '"{{key}}" is not a global condition key (did you mean "{{guess}}"?); no request carries it, so the condition does not test what it seems to.',
      unknownServiceKey:
        '"{{key}}" is not a condition key of service "{{service}}"; no request carries it, so the condition does not test what it seems to.',
      unknownServiceKeyGuess:
        '"{{key}}" is not a condition key of service "{{service}}" (did you mean "{{guess}}"?); no request carries it, so the condition does not test what it seems to.',
    },
    options: {
      conditionKeys: { type: 'string[]', description: 'Condition keys to accept besides the catalogue\'s ("log:NewKey").', default: [] },
      ignoreServices: { type: 'string[]', description: 'Services (key prefixes, "acs" included) whose keys are not checked.', default: [] },
      actions: { type: 'string[]', description: 'Set by the "catalogue" block of the configuration; not used by this rule.', default: [] },
    },
  },
  check(context) {
    const extra = new Set(((context.options.conditionKeys as string[] | undefined) ?? []).map((k) => k.toLowerCase()));
    const ignored = new Set(((context.options.ignoreServices as string[] | undefined) ?? []).map((s) => s.toLowerCase()));
    for (const statement of context.policy.statements) {
      for (const clause of statement.condition?.clauses ?? []) {
        const key = clause.key;
        if (isTemplateExpression(key)) continue;
        const match = KEY.exec(key);
        // Keys of another shape are invalid-condition-key's.
        if (!match) continue;
        const service = (match[1] as string).toLowerCase();
        const lower = key.toLowerCase();
        if (ignored.has(service) || extra.has(lower)) continue;
        const c = catalogue();
        // Case is not documented to matter for keys, so they compare case-insensitively.
        const suggest = (candidates: readonly string[]) => {
          const best = key.length > MAX_SUGGESTION_LENGTH ? undefined : closest(lower, candidates.map((k) => k.toLowerCase()));
          return best === undefined ? undefined : candidates.find((k) => k.toLowerCase() === best);
        };
        const base = { node: clause.keyNode, path: clause.path, fingerprintValue: key };
        if (service === 'acs') {
          if (c.globalConditionKeys.some((k) => k.toLowerCase() === lower)) continue;
          if (c.globalConditionKeyPrefixes.some((p) => lower.startsWith(p.toLowerCase()) && lower.length > p.length)) continue;
          const guess = suggest([...c.globalConditionKeys, ...c.globalConditionKeyPrefixes.map((p) => `${p}<tag-key>`)]);
          context.report({ ...base, messageId: guess ? 'unknownGlobalGuess' : 'unknownGlobal', data: { key, guess: guess ?? '' } });
          continue;
        }
        const keys = c.conditionKeys.get(service);
        if (!keys || keys.some((k) => k.toLowerCase() === lower)) continue;
        const guess = suggest(keys);
        context.report({ ...base, messageId: guess ? 'unknownServiceKeyGuess' : 'unknownServiceKey', data: { key, service, guess: guess ?? '' } });
      }
    }
  },
});
