/**
 * Runs a host file through a processor and the engine as the file-level API
 * will: each document linted unchanged, its messages mapped back to the host,
 * and the host resources judged by the rules over them.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintText } from '../../src/engine/linter';
import { lintResources } from '../../src/engine/resource-linter';
import type { LintMessage } from '../../src/engine/types';
import { documentInHost, hostNoteToMessage, mapMessagesToHost } from '../../src/processors/map-back';
import type { EmbeddedDocument, ProcessOutput, Processor } from '../../src/processors/types';
import { builtinRules } from '../../src/rules';

export const HOSTS = path.resolve(__dirname, '../../fixtures/hosts');

export function readHost(relative: string): string {
  return fs.readFileSync(path.join(HOSTS, relative), 'utf8');
}

export interface HostRun {
  text: string;
  output: ProcessOutput;
  /** Every mapped message and note, in host coordinates. */
  messages: LintMessage[];
  byDocument: Map<string, LintMessage[]>;
}

export async function runHost(processor: Processor, text: string, filePath: string): Promise<HostRun> {
  const output = await processor.preprocess(text, filePath);
  const byDocument = new Map<string, LintMessage[]>();
  const messages: LintMessage[] = output.notes.map((n) => hostNoteToMessage(text, n));
  for (const doc of output.documents) {
    const mapped = lintDocument(text, doc, processor.id);
    byDocument.set(doc.label, mapped);
    messages.push(...mapped);
  }
  // As the file layer does: the host resources go to the rules over them, in host coordinates already.
  if (output.resources) messages.push(...lintResources(text, output.resources, { rules: builtinRules }).messages);
  return { text, output, messages, byDocument };
}

export function lintDocument(hostText: string, doc: EmbeddedDocument, processorId?: string): LintMessage[] {
  // As the file layer does: a kind the document carries is the host's.
  const result = lintText(doc.text, { rules: builtinRules, kind: doc.kind, kindGivenBy: 'host', host: documentInHost(hostText, doc, processorId) });
  return mapMessagesToHost(hostText, doc, result.messages);
}

/** The compact form positions are asserted in: rule, line:column-endLine:endColumn, the host text there. */
export function where(text: string, m: LintMessage): string {
  return `${m.ruleId} ${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${text.slice(m.offset, m.endOffset)}`;
}

/** An administrator policy with a harmless Deny whose condition carries the given values (or key). */
export function adminWith(values: string[], key = 'acs:UserAgent'): string {
  return `{"Version":"1","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},
 {"Effect":"Deny","Action":"ecs:DescribeRegions","Resource":"*","Condition":{"StringEquals":{${JSON.stringify(key)}:${JSON.stringify(values)}}}}]}
`;
}

export const DISGUISED: ReadonlyArray<[string, string]> = [
  ['a plan (planned_values)', adminWith(['format_version', 'planned_values'])],
  ['a plan (resource_changes)', adminWith(['format_version', 'resource_changes'])],
  ['a ROS template', adminWith(['ROSTemplateFormatVersion: x'])],
  ['an API response', adminWith(['{"a":1}'], 'PolicyDocument')],
  ['an API response (AssumeRolePolicyDocument)', adminWith(['{"a":1}'], 'AssumeRolePolicyDocument')],
];
