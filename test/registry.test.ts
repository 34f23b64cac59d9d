import * as fs from 'node:fs';
import * as path from 'node:path';
import { CORE_DIAGNOSTICS } from '../src/engine/core-diagnostics';
import { isResourceRule } from '../src/engine/rule';
import { CATEGORIES, HOST_RESOURCE_TYPES, SEVERITIES } from '../src/engine/types';
import { builtinRules } from '../src/rules';

const rulesDir = path.join(__dirname, '..', 'src', 'rules');
const ruleFiles = fs
  .readdirSync(rulesDir)
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
  .map((f) => f.replace(/\.ts$/, ''))
  .sort();

describe('the built-in rule registry', () => {
  it('lists exactly the rule files in src/rules', () => {
    expect([...builtinRules.keys()].sort()).toEqual(ruleFiles);
  });

  it('is sorted by id', () => {
    const ids = [...builtinRules.keys()];
    expect(ids).toEqual([...ids].sort());
  });

  it('names each rule after its file, in kebab-case', () => {
    for (const [id, rule] of builtinRules) {
      expect(rule.meta.id).toBe(id);
      expect(id).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
    }
  });

  it('gives every rule complete, consistent metadata', () => {
    for (const rule of builtinRules.values()) {
      const { meta } = rule;
      expect(CATEGORIES).toContain(meta.category);
      expect(SEVERITIES).toContain(meta.defaultSeverity);
      expect(meta.description).toMatch(/^[A-Z].*\.$/);
      expect(Object.keys(meta.messages).length).toBeGreaterThan(0);
      for (const capped of Object.keys(meta.messageSeverityCap ?? {})) expect(Object.keys(meta.messages)).toContain(capped);
      for (const id of [...(meta.foldsInto ?? []), ...(meta.supersededBy ?? [])]) expect(builtinRules.has(id)).toBe(true);
      // A suggestion changes no access: info by default, so no --max-warnings gate counts it unless a team opts in.
      if (meta.category === 'suggestion') expect(meta.defaultSeverity).toBe('info');
      // A syntax problem is something RAM rejects: never just a suggestion.
      if (meta.category === 'syntax') expect(meta.defaultSeverity).toBe('error');
    }
  });

  it('gives every rule one entry point: check over policies, or checkResources over the host resources it declares', () => {
    for (const rule of builtinRules.values()) {
      const { meta } = rule;
      if (isResourceRule(rule)) {
        expect(rule.check).toBeUndefined();
        expect(meta.resources?.length).toBeGreaterThan(0);
        for (const type of meta.resources ?? []) expect(HOST_RESOURCE_TYPES).toContain(type);
        // What a resource rule judges decides who can do what: it offers no fix, and policy kinds do not apply to it.
        expect([meta.fixable, meta.hasSuggestions ?? false, meta.kinds]).toEqual(['none', false, undefined]);
      } else {
        expect(typeof rule.check).toBe('function');
        expect(meta.resources).toBeUndefined();
      }
    }
  });

  it('keeps core diagnostic ids apart from rule ids', () => {
    for (const d of CORE_DIAGNOSTICS) expect(builtinRules.has(d.id)).toBe(false);
  });
});
