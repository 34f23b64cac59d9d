/**
 * A config can arrive with an untrusted change, so its values are data, never
 * looked up on Object.prototype: "constructor", "toString" and "__proto__"
 * are unknown like any other word, and a config nested thousands of levels
 * deep is refused with a message instead of overflowing the stack.
 */
import { MAX_CONFIG_DEPTH, parseConfig } from '../../src/config/parse';
import { ConfigError } from '../../src/config/types';
import { validateConfig } from '../../src/config/validate';
import { builtinRules } from '../../src/rules';

const FILE = '/repo/ramlint.config.jsonc';

function errorOf(text: string): string {
  try {
    validateConfig(parseConfig(FILE, text, 'ramlint.config.jsonc'), builtinRules);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    const e = error as ConfigError;
    return `${e.origin.line}:${e.origin.column}: ${e.message}`;
  }
  throw new Error('expected a ConfigError');
}

describe('prototype names in a config', () => {
  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'])('severity "%s" is an unknown severity', (word) => {
    expect(errorOf(`{"rules": {"admin-access": "${word}"}}`)).toBe(`1:28: rule "admin-access" has unknown severity "${word}"; use "off", "warn", "error" or "info"`);
  });

  it.each(['constructor', 'toString', '__proto__'])('an option named "%s" is an unknown option', (word) => {
    expect(errorOf(`{"rules": {"trust-external-principal": ["warn", {"${word}": []}]}}`)).toBe(
      `1:49: rule "trust-external-principal" has no option "${word}"; its options are "trustedAccounts", "trustedServices"`,
    );
  });

  it('keeps "__proto__" in options as a key, not as the prototype', () => {
    const config = parseConfig(FILE, '{"rules": {"admin-access": ["warn", {"__proto__": {"polluted": true}}]}}', 'x');
    const options = config.rules.get('admin-access')?.options as Record<string, unknown>;
    expect(Object.keys(options)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(options)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each(['constructor', 'toString', '__proto__'])('a rule named "%s" is an unknown rule', (word) => {
    expect(errorOf(`{"rules": {"${word}": "error"}}`)).toMatch(new RegExp(`^1:12: unknown rule "${word}"`));
  });
});

describe('config nesting depth', () => {
  it('refuses a config nested 5,000 levels deep with a clear error', () => {
    const text = `{"rules": {"admin-access": ["warn", ${'['.repeat(5000)}${']'.repeat(5000)}]}}`;
    expect(errorOf(text)).toBe(`1:${36 + MAX_CONFIG_DEPTH - 2}: the config is nested deeper than ${MAX_CONFIG_DEPTH} levels; a ramlint config needs about 5`);
  });

  it('accepts nesting up to the limit', () => {
    const inner = `${'['.repeat(MAX_CONFIG_DEPTH - 4)}${']'.repeat(MAX_CONFIG_DEPTH - 4)}`; // root, rules, the entry and the options are 4 levels
    expect(() => parseConfig(FILE, `{"rules": {"admin-access": ["warn", {"x": ${inner}}]}}`, 'x')).not.toThrow();
  });

  it('does not count brackets inside strings or comments', () => {
    const text = `// ${'['.repeat(500)}\n{"ignores": ["${'{'.repeat(300)}"]}`;
    expect(() => parseConfig(FILE, text, 'x')).not.toThrow();
  });
});
