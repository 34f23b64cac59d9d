import { catalogue } from '../engine/catalog/catalogue';
import { CatalogueView, resourceMatchesTemplate, splitAction } from '../engine/analysis/action-catalogue';
import { defineRule } from '../engine/rule';
import { BOUNDARY_KINDS } from '../engine/types';
import { hasWildcard } from '../engine/wildcard';


/** Pattern comparison work per file: beyond it, the rest is assumed to match (nothing reported), never slow. */
const OVERLAP_CELLS_PER_FILE = 5_000_000;

/** Resources the rule cannot judge: template expressions and documentation placeholders. */
function isOpaque(resource: string): boolean {
  return /\$\{|<[^<>]*>|\{\{/.test(resource);
}

export default defineRule({
  meta: {
    id: 'action-resource-mismatch',
    category: 'correctness',
    defaultSeverity: 'warning',
    description: 'Warn on actions that no Resource of their statement can apply to, by the resource types the catalogue gives the action.',
    fixable: 'none',
    messages: {
      mismatch: '"{{action}}" applies to {{types}}, and no Resource of this statement can match {{those}}; {{consequence}}.',
    },
    options: {
      actions: { type: 'string[]', description: 'Set by the "catalogue" block of the configuration; not used by this rule.', default: [] },
      ignoreServices: { type: 'string[]', description: 'RAM codes whose actions are not checked.', default: [] },
    },
  },
  check(context) {
    const view = new CatalogueView({ ignoreServices: context.options.ignoreServices });
    const budget = { cells: OVERLAP_CELLS_PER_FILE };
    for (const statement of context.policy.statements) {
      const resources = statement.resource?.values;
      // NotResource, an empty or non-string Resource, or a template value: nothing to judge.
      if (!statement.action || !resources || resources.length === 0 || statement.resource?.nonStrings.length) continue;
      if (resources.some((r) => isOpaque(r.value))) continue;
      for (const entry of statement.action.values) {
        const parts = splitAction(entry.value);
        if (!parts || hasWildcard(entry.value) || view.isIgnored(parts.service)) continue;
        // Authoritative services only: their resource types come from Alibaba's own metadata.
        if (view.service(parts.service)?.tier !== 'authoritative') continue;
        const known = catalogue().action(entry.value);
        const templates = known?.tier === 'authoritative' ? (known.resources ?? []) : [];
        // An action that supports only "*" (or all resources) is never asked to be scoped.
        if (templates.length === 0 || templates.includes('*')) continue;
        if (resources.some((r) => templates.some((t) => resourceMatchesTemplate(r.value.trim(), t, budget)))) continue;
        const shown = templates.slice(0, 2).map((t) => `"${t}"`).join(' or ');
        const types = templates.length > 2 ? `${shown} and ${templates.length - 2} more` : shown;
        context.report({
          messageId: 'mismatch',
          node: entry.node,
          path: entry.path,
          fingerprintValue: entry.value,
          data: {
            action: entry.value,
            types,
            those: templates.length === 1 ? 'it' : 'any of them',
            consequence:
              statement.effectValue === 'Deny'
                ? 'for this action the Deny forbids nothing'
                : context.policy.kind === 'endpoint'
                  ? 'for this action the statement lets no request through the endpoint'
                  : BOUNDARY_KINDS.includes(context.policy.kind)
                    ? 'for this action the statement allows nothing within the limit it sets'
                    : 'for this action the statement grants nothing',
          },
        });
      }
    }
  },
});
