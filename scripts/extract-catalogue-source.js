#!/usr/bin/env node
/**
 * One-off step, run by hand when the pinned snapshot changes: reads the
 * OpenAPI metadata snapshot (api-meta.json.gz as described in
 * data/catalogue/SOURCE.md) and writes data/catalogue/openapi-facts.json,
 * the part build-catalogue.js reads. It keeps facts only (API names, access
 * levels, RAM action names, resource types, ARN templates, condition keys and
 * their types) and only for the products the catalogue uses: those with RAM
 * authorization data and those named in curated.jsonc. Descriptions are dropped
 * (the source states no licence for its text).
 *
 *   node scripts/extract-catalogue-source.js <dir with api-meta.json.gz>
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const { parse } = require('jsonc-parser');

const root = path.resolve(__dirname, '..');
const sourceDir = process.argv[2];
if (!sourceDir) {
  console.error('usage: node scripts/extract-catalogue-source.js <dir with api-meta.json.gz>');
  process.exit(2);
}
const meta = JSON.parse(zlib.gunzipSync(fs.readFileSync(path.join(sourceDir, 'api-meta.json.gz'))).toString('utf8'));
const curated = parse(fs.readFileSync(path.join(root, 'data/catalogue/curated.jsonc'), 'utf8'));
const wanted = new Set(Object.keys(curated.productRamCodes));

function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const out = {};
    for (const key of Object.keys(value).sort()) if (value[key] !== undefined) out[key] = sortKeys(value[key]);
    return out;
  }
  return value;
}

function trimRamAction(entry) {
  const ra = entry.ramAction ?? entry;
  return {
    action: ra.action,
    authLevel: ra.authLevel,
    conditionKeys: (ra.actionConditions ?? []).map((c) => c.conditionKey).filter(Boolean).sort(),
    operationType: entry.operationType,
    resources: (ra.resources ?? []).map((r) => ({ arn: r.arn, resourceType: r.resourceType, validationType: r.validationType })),
  };
}

const out = {};
for (const [product, versions] of Object.entries(meta)) {
  for (const [version, doc] of Object.entries(versions)) {
    if (!doc.ram && !wanted.has(product)) continue;
    const apis = {};
    for (const [name, api] of Object.entries(doc.apis)) {
      apis[name] = {
        deprecated: api.deprecated === true ? true : undefined,
        operationType: api.operationType ?? null,
        ramActions: api.ramActions ? api.ramActions.map(trimRamAction) : undefined,
        tag: api.tag,
      };
    }
    const ram = doc.ram
      ? {
          ramCodes: doc.ram.ramCodes,
          ramConditions: (doc.ram.ramConditions ?? []).map((c) => ({ name: c.name, type: c.schema?.type })),
          ramLevel: doc.ram.ramLevel,
          resourceTypes: (doc.ram.resourceTypes ?? []).map((r) => ({ arn: r.arn, resourceType: r.resourceType })),
        }
      : null;
    (out[product] ??= {})[version] = { apis, ram };
  }
}
// Every product code, lower-cased: an action prefix equal to one is a known service.
const products = JSON.parse(fs.readFileSync(path.join(sourceDir, 'products.json'), 'utf8'));
const productCodes = [...new Set(products.map((p) => String(p.code).toLowerCase()))].sort();

// One API per line, so that a refresh of the snapshot shows as a readable diff.
const lines = ['{', `"productCodes": ${JSON.stringify(productCodes)},`, '"products": {'];
const sorted = sortKeys(out);
const productNames = Object.keys(sorted);
productNames.forEach((product, pi) => {
  lines.push(`${JSON.stringify(product)}: {`);
  const versions = Object.keys(sorted[product]);
  versions.forEach((version, vi) => {
    const { apis, ram } = sorted[product][version];
    lines.push(`${JSON.stringify(version)}: {"ram": ${JSON.stringify(ram)}, "apis": {`);
    const names = Object.keys(apis);
    names.forEach((name, ai) => lines.push(`${JSON.stringify(name)}: ${JSON.stringify(apis[name])}${ai < names.length - 1 ? ',' : ''}`));
    lines.push(`}}${vi < versions.length - 1 ? ',' : ''}`);
  });
  lines.push(`}${pi < productNames.length - 1 ? ',' : ''}`);
});
lines.push('}', '}');
const file = path.join(root, 'data/catalogue/openapi-facts.json');
fs.writeFileSync(file, `${lines.join('\n')}\n`);
console.log(`wrote ${path.relative(root, file)}: ${Object.keys(out).length} products`);
