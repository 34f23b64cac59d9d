/**
 * Terraform `.tf` files: the policies hcl-policies.ts finds (policy
 * attributes of alicloud resources and what they refer to in the file, the
 * alicloud_ram_policy_document data source, literal policies in module
 * arguments, locals and variable defaults) and the host resources
 * hcl-resources.ts finds (policy attachments, bucket ACLs), read with tree-sitter's HCL
 * grammar (exact UTF-16 positions for every node, heredocs, `<<-`,
 * interpolations and escapes; see next-capabilities §3.4). `.tf.json` files
 * go to the JSON reader in tf-json.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Node, Parser } from 'web-tree-sitter';
import { hostFailure, invalidHost, unresolved, withinText, withoutBom } from '../notes';
import type { EmbeddedDocument, HostNote, ProcessOutput, Processor } from '../types';
import { blocksOf } from './hcl-blocks';
import { hclComments } from './hcl-comments';
import { findPolicies } from './hcl-policies';
import { hclResources } from './hcl-resources';
import { processTerraformJson } from './tf-json';

let parserPromise: Promise<Parser> | undefined;

/** Loads the wasm runtime and grammar once, on first use; later calls share the promise. */
function loadParser(): Promise<Parser> {
  parserPromise ??= (async () => {
    // Required here, not at the top: a process that never reads a .tf file never loads the wasm.
    const treeSitter = require('web-tree-sitter') as typeof import('web-tree-sitter');
    // Read as bytes here: the library's own loader uses a dynamic import(), which some hosts (Jest's vm) refuse.
    const runtime = fs.readFileSync(wasmFile('web-tree-sitter/web-tree-sitter.wasm'));
    await treeSitter.Parser.init({ wasmBinary: runtime });
    const language = await treeSitter.Language.load(fs.readFileSync(wasmFile('@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm')));
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

/**
 * A wasm file of a package: the copy beside this code when a bundle ships one
 * (the VS Code extension's out/, which has no node_modules), else the
 * package's own. Beside first, so a bundle never loads another version's wasm
 * from a node_modules above it.
 */
function wasmFile(specifier: string): string {
  const beside = path.join(__dirname, path.basename(specifier));
  return fs.existsSync(beside) ? beside : require.resolve(specifier);
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
    for (const found of findPolicies(text, blocks)) {
      const label = uniqueLabel(labels, found.label);
      if (found.result.type === 'document') {
        const { text: docText, map, encode } = found.result;
        const doc: EmbeddedDocument = { text: docText, label, map };
        if (found.kind) doc.kind = found.kind;
        if (encode) doc.encode = encode;
        documents.push(doc);
      } else if (found.result.type === 'unresolved') {
        notes.push(unresolved(`${label} is ${found.result.why}, so it was not checked; lint the plan (terraform show -json) to check the policy Terraform will apply.`, found.at, label, found.kind));
      }
    }
    const resources = hclResources(text, blocks);
    const out: ProcessOutput = resources.length > 0 ? { documents, notes, resources } : { documents, notes };
    const comments = hclComments(root, text);
    if (comments) out.comments = comments;
    return out;
  } finally {
    tree.delete();
  }
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
