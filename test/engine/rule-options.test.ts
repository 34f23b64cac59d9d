/**
 * Typed rule options (typescript-eslint's RuleCreator as the model): check()
 * sees the options typed from their declaration, merged over the defaults.
 * The type assertions are checked by `tsc -p tsconfig.json`, which includes
 * the tests.
 */
import { lintText } from '../../src/engine/linter';
import { defineRule, type Rule } from '../../src/engine/rule';

const seen: unknown[] = [];

const withOptions = defineRule({
  meta: {
    id: 'test/options',
    category: 'correctness',
    defaultSeverity: 'warning',
    description: 'Options.',
    fixable: 'none',
    messages: { m: 'M.' },
    options: {
      accounts: { type: 'string[]', description: 'Accounts.', default: [] },
      limit: { type: 'number', description: 'Limit.', default: 3 },
      strict: { type: 'boolean', description: 'Strict.', default: false },
    },
  },
  check(context) {
    const accounts: readonly string[] = context.options.accounts;
    const limit: number = context.options.limit;
    const strict: boolean = context.options.strict;
    // @ts-expect-error an option the rule does not declare
    void context.options.undeclared;
    // @ts-expect-error a number option is not a string
    const wrong: string = context.options.limit;
    void wrong;
    seen.push({ accounts, limit, strict });
  },
});

const withoutOptions = defineRule({
  meta: { id: 'test/no-options', category: 'correctness', defaultSeverity: 'warning', description: 'None.', fixable: 'none', messages: { m: 'M.' } },
  check(context) {
    // @ts-expect-error a rule without options sees none
    void context.options.anything;
  },
});

describe('typed rule options', () => {
  it('are the declared defaults, with the configured values over them', () => {
    seen.length = 0;
    const rules = new Map<string, Rule>([
      [withOptions.meta.id, withOptions],
      [withoutOptions.meta.id, withoutOptions],
    ]);
    lintText('{"Version": "1", "Statement": []}', { rules });
    lintText('{"Version": "1", "Statement": []}', { rules, settings: { 'test/options': { severity: 'warning', options: { limit: 5 } } } });
    expect(seen).toEqual([
      { accounts: [], limit: 3, strict: false },
      { accounts: [], limit: 5, strict: false },
    ]);
  });
});
