/** Types for scripts/rules-table.js, so that test/docs.test.ts can import it. */
import type { CoreDiagnostic } from '../src/engine/core-diagnostics';
import type { Rule } from '../src/engine/rule';

export interface DocEntry {
  id: string;
  category: string;
  severity: string;
  /** 'safe', 'none', or CORE_AUTOFIX for core diagnostics. */
  autofix: string;
  /** Kinds joined by ", ", 'all policy kinds', or the host resources a rule over them judges. */
  appliesTo: string;
  description: string;
  core: boolean;
}

export const HEADER_START: string;
export const HEADER_END: string;
export const TABLE_START: string;
export const TABLE_END: string;
export const CORE_AUTOFIX: string;
export function escapeMarkdown(text: string): string;
export function docEntries(rules: ReadonlyMap<string, Rule>, coreDiagnostics: readonly CoreDiagnostic[]): DocEntry[];
export function headerBlock(entry: DocEntry): string;
export function rulesTable(entries: readonly DocEntry[], linkPrefix: string): string;
export function extractTable(text: string): string | undefined;
export function replaceTable(text: string, table: string): string;
export function extractHeader(text: string): string | undefined;
export function replaceHeader(text: string, entry: DocEntry): string;
