/** new RamLint(options): every wrong option is a TypeError that names it, before any file is touched. */
import { RamLint } from '../../src';

describe('RamLint options', () => {
  it.each([
    ['a Buffer', Buffer.from('{}'), 'RamLint options must be a plain object, not a Buffer'],
    ['null', null, 'RamLint options must be a plain object, not null'],
    ['an array', [], 'RamLint options must be a plain object, not an array'],
    ['a string', 'policies/', 'RamLint options must be a plain object, not the string "policies/"'],
    ['an unknown key', { fixx: true }, 'RamLint: unknown option "fixx"'],
    ['a prototype name as a key', JSON.parse('{"__proto__": {"fix": true}}'), 'RamLint: unknown option "__proto__"'],
    ['cwd as a Buffer', { cwd: Buffer.from('/tmp') }, 'RamLint option "cwd" must be a non-empty string (a directory), not a Buffer'],
    ['cwd null', { cwd: null }, 'RamLint option "cwd" must be a non-empty string (a directory), not null'],
    ['plugins as a string', { plugins: 'acme' }, 'RamLint option "plugins" must be an array of strings, not the string "acme"'],
    ['an unknown kind', { kind: 'role' }, 'RamLint option "kind" must be one of permission, trust, bucket, resource, endpoint, control, session, not the string "role"'],
    ['fix as a string', { fix: 'yes' }, 'RamLint option "fix" must be true, false or a function of a message'],
    ['allowInlineConfig as a string', { allowInlineConfig: 'no' }, 'RamLint option "allowInlineConfig" must be true or false'],
    ['a file system without writeFile', { fs: { readFile() {}, lstat() {}, stat() {}, readdir() {}, realpath() {} } }, 'RamLint option "fs" must implement readFile, lstat, stat, readdir, realpath, writeFile'],
    ['an unknown processor', { processors: ['cobol'] }, 'RamLint option "processors": unknown processor "cobol"'],
    ['overrideConfig as a Map', { overrideConfig: new Map() }, 'RamLint option "overrideConfig" must be a plain object in the shape of a config file, not a Map'],
    ['overrideConfig with a misspelt key', { overrideConfig: { rule: {} } }, 'RamLint option "overrideConfig": unknown setting "rule" in the config; did you mean "rules"? (at 2:3 of the object as JSON)'],
    ['overrideConfig with a BigInt', { overrideConfig: { rules: { 'admin-access': BigInt(1) } } }, 'RamLint option "overrideConfig" must be plain JSON data'],
  ])('%s', (_name, options, message) => {
    expect(() => new RamLint(options as never)).toThrow(TypeError);
    expect(() => new RamLint(options as never)).toThrow(message);
  });

  it('undefined values are as good as absent, and no options at all is fine', () => {
    expect(() => new RamLint()).not.toThrow();
    expect(() => new RamLint({ cwd: undefined, fix: undefined })).not.toThrow();
  });

  it('lintText and lintFiles check their own arguments', async () => {
    const api = new RamLint({ cwd: '/nonexistent-ramlint-cwd' });
    await expect(api.lintText(Buffer.from('{}') as never)).rejects.toThrow('RamLint.lintText takes the text as a string, not object');
    await expect(api.lintText('{}', { filePath: '' })).rejects.toThrow('RamLint.lintText option "filePath" must be a non-empty string');
    await expect(api.lintFiles([1] as never)).rejects.toThrow('RamLint.lintFiles takes a path or glob, or an array of them');
    await expect(api.loadFormatter('xml')).rejects.toThrow('RamLint.loadFormatter: unknown format "xml"');
  });
});
