/**
 * Policies written in Terraform or ROS templates carry expressions that only a
 * later tool resolves: `${var.role_arn}`, `<account-id>` placeholders from
 * documentation. Format checks read them as one opaque value.
 */

/** A whole-value template expression such as `${var.role_arn}`. */
export function isTemplateExpression(value: string): boolean {
  return /^\$\{[^{}]*\}$/.test(value.trim());
}

/** Each `${...}` interpolation replaced by `stand`, so the surrounding format can be checked. */
export function withoutInterpolations(value: string, stand = 'X'): string {
  // [^{}] rather than [^}]: an unclosed "${${${…" must not make each "${" scan to the end.
  return value.replace(/\$\{[^{}]*\}/g, stand);
}

/** Interpolations and `<...>` documentation placeholders both replaced by `stand`. */
export function withoutPlaceholders(value: string, stand = '0'): string {
  return withoutInterpolations(value, stand).replace(/<[^<>]*>/g, stand);
}
