/**
 * Terraform `.tf` files: the policy attributes of alicloud resources and the
 * alicloud_ram_policy_document data source, read with tree-sitter's HCL
 * grammar (exact UTF-16 positions for every node, heredocs, `<<-`,
 * interpolations and escapes; see next-capabilities §3.4). `.tf.json` files
 * go to the JSON reader in tf-json.ts.
 */
import fs from 'node:fs';
import type { Node, Parser } from 'web-tree-sitter';
import { hostFailure, invalidHost, unresolved, withinText, withoutBom } from '../notes';
import type { EmbeddedDocument, HostNote, ProcessOutput, Processor } from '../types';
import { attributesOf, blocksOf, type HclBlock, policyDocumentDataSource } from './hcl-blocks';
import { policyFromExpression, type ValueResult } from './hcl-values';
import { POLICY_ATTRIBUTES, POLICY_DOCUMENT_DATA_SOURCE } from './policy-attributes';
import { processTerraformJson } from './tf-json';

let parserPromise: Promise<Parser> | undefined;

/** Loads the wasm runtime and grammar once, on first use; later calls share the promise. */
function loadParser(): Promise<Parser> {
  parserPromise ??= (async () => {
    // Required here, not at the top: a process that never reads a .tf file never loads the wasm.
    const treeSitter = require('web-tree-sitter') as typeof import('web-tree-sitter');
    // Read as bytes here: the library's own loader uses a dynamic import(), which some hosts (Jest's vm) refuse.
    const runtime = fs.readFileSync(require.resolve('web-tree-sitter/web-tree-sitter.wasm'));
    await treeSitter.Parser.init({ wasmBinary: runtime });
    const language = await treeSitter.Language.load(fs.readFileSync(require.resolve('@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm')));
    const parser = new treeSitter.Parser();
    parser.setLanguage(language);
    return parser;
  })();
  // A failed load is retried by the next file rather than cached forever.
  parserPromise.catch(() => {
    parserPromise = undefined;
  });
  return parserPromise;
}

export const terraformProcessor: Processor = {
  id: 'terraform',
  extensions: ['.tf', '.tf.json'],
  recognizes(_text, filePath) {
    const lower = filePath.toLowerCase();
    return lower.endsWith('.tf') || lower.endsWith('.tf.json');
  },
  async preprocess(text, filePath) {
    try {
      if (filePath.toLowerCase().endsWith('.tf.json')) return withinText(processTerraformJson(text), text);
      const parser = await loadParser();
      return withinText(processHcl(parser, withoutBom(text)), text);
    } catch (error) {
      return hostFailure(error);
    }
  },
};

function processHcl(parser: Parser, text: string): ProcessOutput {
  const tree = parser.parse(text);
  if (!tree) return { documents: [], notes: [invalidHost('The Terraform file could not be parsed.', 0, 0)] };
  try {
    const documents: EmbeddedDocument[] = [];
    const notes: HostNote[] = [];
    const root = tree.rootNode;
    if (root.hasError) {
      const bad = firstError(root);
      notes.push(invalidHost('This is not valid Terraform (HCL) syntax here; policies in the blocks around it were not checked.', Math.min(bad?.startIndex ?? 0, text.length), bad ? Math.max(0, Math.min(bad.endIndex, text.length) - bad.startIndex) : 0));
    }
    const body = root.namedChildren.find((c) => c.type === 'body');
    const labels = new Set<string>();
    const blocks = blocksOf(body, text);
    const locals = new Locals(text, blocks);
    for (const block of blocks) {
      if (block.node.hasError) continue;
      for (const found of locals.resolve(policiesOfBlock(text, block))) {
        const label = uniqueLabel(labels, found.label);
        if (found.result.type === 'document') {
          const { text: docText, map, encode } = found.result;
          const doc: EmbeddedDocument = { text: docText, label, map };
          if (found.kind) doc.kind = found.kind;
          if (encode) doc.encode = encode;
          documents.push(doc);
        } else if (found.result.type === 'unresolved') {
          notes.push(unresolved(`${label} is ${found.result.why}, so it was not checked; lint the plan (terraform show -json) to check the policy Terraform will apply.`, found.at, label));
        }
      }
    }
    return { documents, notes };
  } finally {
    tree.delete();
  }
}

interface FoundPolicy {
  label: string;
  kind?: EmbeddedDocument['kind'];
  result: ValueResult;
  /** The value's node, for notes. */
  at: Node;
}

/**
 * `policy_document = local.policy_json`, with the local in the same file (a
 * common module layout): the local's own value is linted once, as
 * `local.policy_json`, with the kind of the first attribute that uses it.
 */
class Locals {
  private readonly definitions = new Map<string, Node>();
  private readonly linted = new Set<string>();

  constructor(
    private readonly text: string,
    blocks: readonly HclBlock[],
  ) {
    for (const block of blocks) {
      if (block.type.text !== 'locals' || block.node.hasError) continue;
      for (const [name, attr] of attributesOf(block.body)) if (!this.definitions.has(name)) this.definitions.set(name, attr.expression);
    }
  }

  resolve(found: FoundPolicy[]): FoundPolicy[] {
    return found.flatMap((f) => {
      const name = f.result.type === 'unresolved' ? localName(f.at) : undefined;
      const definition = name === undefined ? undefined : this.definitions.get(name);
      if (name === undefined || !definition) return [f];
      if (this.linted.has(name)) return [];
      this.linted.add(name);
      const result = policyFromExpression(this.text, definition);
      // A local that is itself unknown is noted where the policy attribute uses it.
      if (result.type === 'unresolved') return [{ ...f, result: { type: 'unresolved', why: `local.${name}, which is ${result.why}` } }];
      return [{ label: `local.${name}`, kind: f.kind, result, at: definition }];
    });
  }
}

/** NAME when the expression is exactly `local.NAME`. */
function localName(expression: Node): string | undefined {
  return /^local\.([A-Za-z_][A-Za-z0-9_-]*)$/.exec(expression.text.trim())?.[1];
}

function policiesOfBlock(text: string, block: HclBlock): FoundPolicy[] {
  const [type, name] = block.labels;
  if (type === undefined || name === undefined) return [];
  if (block.type.text === 'data' && type === POLICY_DOCUMENT_DATA_SOURCE) {
    return [{ label: `data.${type}.${name}`, result: policyDocumentDataSource(text, block.body, block.node.startIndex), at: block.node }];
  }
  if (block.type.text !== 'resource') return [];
  const found: FoundPolicy[] = [];
  // The deprecated form of alicloud_ram_policy: statement blocks and version, as in the data source.
  if (type === 'alicloud_ram_policy' && blocksOf(block.body, text).some((b) => b.type.text === 'statement')) {
    found.push({ label: `${type}.${name}.statement`, kind: 'permission', result: policyDocumentDataSource(text, block.body, block.node.startIndex), at: block.node });
  }
  for (const attribute of POLICY_ATTRIBUTES.get(type) ?? []) {
    const [blockName, nestedName] = attribute.name.split('.');
    const places = nestedName === undefined ? [{ path: blockName as string, body: block.body, attr: blockName as string }] : nestedBodies(text, block, blockName as string, nestedName);
    for (const place of places) {
      const attr = attributesOf(place.body).get(place.attr);
      if (!attr) continue;
      found.push({ label: `${type}.${name}.${place.path}`, kind: attribute.kind, result: policyFromExpression(text, attr.expression), at: attr.expression });
    }
  }
  return found;
}

/** Each `blockName { … }` nested in the resource, as `blockName[i].attr`. */
function nestedBodies(text: string, block: HclBlock, blockName: string, attr: string): Array<{ path: string; body: Node | undefined; attr: string }> {
  return blocksOf(block.body, text)
    .filter((b) => b.type.text === blockName)
    .map((b, i) => ({ path: `${blockName}[${i}].${attr}`, body: b.body, attr }));
}

function uniqueLabel(seen: Set<string>, label: string): string {
  let unique = label;
  for (let n = 2; seen.has(unique); n++) unique = `${label} (${n})`;
  seen.add(unique);
  return unique;
}

/** The first ERROR or MISSING node, depth-first; the walk visits each node at most once. */
function firstError(root: Node): Node | undefined {
  const cursor = root.walk();
  try {
    for (;;) {
      const node = cursor.currentNode;
      if (node.isError || node.isMissing) return node;
      if (node.hasError && cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return undefined;
      }
    }
  } finally {
    cursor.delete();
  }
}
