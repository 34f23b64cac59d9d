/**
 * schema/ramlint.schema.json ships for editors: it must be current with the
 * registry, and must accept what the config parser accepts and reject what
 * it rejects, for the cases a schema can express.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { parse } from 'jsonc-parser';
import { buildConfigSchema } from '../../src/config/schema';
import { builtinRules } from '../../src/rules';

const file = path.join(__dirname, '..', '..', 'schema', 'ramlint.schema.json');
const schema = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

describe('the configuration JSON schema', () => {
  it('is current with the rule registry (npm run docs:update)', () => {
    expect(schema).toEqual(buildConfigSchema(builtinRules));
  });

  it.each([
    [
      'a full config',
      `{
      // comments are fine in ramlint.config.jsonc
      "$schema": "./node_modules/ramlint/schema/ramlint.schema.json",
      "root": true,
      "kind": "permission",
      "rules": {
        "passrole-missing-service-condition": "error",
        "allow-with-not-element": "off",
        "trust-external-principal": ["warn", { "trustedAccounts": ["123456789012"], "trustedServices": ["ecs.aliyuncs.com"] }],
        "acme/require-mfa-for-ram-writes": "warn"
      },
      "overrides": [{ "files": ["trust/**"], "excludedFiles": "trust/legacy/**", "kind": "trust", "rules": { "invalid-principal": "warn" } }],
      "ignores": ["generated/"],
      "plugins": ["./tools/ramlint-plugin-acme.js"],
      "waivers": [{ "rule": "passrole-wildcard-resource", "files": "policies/di/*.json", "statement": 0, "reason": "SEC-142", "expires": "2027-03-31", "owner": "data-platform" }]
    }`,
    ],
    ['an empty config', '{}'],
  ])('accepts %s', (_name, text) => {
    expect(validate(parse(text))).toBe(true);
  });

  it.each([
    ['a misspelt top-level key', '{ "rule": {} }'],
    ['an unknown severity', '{ "rules": { "admin-access": "fatal" } }'],
    ['an unknown rule', '{ "rules": { "passrole-wildcard": "error" } }'],
    ['an unknown option', '{ "rules": { "trust-external-principal": ["warn", { "accounts": [] }] } }'],
    ['options for a rule without options', '{ "rules": { "admin-access": ["error", { "x": 1 }] } }'],
    ['a waiver without a reason', '{ "waivers": [{ "rule": "admin-access", "files": "*.json" }] }'],
    ['an expiry that is not a date', '{ "waivers": [{ "rule": "admin-access", "files": "*.json", "reason": "r", "expires": "next year" }] }'],
    ['an override without files', '{ "overrides": [{ "rules": {} }] }'],
    ['an unknown kind', '{ "kind": "scp" }'],
  ])('rejects %s', (_name, text) => {
    expect(validate(parse(text))).toBe(false);
  });
});
