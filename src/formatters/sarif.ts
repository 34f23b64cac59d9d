/**
 * SARIF 2.1.0 for GitHub code scanning (and any other SARIF consumer).
 *
 * One run; `tool.driver.rules` describes every loaded rule, the core
 * diagnostics and any other id that appears in the results, sorted by id.
 * Locations are relative to the repository root (`uriBaseId` `%SRCROOT%`),
 * columns are UTF-16 code units, regions 1-based with an exclusive end.
 * Suppressed findings are kept, with a SARIF `suppressions` entry.
 *
 * Mappings:
 * - level: error → `error`, warning → `warning`, info → `note`.
 * - security-severity (security-category rules only, from the rule's default
 *   severity): error → "8.0" (GitHub: high), warning → "5.0" (medium),
 *   info → "2.0" (low).
 * - precision by category: syntax → very-high, correctness → high,
 *   security → high, suggestion → medium.
 * - partialFingerprints["ramlint/v1"] = sha256 hex of ruleId, repo-relative
 *   path, JSON path and fingerprintValue (the message when there is none),
 *   joined with NUL. `primaryLocationLineHash` is added, computed as
 *   github/codeql-action does, when the context carries the file's text.
 */
import { pathToFileURL } from 'node:url';
import { catalogueInfo } from '../engine/catalog/catalogue';
import { CORE_DIAGNOSTICS } from '../engine/core-diagnostics';
import { SourceText } from '../engine/source';
import type { Category, LintMessage, LintResult, Severity, Suppression, TextEdit } from '../engine/types';
import { lineHashes } from './line-hash';
import { repoPath } from '../paths';
import { meansNotChecked, ruleInfo, type RuleInfo } from './rule-info';
import type { FormatContext, Formatter } from './types';

/** node:crypto is required on first use: a plain lint does not load it. */
const createHash = (algorithm: string) => (require('node:crypto') as typeof import('node:crypto')).createHash(algorithm);

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
const CATALOGUE_URI = 'https://github.com/ramlint/ramlint/blob/main/docs/catalogue.md';
export const INFORMATION_URI = 'https://github.com/ramlint/ramlint';
export const FINGERPRINT_KEY = 'ramlint/v1';
const SRCROOT = '%SRCROOT%';

type Level = 'error' | 'warning' | 'note';
type Json = Record<string, unknown>;

export const SARIF_LEVEL: Readonly<Record<Severity, Level>> = { error: 'error', warning: 'warning', info: 'note' };
export const SECURITY_SEVERITY: Readonly<Record<Severity, string>> = { error: '8.0', warning: '5.0', info: '2.0' };
const PRECISION: Readonly<Record<Category, string>> = { syntax: 'very-high', correctness: 'high', security: 'high', suggestion: 'medium' };
const PROBLEM_SEVERITY: Readonly<Record<Severity, string>> = { error: 'error', warning: 'warning', info: 'recommendation' };
const SUPPRESSION_KIND: Readonly<Record<Suppression['kind'], 'inSource' | 'external'>> = { directive: 'inSource', waiver: 'external', baseline: 'external' };

/** GitHub: `shortDescription`/`fullDescription` at most 1024 characters, `name` at most 255. */
function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w.length > 0)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}

/** Percent-encodes each path segment: spaces, `#`, `?`, `%` and non-ASCII are safe in a URI reference. */
function encodePath(p: string): string {
  return p.split('/').map(encodeURIComponent).join('/');
}

function sha256(parts: readonly string[]): string {
  return createHash('sha256').update(parts.join('\0'), 'utf8').digest('hex');
}

/** The `ramlint/v1` fingerprint: stable across line moves, unique per rule, file, JSON path and value. */
export function sarifFingerprint(ruleId: string, relPath: string, m: Pick<LintMessage, 'path' | 'fingerprintValue' | 'message' | 'document'>): string {
  // Two policies in one host file may have a finding at the same path; the document tells them apart.
  const where = m.document === undefined ? [m.path] : [m.document, m.path];
  return sha256([ruleId, relPath, ...where, m.fingerprintValue ?? m.message]);
}

function fullDescription(info: RuleInfo): string {
  const parts = [info.description];
  if (info.origin === 'core') {
    parts.push(meansNotChecked(info.id) ? 'Built into ramlint and cannot be turned off: the file was not (fully) checked.' : 'Built into ramlint.');
  }
  if (info.kinds && info.kinds.length > 0) parts.push(`Applies to ${info.kinds.join(', ')} policies.`);
  if (info.fixable) parts.push('A safe automatic fix is available (ramlint --fix).');
  return parts.join(' ');
}

function reportingDescriptor(info: RuleInfo): Json {
  const full = fullDescription(info);
  const text = info.helpUri ? `${full}\n\nDocumentation: ${info.helpUri}` : full;
  const markdown = `**${info.id}** (${info.category}): ${full}${info.helpUri ? `\n\n[Rule documentation](${info.helpUri})` : ''}`;
  const properties: Json = {
    tags: [info.category],
    precision: PRECISION[info.category],
    'problem.severity': PROBLEM_SEVERITY[info.defaultSeverity],
  };
  if (info.category === 'security') properties['security-severity'] = SECURITY_SEVERITY[info.defaultSeverity];
  const descriptor: Json = {
    id: info.id,
    name: clip(pascalCase(info.id) || info.id, 255),
    shortDescription: { text: clip(info.description, 1024) },
    fullDescription: { text: clip(full, 1024) },
    help: { text, markdown },
  };
  if (info.helpUri) descriptor.helpUri = info.helpUri;
  descriptor.defaultConfiguration = { level: SARIF_LEVEL[info.defaultSeverity] };
  descriptor.properties = properties;
  return descriptor;
}

function region(m: LintMessage): Json {
  const startLine = Math.max(1, m.line);
  const startColumn = Math.max(1, m.column);
  const endLine = Math.max(startLine, m.endLine);
  const endColumn = endLine === startLine ? Math.max(startColumn, m.endColumn) : Math.max(1, m.endColumn);
  return { startLine, startColumn, endLine, endColumn };
}

interface FileInfo {
  relPath: string;
  artifactLocation: Json;
  source: SourceText | undefined;
  hashes: string[] | undefined;
}

const BOM = '\uFEFF';

function fileInfo(result: LintResult, context: FormatContext, root: string): FileInfo {
  const where = repoPath(result.filePath, root);
  const artifactLocation: Json = where.relative ? { uri: encodePath(where.path), uriBaseId: SRCROOT } : { uri: pathToFileURL(result.filePath).href };
  const text = context.sources?.get(result.filePath);
  const hasFindings = result.messages.length + result.suppressedMessages.length > 0;
  return {
    relPath: where.path,
    artifactLocation,
    source: text !== undefined && hasFindings ? new SourceText(text.startsWith(BOM) ? text.slice(1) : text) : undefined,
    hashes: text !== undefined && hasFindings ? lineHashes(text) : undefined,
  };
}

/** The API gives each edit its range; text alone is counted after a byte-order mark, as the engine counts. */
function editRegion(source: SourceText | undefined, edit: TextEdit): Json {
  if (edit.range) return { startLine: edit.range.line, startColumn: edit.range.column, endLine: edit.range.endLine, endColumn: edit.range.endColumn };
  if (!source) return {};
  const start = source.position(edit.offset);
  const end = source.position(edit.offset + edit.length);
  return { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column };
}

function sarifFix(file: FileInfo, source: SourceText | undefined, description: string, edits: readonly TextEdit[], safe: boolean): Json {
  return {
    description: { text: description },
    artifactChanges: [
      {
        artifactLocation: file.artifactLocation,
        replacements: edits.map((e) => ({ deletedRegion: editRegion(source, e), insertedContent: { text: e.text } })),
      },
    ],
    properties: { safe },
  };
}

function sarifResult(m: LintMessage, file: FileInfo, ruleIndex: number, info: RuleInfo): Json {
  const physicalLocation: Json = { artifactLocation: file.artifactLocation, region: region(m) };
  const location: Json = { physicalLocation };
  const logical: Json[] = [];
  if (m.document !== undefined) logical.push({ fullyQualifiedName: m.document, kind: 'resource' });
  // A host resource's path starts with its label (`alicloud_oss_bucket.site.acl`): it is the qualified name already.
  if (m.path !== '') logical.push({ fullyQualifiedName: m.document === undefined || m.path.startsWith(`${m.document}.`) ? m.path : `${m.document}:${m.path}`, kind: 'value' });
  if (logical.length > 0) location.logicalLocations = logical;
  const partialFingerprints: Record<string, string> = {};
  const lineHash = file.hashes?.[(physicalLocation.region as { startLine: number }).startLine - 1];
  if (lineHash !== undefined) partialFingerprints.primaryLocationLineHash = lineHash;
  partialFingerprints[FINGERPRINT_KEY] = sarifFingerprint(m.ruleId, file.relPath, m);

  const out: Json = {
    ruleId: m.ruleId,
    ruleIndex,
    level: SARIF_LEVEL[m.severity],
    message: { text: m.message.trim() === '' ? info.description : m.message },
    locations: [location],
    partialFingerprints,
  };
  const fixes: Json[] = [];
  const placeable = (edits: readonly TextEdit[]) => edits.length > 0 && (file.source !== undefined || edits.every((e) => e.range !== undefined));
  if (m.fix && placeable(m.fix)) fixes.push(sarifFix(file, file.source, 'Apply the safe fix (what `ramlint --fix` does).', m.fix, true));
  for (const s of m.suggestions ?? []) {
    if (placeable(s.edits)) fixes.push(sarifFix(file, file.source, `Suggestion (changes who can do what; review before applying): ${s.desc}`, s.edits, false));
  }
  if (fixes.length > 0) out.fixes = fixes;
  if (m.suppressed) {
    const suppression: Json = { kind: SUPPRESSION_KIND[m.suppressed.kind], justification: m.suppressed.reason };
    const props: Json = { ramlintKind: m.suppressed.kind };
    if (m.suppressed.source !== undefined) props.source = m.suppressed.source;
    suppression.properties = props;
    out.suppressions = [suppression];
  }
  out.properties = { category: m.category, jsonPath: m.path };
  return out;
}

export const sarif: Formatter = (results, context) => {
  const root = context.repoRoot ?? context.cwd;

  // Every loaded rule, every core diagnostic, and any other id the results name.
  const infos = new Map<string, RuleInfo>();
  for (const id of context.rules.keys()) infos.set(id, ruleInfo(id, context.rules));
  for (const d of CORE_DIAGNOSTICS) if (!infos.has(d.id)) infos.set(d.id, ruleInfo(d.id, context.rules));
  for (const r of results) {
    for (const m of [...r.messages, ...r.suppressedMessages]) {
      if (!infos.has(m.ruleId)) infos.set(m.ruleId, ruleInfo(m.ruleId, context.rules, m));
    }
  }
  const ids = [...infos.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const ruleIndex = new Map(ids.map((id, i) => [id, i]));

  const sarifResults: Json[] = [];
  for (const r of results) {
    if (r.messages.length + r.suppressedMessages.length === 0) continue;
    const file = fileInfo(r, context, root);
    for (const m of [...r.messages, ...r.suppressedMessages]) {
      sarifResults.push(sarifResult(m, file, ruleIndex.get(m.ruleId) as number, infos.get(m.ruleId) as RuleInfo));
    }
  }

  const rootUri = pathToFileURL(root).href;
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'ramlint',
            semanticVersion: context.version,
            informationUri: INFORMATION_URI,
            rules: ids.map((id) => reportingDescriptor(infos.get(id) as RuleInfo)),
          },
          // The action catalogue the catalogue rules judged against: which snapshot of Alibaba's metadata.
          extensions: [{ name: 'ramlint-action-catalogue', version: catalogueInfo.date, informationUri: CATALOGUE_URI, properties: { source: catalogueInfo.source } }],
        },
        // No automationDetails: upload-sarif sets it from its `category` input only when the run has none,
        // so a fixed id here would put every ramlint job of a repository in one category.
        originalUriBaseIds: { [SRCROOT]: { uri: rootUri.endsWith('/') ? rootUri : `${rootUri}/` } },
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
