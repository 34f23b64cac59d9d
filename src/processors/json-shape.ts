/**
 * What a JSON host is, by its structure rather than its words: the keys of
 * the top-level object, read with a tolerant token scan (no tree is built, so
 * a large plan costs one pass). Processors claim a .json file by these keys
 * alone: a RAM policy whose condition values say "planned_values" or
 * "ROSTemplateFormatVersion" is still a policy, and a document with a
 * top-level "Statement" is always one (src/processors/claim.ts).
 */
import { createScanner, SyntaxKind } from 'jsonc-parser';
import { statementLike } from '../engine/detect';

/** The members of an API response that hold policy documents (src/processors/api-response.ts). */
export const DOCUMENT_FIELDS: ReadonlySet<string> = new Set(['PolicyDocument', 'AssumeRolePolicyDocument']);

/** How deep below the top level a document field may sit (api-response's MAX_DEPTH, counted in brackets). */
const DOCUMENT_DEPTH = 10;

export interface JsonShape {
  /** The top-level object's keys, escapes decoded. */
  keys: ReadonlySet<string>;
  /** A top-level key is "Statement" (or a misspelling the engine takes for it): the text is a RAM policy. */
  policy: boolean;
  /** A PolicyDocument or AssumeRolePolicyDocument key below the top level. */
  documentField: boolean;
  /** The scan met a syntax error: the keys are the scan's best reading. */
  broken: boolean;
}

let last: { text: string; shape: JsonShape | undefined } | undefined;

/**
 * The shape of a text whose first token is `{`; undefined for anything else
 * (HCL, YAML, an array). Tolerant of syntax errors, like the engine's own
 * policy detection, so a broken policy is still seen to be one.
 */
export function jsonShape(input: string): JsonShape | undefined {
  // Several processors ask about the same file in a row: one scan serves them all.
  if (last !== undefined && last.text === input) return last.shape;
  const shape = scan(input.startsWith('\uFEFF') ? input.slice(1) : input);
  last = { text: input, shape };
  return shape;
}

function scan(text: string): JsonShape | undefined {
  const scanner = createScanner(text, false);
  let kind = scanner.scan();
  while (isTrivia(kind)) kind = scanner.scan();
  if (kind !== SyntaxKind.OpenBraceToken) return undefined;
  const keys = new Set<string>();
  let policy = false;
  let documentField = false;
  let broken = false;
  let depth = 1;
  let key: string | undefined;
  for (kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind === SyntaxKind.Unknown || scanner.getTokenError() !== 0) broken = true;
    switch (kind) {
      case SyntaxKind.OpenBraceToken:
      case SyntaxKind.OpenBracketToken:
        depth++;
        key = undefined;
        break;
      case SyntaxKind.CloseBraceToken:
      case SyntaxKind.CloseBracketToken:
        // Never below the top level: text after a stray bracket is read as top-level keys, not lost.
        depth = Math.max(0, depth - 1);
        key = undefined;
        break;
      case SyntaxKind.StringLiteral:
        key = depth >= 1 && depth <= DOCUMENT_DEPTH ? scanner.getTokenValue() : undefined;
        break;
      case SyntaxKind.ColonToken:
        if (key !== undefined) {
          if (depth <= 1) {
            keys.add(key);
            if (statementLike(key)) policy = true;
          } else if (DOCUMENT_FIELDS.has(key)) documentField = true;
        }
        key = undefined;
        break;
      default:
        if (!isTrivia(kind)) key = undefined;
    }
  }
  return { keys, policy, documentField, broken };
}

function isTrivia(kind: SyntaxKind): boolean {
  return kind === SyntaxKind.Trivia || kind === SyntaxKind.LineBreakTrivia || kind === SyntaxKind.LineCommentTrivia || kind === SyntaxKind.BlockCommentTrivia;
}

/** A JSON object with a top-level "Statement": a RAM policy, which no processor may claim. */
export function isJsonPolicy(text: string): boolean {
  return jsonShape(text)?.policy === true;
}
