/**
 * The matching decisions Alibaba does not document, each made once here.
 * ../../docs/semantics.md says why each was chosen and in which direction it errs.
 */

/**
 * Does `*` in a Resource span `:` and `/`? Alibaba's own examples need it to
 * span `/` (`acs:oss:*:*:mybucket/*` covers `mybucket/dir1/object1.jpg`) and
 * describe no segment-wise matching, so `*` is a plain string wildcard.
 * Set to false, `*` in a Resource stops at `:` and `/` everywhere (matching,
 * the automaton, the fast check); `?` still matches any one character.
 */
export const STAR_CROSSES_SEPARATORS = true;

/** Actions compare case-insensitively: Alibaba says actions are "generally not case-sensitive". */
export const ACTION_IGNORE_CASE = true;

/**
 * Resources compare case-sensitively: OSS object keys are case-sensitive, and
 * the rule for other ARNs is unconfirmed. So neither command depends on it:
 * `can` answers unknown where ignoring case would change a match
 * (request.ts, resourceMatches), and `diff` also proves with every resource
 * pattern case-folded (diff.ts, findNewAccess).
 */
export const RESOURCE_IGNORE_CASE = false;

/** Principals (ARNs, UIDs, service names) compare case-insensitively, as the linter's rules do. */
export const PRINCIPAL_IGNORE_CASE = true;
