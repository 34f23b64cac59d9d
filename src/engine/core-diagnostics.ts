/**
 * Diagnostics the engine itself emits. They are not rules: they cannot be
 * turned off, because each one means the file was not (fully) checked, and a
 * file that was not checked must never look like a file that passed.
 */
import type { Category, Severity } from './types';

export interface CoreDiagnostic {
  id: string;
  category: Category;
  severity: Severity;
  description: string;
}

export const INVALID_JSON: CoreDiagnostic = {
  id: 'invalid-json',
  category: 'syntax',
  severity: 'error',
  description: 'Report text that is not a single valid JSON document (RAM rejects it as "Json syntax error").',
};

export const UNREADABLE_FILE: CoreDiagnostic = {
  id: 'unreadable-file',
  category: 'syntax',
  severity: 'error',
  description: 'Report a file that cannot be read as UTF-8 text: missing, unreadable, binary, not UTF-8, or too large.',
};

export const INTERNAL_ERROR: CoreDiagnostic = {
  id: 'internal-error',
  category: 'correctness',
  severity: 'error',
  description: 'Report a rule or plugin that failed on this file, so that the file is never taken as clean.',
};

export const INVALID_WAIVER: CoreDiagnostic = {
  id: 'invalid-waiver',
  category: 'correctness',
  severity: 'warning',
  description: 'Report a waiver that waives nothing: no reason, no rule or an unknown rule, or (with --report-unused-waivers) no matching finding.',
};

export const NOT_A_RAM_POLICY: CoreDiagnostic = {
  id: 'not-a-ram-policy',
  category: 'correctness',
  severity: 'info',
  description: 'Report a document that is not a RAM policy (a ROS stack policy, an AWS IAM policy, JSON with no "Statement"), so no rule ran on it.',
};

export const UNWRITABLE_FILE: CoreDiagnostic = {
  id: 'unwritable-file',
  category: 'correctness',
  severity: 'error',
  description: 'Report a file whose fixes --fix could not write: read-only, vanished, a symbolic link, or a write error.',
};

export const INVALID_HOST_FILE: CoreDiagnostic = {
  id: 'invalid-host-file',
  category: 'syntax',
  severity: 'error',
  description: 'Report a Terraform file, plan, ROS template or API response that cannot be parsed, so the policies in it were not checked.',
};

export const UNRESOLVED_VALUE: CoreDiagnostic = {
  id: 'unresolved-value',
  category: 'correctness',
  severity: 'info',
  description: 'Report a policy, or a Statement, Principal or Condition inside one, whose value the host file computes (a variable, a function, an unknown value in a plan), so it was not checked.',
};

/**
 * The message id of the note the engine writes for a value inside a policy that
 * the host file computes (model.ts UnknownValue); the notes processors write
 * about a whole policy carry `policy`.
 */
export const UNRESOLVED_VALUE_IDS = { value: 'value', policy: 'policy' } as const;

export const CORE_DIAGNOSTICS: readonly CoreDiagnostic[] = [INTERNAL_ERROR, INVALID_HOST_FILE, INVALID_JSON, INVALID_WAIVER, NOT_A_RAM_POLICY, UNREADABLE_FILE, UNRESOLVED_VALUE, UNWRITABLE_FILE];

export function isCoreDiagnostic(id: string): boolean {
  return CORE_DIAGNOSTICS.some((d) => d.id === id);
}
