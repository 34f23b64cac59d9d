#!/usr/bin/env node
/**
 * Builds the action catalogue (src/engine/catalog/catalogue.json) from
 * data/catalogue/openapi-facts.json and data/catalogue/curated.jsonc.
 * Deterministic: sorted keys, no timestamps; test/catalogue.test.ts runs
 * buildCatalogue() and compares with the committed file.
 *
 *   npm run catalogue          write the file
 *   npm run catalogue -- --check   exit 1 when the committed file is stale
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { parse } = require('jsonc-parser');

const root = path.resolve(__dirname, '..');
const OUTPUT = path.join(root, 'src/engine/catalog/catalogue.json');
/** The date and source alone, so that --version and SARIF need not load the catalogue. */
const INFO_OUTPUT = path.join(root, 'src/engine/catalog/catalogue-info.json');
const TIER_RANK = { derived: 0, authoritative: 1, curated: 2 };
const LEVEL_RANK = { list: 0, read: 1, write: 2, permissions: 3 };
/**
 * Share of a product version's APIs that must carry ramActions for the RAM
 * codes it publishes to be trusted as complete (sls has them on 96 of 194).
 */
const COMPLETE_COVERAGE = 0.9;

function levelOfTag(tag) {
  switch (tag) {
    case 'get':
      return 'read';
    case 'list':
      return 'list';
    case 'create':
    case 'update':
    case 'delete':
      return 'write';
    default:
      return undefined;
  }
}

function levelOfOperationType(type) {
  if (type === 'read') return 'read';
  if (type === 'write' || type === 'readAndWrite') return 'write';
  return undefined;
}

/** Last resort for an API whose metadata gives no level: its verb. */
function levelOfVerb(name) {
  if (/^List/.test(name)) return 'list';
  if (/^(Get|Describe|Query|Check|Search|Preview|Head|Select)/.test(name)) return 'read';
  return 'write';
}

function buildCatalogue() {
  const facts = JSON.parse(fs.readFileSync(path.join(root, 'data/catalogue/openapi-facts.json'), 'utf8'));
  const curated = parse(fs.readFileSync(path.join(root, 'data/catalogue/curated.jsonc'), 'utf8'));
  const permissionServices = new Set(curated.permissionServices);
  /** service -> { actions: Map<lowercased name, entry>, conditionKeys: Set | undefined } */
  const services = new Map();
  const serviceOf = (code) => {
    let s = services.get(code);
    if (!s) services.set(code, (s = { actions: new Map(), conditionKeys: undefined, incomplete: false }));
    return s;
  };
  const add = (code, name, tier, level, resources) => {
    if (permissionServices.has(code) && level === 'write') level = 'permissions';
    const service = serviceOf(code);
    const key = name.toLowerCase();
    const old = service.actions.get(key);
    if (!old || TIER_RANK[tier] > TIER_RANK[old.tier]) {
      service.actions.set(key, { name, tier, level, resources: new Set(resources ?? []) });
      return;
    }
    if (tier !== old.tier) return;
    // The same action from two product versions: keep the higher level and every resource type.
    if (LEVEL_RANK[level] > LEVEL_RANK[old.level]) old.level = level;
    for (const r of resources ?? []) old.resources.add(r);
  };

  for (const product of Object.keys(facts.products).sort()) {
    const derivedCode = curated.productRamCodes[product];
    for (const version of Object.keys(facts.products[product]).sort()) {
      const { apis, ram } = facts.products[product][version];
      const names = Object.keys(apis);
      const covered = names.filter((n) => apis[n].ramActions && apis[n].ramActions.length > 0).length;
      if (ram && covered < COMPLETE_COVERAGE * names.length) for (const code of ram.ramCodes) serviceOf(code.toLowerCase()).incomplete = true;
      if (ram) {
        for (const condition of ram.ramConditions) {
          const code = condition.name.slice(0, condition.name.indexOf(':')).toLowerCase();
          if (code === 'acs') continue;
          (serviceOf(code).conditionKeys ??= new Set()).add(condition.name);
        }
      }
      for (const apiName of Object.keys(apis).sort()) {
        const api = apis[apiName];
        const apiLevel = levelOfTag(api.tag) ?? levelOfOperationType(api.operationType) ?? levelOfVerb(apiName);
        if (api.ramActions && api.ramActions.length > 0) {
          for (const ra of api.ramActions) {
            const colon = ra.action.indexOf(':');
            if (colon <= 0) continue;
            const code = ra.action.slice(0, colon).toLowerCase();
            const name = ra.action.slice(colon + 1);
            // Entries such as "pvtz:update" are not action names; keep only names of the API form.
            if (!/^[A-Z][A-Za-z0-9]*$/.test(name)) continue;
            const level = levelOfTag(ra.operationType) ?? apiLevel;
            add(code, name, 'authoritative', level, ra.resources.map((r) => r.arn));
            const service = serviceOf(code);
            if (ram) service.conditionKeys ??= new Set();
            for (const key of ra.conditionKeys) if (key.toLowerCase().startsWith(`${code}:`)) service.conditionKeys.add(key);
          }
        } else if (derivedCode) {
          add(derivedCode, apiName, 'derived', apiLevel);
        }
      }
    }
  }

  for (const code of Object.keys(curated.services).sort()) {
    for (const [level, names] of Object.entries(curated.services[code])) {
      if (!(level in LEVEL_RANK)) continue;
      for (const name of names) add(code, name, 'curated', level);
    }
  }
  for (const code of Object.keys(curated.extraActions).sort()) {
    for (const [level, names] of Object.entries(curated.extraActions[code])) for (const name of names) add(code, name, 'curated', level);
  }
  for (const [code, keys] of Object.entries(curated.serviceConditionKeys)) {
    const service = serviceOf(code);
    service.conditionKeys ??= new Set();
    for (const key of keys) service.conditionKeys.add(key);
  }

  const out = {};
  const conditionKeys = {};
  for (const code of [...services.keys()].sort()) {
    const service = services.get(code);
    if (service.actions.size === 0) continue;
    const entries = [...service.actions.values()].sort((a, b) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : 1));
    const tier = curated.services[code]
      ? 'curated'
      : !service.incomplete && entries.some((e) => e.tier === 'authoritative') && entries.every((e) => e.tier !== 'derived')
        ? 'authoritative'
        : 'derived';
    const actions = {};
    for (const e of entries) {
      const resources = [...e.resources].sort();
      actions[e.name] = resources.length > 0 ? [e.tier, e.level, resources] : [e.tier, e.level];
    }
    out[code] = { tier, actions };
  }
  // Condition keys are listed only where the list is complete: an authoritative
  // service (its metadata names its keys), or a curated list.
  for (const code of [...services.keys()].sort()) {
    const keys = services.get(code).conditionKeys;
    if (keys && (out[code]?.tier === 'authoritative' || curated.serviceConditionKeys[code])) conditionKeys[code] = [...keys].sort();
  }
  const accountLevel = Object.entries(curated.services)
    .flatMap(([code, s]) => (s.accountLevel ?? []).map((name) => `${code}:${name}`))
    .sort();
  const namedServices = [...new Set([...facts.productCodes, ...curated.namedServices])].filter((c) => !(c in out)).sort();
  const catalogue = {
    date: curated.snapshot.date,
    source: curated.snapshot.source,
    globalConditionKeys: [...curated.globalConditionKeys].sort(),
    globalConditionKeyPrefixes: [...curated.globalConditionKeyPrefixes].sort(),
    accountLevelActions: accountLevel,
    apiActions: Object.fromEntries(Object.entries(curated.apiActions).sort()),
    conditionKeys,
    namedServices,
    services: out,
  };
  return { catalogue: serialise(catalogue), info: `${JSON.stringify({ date: catalogue.date, source: catalogue.source }, null, 2)}\n` };
}

/** One action per line, so that a catalogue change reads as a diff of actions. */
function serialise(catalogue) {
  const lines = ['{'];
  for (const key of ['date', 'source', 'globalConditionKeys', 'globalConditionKeyPrefixes', 'accountLevelActions', 'apiActions', 'conditionKeys', 'namedServices']) {
    lines.push(`  ${JSON.stringify(key)}: ${JSON.stringify(catalogue[key])},`);
  }
  lines.push('  "services": {');
  const codes = Object.keys(catalogue.services);
  codes.forEach((code, ci) => {
    const s = catalogue.services[code];
    lines.push(`    ${JSON.stringify(code)}: {"tier": ${JSON.stringify(s.tier)}, "actions": {`);
    const names = Object.keys(s.actions);
    names.forEach((name, ni) => lines.push(`      ${JSON.stringify(name)}: ${JSON.stringify(s.actions[name])}${ni < names.length - 1 ? ',' : ''}`));
    lines.push(`    }}${ci < codes.length - 1 ? ',' : ''}`);
  });
  lines.push('  }', '}');
  return `${lines.join('\n')}\n`;
}

module.exports = { buildCatalogue, OUTPUT, INFO_OUTPUT };

if (require.main === module) {
  const built = buildCatalogue();
  const outputs = [
    [OUTPUT, built.catalogue],
    [INFO_OUTPUT, built.info],
  ];
  if (process.argv.includes('--check')) {
    for (const [file, text] of outputs) {
      const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
      if (current !== text) {
        console.error(`${path.relative(root, file)} is out of date; run npm run catalogue`);
        process.exitCode = 1;
      }
    }
  } else {
    for (const [file, text] of outputs) {
      fs.writeFileSync(file, text);
      console.log(`wrote ${path.relative(root, file)}`);
    }
  }
}
