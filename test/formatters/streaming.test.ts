/**
 * Streamed reports: a format that prints each result as it arrives must print
 * the same bytes as the whole report, so streaming is invisible to readers.
 */
import { loadFormatter, loadStreamingFormat, FORMAT_NAMES, type FormatContext } from '../../src/formatters';
import { JsonArrayWriter } from '../../src/formatters/streaming';
import { jsonResults } from '../../src/formatters/json';
import { lint } from '../../src';
import type { LintResult } from '../../src/engine/types';

const context: FormatContext = { cwd: '/repo', color: false, rules: new Map(), version: '0.0.0', repoRoot: '/repo' };

const ADMIN = '{"Version":"1","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}';
const TWICE = '{"Version":"1","Statement":[{"Effect":"Allow","Action":["ecs:DescribeInstances","ecs:DescribeInstances"],"Resource":"*"}]}';
const CLEAN = '{"Version":"1","Statement":[{"Effect":"Allow","Action":"ecs:DescribeInstances","Resource":"*"}]}';

function results(): LintResult[] {
  return [lint(ADMIN, { filePath: '/repo/a.json' }), lint(CLEAN, { filePath: '/repo/b.json' }), lint(TWICE, { filePath: '/repo/c\nd.json' }), lint('{', { filePath: '/repo/e.json' })];
}

describe('JsonArrayWriter', () => {
  it.each([[[]], [[1]], [[{ a: 'x\ny', b: [1, { c: null }] }, 'two', []]]])('prints %j as JSON.stringify(value, null, 2) does', (values: unknown[]) => {
    const writer = new JsonArrayWriter();
    let out = '';
    for (const v of values) out += writer.elements([v]);
    expect(out + writer.end()).toBe(`${JSON.stringify(values, null, 2)}\n`);
  });
});

describe('streaming formats', () => {
  const streamable = FORMAT_NAMES.filter((name) => loadStreamingFormat(name) !== undefined);

  it('every format streams except the two that put run-wide facts first', () => {
    expect(FORMAT_NAMES.filter((name) => !streamable.includes(name)).sort()).toEqual(['junit', 'sarif']);
    expect(loadStreamingFormat('constructor')).toBeUndefined();
  });

  it.each(streamable)('%s: each file is printed by its own call, before any later file is known', (name) => {
    const all = results();
    const stream = (loadStreamingFormat(name) as NonNullable<ReturnType<typeof loadStreamingFormat>>)(context);
    const first = stream.file(all[0] as LintResult);
    expect(first).toContain(name === 'github' || name === 'gitlab' ? 'admin-access' : 'a.json');
    expect(first).not.toMatch(/c\\n?d\.json/);
  });

  it('the streamed json report is JSON.stringify of every result, byte for byte', () => {
    const all = results();
    expect(loadFormatter('json')(all, context)).toBe(`${JSON.stringify(jsonResults(all), null, 2)}\n`);
  });

  it('json of no results is an empty array; stylish of no findings prints nothing', () => {
    expect(loadFormatter('json')([], context)).toBe('[]\n');
    expect(loadFormatter('gitlab')([], context)).toBe('[]\n');
    expect(loadFormatter('stylish')([lint(CLEAN, { filePath: '/repo/b.json' })], context)).toBe('');
  });
});
