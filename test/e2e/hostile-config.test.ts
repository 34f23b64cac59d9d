/**
 * Hostile configs through the CLI: a config that arrives with an untrusted
 * change cannot turn a rule off with a prototype name, hang the run with a
 * pattern, or overflow the stack; each is a configuration error (exit 2) in
 * every format.
 */
import { ramlint, scratch } from '../helpers/cli';

const ADMIN = '{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}\n';

let tmp: ReturnType<typeof scratch>;
beforeEach(() => {
  tmp = scratch();
  tmp.write('.git/HEAD', 'ref: refs/heads/main\n');
  tmp.write('p.json', ADMIN);
});
afterEach(() => tmp.cleanup());

const run = (args: string[]) => ramlint(args, { cwd: tmp.dir });

describe.each(['constructor', 'toString', '__proto__'])('"admin-access": "%s"', (word) => {
  it.each(['stylish', 'json', 'sarif', 'junit'])('is an unknown severity in --format %s: exit 2, no crash, no pass', (format) => {
    tmp.write('ramlint.config.jsonc', `{"rules": {"admin-access": "${word}"}}`);
    const r = run(['--format', format, 'p.json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`rule "admin-access" has unknown severity "${word}"`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('patterns and nesting', () => {
  it('an extglob ignore pattern is literal text: a long file name is matched at once and still linted', () => {
    tmp.write('ramlint.config.jsonc', '{"ignores": ["+(a|aa)b"]}');
    const name = `${'a'.repeat(60)}c.json`;
    tmp.write(name, ADMIN);
    const r = run(['--format', 'json', name]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)[0].errorCount).toBeGreaterThan(0);
  });

  it('a brace bomb is refused with the pattern named', () => {
    tmp.write('ramlint.config.jsonc', `{"ignores": ["${'{a,b}'.repeat(40)}"]}`);
    const r = run(['p.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the pattern in "ignores" expands to more than 64 patterns');
  });

  it('a config nested 5,000 levels deep is refused, not a stack overflow', () => {
    tmp.write('ramlint.config.jsonc', `{"rules": {"admin-access": ["warn", ${'['.repeat(5000)}${']'.repeat(5000)}]}}`);
    const r = run(['p.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the config is nested deeper than 100 levels');
    expect(r.stderr).not.toMatch(/Maximum call stack|\n\s+at /);
  });
});

describe('text from a config or a plugin name on stderr', () => {
  /** No raw control character, line separator or bidi override: one line per message, none starting an annotation. */
  const expectEscaped = (stderr: string) => {
    expect(stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
    expect(stderr.split('\n').filter((l) => l !== '' && !l.startsWith('ramlint'))).toEqual([]);
  };
  const KIND = '{"root": true, "kind": "\\u001b[31m\\n::error::k\\u202e"}';
  const PLUGIN = '{"root": true, "plugins": ["./\\u001b[31mX\\n::error file=a,line=1::forged"]}';

  it.each([
    ['a lint of the directory', ['sub']],
    ['rules', ['rules']],
    ['--print-config', ['--print-config', 'p.json']],
  ])('a bad "kind" in sub/ramlint.config.json: %s', (_, args) => {
    tmp.write('sub/ramlint.config.json', KIND);
    tmp.write('sub/p.json', ADMIN);
    const r = ramlint(args, { cwd: args[0] === 'sub' ? tmp.dir : `${tmp.dir}/sub` });
    expect(r.code).toBe(2);
    expectEscaped(r.stderr);
    expect(r.stderr).toContain('not "\\u001b[31m\\n::error::k\\u202e"');
  });

  it.each([['p.json'], ['rules'], ['--print-config', 'p.json']])('a plugin name with ESC and a newline: ramlint %s', (...args) => {
    tmp.write('ramlint.config.json', PLUGIN);
    const r = run(args);
    expect(r.code).toBe(2);
    expectEscaped(r.stderr);
    expect(r.stderr).toContain('cannot load plugin "./\\u001b[31mX\\n::error file=a,line=1::forged"');
  });

  it('a glob that matches nothing and a missing path, named with control characters', () => {
    const glob = run(['nope\n::error::g*.json']);
    expect(glob.code).toBe(2);
    expectEscaped(glob.stderr);
    expect(glob.stderr).toBe('ramlint: no files match the pattern "nope\\n::error::g*.json"\n');
    const missing = run(['p.json', 'gone\n::error::m.json']);
    expect(missing.code).toBe(2);
    expectEscaped(missing.stderr);
  });
});
