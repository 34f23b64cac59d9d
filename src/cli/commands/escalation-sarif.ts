/**
 * SARIF 2.1.0 for `ramlint escalation`: one result per path, at its first
 * statement, with every statement of the path as a related location, so code
 * scanning shows the whole path however many files it spans.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type EscalationPath, narrowedNote } from '../../evaluation/escalation';
import type { EvalStatement } from '../../evaluation/model';
import { repoPath } from '../../paths';

export const ESCALATION_RULE_ID = 'privilege-escalation-path';

function location(s: EvalStatement, cwd: string, root: string, id?: number) {
  const where = repoPath(path.resolve(cwd, s.origin.filePath), root);
  const artifactLocation = where.relative ? { uri: encodeURI(where.path), uriBaseId: '%SRCROOT%' } : { uri: pathToFileURL(where.path).href };
  return {
    ...(id !== undefined ? { id } : {}),
    physicalLocation: { artifactLocation, region: { startLine: s.origin.line, startColumn: s.origin.column, endLine: s.origin.endLine, endColumn: s.origin.endColumn } },
    message: { text: s.origin.path },
  };
}

export function escalationSarif(paths: readonly EscalationPath[], cwd: string, root: string, version: string): string {
  const results = paths.map((p) => ({
    ruleId: ESCALATION_RULE_ID,
    level: 'error',
    message: { text: `${p.actions.join(' + ')}: the holder can ${p.description}${p.conditional && p.kind !== 'unknown-policy' ? ' (when the conditions hold)' : ''}${narrowedNote(p)}` },
    locations: [location(p.statements[0] as EvalStatement, cwd, root)],
    relatedLocations: p.statements.map((s, i) => location(s, cwd, root, i)),
    properties: { kind: p.kind, ...(p.narrowedTo ? { narrowedTo: p.narrowedTo } : {}) },
  }));
  const log = {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: {
          driver: {
            name: 'ramlint',
            version,
            informationUri: 'https://github.com/ramlint/ramlint',
            rules: [{ id: ESCALATION_RULE_ID, shortDescription: { text: 'A path by which the holder of the policies can give themselves more access' }, helpUri: 'https://github.com/ramlint/ramlint/blob/main/docs/semantics.md' }],
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(`${root}${path.sep}`).href } },
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
