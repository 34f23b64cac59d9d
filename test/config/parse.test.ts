/**
 * parseConfig: one config file's JSONC text → a validated ConfigFile. Every
 * problem is a ConfigError naming the exact line and column (1-based, counted
 * after a byte-order mark); unknown keys are errors, with a "did you mean"
 * where the key is a near miss.
 */
import { parseConfig } from '../../src/config/parse';
import { ConfigError } from '../../src/config/types';

const FILE = '/repo/ramlint.config.jsonc';

function parse(text: string) {
  return parseConfig(FILE, text, 'ramlint.config.jsonc');
}

/** `line:column: message` of the error parsing `text` throws. */
function errorOf(text: string): string {
  try {
    parse(text);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    const e = error as ConfigError;
    expect(e.origin.file).toBe(FILE);
    return `${e.origin.line}:${e.origin.column}: ${e.message}`;
  }
  throw new Error('expected a ConfigError');
}

describe('invalid JSON', () => {
  it.each([
    ['an unclosed object', '{\n  "rules": {\n', "3:1: invalid JSON: expected '}'"],
    ['a missing colon', '{\n  "rules" {}\n}', "2:11: invalid JSON: expected ':'"],
    ['single quotes', "{\n  'rules': {}\n}", '2:3: invalid JSON: unexpected character'],
    ['text after the object', '{"rules": {}} x', '1:15: invalid JSON: unexpected character'],
    ['an unterminated string', '{\n  "rules": {"a": "warn\n}', '2:18: invalid JSON: unterminated string'],
    ['an unterminated comment', '{} /* open', '1:4: invalid JSON: unterminated comment'],
    ['a missing comma', '{\n  "root": true\n  "rules": {}\n}', "3:3: invalid JSON: expected ','"],
  ])('%s', (_name, text, expected) => {
    expect(errorOf(text)).toBe(expected);
  });

  it('positions count CRLF line breaks as one', () => {
    expect(errorOf('{\r\n  "root": true\r\n  "rules": {}\r\n}')).toBe("3:3: invalid JSON: expected ','");
  });
});

describe('the top level', () => {
  it.each([
    ['an array', '[]', '1:1: the config must be an object'],
    ['a string', '"rules"', '1:1: the config must be an object'],
    ['null', '\n\nnull', '3:1: the config must be an object'],
    ['a key given twice', '{\n  "rules": {},\n  "rules": {}\n}', '3:3: duplicate key "rules" in the config'],
    ['"root" not a boolean', '{\n  "root": "yes"\n}', '2:11: "root" must be true or false'],
    ['"kind" not a string', '{"kind": 1}', '1:10: "kind" must be a string'],
    ['"kind" not a policy kind', '{\n  "kind": "policy"\n}', '2:11: "kind" must be one of "permission", "trust", "bucket", "resource", "endpoint", "control", "session", not "policy"'],
    ['"rules" not an object', '{\n  "rules": ["admin-access"]\n}', '2:12: "rules" must be an object that maps rule ids to severities'],
    ['"overrides" not an array', '{"overrides": {}}', '1:15: "overrides" must be an array of { "files": [...], "rules": {...} } blocks'],
    ['"ignores" not a string or list', '{"ignores": 1}', '1:13: "ignores" must be a string or an array of strings'],
    ['an "ignores" entry not a string', '{"ignores": ["a", 2]}', '1:19: each entry of "ignores" must be a string'],
    ['an empty "ignores" entry', '{"ignores": ["a", "  "]}', '1:19: "ignores" has an empty entry'],
    ['"plugins" not an array', '{"plugins": "x"}', '1:13: "plugins" must be an array of package names or paths'],
    ['a "plugins" entry not a string', '{"plugins": [1]}', '1:14: each entry of "plugins" must be a string'],
    ['"waivers" not an array', '{"waivers": {}}', '1:13: "waivers" must be an array of { "rule", "files", "reason" } objects'],
  ])('%s', (_name, text, expected) => {
    expect(errorOf(text)).toBe(expected);
  });
});

describe('unknown keys', () => {
  it.each([
    ['a singular "rule"', '{\n  "rule": {}\n}', '2:3: unknown setting "rule" in the config; did you mean "rules"?'],
    ['a capitalised "Rules"', '{"Rules": {}}', '1:2: unknown setting "Rules" in the config; did you mean "rules"?'],
    ['"ignore" for "ignores"', '{"ignore": []}', '1:2: unknown setting "ignore" in the config; did you mean "ignores"?'],
    ['"override" for "overrides"', '{"override": []}', '1:2: unknown setting "override" in the config; did you mean "overrides"?'],
    ['"file" in an override', '{"overrides": [{"file": "*.json"}]}', '1:17: unknown setting "file" in overrides[0]; did you mean "files"?'],
    ['"excluded" in an override', '{"overrides": [{"files": "*", "excluded": []}]}', '1:31: unknown setting "excluded" in overrides[0]; did you mean "excludedFiles"?'],
    ['"reasons" in a waiver', '{"waivers": [{"rule": "a", "files": "x", "reason": "r", "reasons": 5}]}', '1:57: unknown setting "reasons" in waivers[0]; did you mean "reason"?'],
    ['"expire" in a waiver', '{"waivers": [{"rule": "a", "files": "x", "reason": "r", "expire": "2030-01-01"}]}', '1:57: unknown setting "expire" in waivers[0]; did you mean "expires"?'],
  ])('%s gets a suggestion', (_name, text, expected) => {
    expect(errorOf(text)).toBe(expected);
  });

  it('a key with no near miss lists the keys that exist', () => {
    expect(errorOf('{\n  "extends": "base"\n}')).toBe(
      '2:3: unknown setting "extends" in the config; expected one of "$schema", "root", "kind", "rules", "overrides", "ignores", "plugins", "processors", "waivers", "catalogue"',
    );
    expect(errorOf('{"overrides": [{"files": "*", "severity": "off"}]}')).toBe(
      '1:31: unknown setting "severity" in overrides[0]; expected one of "files", "excludedFiles", "rules", "kind"',
    );
  });
});

describe('rule entries', () => {
  it.each([
    ['a number', '{"rules": {\n  "admin-access": 2\n}}', '2:19: rule "admin-access" must be "off", "warn", "error" or "info", or an array ["warn", { options }]'],
    ['an empty array', '{"rules": {"a": []}}', '1:17: rule "a" must be "off", "warn", "error" or "info", or an array ["warn", { options }]'],
    ['an array starting with a number', '{"rules": {"a": [1]}}', '1:18: rule "a" must be "off", "warn", "error" or "info", or an array ["warn", { options }]'],
    ['an unknown severity', '{"rules": {\n  "a": "fatal"\n}}', '2:8: rule "a" has unknown severity "fatal"; use "off", "warn", "error" or "info"'],
    ['an unknown severity in an array', '{"rules": {"a": ["Error"]}}', '1:18: rule "a" has unknown severity "Error"; use "off", "warn", "error" or "info"'],
    ['options that are not an object', '{"rules": {"a": ["warn", 3]}}', '1:26: the options of rule "a" must be an object'],
    ['more than severity and options', '{"rules": {"a": ["warn", {}, 3]}}', '1:30: rule "a" takes [severity, options]; remove the extra entries'],
    ['the same rule twice', '{"rules": {\n  "a": "error",\n  "a": "warn"\n}}', '3:3: rule "a" is configured twice in "rules"'],
    ['an error inside an override', '{"overrides": [{"files": "*", "rules": {"a": "e"}}]}', '1:46: rule "a" has unknown severity "e"; use "off", "warn", "error" or "info"'],
    ['the same rule twice in an override', '{"overrides": [{"files": "*", "rules": {"a": "off", "a": "off"}}]}', '1:53: rule "a" is configured twice in overrides[0].rules'],
  ])('%s', (_name, text, expected) => {
    expect(errorOf(text)).toBe(expected);
  });

  it('accepts every severity name and maps "warn" to "warning"', () => {
    const config = parse('{"rules": {"a": "off", "b": "warn", "c": "warning", "d": "error", "e": "info"}}');
    expect(Object.fromEntries([...config.rules].map(([id, e]) => [id, e.severity]))).toEqual({ a: 'off', b: 'warning', c: 'warning', d: 'error', e: 'info' });
  });

  it('keeps options and where the rule and its options were written', () => {
    const config = parse('{\n  "rules": {\n    "trust-external-principal": ["warn", {"trustedAccounts": ["1"], "nested": [1, {"x": null}]}],\n    "admin-access": ["error"]\n  }\n}');
    expect(config.rules.get('trust-external-principal')).toEqual({
      severity: 'warning',
      options: { trustedAccounts: ['1'], nested: [1, { x: null }] },
      origin: { file: FILE, line: 3, column: 5 },
      optionsOrigin: { file: FILE, line: 3, column: 42 },
    });
    expect(config.rules.get('admin-access')).toEqual({ severity: 'error', origin: { file: FILE, line: 4, column: 5 } });
  });
});

describe('overrides', () => {
  it.each([
    ['a block that is not an object', '{"overrides": [1]}', '1:16: overrides[0] must be an object'],
    ['a block without files', '{"overrides": [\n  {"files": "*"},\n  {"rules": {}}\n]}', '3:3: overrides[1] needs "files": the globs it applies to'],
    ['files of the wrong type', '{"overrides": [{"files": 1}]}', '1:26: overrides[0].files must be a string or an array of strings'],
    ['a files entry that is not a string', '{"overrides": [{"files": ["*", 1]}]}', '1:32: each entry of overrides[0].files must be a string'],
    ['an empty files entry', '{"overrides": [{"files": [" "]}]}', '1:27: overrides[0].files has an empty entry'],
    ['an empty files list', '{"overrides": [{"files": []}]}', '1:26: overrides[0].files must name at least one pattern'],
    ['an empty excludedFiles entry', '{"overrides": [{"files": "*", "excludedFiles": [""]}]}', '1:49: overrides[0].excludedFiles has an empty entry'],
    ['excludedFiles of the wrong type', '{"overrides": [{"files": "*", "excludedFiles": {}}]}', '1:48: overrides[0].excludedFiles must be a string or an array of strings'],
    ['an unknown kind', '{"overrides": [{"files": "*", "kind": "x"}]}', '1:39: overrides[0].kind must be one of "permission", "trust", "bucket", "resource", "endpoint", "control", "session", not "x"'],
    ['rules that are not an object', '{"overrides": [{"files": "*", "rules": "off"}]}', '1:40: overrides[0].rules must be an object that maps rule ids to severities'],
  ])('%s', (_name, text, expected) => {
    expect(errorOf(text)).toBe(expected);
  });

  it('reads files and excludedFiles as strings or lists, and an empty excludedFiles', () => {
    const config = parse('{"overrides": [{"files": "a/*.json", "excludedFiles": "a/x.json", "kind": "trust"}, {"files": ["b/**"], "excludedFiles": [], "rules": {"admin-access": "off"}}]}');
    expect(config.overrides.map((o) => ({ ...o, rules: [...o.rules.keys()] }))).toEqual([
      { files: ['a/*.json'], excludedFiles: ['a/x.json'], rules: [], kind: 'trust' },
      { files: ['b/**'], excludedFiles: [], rules: ['admin-access'] },
    ]);
  });
});

describe('waivers', () => {
  const waiver = (extra: string) => `{"waivers": [{"rule": "a", "files": "x", "reason": "r"${extra}}]}`;

  it.each([
    ['a waiver that is not an object', '{"waivers": ["a"]}', '1:14: waivers[0] must be an object'],
    ['no rule', '{"waivers": [\n  {"files": "x", "reason": "r"}\n]}', '2:3: waivers[0] needs "rule": the rule id it waives'],
    ['no files', '{"waivers": [{"rule": "a", "reason": "r"}]}', '1:14: waivers[0] needs "files": the globs of the files it covers'],
    ['no reason', '{"waivers": [{"rule": "a", "files": "x"}]}', '1:14: waivers[0] needs "reason": why the risk is accepted'],
    ['a rule that is not a string', '{"waivers": [{"rule": 1, "files": "x", "reason": "r"}]}', '1:23: waivers[0].rule must be a string'],
    ['an empty files list', '{"waivers": [{"rule": "a", "files": [], "reason": "r"}]}', '1:37: waivers[0].files must name at least one pattern'],
    ['a blank reason', '{"waivers": [{"rule": "a", "files": "x", "reason": "  "}]}', '1:52: waivers[0].reason must say why the risk is accepted'],
    ['a reason that is not a string', '{"waivers": [{"rule": "a", "files": "x", "reason": true}]}', '1:52: waivers[0].reason must be a string'],
    ['a negative statement index', waiver(', "statement": -1'), "1:70: waivers[0].statement must be a statement's Sid (a string) or its 0-based index"],
    ['a fractional statement index', waiver(', "statement": 1.5'), "1:70: waivers[0].statement must be a statement's Sid (a string) or its 0-based index"],
    ['an empty statement Sid', waiver(', "statement": ""'), "1:70: waivers[0].statement must be a statement's Sid (a string) or its 0-based index"],
    ['a boolean statement', waiver(', "statement": true'), "1:70: waivers[0].statement must be a statement's Sid (a string) or its 0-based index"],
    ['a path that is not a string', waiver(', "path": 3'), '1:65: waivers[0].path must be a string'],
    ['an impossible date', waiver(', "expires": "2024-02-30"'), '1:68: waivers[0].expires is not a real date: "2024-02-30"'],
    ['a date without leading zeros', waiver(', "expires": "2024-1-01"'), '1:68: waivers[0].expires must be a date written YYYY-MM-DD, not "2024-1-01"'],
    ['a date with a time', waiver(', "expires": "2024-01-01T00:00:00Z"'), '1:68: waivers[0].expires must be a date written YYYY-MM-DD, not "2024-01-01T00:00:00Z"'],
    ['a date that is not a string', waiver(', "expires": 20240101'), '1:68: waivers[0].expires must be a string'],
    ['an owner that is not a string', waiver(', "owner": 5'), '1:66: waivers[0].owner must be a string'],
  ])('%s', (_name, text, expected) => {
    expect(errorOf(text)).toBe(expected);
  });

  it('reads every field; the reason is trimmed, the statement is a Sid or an index, and 29 February exists in leap years', () => {
    const config = parse(`{
  "waivers": [
    {"rule": "a", "files": "x.json", "reason": "  accepted  ", "statement": 0},
    {"rule": "b", "files": ["y/*.json"], "reason": "r", "statement": "AllowPass", "path": "Statement[0].Resource", "expires": "2024-02-29", "owner": "sec-team"}
  ]
}`);
    expect(config.waivers).toEqual([
      { rule: 'a', files: ['x.json'], reason: 'accepted', statement: 0, origin: { file: FILE, line: 3, column: 5 }, id: 'ramlint.config.jsonc: waivers[0]' },
      {
        rule: 'b',
        files: ['y/*.json'],
        reason: 'r',
        statement: 'AllowPass',
        path: 'Statement[0].Resource',
        expires: '2024-02-29',
        owner: 'sec-team',
        origin: { file: FILE, line: 4, column: 5 },
        id: 'ramlint.config.jsonc: waivers[1]',
      },
    ]);
  });
});

describe('JSONC', () => {
  it('accepts line and block comments and trailing commas everywhere', () => {
    const config = parse(`// ramlint configuration
{
  /* the repository root */
  "root": true,
  "kind": "permission", // default kind
  "rules": {
    "admin-access": "warn", // trailing comma next
  },
  "overrides": [
    { "files": ["a/**",], "rules": { "policy-size": "off", }, },
  ],
  "ignores": ["generated/",],
  "plugins": ["./plugin.js",],
  "waivers": [
    { "rule": "admin-access", "files": "x.json", "reason": "r", },
  ],
}
// end`);
    expect(config.root).toBe(true);
    expect(config.kind).toBe('permission');
    expect([...config.rules.keys()]).toEqual(['admin-access']);
    expect(config.overrides).toHaveLength(1);
    expect(config.overrides[0]?.files).toEqual(['a/**']);
    expect(config.ignores).toEqual(['generated/']);
    expect(config.plugins).toEqual([{ spec: './plugin.js', origin: { file: FILE, line: 13, column: 15 } }]);
    expect(config.waivers.map((w) => w.rule)).toEqual(['admin-access']);
  });

  it('reads past a byte-order mark, and positions are counted after it', () => {
    const config = parse('\uFEFF{"root": true, "rules": {"admin-access": "off"}}');
    expect(config.root).toBe(true);
    expect(config.rules.get('admin-access')?.origin).toEqual({ file: FILE, line: 1, column: 26 });
    expect(errorOf('\uFEFF{"rule": {}}')).toBe('1:2: unknown setting "rule" in the config; did you mean "rules"?');
    expect(errorOf('\uFEFF\n  {"rules": 3}')).toBe('2:13: "rules" must be an object that maps rule ids to severities');
  });

  it('an empty object is a valid config with defaults', () => {
    expect(parse('{}')).toEqual({ file: FILE, dir: '/repo', root: false, rules: new Map(), overrides: [], ignores: [], plugins: [], waivers: [] });
    expect(parse('{"$schema": "https://example.com/schema.json", "root": false}').root).toBe(false);
  });

  it('"ignores" may be a single string', () => {
    expect(parse('{"ignores": "generated/**"}').ignores).toEqual(['generated/**']);
  });
});

describe('ConfigError.format', () => {
  it('writes file:line:column: message with the file as the caller shows it', () => {
    try {
      parse('{\n  "rule": {}\n}');
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect((error as ConfigError).format((f) => f.replace('/repo/', ''))).toBe('ramlint.config.jsonc:2:3: unknown setting "rule" in the config; did you mean "rules"?');
    }
  });
});
