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
