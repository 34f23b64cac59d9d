/**
 * Terraform's JSON syntax (`.tf.json`): `{"resource": {type: {name: {attr: value}}}}`.
 * Policy attributes are JSON strings holding the policy text, mapped back
 * through their escapes; `${...}` stays in the text as one unknown value.
 */
import { elements, holdsJsonObject, type JsonHostNode, member, members, parseHostJson, stringDocument } from '../json-host';
import { unresolved } from '../notes';
import type { EmbeddedDocument, HostNote, ProcessOutput } from '../types';
import { POLICY_ATTRIBUTES } from './policy-attributes';

export function processTerraformJson(text: string): ProcessOutput {
  const parsed = parseHostJson(text, 'Terraform JSON file');
  if (!parsed.root) return { documents: [], notes: parsed.notes };
  const documents: EmbeddedDocument[] = [];
  const notes: HostNote[] = [];
  for (const [type, byName] of members(member(parsed.root, 'resource'))) {
    const attributes = POLICY_ATTRIBUTES.get(type);
    if (!attributes) continue;
    for (const [name, bodyOrList] of members(byName)) {
      const bodies = bodyOrList.type === 'array' ? elements(bodyOrList) : [bodyOrList];
      bodies.forEach((body, i) => {
        const address = bodies.length > 1 ? `${type}.${name}[${i}]` : `${type}.${name}`;
        for (const attribute of attributes) {
          // Terraform refuses an alias set with its primary; the primary is the one read.
          const primary = attribute.aliasOf === undefined ? undefined : member(body, attribute.aliasOf);
          if (primary && primary.type !== 'null') continue;
          for (const { path, value } of attributeValues(body, attribute.name)) {
            const label = `${address}.${path}`;
            if (holdsJsonObject(value)) documents.push(stringDocument(text, value, label, attribute.kind));
            else if (value.type === 'string' && !/^\s*\$\{\s*(file|templatefile)\(|^\s*\$\{\s*data\.alicloud_ram_policy_document\./.test(String(value.value))) {
              notes.push(unresolved(`${label} is an expression Terraform evaluates when it plans, so it was not checked; lint the plan (terraform show -json) to check the policy Terraform will apply.`, value, label));
            }
          }
        }
      });
    }
  }
  return { documents, notes };
}

/** `attr`, or `block.attr` inside each nested block (an object or a list of objects). */
function attributeValues(body: JsonHostNode, name: string): Array<{ path: string; value: JsonHostNode }> {
  const [first, nested] = name.split('.') as [string, string | undefined];
  const value = member(body, first);
  if (!value) return [];
  if (nested === undefined) return [{ path: first, value }];
  const blocks = value.type === 'array' ? elements(value) : [value];
  return blocks.flatMap((b, i) => {
    const v = member(b, nested);
    return v ? [{ path: `${first}[${i}].${nested}`, value: v }] : [];
  });
}
