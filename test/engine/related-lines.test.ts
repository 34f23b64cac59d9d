/**
 * `related` in a report: a place the message names, which the engine writes
 * as a line number counted in the file the finding is reported in.
 */
import { lintText } from '../../src/engine/linter';
import { defineRule } from '../../src/engine/rule';

/** Reports the second "Statement" entry, naming the line of the first. */
const rule = defineRule({
  meta: {
    id: 'second-statement',
    category: 'suggestion',
    defaultSeverity: 'info',
    description: 'Report the second statement.',
    fixable: 'none',
    messages: { second: 'Second statement (the first is at line {{line}}, key {{key}}).' },
  },
  check(context) {
    const [first, second] = context.policy.statements;
    if (first && second) context.report({ messageId: 'second', node: second.node, data: { key: 'k', line: 'not this' }, related: { line: first.node } });
  },
});

const TEXT = '{\n  "Version": "1",\n  "Statement": [\n    {"Effect": "Allow", "Action": "a:b", "Resource": "*"},\n    {"Effect": "Allow", "Action": "c:d", "Resource": "*"}\n  ]\n}\n';
const rules = new Map([[rule.meta.id, rule]]);

describe('a related place in a message', () => {
  it('is the line of the text itself when no host is given', () => {
    const [m] = lintText(TEXT, { rules }).messages;
    expect([m?.line, m?.column, m?.endLine, m?.endColumn, m?.message]).toEqual([5, 5, 5, 58, 'Second statement (the first is at line 4, key k).']);
  });

  it('is the line the host gives for the offset of that place', () => {
    const asked: number[] = [];
    const host = { lineAt: (offset: number) => (asked.push(offset), 40 + offset), generatedAt: () => false, computedBy: { known: "x" } };
    const [m] = lintText(TEXT, { rules, host }).messages;
    const firstStatement = TEXT.indexOf('{"Effect"');
    expect(asked).toEqual([firstStatement]);
    // The finding's own range stays in the document's coordinates: the file layer maps it.
    expect([m?.line, m?.column, m?.message]).toEqual([5, 5, `Second statement (the first is at line ${40 + firstStatement}, key k).`]);
  });

  it('is counted after a byte-order mark, as every position is', () => {
    const [m] = lintText(`\uFEFF${TEXT}`, { rules }).messages;
    expect(m?.message).toBe('Second statement (the first is at line 4, key k).');
  });
});
