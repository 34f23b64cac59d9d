/**
 * Text → located JSON tree. Never throws. Syntax problems come back as data.
 *
 * We never analyse with JSON.parse: it silently keeps the last of two duplicate
 * keys while other readers keep the first, and two readers that see two
 * different policies is a security problem. Duplicate keys are reported instead.
 */
import { type Node, type ParseError, ParseErrorCode, parseTree } from 'jsonc-parser';
import { parseStrictTree } from './strict-parse';

export type JsonNode = Node;

/** Far deeper than any RAM policy needs (about 6 levels); keeps the recursive parser safe. */
export const MAX_NESTING_DEPTH = 100;

export interface SyntaxProblem {
  message: string;
  offset: number;
  length: number;
}

export interface DuplicateKey {
  key: string;
  /** The key node of the later occurrence (the one JSON.parse keeps). */
  node: JsonNode;
  /** The key node of the first occurrence. */
  first: JsonNode;
}

export interface ParsedJson {
  root: JsonNode | undefined;
  /** Syntax problems; when non-empty the tree must not be analysed. */
  problems: SyntaxProblem[];
  duplicateKeys: DuplicateKey[];
}

export interface ParseOptions {
  /** `.jsonc` sources may carry comments; RAM itself accepts none. */
  allowComments: boolean;
}

export function parseJson(text: string, options: ParseOptions): ParsedJson {
  if (text.trim() === '') {
    return { root: undefined, problems: [{ message: 'The file is empty; a RAM policy is a JSON object.', offset: 0, length: 0 }], duplicateKeys: [] };
  }
  const depthProblem = checkNestingDepth(text);
  if (depthProblem) return { root: undefined, problems: [depthProblem], duplicateKeys: [] };

  const errors: ParseError[] = [];
  let root: JsonNode | undefined;
  // Strict JSON (nearly every policy file) takes the fast path; the rest, errors included, jsonc-parser.
  const strict = parseStrictTree(text);
  if (strict !== undefined) return { root: strict, problems: [], duplicateKeys: findDuplicateKeys(strict) };
  try {
    root = parseTree(text, errors, { disallowComments: !options.allowComments, allowTrailingComma: false, allowEmptyContent: false });
  } catch (error) {
    // jsonc-parser is not known to throw; this guard keeps the engine's never-throw promise.
    return { root: undefined, problems: [{ message: `The JSON parser failed: ${String(error)}`, offset: 0, length: 0 }], duplicateKeys: [] };
  }
  const first = errors[0];
  if (first) {
    const problem = describeError(text, first);
    // jsonc-parser can report a range past the end (an unterminated comment at the end).
    problem.length = Math.max(0, Math.min(problem.length, text.length - problem.offset));
    // A range ends before a line break, never inside CRLF: `"\` + CRLF would end past the line.
    while (problem.length > 0 && /[\r\n]/.test(text[problem.offset + problem.length - 1] as string)) problem.length--;
    return { root, problems: [problem], duplicateKeys: [] };
  }
  return { root, problems: [], duplicateKeys: root ? findDuplicateKeys(root) : [] };
}

/**
 * A linear scan for bracket depth, so that 100,000 nested arrays give a finding
 * instead of a stack overflow in the recursive-descent parser.
 */
export function checkNestingDepth(text: string): SyntaxProblem | undefined {
  const offset = tooDeepAt(text, MAX_NESTING_DEPTH);
  if (offset === undefined) return undefined;
  return {
    message: `JSON nesting is deeper than ${MAX_NESTING_DEPTH} levels; a RAM policy needs about 6, so ramlint stops reading here.`,
    offset,
    length: 1,
  };
}

/**
 * The offset of the first bracket that opens level `max + 1` of nesting
 * (strings and comments skipped), or undefined. Shared with the config reader.
 */
export function tooDeepAt(text: string, max: number): number | undefined {
  // Depth never exceeds the number of opening brackets in the text. Counting
  // them with indexOf (native, no per-character loop) settles almost every
  // file without the full scan below, which only runs for bracket-rich texts.
  if (bracketsAtMost(text, max)) return undefined;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 47 /* / */ && text.charCodeAt(i + 1) === 47) {
      const end = text.indexOf('\n', i);
      i = end === -1 ? text.length : end;
    } else if (c === 47 && text.charCodeAt(i + 1) === 42 /* * */) {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? text.length : end + 1;
    } else if (c === 123 /* { */ || c === 91 /* [ */) {
      depth++;
      if (depth > max) return i;
    } else if (c === 125 /* } */ || c === 93 /* ] */) depth--;
  }
  return undefined;
}

/** Are there at most `max` of `{` and `[` together, anywhere in the text (strings and comments included)? */
function bracketsAtMost(text: string, max: number): boolean {
  let count = 0;
  for (let i = text.indexOf('{'); i !== -1; i = text.indexOf('{', i + 1)) if (++count > max) return false;
  for (let i = text.indexOf('['); i !== -1; i = text.indexOf('[', i + 1)) if (++count > max) return false;
  return true;
}

function describeError(text: string, error: ParseError): SyntaxProblem {
  const { offset, length } = error;
  const found = describeToken(text, offset, length);
  switch (error.error) {
    case ParseErrorCode.InvalidCommentToken:
      return { message: 'Comments are not allowed in JSON, and RAM rejects them; name the file .jsonc if a build step strips them.', offset, length };
    case ParseErrorCode.PropertyNameExpected:
    case ParseErrorCode.ValueExpected: {
      const comma = trailingCommaBefore(text, offset);
      if (comma !== undefined) return { message: 'Trailing comma: JSON allows no comma before a closing bracket; remove it.', offset: comma, length: 1 };
      if (offset >= text.length) return { message: 'Unexpected end of file: the JSON document is incomplete.', offset, length: 0 };
      return {
        message: error.error === ParseErrorCode.PropertyNameExpected
          ? `Expected a property name in double quotes but found ${found}.`
          : `Expected a JSON value but found ${found}.`,
        offset,
        length,
      };
    }
    case ParseErrorCode.ColonExpected:
      return { message: `Expected ':' after the property name but found ${found}.`, offset, length };
    case ParseErrorCode.CommaExpected:
      return { message: `Expected ',' between elements but found ${found}; add the missing comma.`, offset, length };
    case ParseErrorCode.CloseBraceExpected:
      return offset >= text.length
        ? { message: "Unexpected end of file: an object is missing its closing '}'.", offset, length: 0 }
        : { message: `Expected ',' or '}' but found ${found}.`, offset, length };
    case ParseErrorCode.CloseBracketExpected:
      return offset >= text.length
        ? { message: "Unexpected end of file: an array is missing its closing ']'.", offset, length: 0 }
        : { message: `Expected ',' or ']' but found ${found}.`, offset, length };
    case ParseErrorCode.EndOfFileExpected:
      return { message: `Unexpected ${found} after the end of the JSON document; a policy file holds exactly one JSON object.`, offset, length };
    case ParseErrorCode.UnexpectedEndOfString:
      return { message: 'Unterminated string: a closing double quote is missing.', offset, length };
    case ParseErrorCode.UnexpectedEndOfComment:
      return { message: "Unterminated comment: '*/' is missing.", offset, length };
    case ParseErrorCode.UnexpectedEndOfNumber:
    case ParseErrorCode.InvalidNumberFormat:
      return { message: `Invalid number ${found}.`, offset, length };
    case ParseErrorCode.InvalidUnicode:
      return { message: 'Invalid \\u escape: it needs four hexadecimal digits.', offset, length };
    case ParseErrorCode.InvalidEscapeCharacter:
      return { message: `Invalid escape sequence ${found} in a string.`, offset, length };
    case ParseErrorCode.InvalidCharacter:
      return { message: 'Invalid character in a string: control characters must be escaped (for example \\n).', offset, length };
    case ParseErrorCode.InvalidSymbol:
    default:
      return { message: `Unexpected ${found}; this is not valid JSON.`, offset, length };
  }
}

function describeToken(text: string, offset: number, length: number): string {
  if (offset >= text.length) return 'the end of the file';
  const raw = text.slice(offset, offset + Math.max(1, Math.min(length, 20)));
  // A string token is shown as written ("Statement"), anything else quoted.
  const shown = /^"[^"\\\n]*"$/.test(raw) ? raw : JSON.stringify(raw);
  return length > 20 ? `${shown.slice(0, -1)}…"` : shown;
}

function trailingCommaBefore(text: string, offset: number): number | undefined {
  const next = text[offset];
  if (next !== '}' && next !== ']') return undefined;
  let i = offset - 1;
  while (i >= 0 && /\s/.test(text[i] as string)) i--;
  return text[i] === ',' ? i : undefined;
}

function findDuplicateKeys(root: JsonNode): DuplicateKey[] {
  const found: DuplicateKey[] = [];
  const stack: JsonNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as JsonNode;
    // No Map for an object of one property (most Condition blocks and their operators): it has no duplicate.
    if (node.type === 'object' && (node.children?.length ?? 0) > 1) {
      const seen = new Map<string, JsonNode>();
      for (const prop of node.children ?? []) {
        const keyNode = prop.children?.[0];
        if (!keyNode) continue;
        const key = String(keyNode.value);
        const first = seen.get(key);
        if (first) found.push({ key, node: keyNode, first });
        else seen.set(key, keyNode);
      }
    }
    for (const child of node.children ?? []) stack.push(child);
  }
  return found.sort((a, b) => a.node.offset - b.node.offset);
}
