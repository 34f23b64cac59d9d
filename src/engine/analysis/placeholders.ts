/**
 * The one placeholder model every rule shares. Documentation and templates
 * write values that only a person or a later tool fills in:
 * `<account-id>`, `${var.role_arn}`, `{{uid}}`, masked ids (`1234****5678`),
 * ids written as words (`主账号ID`, `阿里云账号A的ID`) and masked addresses
 * (`42.120.XX.X/24`, `xxx.xx.xxx.x/xx`). Each is one unknown value: never a
 * syntax error, never "every account".
 */

import { hasWildcard } from '../wildcard';

/** `<...>`, `${...}` and `{{...}}`; `[^…]` classes keep each scan linear on unclosed input. */
const DELIMITED = /<[^<>]*>|\$\{[^{}]*\}|\{\{[^{}]*\}\}/g;

/** Digits with a run of three or more `*` or `x` (`19122324****`, `174649****602745`, `174649585760xxxx`): one masked id. */
const MASKED_DIGITS = /^\d{3,}(?:\*{3,}|[xX]{3,})\d*$/;

/**
 * A word of non-ASCII letters, with ASCII letters and digits glued to it
 * (`主账号ID`, `阿里云账号A的ID`). Letters only: a full-width colon in
 * `oss：GetObject` is a typo, not a placeholder. Built on first use: a \p{L}
 * pattern takes ~0.4 ms to build, and most policies are ASCII.
 */
let nonAsciiWordPattern: RegExp | undefined;
function nonAsciiWord(): RegExp {
  return (nonAsciiWordPattern ??= /[A-Za-z0-9_-]*(?:(?![\x00-\x7f])\p{L})+[\p{L}\p{N}_-]*/gu);
}

/** An IPv4 address or CIDR block with `x`/`X` in place of digits, in at least one part. */
const MASKED_IPV4 = /^(?:\d{1,3}|[xX]{1,3})(?:\.(?:\d{1,3}|[xX]{1,3})){3}(?:\/(?:\d{1,2}|[xX]{1,2}))?$/;

/** Nearly every value is plain ASCII; the Unicode-property pattern is run only on the rest. */
const NON_ASCII = /[^\x00-\x7f]/;

/**
 * What every placeholder form needs somewhere: a delimiter (`<`, `${`, `{{`)
 * or a non-ASCII letter. Without one, only a masked id or address (which
 * starts with a digit or an x) can still be one, so most values (actions,
 * ARNs, keys) are settled by one native scan instead of the patterns below.
 */
const MAY_DELIMIT = /[<${\u0080-\uffff]/;

function maskedStart(c: number): boolean {
  return (c >= 48 && c <= 57) /* 0-9 */ || c === 120 /* x */ || c === 88 /* X */;
}

/** Is the whole value one placeholder, so no format or reach can be judged? */
export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  if (v === '') return false;
  if (!maskedStart(v.charCodeAt(0)) && !MAY_DELIMIT.test(v)) return false;
  if (MASKED_DIGITS.test(v) || isMaskedIp(v)) return true;
  const rest = v.replace(DELIMITED, '');
  return (NON_ASCII.test(rest) ? rest.replace(nonAsciiWord(), '') : rest).trim() === '';
}

/**
 * Exactly one `${...}` and nothing around it: the form in which a processor
 * writes a host value it cannot know (a Terraform expression, a ROS
 * function) where the value stands alone, not inside a string.
 */
const WHOLE_INTERPOLATION = /^\$\{[^{}]*\}$/;

export function isWholeInterpolation(value: string): boolean {
  return WHOLE_INTERPOLATION.test(value);
}

/** Does the value contain a placeholder anywhere (`acs:ram::<uid>:root`)? */
export function hasPlaceholder(value: string): boolean {
  // No delimiter and no non-ASCII character: only the whole-value forms remain.
  if (!MAY_DELIMIT.test(value)) return isPlaceholder(value);
  DELIMITED.lastIndex = 0;
  if (DELIMITED.test(value)) return true;
  if (NON_ASCII.test(value)) {
    const word = nonAsciiWord();
    word.lastIndex = 0;
    if (word.test(value)) return true;
  }
  return isPlaceholder(value);
}

/** Each placeholder part replaced by `stand`, so the format around it can be checked. */
export function withoutPlaceholders(value: string, stand = '0'): string {
  const delimited = value.replace(DELIMITED, stand);
  // nonAsciiWord() needs a non-ASCII letter: on an ASCII string it cannot match, so its (slow) scan is skipped.
  return NON_ASCII.test(delimited) ? delimited.replace(nonAsciiWord(), stand) : delimited;
}

/**
 * What maskPlaceholders writes over each character of a delimited
 * placeholder: one UTF-16 unit from the private use area, which no ARN,
 * action or key is written with, and which is neither a separator (`:`, `/`,
 * `@`) nor a wildcard.
 */
export const PLACEHOLDER_FILL = '\uE000';

/**
 * The value with every character of each delimited placeholder (`<...>`,
 * `${...}`, `{{...}}`) replaced by PLACEHOLDER_FILL. The length and every
 * other character stay, so an offset found in the mask (a colon, a wildcard)
 * is the same offset in the value, and the `:` and `?` of
 * `${var.flag ? var.a : var.b}` or `${ALIYUN::AccountId}` are no longer read
 * as ARN separators or wildcards. One linear scan; the value itself when it
 * has no delimiter.
 */
export function maskPlaceholders(value: string): string {
  if (!value.includes('<') && !value.includes('${') && !value.includes('{{')) return value;
  return value.replace(DELIMITED, (part) => PLACEHOLDER_FILL.repeat(part.length));
}

/** Does the value have a `*` or `?` outside its placeholders? `acs:ram::${a ? b : c}:role/x` has none. */
export function hasWildcardOutsidePlaceholders(value: string): boolean {
  return hasWildcard(maskPlaceholders(value));
}

/**
 * Where the value first has a `*` or `?` outside its placeholders, or -1:
 * the role name `${var.admin ? var.a : var.b}` has none (it is one unknown
 * name), `${var.env}-*` has one after the placeholder.
 */
export function firstWildcardOutsidePlaceholders(value: string): number {
  const mask = maskPlaceholders(value);
  const star = mask.indexOf('*');
  const question = mask.indexOf('?');
  return star < 0 ? question : question < 0 ? star : Math.min(star, question);
}

/**
 * The value with each placeholder written as `*`: what it could match once
 * filled in (`acs:${var.service}:…` may be `ram`). For "could this name a
 * role?", never for "how much does this match?".
 */
export function placeholdersAsWildcards(value: string): string {
  const mask = maskPlaceholders(value);
  return mask === value ? value : mask.replace(/\uE000+/g, '*');
}

/** An account field that stands for one account: masked digits or a placeholder. */
export function isPlaceholderAccount(account: string): boolean {
  return isPlaceholder(account);
}

/** `42.120.XX.X/24`, `xxx.xx.xxx.x/xx`: a documentation address whose digits are masked. */
export function isMaskedIp(value: string): boolean {
  const v = value.trim();
  return MASKED_IPV4.test(v) && /[xX]/.test(v);
}
