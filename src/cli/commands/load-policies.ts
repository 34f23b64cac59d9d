/**
 * Paths on the command line → policy documents for evaluation. Reads .json
 * and .jsonc files (directories walked as the linter walks them). Host formats
 * arrive when this switches to the file-level API; the documents' shape stays.
 */
import { UsageError } from '../errors';
import { readPolicyFile } from '../read';
import { expandPaths } from '../targets';
import { displayPath } from '../../paths';
import type { PolicyDocument } from '../../evaluation/documents';

export function readPolicyDocuments(paths: readonly string[], cwd: string): PolicyDocument[] {
  const expansion = expandPaths(paths, cwd);
  if (expansion.missing.length > 0) throw new UsageError(`no such file or directory: ${expansion.missing.join(', ')}`);
  if (expansion.unmatched.length > 0) throw new UsageError(`no files match: ${expansion.unmatched.join(', ')}`);
  const documents: PolicyDocument[] = [];
  for (const target of expansion.targets) {
    const read = readPolicyFile(target.path, target.regular);
    const filePath = displayPath(target.path, cwd);
    if (!read.ok) throw new UsageError(`${filePath}: ${read.result.messages[0]?.message ?? 'cannot read the file'}`);
    // A directory walk offers every .json file; like the linter, pass over those that are no policy at all.
    if (!target.explicit && !read.text.includes('"Statement"')) continue;
    documents.push({ filePath, text: read.text });
  }
  return documents;
}
