/**
 * Paths on the command line → policy documents for evaluation, read the way
 * the linter reads them (src/api: the same walk, the same decoding) and
 * unpacked by the same processors, so Terraform, plan JSON, ROS templates and
 * API responses are evaluated too, with positions in the host file.
 */
import { nodeFileSystem } from '../../api/node-fs';
import { readPolicyFile } from '../../api/read';
import { expandPaths } from '../../api/targets';
import { looksLikePolicy } from '../../engine/detect';
import { builtinProcessors, claimFile } from '../../processors';
import type { HostNote } from '../../processors/types';
import { documentInHost } from '../../processors/map-back';
import { terminalSafe } from '../../formatters/terminal';
import { displayPath } from '../../paths';
import type { LoadedPolicies, PolicyDocument } from '../../evaluation/documents';
import { UsageError } from '../errors';

export interface ReadDocuments {
  documents: PolicyDocument[];
  /** What the processors said about host files they could not fully read, for stderr. */
  notes: string[];
  /**
   * Files that could not be read at all (unreadable, too large, a host file its
   * processor cannot parse), each "<file>: <why>". They are never taken as
   * granting or denying nothing: the commands stop with exit 2 (see `unusableInputs`).
   */
  errors: string[];
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
  const out: ReadDocuments = { documents: [], notes: [], errors: [] };
  for (const target of expansion.targets) {
    const read = await readPolicyFile(nodeFileSystem, target.path, target.regular);
    const filePath = displayPath(target.path, cwd);
    if (!read.ok) {
      out.errors.push(`${filePath}: ${read.result.messages[0]?.message ?? 'cannot read the file'}`);
      continue;
    }
    merge(out, await documentsOfFile(filePath, read.text, target.explicit || target.byGlob));
  }
  return out;
}

/** Loops, not push(...): a host file may hold more documents than a call takes arguments. */
export function merge(into: ReadDocuments, from: ReadDocuments): void {
  for (const d of from.documents) into.documents.push(d);
  for (const n of from.notes) into.notes.push(n);
  for (const e of from.errors) into.errors.push(e);
}

/**
 * Everything that kept a file or a document from being evaluated: the read
 * errors, and the documents that are not valid JSON or not a policy. A policy
 * that cannot be read must not count as granting nothing (a truncated Deny would
 * lift silently, a truncated Allow * would pass a gate), so each command prints
 * these (escaped: file names come from the tree) and exits 2.
 */
export function unusableInputs(read: Pick<ReadDocuments, 'errors'>, loaded: Pick<LoadedPolicies, 'problems'>[] = [], where = ''): string[] {
  return [...read.errors.map((e) => `${e}${where}`), ...loaded.flatMap((l) => l.problems.filter((p) => p.unevaluated).map((p) => `${p.filePath}${p.label ? ` (${p.label})` : ''}${where}: ${p.message}`))];
}

/** Prints the unusable inputs for `command` and gives exit code 2, or undefined when there are none. */
export function stopOnUnusable(command: string, unusable: readonly string[], stderr: (text: string) => void): number | undefined {
  if (unusable.length === 0) return undefined;
  for (const u of unusable) stderr(`ramlint ${command}: ${terminalSafe(u)}\n`);
  const [files, it] = unusable.length === 1 ? ['an input that cannot be read or parsed', 'it'] : [`${unusable.length} inputs that cannot be read or parsed`, 'them'];
  stderr(`ramlint ${command}: no answer, because of ${files} (exit 2): fix or remove ${it}, or leave ${it} out of the paths\n`);
  return 2;
}

/** A note for stderr: file names and processor messages come from the tree, so they are escaped. */
export const safeNote = (command: string, note: string) => `ramlint ${command}: ${terminalSafe(note)}\n`;

/**
 * The policy documents of one file's text: a host file's through its
 * processor, else the file itself. A walk passes over .json files that are no
 * policy at all, and tells them apart as the linter does (looksLikePolicy,
 * which decodes keys, so `"\u0053tatement"` is a Statement here too, and takes
 * a misspelt "Statment" or a broken file for a policy); a file named
 * explicitly is always kept.
 */
export async function documentsOfFile(filePath: string, text: string, named: boolean): Promise<ReadDocuments> {
  const claim = claimFile(builtinProcessors, text, filePath);
  // A processor would have claimed it, but it is a policy itself (a top-level "Statement"): evaluated as one.
  if (claim === 'policy') return { documents: [{ filePath, text }], notes: [], errors: [] };
  const processor = claim;
  if (!processor) {
    const isPolicyFile = /\.jsonc?$/i.test(filePath) && (named || looksLikePolicy(text));
    return { documents: isPolicyFile ? [{ filePath, text }] : [], notes: [], errors: [] };
  }
  let output;
  try {
    output = await processor.preprocess(text, filePath);
  } catch (error) {
    return { documents: [], notes: [], errors: [`${filePath}: the ${processor.id} processor failed, so the file was not evaluated: ${(error as Error)?.message ?? String(error)}`] };
  }
  const say = (n: HostNote) => `${filePath}${n.label ? ` (${n.label})` : ''}: ${n.message}`;
  // A policy the host computes whole (an unresolved-value note about one document) is not nothing: it is a
  // document whose content is unknown, which the commands evaluate as such (loadDocuments says so).
  const computedWhole = (n: HostNote) => n.ruleId === 'unresolved-value' && n.label !== undefined;
  return {
    documents: [
      ...output.documents.map((doc) => ({
        filePath,
        text: doc.text,
        label: doc.label,
        kind: doc.kind,
        allowComments: doc.allowComments ?? false,
        hostText: text,
        offsetToHost: (offset: number, side: 'start' | 'end') => doc.map.toHost(offset, side),
        generatedAt: documentInHost(text, doc, processor.id).generatedAt,
      })),
      ...output.notes.filter(computedWhole).map((n) => ({
        filePath,
        // The host's text for the value: the same expression on both sides of a diff is the same policy.
        text: text.slice(n.offset, n.offset + n.length),
        label: n.label,
        kind: n.kind,
        hostText: text,
        computed: { message: n.message, offset: n.offset, length: n.length },
      })),
    ],
    // A host file its processor cannot parse may hide policies: an error, not a note.
    notes: output.notes.filter((n) => n.ruleId !== 'invalid-host-file' && !computedWhole(n)).map(say),
    errors: output.notes.filter((n) => n.ruleId === 'invalid-host-file').map(say),
  };
}
