/**
 * Half-typed text is the normal input of an editor. A policy cut and spliced
 * at random places (seeded, so a failure replays) never makes completion,
 * hover or the linter throw, and every diagnostic range lies inside the text.
 */
import * as fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { builtinCatalogue } from '../../src/lsp/catalogue';
import { complete } from '../../src/lsp/completion';
import { toDiagnostic, defaultRuleUrl } from '../../src/lsp/diagnostics';
import { hoverAt } from '../../src/lsp/hover';
import { createLinter } from '../../src/lsp/linter-factory';
import { tempWorkspace } from './client';

const POLICY = `{
  "Version": "1",
  // a comment
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["oss:GetObject", "ram:PassRole", "ecs:*"],
      "Resource": ["acs:oss:*:*:bucket/*", "*"],
      "Condition": { "IpAddress": { "acs:SourceIp": ["10.0.0.0/8"] }, "Bool": { "acs:SecureTransport": "true" } },
      "Principal": { "RAM": ["acs:ram::123456789012:root"] }
    }
  ]
}
`;

/** Delete a slice, then insert a fragment that editors type: quotes, braces, colons, escapes, surrogates. */
const edited = fc
  .tuple(fc.nat(POLICY.length), fc.nat(40), fc.constantFrom('', '"', '{', '}', '[', ']', ':', ',', '\\', '\\u', '"Eff', '🔒', '\uD800', '/*', '//', '\n'), fc.nat(POLICY.length))
  .map(([cut, length, insert, at]) => {
    const removed = POLICY.slice(0, cut) + POLICY.slice(cut + length);
    const where = Math.min(at, removed.length);
    return removed.slice(0, where) + insert + removed.slice(where);
  });

describe('half-typed policies', () => {
  const linter = createLinter({ cwd: tempWorkspace() });

  it('never make completion or hover throw, at any offset', () => {
    fc.assert(
      fc.property(edited, (text) => {
        const document = TextDocument.create('file:///p.jsonc', 'jsonc', 1, text);
        for (let offset = 0; offset <= text.length; offset += 3) {
          complete(document, offset, builtinCatalogue());
          hoverAt(text, offset, [], () => ({}), builtinCatalogue(), true);
        }
      }),
      { seed: 20261202, numRuns: 60 },
    );
  });

  it('lint to diagnostics whose ranges lie inside the text', async () => {
    await fc.assert(
      fc.asyncProperty(edited, async (text) => {
        for (const file of ['p.json', 'p.jsonc']) {
          const document = TextDocument.create(`file:///${file}`, 'json', 1, text);
          const results = await linter.lintText(text, { filePath: file });
          for (const message of results.flatMap((r) => r.messages)) {
            const { range } = toDiagnostic(document, message, defaultRuleUrl);
            expect(document.offsetAt(range.start)).toBe(Math.min(message.offset, text.length));
            expect(document.offsetAt(range.end)).toBeLessThanOrEqual(text.length);
            expect(document.offsetAt(range.start)).toBeLessThanOrEqual(document.offsetAt(range.end));
          }
        }
      }),
      { seed: 20261202, numRuns: 100 },
    );
  });
});
