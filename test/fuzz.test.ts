/**
 * The fuzz harness (scripts/fuzz.js): a small seeded slice passes and is
 * reproducible, and its checks catch what they claim to catch.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// Plain JavaScript modules of the harness; they run the built dist/ (built by the global setup).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { runFuzz, parseOptions, inputs } = require('../scripts/fuzz.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { checkResult, segments } = require('../scripts/fuzz/check.js');

interface Input {
  source: string;
  label: string;
  text: string;
}

function firstInputs(seed: number, count: number): Input[] {
  return [...(inputs(seed, count) as Iterable<Input>)];
}

describe('the fuzz inputs', () => {
  it('are the same for the same seed and different for another', () => {
    expect(firstInputs(5, 40)).toEqual(firstInputs(5, 40));
    expect(firstInputs(6, 40).map((i) => i.text)).not.toEqual(firstInputs(5, 40).map((i) => i.text));
  });

  it('mix mutations of the fixtures and examples with generated policies', () => {
    const sources = new Set(firstInputs(1, 20).map((i) => i.source));
    expect([...sources].sort()).toEqual(['grammar', 'mutation']);
  });
});

describe('a seeded slice', () => {
  it('passes every check, and writes nothing when nothing fails', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'ramlint-fuzz-test-'));
    try {
      const { stats, failures } = runFuzz(parseOptions(['--count', '150', '--seed', '3', '--out', out]));
      expect(failures).toEqual([]);
      expect(stats.tried).toBe(150);
      expect(fs.readdirSync(out)).toEqual([]);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('the checks', () => {
  const text = '{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}';
  const result = (messages: object[]) => ({ filePath: 'p.json', messages, suppressedMessages: [] });
  const message = (extra: object) => ({ ruleId: 'admin-access', line: 1, column: 1, endLine: 1, endColumn: 2, offset: 0, endOffset: 1, path: '', ...extra });

  it('accept a finding with a consistent range and a path that exists', () => {
    expect(checkResult(text, result([message({ path: 'Statement[0].Action', offset: 62, endOffset: 65, column: 63, endColumn: 66 })]))).toEqual([]);
  });

  it.each([
    ['an internal error', message({ ruleId: 'internal-error', message: 'boom' }), 'internal-error: boom'],
    ['a range past the end', message({ endOffset: 10_000 }), 'range 0..10000 outside the text'],
    ['positions that disagree with the offsets', message({ column: 5 }), 'positions 1:5-1:2 disagree'],
    ['a path that does not resolve', message({ path: 'Statement[3].Action' }), 'path does not resolve'],
  ])('catch %s', (_name, m, expected) => {
    expect(checkResult(text, result([m])).join('\n')).toContain(expected);
  });

  it('read the JSON paths ramlint writes', () => {
    expect(segments('Statement[1].Condition.StringEquals["acs:Service"][0]')).toEqual(['Statement', 1, 'Condition', 'StringEquals', 'acs:Service', 0]);
    expect(segments('["we\\"ird"]')).toEqual(['we"ird']);
  });
});
