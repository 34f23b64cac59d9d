/**
 * One file, from text to result in the file's coordinates: pick a processor
 * (by file name ending, then by `recognizes`; never for a JSON object with a
 * top-level "Statement", which is a policy), lint every document it finds
 * with the engine, map the findings back, judge the host resources it reports
 * (attachments, bucket ACLs) with the rules over them, and, when asked, fix. A bare
 * .json/.jsonc policy is its own single document. Never throws.
 */
import { parseTree, type ParseError } from 'jsonc-parser';
import { CORE_DIAGNOSTICS, NOT_A_RAM_POLICY, UNRESOLVED_VALUE_IDS } from '../engine/core-diagnostics';
import { looksLikePolicyParsed, mayLookLikePolicy } from '../engine/detect';
import { checkNestingDepth, parseJson, type ParsedJson } from '../engine/parse';
import { applyEdits } from '../engine/edits';
import { chooseEdits, MAX_FIX_PASSES } from '../engine/fix';
import { BOM, lintText, summarize, type LintOptions } from '../engine/linter';
import { hostDirectiveMessages, readHostDirectives } from '../engine/host-directives';
import { lintResources } from '../engine/resource-linter';
import { SourceText } from '../engine/source';
import type { LintMessage, PolicyKind, TextEdit } from '../engine/types';
import { claimFile } from '../processors/claim';
import { documentInHost, mapMessagesToHost } from '../processors/map-back';
import type { HostNote, Processor } from '../processors/types';
import { fileMessage } from './results';
import type { FileLintResult } from './types';

/** What the engine needs for every document of the file, from the file's config. */
export interface FileSettings extends Omit<LintOptions, 'filePath' | 'allowComments' | 'kind' | 'host'> {
  /** --kind or the configured kind: overrides detection, not a kind the host states. */
  kind?: PolicyKind;
  /** The processors that may claim this file. */
  processors: readonly Processor[];
  fix: false | ((message: LintMessage) => boolean);
  /** Named by the user (a path, not a walk): linted even if it does not look like a policy. */
  explicit: boolean;
  /** Pass over named files that are not policies, as a walk does (--policies-only). */
  policiesOnly: boolean;
  /** Matched by a glob: a policy whatever the file name's ending. */
  byGlob?: boolean;
}

/** undefined: not a file ramlint lints (a walk's package.json), passed over quietly. */
export async function lintFileText(filePath: string, text: string, settings: FileSettings): Promise<FileLintResult | undefined> {
  const bom = text.startsWith(BOM);
  // Positions are counted after a byte-order mark, as editors count them.
  const host = bom ? text.slice(1) : text;
  const claim = claimFile(settings.processors, host, filePath);
  // 'policy': a processor would have claimed it, but it is a policy itself; linted as one, even in a walk.
  const processor = claim === 'policy' ? undefined : claim;
  let parsed: ParsedJson | undefined;
  if (!processor) {
    const bare = claim === 'policy' || /\.jsonc?$/i.test(filePath) || settings.explicit || settings.byGlob === true;
    if (!bare) return undefined;
    // Parsed once, here, as the engine would parse it: the tree answers "is it a policy?"
    // and is handed to the engine, instead of a scan for the question and a parse after it.
    // The cheap pre-check first: a big package-lock.json is not parsed to be passed over.
    if (mayLookLikePolicy(host)) parsed = parseJson(host, { allowComments: /\.jsonc$/i.test(filePath) });
    // A blank .json file counts as a policy (an emptied policy must not pass the gate, docs/security.md);
    // a blank file of another type (an empty Ansible defaults/main.yml a hook names) is no policy.
    const blankOtherType = host.trim() === '' && !/\.jsonc?$/i.test(filePath);
    if (parsed === undefined || blankOtherType || !looksLikePolicyParsed(host, parsed)) {
      if (!settings.explicit || settings.policiesOnly) return undefined;
      if (settings.kind === undefined && isJsonValue(host)) return notAPolicy(filePath);
    }
  }
  const lintOnce = (current: string, first?: ParsedJson) => (processor ? lintHost(filePath, current, processor, settings) : lintBare(filePath, current, settings, first));
  let result = await lintOnce(host, parsed);
  let current = host;
  if (settings.fix) {
    for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
      const edits = chooseEdits(result, settings.fix);
      if (edits.length === 0) break;
      const next = applyEdits(current, edits);
      if (next === current) break;
      current = next;
      result = await lintOnce(current);
    }
    if (current !== host) result = { ...result, output: (bom ? BOM : '') + current };
  }
  // The findings left after fixing are positioned in the fixed text.
  return withEditRanges(result, current);
}

function lintBare(filePath: string, text: string, settings: FileSettings, parsed?: ParsedJson): FileLintResult {
  const options = engineOptions(filePath, settings, settings.kind);
  if (parsed !== undefined) options.parsed = parsed;
  // The engine's result is new and ours: extended in place, not copied with a spread (V8's slow path) per file.
  const result: FileLintResult = lintText(text, options);
  result.documents = [{ label: '', kind: result.kind, kindSource: settings.kind ? 'configured' : 'detected' }];
  return result;
}

async function lintHost(filePath: string, text: string, processor: Processor, settings: FileSettings): Promise<FileLintResult> {
  let out;
  try {
    out = await processor.preprocess(text, filePath);
  } catch (error) {
    const note: HostNote = { ruleId: 'invalid-host-file', severity: 'error', message: `The ${processor.id} processor failed on this file, so it was not checked: ${(error as Error)?.message ?? String(error)}`, offset: 0, length: 0 };
    out = { documents: [], notes: [note] };
  }
  const source = new SourceText(text);
  // The host's comments: directives there waive findings by the host line they are reported on (unless inline config is off).
  const directives = readHostDirectives(source, settings.allowInlineConfig === false ? undefined : out.comments, [...settings.rules.keys()]);
  const hostDirectives = directives.directives;
  const messages: LintMessage[] = out.notes.map((n) => noteMessage(n, source));
  const suppressedMessages: LintMessage[] = [];
  const documents: NonNullable<FileLintResult['documents']> = [];
  const waiversMatched = new Set<string>();
  for (const doc of out.documents) {
    const kind = doc.kind ?? settings.kind;
    const result = lintText(doc.text, { ...engineOptions(filePath, settings, kind), kindGivenBy: doc.kind ? 'host' : 'setting', allowComments: doc.allowComments ?? false, host: documentInHost(text, doc, processor.id), hostDirectives });
    // Loops, not push(...): a spread passes every element as an argument, and a document with
    // 100k findings (a big heredoc) overflows the stack.
    for (const m of mapMessagesToHost(text, doc, result.messages)) messages.push(m);
    for (const m of mapMessagesToHost(text, doc, result.suppressedMessages)) suppressedMessages.push(m);
    for (const w of result.waiversMatched ?? []) waiversMatched.add(w);
    documents.push({ label: doc.label, kind: result.kind, kindSource: doc.kind ? 'host' : settings.kind ? 'configured' : 'detected' });
  }
  // The host's resources (attachments, bucket ACLs) go to the rules that judge them, in host coordinates already.
  if (out.resources !== undefined && out.resources.length > 0) {
    const { rules, settings: ruleSettings, waivers, today, maxFindingsPerRule } = settings;
    const result = lintResources(text, out.resources, { rules, settings: ruleSettings, filePath, waivers, today, maxFindingsPerRule, directives: hostDirectives });
    for (const m of result.messages) messages.push(m);
    for (const m of result.suppressedMessages) suppressedMessages.push(m);
    for (const w of result.waiversMatched) waiversMatched.add(w);
  }
  for (const m of hostDirectiveMessages(source, directives, suppressedMessages, settings.reportUnusedWaivers === true)) messages.push(m);
  messages.sort((a, b) => a.offset - b.offset || a.endOffset - b.endOffset);
  const result: FileLintResult = { ...summarize({ filePath, kind: documents[0]?.kind, messages, suppressedMessages }), documents };
  if (waiversMatched.size > 0) result.waiversMatched = [...waiversMatched];
  return result;
}

function engineOptions(filePath: string, settings: FileSettings, kind: PolicyKind | undefined): LintOptions {
  return { rules: settings.rules, settings: settings.settings, filePath, kind, waivers: settings.waivers, today: settings.today, reportUnusedWaivers: settings.reportUnusedWaivers, allowInlineConfig: settings.allowInlineConfig };
}

function noteMessage(note: HostNote, source: SourceText): LintMessage {
  const start = source.position(note.offset);
  const end = source.position(note.offset + note.length);
  const m: LintMessage = {
    ruleId: note.ruleId,
    // The core diagnostic's own category, once it is registered; correctness until then.
    category: CORE_DIAGNOSTICS.find((d) => d.id === note.ruleId)?.category ?? 'correctness',
    severity: note.severity,
    message: note.message,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    path: '',
    offset: note.offset,
    endOffset: note.offset + note.length,
  };
  // A processor's unresolved-value note is about a whole policy; the engine's are about values inside one.
  if (note.ruleId === 'unresolved-value') m.messageId = UNRESOLVED_VALUE_IDS.policy;
  if (note.label !== undefined) m.document = note.label;
  return m;
}

/** Valid JSON, with the comments and trailing commas tsconfig.json allows, whatever its shape. */
function isJsonValue(text: string): boolean {
  // Too deep for jsonc-parser's recursion: not judged here; linted, the engine reports the depth.
  if (text.trim() === '' || checkNestingDepth(text) !== undefined) return false;
  const errors: ParseError[] = [];
  parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  return errors.length === 0;
}

/** package.json, tsconfig.json: one note, no rule, never a fix. */
function notAPolicy(filePath: string): FileLintResult {
  const message = fileMessage(
    NOT_A_RAM_POLICY,
    'This JSON file has no top-level "Statement", so it is not a RAM policy and no rule ran; it is never changed by --fix. Give --kind to lint it as a RAM policy anyway.',
  );
  return { ...summarize({ filePath, kind: undefined, messages: [message], suppressedMessages: [] }), documents: [] };
}

/** Fixes and suggestions carry their ranges as lines and columns of the file. */
function withEditRanges(result: FileLintResult, text: string): FileLintResult {
  const hasEdits = (m: LintMessage) => m.fix !== undefined || m.suggestions !== undefined;
  if (!result.messages.some(hasEdits) && !result.suppressedMessages.some(hasEdits)) return result;
  const source = new SourceText(text);
  const place = (edits: TextEdit[]) =>
    edits.map((e) => {
      const start = source.position(e.offset);
      const end = source.position(e.offset + e.length);
      return { ...e, range: { line: start.line, column: start.column, endLine: end.line, endColumn: end.column } };
    });
  const mapMessage = (m: LintMessage): LintMessage => {
    if (!m.fix && !m.suggestions) return m;
    const out = { ...m };
    if (m.fix) out.fix = place(m.fix);
    if (m.suggestions) out.suggestions = m.suggestions.map((s) => ({ ...s, edits: place(s.edits) }));
    return out;
  };
  return { ...result, messages: result.messages.map(mapMessage), suppressedMessages: result.suppressedMessages.map(mapMessage) };
}
