/**
 * Paths shown to users and matched against config globs: relative only for
 * files strictly inside the directory, forward slashes always.
 */
import * as path from 'node:path';
import { displayPath, relativeInside, repoPath } from '../src/paths';

const root = path.resolve('/work/repo');
const at = (...parts: string[]) => path.join(root, ...parts);

describe('relativeInside', () => {
  it.each<[string, string, string | undefined]>([
    ['a file inside', at('policies', 'a.json'), path.join('policies', 'a.json')],
    ['a directory whose name starts with two dots', at('..x', 'a.json'), path.join('..x', 'a.json')],
    ['a file named ..json', at('..json'), '..json'],
    ['the directory itself', root, undefined],
    ['its parent', path.dirname(root), undefined],
    ['a sibling', path.join(path.dirname(root), 'other', 'a.json'), undefined],
  ])('%s', (_name, filePath, expected) => {
    expect(relativeInside(root, filePath)).toBe(expected);
  });
});

describe('displayPath', () => {
  it('shows files under the working directory relative, with forward slashes', () => {
    expect(displayPath(at('policies', 'a.json'), root)).toBe('policies/a.json');
    expect(displayPath(at('..x', 'a.json'), root)).toBe('..x/a.json');
  });

  it('shows files elsewhere as given', () => {
    const elsewhere = path.join(path.dirname(root), 'other', 'a.json');
    expect(displayPath(elsewhere, root)).toBe(elsewhere.split(path.sep).join('/'));
    expect(displayPath('<stdin>', root)).toBe('<stdin>');
  });
});

describe('repoPath', () => {
  it('is relative inside the root and absolute outside it', () => {
    expect(repoPath(at('..x', 'a.json'), root)).toEqual({ path: '..x/a.json', relative: true });
    expect(repoPath(path.join(path.dirname(root), 'a.json'), root)).toEqual({ path: path.join(path.dirname(root), 'a.json').split(path.sep).join('/'), relative: false });
  });
});
