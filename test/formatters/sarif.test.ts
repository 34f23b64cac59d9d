import { catalogueInfo } from '../../src/engine/catalog/catalogue';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { CORE_DIAGNOSTICS } from '../../src/engine/core-diagnostics';
import { loadFormatter } from '../../src/formatters';
import { lineHashes } from '../../src/formatters/line-hash';
import { sarif } from '../../src/formatters/sarif';
import { builtinRules } from '../../src/rules';
import { ADMIN, ADMIN_TEXT, BROKEN, RESULTS, ROOT, TRUST, context, msg, result } from './sample';

type Log = any;

const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'sarif-2.1.0.schema.json'), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(schema);

function expectValid(log: unknown): void {
  const ok = validate(log);
  expect(ok ? [] : ajv.errorsText(validate.errors, { separator: '\n' }).split('\n')).toEqual([]);
}

/** What GitHub code scanning requires beyond the schema (ecosystem.md §3.1). */
function expectGitHubReady(log: Log): void {
  expect(log.version).toBe('2.1.0');
  expect(log.runs).toHaveLength(1);
  const run = log.runs[0];
  expect(run.tool.driver.name).toBe('ramlint');
  expect(run.columnKind).toBe('utf16CodeUnits');
  // Left to upload-sarif's `category`, which it applies only to a run without automationDetails.
  expect(run.automationDetails).toBeUndefined();
  const ids = run.tool.driver.rules.map((r: Log) => r.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const rule of run.tool.driver.rules) {
    expect(rule.shortDescription.text.trim()).not.toBe('');
    expect(rule.fullDescription.text.trim()).not.toBe('');
    expect(rule.help.text.trim()).not.toBe('');
    expect(rule.shortDescription.text.length).toBeLessThanOrEqual(1024);
    expect(rule.fullDescription.text.length).toBeLessThanOrEqual(1024);
    expect(rule.name.length).toBeLessThanOrEqual(255);
    expect(rule.properties.tags.length).toBeLessThanOrEqual(20);
    if (rule.properties.tags.includes('security')) {
      const s = Number(rule.properties['security-severity']);
      expect(s).toBeGreaterThanOrEqual(0.1);
      expect(s).toBeLessThanOrEqual(10);
    }
  }
  for (const r of run.results) {
    expect(run.tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
    expect(r.message.text.trim()).not.toBe('');
    expect(r.locations.length).toBeGreaterThanOrEqual(1);
    const { artifactLocation, region } = r.locations[0].physicalLocation;
    expect(artifactLocation.uri).not.toMatch(/\\/);
    expect(artifactLocation.uri).not.toMatch(/^\//);
    expect(artifactLocation.uri).not.toMatch(/^[a-z][a-z0-9+.-]*:/i);
    expect(artifactLocation.uriBaseId).toBe('%SRCROOT%');
    expect(run.originalUriBaseIds[artifactLocation.uriBaseId]).toBeDefined();
    for (const k of ['startLine', 'startColumn', 'endLine', 'endColumn']) expect(region[k]).toBeGreaterThanOrEqual(1);
    expect(region.endLine).toBeGreaterThanOrEqual(region.startLine);
    if (region.endLine === region.startLine) expect(region.endColumn).toBeGreaterThanOrEqual(region.startColumn);
    expect(typeof r.partialFingerprints['ramlint/v1']).toBe('string');
  }
}

const sha256 = (...parts: string[]) => createHash('sha256').update(parts.join('\0')).digest('hex');

describe('sarif formatter', () => {
  const text = sarif(RESULTS, context());
  const log: Log = JSON.parse(text);
  const run = log.runs[0];
  const rule = (id: string) => run.tool.driver.rules.find((r: Log) => r.id === id);

  it('is registered as "sarif" and ends with a newline', () => {
    expect(loadFormatter('sarif')).toBe(sarif);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('is valid against the official SARIF 2.1.0 schema', () => {
    expectValid(log);
  });

  it('meets what GitHub code scanning requires', () => {
    expectGitHubReady(log);
  });

  it('rejects what the schema rejects (the validator is live)', () => {
    const broken = JSON.parse(text);
    broken.runs[0].results[0].level = 'critical';
    expect(validate(broken)).toBe(false);
  });

  it('writes the log and run envelope', () => {
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(Object.keys(run)).toEqual(['tool', 'originalUriBaseIds', 'columnKind', 'results']);
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///repo/' } });
    expect(run.tool.driver).toMatchObject({ name: 'ramlint', semanticVersion: '1.2.3', informationUri: 'https://github.com/ramlint/ramlint' });
  });

  it('describes every loaded rule and every core diagnostic, sorted by id', () => {
    const expected = ['acme/no-foo', 'admin-access', 'invalid-arn', 'prefer-list', 'trust-wildcard-principal', ...CORE_DIAGNOSTICS.map((d) => d.id)].sort();
    expect(run.tool.driver.rules.map((r: Log) => r.id)).toEqual(expected);
    expect(expected).toEqual(expect.arrayContaining(['internal-error', 'invalid-json', 'unreadable-file']));
  });

  it('describes a security rule with tags, precision and security-severity', () => {
    const url = 'https://github.com/ramlint/ramlint/blob/main/docs/rules/admin-access.md';
    expect(rule('admin-access')).toEqual({
      id: 'admin-access',
      name: 'AdminAccess',
      shortDescription: { text: 'Disallow statements that grant full administrative access.' },
      fullDescription: { text: 'Disallow statements that grant full administrative access.' },
      help: {
        text: `Disallow statements that grant full administrative access.\n\nDocumentation: ${url}`,
        markdown: `**admin-access** (security): Disallow statements that grant full administrative access.\n\n[Rule documentation](${url})`,
      },
      helpUri: url,
      defaultConfiguration: { level: 'error' },
      properties: { tags: ['security'], precision: 'high', 'problem.severity': 'error', 'security-severity': '8.0' },
    });
    expect(rule('trust-wildcard-principal').properties).toEqual({ tags: ['security'], precision: 'high', 'problem.severity': 'warning', 'security-severity': '5.0' });
    expect(rule('trust-wildcard-principal').fullDescription.text).toBe('Disallow "*" as the principal of a trust policy. Applies to trust policies.');
  });

  it('maps default severities to levels and leaves security-severity to security rules', () => {
    expect(rule('invalid-arn').defaultConfiguration.level).toBe('warning');
    expect(rule('invalid-arn').properties).toEqual({ tags: ['syntax'], precision: 'very-high', 'problem.severity': 'warning' });
    expect(rule('prefer-list').defaultConfiguration.level).toBe('note');
    expect(rule('prefer-list').properties).toEqual({ tags: ['suggestion'], precision: 'medium', 'problem.severity': 'recommendation' });
    expect(rule('prefer-list').fullDescription.text).toBe('Prefer a list for a single action. A safe automatic fix is available (ramlint --fix).');
  });

  it('describes plugin rules without a docs link and core diagnostics as such', () => {
    expect(rule('acme/no-foo')).toMatchObject({ name: 'AcmeNoFoo', help: { text: 'Disallow foo.', markdown: '**acme/no-foo** (correctness): Disallow foo.' } });
    expect(rule('acme/no-foo').helpUri).toBeUndefined();
    for (const d of CORE_DIAGNOSTICS) {
      expect(rule(d.id)).toMatchObject({ shortDescription: { text: d.description }, defaultConfiguration: { level: { error: 'error', warning: 'warning', info: 'note' }[d.severity] } });
      expect(rule(d.id).fullDescription.text).toContain('Built into ramlint');
    }
    for (const id of ['internal-error', 'invalid-json', 'unreadable-file']) {
      expect(rule(id).fullDescription.text).toContain('cannot be turned off: the file was not (fully) checked.');
    }
  });

  it('writes a finding with location, JSON path and fingerprint', () => {
    expect(run.results[0]).toEqual({
      ruleId: 'admin-access',
      ruleIndex: 1,
      level: 'error',
      message: { text: 'Action "*" grants every action.' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'policies/admin.json', uriBaseId: '%SRCROOT%' },
            region: { startLine: 4, startColumn: 36, endLine: 4, endColumn: 39 },
          },
          logicalLocations: [{ fullyQualifiedName: 'Statement[0].Action', kind: 'value' }],
        },
      ],
      partialFingerprints: { 'ramlint/v1': sha256('admin-access', 'policies/admin.json', 'Statement[0].Action', '*') },
      properties: { category: 'security', jsonPath: 'Statement[0].Action' },
    });
  });

  it('maps info to note and falls back to the message for the fingerprint', () => {
    const info = run.results.find((r: Log) => r.ruleId === 'prefer-list');
    expect(info.level).toBe('note');
    expect(info.partialFingerprints['ramlint/v1']).toBe(sha256('prefer-list', 'policies/admin.json', 'Statement[0].Action', 'Write the action as a list.'));
    // No source text in the context: no line hash and no fixes.
    expect(info.partialFingerprints.primaryLocationLineHash).toBeUndefined();
    expect(info.fixes).toBeUndefined();
  });

  it('keeps special characters and non-ASCII text as they are (JSON escaping only)', () => {
    const special = run.results.find((r: Log) => r.ruleId === 'invalid-arn');
    expect(special.message.text).toBe('Resource "acs:ram::1:role/a<b>" & 100% odd,\nsee: docs');
    const trust = run.results.find((r: Log) => r.ruleId === 'trust-wildcard-principal');
    expect(trust.message.text).toBe('任何账号都可以扮演此角色：Principal 为 “*”。');
    expect(text).toContain('任何账号都可以扮演此角色');
  });

  it('percent-encodes a path with spaces and keeps a multi-line region', () => {
    const trust = run.results.find((r: Log) => r.ruleId === 'trust-wildcard-principal');
    expect(trust.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'policies/with%20space/trust%20policy.json', uriBaseId: '%SRCROOT%' },
      region: { startLine: 3, startColumn: 5, endLine: 5, endColumn: 6 },
    });
    // The fingerprint uses the decoded repo-relative path.
    expect(trust.partialFingerprints['ramlint/v1']).toBe(sha256('trust-wildcard-principal', 'policies/with space/trust policy.json', 'Statement[0].Principal', '*'));
  });

  it('emits suppressed findings with SARIF suppressions', () => {
    const suppressed = run.results.filter((r: Log) => r.suppressions);
    expect(suppressed.map((r: Log) => [r.ruleId, r.suppressions])).toEqual([
      ['acme/no-foo', [{ kind: 'external', justification: 'Legacy <policy> & "approved"', properties: { ramlintKind: 'waiver', source: '.ramlintrc.json' } }]],
      ['admin-access', [{ kind: 'inSource', justification: 'break-glass role', properties: { ramlintKind: 'directive' } }]],
    ]);
    expect(run.results.filter((r: Log) => !r.suppressions)).toHaveLength(5);
  });

  it('reports a file that is not valid JSON against the invalid-json descriptor', () => {
    const broken = run.results.find((r: Log) => r.ruleId === 'invalid-json');
    expect(run.tool.driver.rules[broken.ruleIndex].id).toBe('invalid-json');
    expect(broken).toMatchObject({ level: 'error', locations: [{ physicalLocation: { artifactLocation: { uri: 'broken.json' } } }] });
    expect(broken.locations[0].logicalLocations).toBeUndefined();
    expect(broken.properties).toEqual({ category: 'syntax', jsonPath: '' });
  });

  it('writes nothing for a clean file and a valid empty run for no results', () => {
    expect(run.results.map((r: Log) => r.locations[0].physicalLocation.artifactLocation.uri)).not.toContain('policies/clean.json');
    const empty: Log = JSON.parse(sarif([], context()));
    expectValid(empty);
    expectGitHubReady(empty);
    expect(empty.runs[0].results).toEqual([]);
  });

  it('is deterministic', () => {
    expect(sarif(RESULTS, context())).toBe(text);
  });

  it('makes paths relative to repoRoot when given', () => {
    const nested: Log = JSON.parse(sarif([result(ADMIN, RESULTS[0]!.messages)], context({ cwd: `${ROOT}/policies`, repoRoot: ROOT })));
    expect(nested.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('policies/admin.json');
    const fromSub: Log = JSON.parse(sarif([result(ADMIN, RESULTS[0]!.messages)], context({ cwd: ROOT, repoRoot: `${ROOT}/policies` })));
    expect(fromSub.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('admin.json');
    expect(fromSub.runs[0].originalUriBaseIds['%SRCROOT%'].uri).toBe('file:///repo/policies/');
  });

  it('gives a file outside the root an absolute file URI', () => {
    const outside: Log = JSON.parse(sarif([result('/elsewhere/a b.json', [msg('admin-access', 'security', 'error', 'x', [1, 1, 1, 2], '')])], context()));
    expectValid(outside);
    expect(outside.runs[0].results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'file:///elsewhere/a%20b.json' });
  });

  it('describes a rule id that no loaded rule declares', () => {
    const unknown: Log = JSON.parse(sarif([result(ADMIN, [msg('other/rule', 'correctness', 'info', 'Something.', [1, 1, 1, 2], '')])], context()));
    expectValid(unknown);
    expectGitHubReady(unknown);
    const r = unknown.runs[0].results[0];
    expect(unknown.runs[0].tool.driver.rules[r.ruleIndex]).toMatchObject({ id: 'other/rule', defaultConfiguration: { level: 'note' } });
  });

  it('clamps degenerate positions to valid 1-based regions', () => {
    const odd: Log = JSON.parse(sarif([result(ADMIN, [msg('unreadable-file', 'syntax', 'error', 'Cannot read.', [0, 0, 0, 0], '')])], context()));
    expectValid(odd);
    expect(odd.runs[0].results[0].locations[0].physicalLocation.region).toEqual({ startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 });
  });

  describe('with the source text in the context', () => {
    const withSource: Log = JSON.parse(sarif(RESULTS, context({ sources: new Map([[ADMIN, ADMIN_TEXT]]) })));
    const results = withSource.runs[0].results;

    it('stays valid and GitHub-ready', () => {
      expectValid(withSource);
      expectGitHubReady(withSource);
    });

    it("adds GitHub's primaryLocationLineHash for the finding's start line", () => {
      const hashes = lineHashes(ADMIN_TEXT);
      const admin = results.find((r: Log) => r.ruleId === 'admin-access');
      expect(admin.partialFingerprints).toEqual({
        primaryLocationLineHash: hashes[3],
        'ramlint/v1': sha256('admin-access', 'policies/admin.json', 'Statement[0].Action', '*'),
      });
      expect(admin.partialFingerprints.primaryLocationLineHash).toMatch(/^[0-9a-f]{1,16}:1$/);
      // Only files whose text was given get one.
      expect(results.find((r: Log) => r.ruleId === 'invalid-json').partialFingerprints.primaryLocationLineHash).toBeUndefined();
    });

    it('emits a safe fix as a SARIF fix with line/column regions', () => {
      const info = results.find((r: Log) => r.ruleId === 'prefer-list');
      const uri = { uri: 'policies/admin.json', uriBaseId: '%SRCROOT%' };
      expect(info.fixes).toEqual([
        {
          description: { text: 'Apply the safe fix (what `ramlint --fix` does).' },
          artifactChanges: [
            {
              artifactLocation: uri,
              replacements: [
                { deletedRegion: { startLine: 4, startColumn: 36, endLine: 4, endColumn: 36 }, insertedContent: { text: '[' } },
                { deletedRegion: { startLine: 4, startColumn: 39, endLine: 4, endColumn: 39 }, insertedContent: { text: ']' } },
              ],
            },
          ],
          properties: { safe: true },
        },
      ]);
    });

    it('emits suggestions as fixes marked unsafe', () => {
      const offset = ADMIN_TEXT.indexOf('"*"');
      const withSuggestion = result(ADMIN, [
        msg('admin-access', 'security', 'error', 'Action "*" grants every action.', [4, 36, 4, 39], 'Statement[0].Action', {
          suggestions: [{ desc: 'Replace "*" with "ecs:Describe*".', edits: [{ offset, length: 3, text: '"ecs:Describe*"' }] }],
        }),
      ]);
      const out: Log = JSON.parse(sarif([withSuggestion], context({ sources: new Map([[ADMIN, ADMIN_TEXT]]) })));
      expectValid(out);
      expect(out.runs[0].results[0].fixes).toEqual([
        {
          description: { text: 'Suggestion (changes who can do what; review before applying): Replace "*" with "ecs:Describe*".' },
          artifactChanges: [
            {
              artifactLocation: { uri: 'policies/admin.json', uriBaseId: '%SRCROOT%' },
              replacements: [{ deletedRegion: { startLine: 4, startColumn: 36, endLine: 4, endColumn: 39 }, insertedContent: { text: '"ecs:Describe*"' } }],
            },
          ],
          properties: { safe: false },
        },
      ]);
    });
  });

  it('produces a valid, GitHub-ready log for the built-in rules', () => {
    const ids = [...builtinRules.keys()];
    const findings = ids.map((id, i) => msg(id, builtinRules.get(id)!.meta.category, builtinRules.get(id)!.meta.defaultSeverity, `Finding ${i}.`, [i + 1, 1, i + 1, 5], `Statement[${i}]`));
    const log: Log = JSON.parse(sarif([result(TRUST, findings), result(BROKEN, [])], { cwd: ROOT, color: false, rules: builtinRules, version: '0.1.0' }));
    expectValid(log);
    expectGitHubReady(log);
    expect(log.runs[0].tool.driver.rules).toHaveLength(builtinRules.size + CORE_DIAGNOSTICS.length);
    // Core diagnostics have pages too (docs/rules/invalid-json.md …), checked to exist by docs.test.ts.
    for (const r of log.runs[0].tool.driver.rules) expect([r.id, r.helpUri]).toEqual([r.id, `https://github.com/ramlint/ramlint/blob/main/docs/rules/${r.id}.md`]);
    for (const d of CORE_DIAGNOSTICS) expect([d.id, fs.existsSync(path.join(__dirname, '..', '..', 'docs', 'rules', `${d.id}.md`))]).toEqual([d.id, true]);
  });
});

describe('lineHashes (port of github/codeql-action fingerprints.ts hash())', () => {
  // Expected values from codeql-action's src/fingerprints.test.ts.
  it.each<[string, string[]]>([
    ['', ['c129715d7a2bc9a3:1']],
    [' a\nb\n  \t\tc\n d', ['271789c17abda88f:1', '54703d4cd895b18:1', '180aee12dab6264:1', 'a23a3dc5e078b07b:1']],
    [' hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End', ['8b7cf3e952e7aeb2:1', 'b1ae1287ec4718d9:1', 'bff680108adb0fcc:1', 'c6805c5e1288b612:1', 'b86d3392aea1be30:1', 'e6ceba753e1a442:1']],
    ...[
      ' hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End\n',
      ' hello; \t\nworld!!!\r\r\r  \t\tGreetings\r End\r',
      ' hello; \t\r\nworld!!!\r\n\r\n\r\n  \t\tGreetings\r\n End\r\n',
      ' hello; \t\nworld!!!\r\n\n\r  \t\tGreetings\r End\r\n',
    ].map((input): [string, string[]] => [
      input,
      ['e9496ae3ebfced30:1', 'fb7c023a8b9ccb3f:1', 'ce8ba1a563dcdaca:1', 'e20e36e16fcb0cc8:1', 'b3edc88f2938467e:1', 'c8e28b0b4002a3a0:1', 'c129715d7a2bc9a3:1'],
    ]),
    [
      'Lorem ipsum dolor sit amet.\n'.repeat(10),
      [
        'a7f2ff13bc495cf2:1',
        'a7f2ff13bc495cf2:2',
        'a7f2ff13bc495cf2:3',
        'a7f2ff13bc495cf2:4',
        'a7f2ff13bc495cf2:5',
        'a7f2ff13bc495cf2:6',
        'a7f2ff1481e87703:1',
        'a9cf91f7bbf1862b:1',
        '55ec222b86bcae53:1',
        'cc97dc7b1d7d8f7b:1',
        'c129715d7a2bc9a3:1',
      ],
    ],
    [
      'x = 2\nx = 1\nprint(x)\nx = 3\nprint(x)\nx = 4\nprint(x)\n',
      ['e54938cc54b302f1:1', 'bb609acbe9138d60:1', '1131fd5871777f34:1', '5c482a0f8b35ea28:1', '54517377da7028d2:1', '2c644846cb18d53e:1', 'f1b89f20de0d133:1', 'c129715d7a2bc9a3:1'],
    ],
  ])('hashes %j like the action', (input, expected) => {
    expect(lineHashes(input)).toEqual(expected);
  });
});

describe('the action catalogue in the run', () => {
  it('names the catalogue snapshot the rules judged against, as a tool extension', () => {
    const log: Log = JSON.parse(sarif([], { cwd: ROOT, color: false, rules: builtinRules, version: '0.2.0' }));
    expect(log.runs[0]?.tool.extensions).toEqual([
      { name: 'ramlint-action-catalogue', version: catalogueInfo.date, informationUri: 'https://github.com/ramlint/ramlint/blob/main/docs/catalogue.md', properties: { source: catalogueInfo.source } },
    ]);
  });
});
