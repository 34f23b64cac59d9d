/**
 * validateConfig: once plugins are loaded, every rule id a config names must
 * exist (with a suggestion for a near miss), core diagnostics cannot be
 * configured or waived, and every option must be declared and of its type.
 * Errors point at the rule's key, or at its options object.
 */
import { parseConfig } from '../../src/config/parse';
import { ConfigError } from '../../src/config/types';
import { validateConfig } from '../../src/config/validate';
import { defineRule, type Rule } from '../../src/engine/rule';
import { builtinRules } from '../../src/rules';

const FILE = '/repo/ramlint.config.jsonc';

function validate(text: string, rules: ReadonlyMap<string, Rule> = builtinRules): void {
  validateConfig(parseConfig(FILE, text, 'ramlint.config.jsonc'), rules);
}

function errorOf(text: string, rules?: ReadonlyMap<string, Rule>): string {
  try {
    validate(text, rules);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    const e = error as ConfigError;
    return `${e.origin.line}:${e.origin.column}: ${e.message}`;
  }
  throw new Error('expected a ConfigError');
}

describe('rule ids', () => {
  it('accepts every built-in rule', () => {
    const rules = Object.fromEntries([...builtinRules.keys()].map((id) => [id, 'warn']));
    expect(() => validate(JSON.stringify({ rules, overrides: [{ files: '*', rules }] }))).not.toThrow();
  });

  it.each([
    ['a misspelt id', '{"rules": {\n  "admin-acess": "off"\n}}', '2:3: unknown rule "admin-acess"; did you mean "admin-access"?'],
    ['a plural id', '{"rules": {"unknown-elements": "off"}}', '1:12: unknown rule "unknown-elements"; did you mean "unknown-element"?'],
    ['an id in another case', '{"rules": {"Admin-Access": "off"}}', '1:12: unknown rule "Admin-Access"; did you mean "admin-access"?'],
    ['an id nothing resembles', '{"rules": {"zzz": "off"}}', '1:12: unknown rule "zzz"'],
    ['a plugin rule whose plugin is not loaded', '{"rules": {"acme/no-star": "error"}}', '1:12: unknown rule "acme/no-star" (is its plugin listed under "plugins" or passed with --plugin?)'],
    ['a misspelt id in an override', '{"overrides": [{"files": "x", "rules": {"polcy-size": "off"}}]}', '1:41: unknown rule "polcy-size"; did you mean "policy-size"?'],
    ['a misspelt id in a waiver', '{"waivers": [\n  {"rule": "admin-acces", "files": "x", "reason": "r"}\n]}', '2:3: this waiver names unknown rule "admin-acces"; did you mean "admin-access"?'],
  ])('%s', (_name, text, expected) => {
    expect(errorOf(text)).toBe(expected);
  });
});

describe('core diagnostics', () => {
  it.each(['invalid-json', 'unreadable-file', 'internal-error'])('"%s" is named as a core diagnostic that cannot be configured', (id) => {
    expect(errorOf(`{"rules": {"${id}": "off"}}`)).toBe(`1:12: "${id}", a core diagnostic of the engine, which cannot be configured or waived; remove it`);
  });

  it('cannot be waived either', () => {
    expect(errorOf('{"waivers": [{"rule": "invalid-json", "files": "x", "reason": "r"}]}')).toBe(
      '1:14: this waiver names "invalid-json", a core diagnostic of the engine, which cannot be configured or waived; remove it',
    );
    expect(errorOf('{"waivers": [{"rule": "invalid-waiver", "files": "x", "reason": "r"}]}')).toMatch(/^1:14: this waiver names "invalid-waiver", a core diagnostic/);
  });
});

describe('options', () => {
  it('accepts declared options of the declared type', () => {
    expect(() => validate('{"rules": {"trust-external-principal": ["warn", {"trustedAccounts": ["123"], "trustedServices": []}]}}')).not.toThrow();
  });

  it.each([
    [
      'an unknown option lists the options that exist',
      '{"rules": {\n  "trust-external-principal": ["warn", {"trustedAccount": ["1"]}]\n}}',
      '2:40: rule "trust-external-principal" has no option "trustedAccount"; its options are "trustedAccounts", "trustedServices"',
    ],
    ['an option for a rule that takes none', '{"rules": {"admin-access": ["off", {"x": 1}]}}', '1:36: rule "admin-access" has no option "x"; it takes no options'],
    ['a string where a list is expected', '{"rules": {"trust-external-principal": ["warn", {"trustedAccounts": "1"}]}}', '1:49: option "trustedAccounts" of rule "trust-external-principal" must be an array of strings'],
    ['a list with a number in it', '{"rules": {"trust-external-principal": ["warn", {"trustedAccounts": ["1", 2]}]}}', '1:49: option "trustedAccounts" of rule "trust-external-principal" must be an array of strings'],
    [
      'an option error inside an override',
      '{"overrides": [{"files": "*", "rules": {"trust-external-principal": ["warn", {"trustedServices": [true]}]}}]}',
      '1:78: option "trustedServices" of rule "trust-external-principal" must be an array of strings',
    ],
  ])('%s', (_name, text, expected) => {
    expect(errorOf(text)).toBe(expected);
  });

  describe('every option type', () => {
    const typed = defineRule({
      meta: {
        id: 'test/typed',
        category: 'correctness',
        defaultSeverity: 'warning',
        description: 'Takes one option of each type.',
        fixable: 'none',
        messages: { m: 'm' },
        options: {
          flag: { type: 'boolean', description: 'b', default: false },
          limit: { type: 'number', description: 'n', default: 1 },
          name: { type: 'string', description: 's', default: '' },
          names: { type: 'string[]', description: 'l', default: [] },
        },
      },
      check() {},
    }) as Rule;
    const rules = new Map([[typed.meta.id, typed]]);
    const config = (options: Record<string, unknown>) => JSON.stringify({ rules: { 'test/typed': ['warn', options] } });

    it('accepts values of the declared types', () => {
      expect(() => validate(config({ flag: true, limit: 2.5, name: 'x', names: ['a', 'b'] }), rules)).not.toThrow();
      expect(() => validate(config({ names: [] }), rules)).not.toThrow();
    });

    it.each([
      ['flag', 'yes', 'true or false'],
      ['flag', 1, 'true or false'],
      ['limit', '3', 'a number'],
      ['limit', null, 'a number'],
      ['name', 3, 'a string'],
      ['name', ['x'], 'a string'],
      ['names', 'x', 'an array of strings'],
      ['names', [{}], 'an array of strings'],
    ])('%s: %j is rejected', (name, value, expected) => {
      expect(errorOf(config({ [name]: value }), rules)).toBe(`1:32: option "${name}" of rule "test/typed" must be ${expected}`);
    });
  });
});
