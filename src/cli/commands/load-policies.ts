/**
 * Paths on the command line → policy documents for evaluation, read the way
 * the linter reads them (src/api: the same walk, the same decoding) and
 * unpacked by the same processors, so Terraform, plan JSON, ROS templates and
 * API responses are evaluated too, with positions in the host file.
 */
import { nodeFileSystem } from '../../api/node-fs';
import { readPolicyFile } from '../../api/read';
import { expandPaths } from '../../api/targets';
import { builtinProcessors } from '../../processors';
import type { Processor } from '../../processors/types';
import { displayPath } from '../../paths';
import type { PolicyDocument } from '../../evaluation/documents';
import { UsageError } from '../errors';

export interface ReadDocuments {
  documents: PolicyDocument[];
  /** What the processors said about host files they could not fully read, for stderr. */
  notes: string[];
}

const EXTENSIONS = [...new Set(['.json', '.jsonc', ...builtinProcessors.flatMap((p) => p.extensions)])];

/** Does a file with this name end in a way some reader claims? */
export function isCandidate(filePath: string): boolean {
  const lower = filePath.toLowerCase();
  return EXTENSIONS.some((e) => lower.endsWith(e));
}

export async function readPolicyDocuments(paths: readonly string[], cwd: string): Promise<ReadDocuments> {
  const expansion = await expandPaths(paths, cwd, nodeFileSystem, EXTENSIONS);
  if (expansion.missing.length > 0) throw new UsageError(`no such file or directory: ${expansion.missing.join(', ')}`);
  if (expansion.unmatched.length > 0) throw new UsageError(`no files match: ${expansion.unmatched.join(', ')}`);
  const out: ReadDocuments = { documents: [], notes: [] };
  for (const target of expansion.targets) {
    const read = await readPolicyFile(nodeFileSystem, target.path, target.regular);
    const filePath = displayPath(target.path, cwd);
    if (!read.ok) throw new UsageError(`${filePath}: ${read.result.messages[0]?.message ?? 'cannot read the file'}`);
    const found = await documentsOfFile(filePath, read.text, target.explicit || target.byGlob);
    out.documents.push(...found.documents);
    out.notes.push(...found.notes);
  }
  return out;
}

/**
 * The policy documents of one file's text: a host file's through its
 * processor, else the file itself. A walk passes over .json files that are no
 * policy at all, as the linter does; a file named explicitly is always kept.
 */
export async function documentsOfFile(filePath: string, text: string, named: boolean): Promise<ReadDocuments> {
  const processor = processorFor(text, filePath);
  if (!processor) {
    const isPolicyFile = /\.jsonc?$/i.test(filePath) && (named || text.includes('"Statement"'));
    return { documents: isPolicyFile ? [{ filePath, text }] : [], notes: [] };
  }
  let output;
  try {
    output = await processor.preprocess(text, filePath);
  } catch (error) {
    return { documents: [], notes: [`${filePath}: the ${processor.id} processor failed, so the file was not evaluated: ${(error as Error)?.message ?? String(error)}`] };
  }
  return {
    documents: output.documents.map((doc) => ({
      filePath,
      text: doc.text,
      label: doc.label,
      kind: doc.kind,
      allowComments: doc.allowComments ?? false,
      hostText: text,
      offsetToHost: (offset: number, side: 'start' | 'end') => doc.map.toHost(offset, side),
    })),
    notes: output.notes.map((n) => `${filePath}${n.label ? ` (${n.label})` : ''}: ${n.message}`),
  };
}

function processorFor(text: string, filePath: string): Processor | undefined {
  const lower = filePath.toLowerCase();
  for (const p of builtinProcessors) {
    if (!p.extensions.some((e) => lower.endsWith(e))) continue;
    try {
      if (p.recognizes(text, filePath)) return p;
    } catch {
      // A processor that cannot tell is taken as not recognising the file.
    }
  }
  return undefined;
}
