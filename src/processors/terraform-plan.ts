/**
 * Terraform plan JSON (`terraform show -json`): the final policy strings in
 * planned_values (root and child modules) and resource_changes[].change.after,
 * each linted once per resource address, at the escaped string in the plan.
 * A value known only after apply (after_unknown) is an unresolved-value note.
 * A deprecated alias (alicloud_ram_role.document) is read only when its
 * primary attribute has no value, since the provider sets both to one string.
 * Policy attachments and bucket ACLs are reported as host resources, once
 * per address, at their values in the plan.
 * Unknown fields are ignored, as the format asks of its readers.
 */
import { elements, holdsJsonObject, type JsonHostNode, member, parseHostJson, stringDocument } from './json-host';
import { jsonShape } from './json-shape';
import { hostFailure, unresolved, withinText } from './notes';
import type { HostResource, HostValue } from '../engine/types';
import { shownSource, terraformAttributes, terraformResource } from './host-resources';
import { POLICY_ATTRIBUTES, type PolicyAttribute } from './terraform/policy-attributes';
import type { EmbeddedDocument, HostNote, ProcessOutput, Processor } from './types';

/** Deeper module nesting than any real configuration; keeps the walk bounded. */
const MAX_MODULE_DEPTH = 32;

export const terraformPlanProcessor: Processor = {
  id: 'terraform-plan',
  extensions: ['.json'],
  recognizes(text) {
    // The words first (a speed gate: most .json files are turned away without a scan), then the
    // structure: a policy whose condition values say "planned_values" is still a policy.
    const words = text.includes('"format_version"') && (text.includes('"planned_values"') || text.includes('"resource_changes"'));
    if (!words && !text.includes('\\u')) return false;
    const shape = jsonShape(text);
    return shape !== undefined && !shape.policy && shape.keys.has('format_version') && (shape.keys.has('planned_values') || shape.keys.has('resource_changes'));
  },
  async preprocess(text) {
    try {
      return withinText(processPlan(text), text);
    } catch (error) {
      return hostFailure(error);
    }
  },
};

function processPlan(text: string): ProcessOutput {
  const parsed = parseHostJson(text, 'plan file');
  if (!parsed.root) return { documents: [], notes: parsed.notes };
  const documents: EmbeddedDocument[] = [];
  const notes: HostNote[] = [];
  const seen = new Set<string>();
  const consider = (address: string, option: AttributeValue & { kind: PolicyAttribute['kind'] }, seenAs: string): void => {
    const label = `${address}.${option.path}`;
    if (seen.has(seenAs)) return;
    if (option.value && holdsJsonObject(option.value)) {
      seen.add(seenAs);
      documents.push(stringDocument(text, option.value, label, option.kind));
    } else if (option.unknownFlag) {
      seen.add(seenAs);
      notes.push(unresolved(`${label} is known only after apply, so it was not checked; ramlint checks it once the values it depends on exist (lint the configuration, or a later plan).`, option.unknownFlag, label, option.kind));
    }
  };
  const take = (address: string, type: string, values: JsonHostNode | undefined, unknown: JsonHostNode | undefined): void => {
    const attributes = POLICY_ATTRIBUTES.get(type) ?? [];
    for (const attribute of attributes) {
      if (attribute.aliasOf) continue;
      const aliases = attributes.filter((a) => a.aliasOf === attribute.name);
      const options = [attribute, ...aliases].flatMap((a) => attributeValues(values, unknown, a).map((v) => ({ ...v, kind: a.kind })));
      if (aliases.length === 0) {
        for (const option of options) consider(address, option, `${address}.${option.path}`);
        continue;
      }
      // The provider's Read copies one string into the primary and its aliases: one policy, read
      // where it has a value (the primary first); otherwise noted once where it is unknown.
      const pick = options.find((o) => o.value !== undefined && o.value.type !== 'null') ?? options.find((o) => o.unknownFlag);
      if (pick) consider(address, pick, `${address}.${attribute.name}`);
    }
  };
  // Policy attachments and bucket ACLs, once per address: planned_values first; resource_changes
  // for a resource planned_values holds no fact for (its policy name known only after apply).
  const resources: HostResource[] = [];
  const withResource = new Set<string>();
  const takeResource = (address: string, type: string, values: JsonHostNode | undefined, unknown: JsonHostNode | undefined): void => {
    const wanted = terraformAttributes(type);
    if (wanted.length === 0 || withResource.has(address)) return;
    const found = new Map<string, HostValue>();
    for (const attribute of wanted) {
      const node = member(values, attribute);
      const flag = member(unknown, attribute);
      if (node && node.type !== 'null') found.set(attribute, { value: node.type === 'string' || node.type === 'boolean' ? String(node.value) : undefined, source: shownSource(text.slice(node.offset, node.offset + node.length)), path: attribute, offset: node.offset, length: node.length });
      else if (flag?.type === 'boolean' && flag.value === true) found.set(attribute, { value: undefined, source: 'a value known only after apply', path: attribute, offset: flag.offset, length: flag.length });
    }
    const resource = terraformResource(type, address, found);
    if (!resource) return;
    withResource.add(address);
    resources.push(resource);
  };
  const walkModule = (module: JsonHostNode | undefined, depth: number): void => {
    if (!module || depth > MAX_MODULE_DEPTH) return;
    for (const resource of elements(member(module, 'resources'))) {
      if (member(resource, 'mode')?.value === 'data') continue;
      const address = member(resource, 'address')?.value;
      const type = member(resource, 'type')?.value;
      if (typeof address === 'string' && typeof type === 'string') {
        take(address, type, member(resource, 'values'), undefined);
        takeResource(address, type, member(resource, 'values'), undefined);
      }
    }
    for (const child of elements(member(module, 'child_modules'))) walkModule(child, depth + 1);
  };
  walkModule(member(member(parsed.root, 'planned_values'), 'root_module'), 0);
  for (const change of elements(member(parsed.root, 'resource_changes'))) {
    if (member(change, 'mode')?.value === 'data') continue;
    const address = member(change, 'address')?.value;
    const type = member(change, 'type')?.value;
    const body = member(change, 'change');
    if (typeof address === 'string' && typeof type === 'string') {
      take(address, type, member(body, 'after'), member(body, 'after_unknown'));
      takeResource(address, type, member(body, 'after'), member(body, 'after_unknown'));
    }
  }
  return resources.length > 0 ? { documents, notes, resources } : { documents, notes };
}

interface AttributeValue {
  path: string;
  value: JsonHostNode | undefined;
  /** The `true` in after_unknown that says the value is not known yet. */
  unknownFlag: JsonHostNode | undefined;
}

function attributeValues(values: JsonHostNode | undefined, unknown: JsonHostNode | undefined, attribute: PolicyAttribute): AttributeValue[] {
  const [first, nested] = attribute.name.split('.') as [string, string | undefined];
  const flag = (node: JsonHostNode | undefined): JsonHostNode | undefined => (node?.type === 'boolean' && node.value === true ? node : undefined);
  if (nested === undefined) return [{ path: first, value: member(values, first), unknownFlag: flag(member(unknown, first)) }];
  const blocks = elements(member(values, first));
  const unknownBlocks = elements(member(unknown, first));
  const count = Math.max(blocks.length, unknownBlocks.length);
  const out: AttributeValue[] = [];
  for (let i = 0; i < count; i++) out.push({ path: `${first}[${i}].${nested}`, value: member(blocks[i], nested), unknownFlag: flag(member(unknownBlocks[i], nested)) });
  return out;
}
