/**
 * Checks a parsed config against the rules that exist once plugins are
 * loaded: every rule id known, every option known and of the declared type.
 */
import { closest } from '../engine/closest';
import { isCoreDiagnostic } from '../engine/core-diagnostics';
import type { OptionSpec, Rule } from '../engine/rule';
import { ConfigError, type ConfigFile, type RuleEntry } from './types';

/** `pluginsOff`: plugins were turned off (--no-plugins), so plugin rule ids (`<plugin>/<rule>`) go unchecked and unused. */
export function validateConfig(config: ConfigFile, rules: ReadonlyMap<string, Rule>, pluginsOff = false): void {
  const skipped = (id: string) => pluginsOff && id.includes('/') && !rules.has(id);
  const check = (id: string, entry: RuleEntry) => {
    if (!skipped(id)) validateEntry(id, entry, rules);
  };
  for (const [id, entry] of config.rules) check(id, entry);
  for (const block of config.overrides) for (const [id, entry] of block.rules) check(id, entry);
  for (const waiver of config.waivers) {
    if (!rules.has(waiver.rule) && !skipped(waiver.rule)) throw new ConfigError(waiver.origin, `this waiver names ${unknownRuleMessage(waiver.rule, rules)}`);
  }
}

function validateEntry(id: string, entry: RuleEntry, rules: ReadonlyMap<string, Rule>): void {
  const rule = rules.get(id);
  if (!rule) throw new ConfigError(entry.origin, unknownRuleMessage(id, rules));
  if (!entry.options) return;
  const specs = rule.meta.options ?? {};
  for (const [name, value] of Object.entries(entry.options)) {
    // Own properties only: an option named "constructor" or "toString" is unknown, not inherited.
    const spec = Object.hasOwn(specs, name) ? specs[name] : undefined;
    const where = entry.optionsOrigin ?? entry.origin;
    if (!spec) {
      const known = Object.keys(specs);
      throw new ConfigError(where, `rule "${id}" has no option "${name}"${known.length ? `; its options are ${known.map((k) => `"${k}"`).join(', ')}` : '; it takes no options'}`);
    }
    if (!fitsType(spec, value)) throw new ConfigError(where, `option "${name}" of rule "${id}" must be ${describe(spec)}`);
  }
}

function fitsType(spec: OptionSpec, value: unknown): boolean {
  switch (spec.type) {
    case 'boolean':
      return typeof value === 'boolean';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'string':
      return typeof value === 'string';
    case 'string[]':
      return Array.isArray(value) && value.every((v) => typeof v === 'string');
  }
}

function describe(spec: OptionSpec): string {
  return { boolean: 'true or false', number: 'a number', string: 'a string', 'string[]': 'an array of strings' }[spec.type];
}

function unknownRuleMessage(id: string, rules: ReadonlyMap<string, Rule>): string {
  if (isCoreDiagnostic(id)) return `"${id}", a core diagnostic of the engine, which cannot be configured or waived; remove it`;
  const guess = closest(id, [...rules.keys()]);
  const plugin = id.includes('/') && !guess ? ' (is its plugin listed under "plugins" or passed with --plugin?)' : '';
  return `unknown rule "${id}"${guess ? `; did you mean "${guess}"?` : ''}${plugin}`;
}
