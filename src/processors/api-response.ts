/**
 * RAM API responses as the aliyun CLI prints them: GetPolicyVersion
 * (PolicyVersion.PolicyDocument), GetPolicy (DefaultPolicyVersion.PolicyDocument),
 * GetRole (Role.AssumeRolePolicyDocument), ListPolicyVersions and other lists
 * that carry documents. The documents are JSON strings; positions inside them
 * map back through their escapes (ram-policy-language §9.3).
 */
import { elements, holdsJsonObject, type JsonHostNode, members, parseHostJson, stringDocument } from './json-host';
import { DOCUMENT_FIELDS as DOCUMENT_FIELD_NAMES, jsonShape } from './json-shape';
import { hostFailure, withinText } from './notes';
import { verbatimMap } from './offset-map';
import type { EmbeddedDocument, ProcessOutput, Processor } from './types';

/** Envelopes are shallow; a document found deeper than this is not an API response's. */
const MAX_DEPTH = 8;

const DOCUMENT_FIELDS: ReadonlyMap<string, EmbeddedDocument['kind']> = new Map([
  ['PolicyDocument', undefined],
  ['AssumeRolePolicyDocument', 'trust'],
]);

export const apiResponseProcessor: Processor = {
  id: 'api-response',
  extensions: ['.json'],
  recognizes(text) {
    // includes() first: it turns away most .json files without a scan. Then the structure: an
    // envelope (PolicyVersion, DefaultPolicyVersion, Role, PolicyVersions.PolicyVersion[]) holds
    // a document field as a key; a policy itself has a top-level "Statement", even when one of
    // its condition keys is named "PolicyDocument"; plans and ROS templates have their own keys.
    if (!text.includes('PolicyDocument"') && !text.includes('\\u')) return false;
    const shape = jsonShape(text);
    if (shape === undefined || shape.policy || shape.keys.has('ROSTemplateFormatVersion') || shape.keys.has('format_version')) return false;
    return shape.documentField || [...DOCUMENT_FIELD_NAMES].some((f) => shape.keys.has(f));
  },
  async preprocess(text) {
    try {
      return withinText(processResponse(text), text);
    } catch (error) {
      return hostFailure(error);
    }
  },
};

function processResponse(text: string): ProcessOutput {
  const parsed = parseHostJson(text, 'API response');
  if (!parsed.root) return { documents: [], notes: parsed.notes };
  const documents: EmbeddedDocument[] = [];
  const visit = (node: JsonHostNode, path: string, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    if (node.type === 'array') elements(node).forEach((e, i) => visit(e, `${path}[${i}]`, depth + 1));
    for (const [key, value] of members(node)) {
      const label = path === '' ? key : `${path}.${key}`;
      if (DOCUMENT_FIELDS.has(key) && (holdsJsonObject(value) || value.type === 'object')) {
        documents.push(documentAt(text, value, label, DOCUMENT_FIELDS.get(key)));
      } else visit(value, label, depth + 1);
    }
  };
  visit(parsed.root, '', 0);
  return { documents, notes: [] };
}

/** A document as a JSON string (what the API returns), or as an object (some tools print it parsed). */
function documentAt(host: string, node: JsonHostNode, label: string, kind: EmbeddedDocument['kind']): EmbeddedDocument {
  if (node.type === 'string') return stringDocument(host, node, label, kind);
  const doc: EmbeddedDocument = { text: host.slice(node.offset, node.offset + node.length), label, map: verbatimMap(node.offset, node.length), encode: (r) => r };
  if (kind) doc.kind = kind;
  return doc;
}
