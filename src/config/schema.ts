/**
 * The JSON Schema of ramlint's configuration file, built from the rule
 * registry so that editors complete rule ids and options. schema/ramlint.schema.json
 * is this function's output (npm run docs:update writes it; a test checks it).
 * The schema helps editors; parse.ts and validate.ts remain the authority,
 * with messages that name the line and column.
 */
import type { OptionSpec, Rule } from '../engine/rule';
import { POLICY_KINDS } from '../engine/types';

type JsonSchema = Record<string, unknown>;

const SEVERITY = { type: 'string', enum: ['off', 'warn', 'warning', 'error', 'info'], description: 'off turns the rule off; warn and warning are the same.' };
const KIND = { type: 'string', enum: [...POLICY_KINDS] };
const GLOBS = {
  oneOf: [
    { type: 'string', minLength: 1 },
    { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 },
  ],
};

function optionSchema(spec: OptionSpec): JsonSchema {
  const base = { description: spec.description, default: spec.default };
  if (spec.type === 'string[]') return { ...base, type: 'array', items: { type: 'string' } };
  return { ...base, type: spec.type };
}

function ruleSetting(rule: Rule): JsonSchema {
  const options = rule.meta.options ?? {};
  const names = Object.keys(options);
  const optionsObject = names.length
    ? { type: 'object', additionalProperties: false, properties: Object.fromEntries(names.map((n) => [n, optionSchema(options[n] as OptionSpec)])) }
    : { type: 'object', maxProperties: 0, description: 'This rule takes no options.' };
  // Draft-07 tuple: [severity, options].
  const withOptions = { type: 'array', items: [SEVERITY, optionsObject], additionalItems: false, minItems: 1 };
  return { description: `${rule.meta.description} (default: ${rule.meta.defaultSeverity})`, anyOf: [SEVERITY, withOptions] };
}

export function buildConfigSchema(rules: ReadonlyMap<string, Rule>): JsonSchema {
  const ids = [...rules.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const ruleProperties = Object.fromEntries(ids.map((id) => [id, ruleSetting(rules.get(id) as Rule)]));
  const rulesObject = {
    type: 'object',
    description: 'Rule severities: "off", "warn", "error" or "info", or ["warn", { options }]. Plugin rules are named "<plugin>/<rule>".',
    properties: ruleProperties,
    patternProperties: { '^[^/]+/.+$': { description: 'A plugin rule.' } },
    additionalProperties: false,
  };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://github.com/ramlint/ramlint/blob/main/schema/ramlint.schema.json',
    title: 'ramlint configuration',
    description: 'ramlint.config.jsonc / .ramlintrc.json: how ramlint lints the RAM policies under this directory.',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      root: { type: 'boolean', description: 'Stop looking for configuration files in parent directories.' },
      kind: { ...KIND, description: 'The policy kind of every file here, instead of detecting it from the content.' },
      rules: rulesObject,
      overrides: {
        type: 'array',
        description: 'Settings for files matching globs (relative to this file), applied in order.',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['files'],
          properties: {
            files: GLOBS,
            excludedFiles: GLOBS,
            rules: rulesObject,
            kind: { ...KIND, description: 'The policy kind of the matching files.' },
          },
        },
      },
      processors: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'The processors that read host files (Terraform, ROS templates, plan JSON, API responses) here; [] for bare .json/.jsonc policies only. Default: every processor.' },
      ignores: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'Globs (relative to this file) of files and directories not to lint.' },
      plugins: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'Plugins to load: package names or paths relative to this file.' },
      waivers: {
        type: 'array',
        description: 'Accepted risks: findings of a rule in some files, with a reason and, ideally, an expiry date.',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['rule', 'files', 'reason'],
          properties: {
            rule: { anyOf: [{ type: 'string', enum: ids }, { type: 'string', pattern: '^[^/]+/.+$' }], description: 'The rule whose findings are waived (plugin rules: "<plugin>/<rule>").' },
            files: GLOBS,
            statement: { anyOf: [{ type: 'string', minLength: 1 }, { type: 'integer', minimum: 0 }], description: "A statement's Sid, or its 0-based index." },
            path: { type: 'string', description: 'A JSON path such as Statement[0].Resource; covers everything below it.' },
            reason: { type: 'string', minLength: 1, pattern: '\\S', description: 'Why the risk is accepted. Required.' },
            expires: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'Last day the waiver applies (YYYY-MM-DD).' },
            owner: { type: 'string', description: 'Who answers for the waiver.' },
          },
        },
      },
      catalogue: {
        type: 'object',
        additionalProperties: false,
        description: 'Additions to the action catalogue, for every rule that reads it (unknown-action, unknown-condition-key, action-resource-mismatch).',
        properties: {
          actions: {
            type: 'array',
            items: { type: 'string', pattern: '^[A-Za-z0-9_.-]+:[A-Za-z0-9_.*?-]+$' },
            description: 'Actions to accept besides the catalogue\'s: "mysvc:DoThing", or "mysvc:*" for every action of a service.',
          },
          ignoreServices: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'RAM codes (action prefixes) the catalogue rules do not check.' },
        },
      },
    },
  };
}
