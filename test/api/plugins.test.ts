/**
 * What a plugin's rule must be: `{ meta, check }` over policies, or
 * `{ meta, checkResources }` over host resources with the resources it
 * judges in `meta.resources`; anything else is refused when it loads.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lintFileText } from '../../src/api/lint-file';
import { loadPlugin } from '../../src/api/plugins';
import { builtinProcessors } from '../../src/processors';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ramlint-plugins-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let count = 0;
function plugin(rule: string): string {
  const file = path.join(dir, `ramlint-plugin-p${++count}.js`);
  fs.writeFileSync(file, `module.exports = { name: 'p', rules: { r: ${rule} } };\n`);
  return file;
}

const META = "category: 'security', defaultSeverity: 'warning', description: 'A rule.', messages: { m: 'Bucket {{b}}.' }";

describe('plugin rules', () => {
  it('may judge host resources, and run through the file layer as built-in rules do', async () => {
    const file = plugin(`{ meta: { ${META}, resources: ['bucket-acl'] }, checkResources(c) { for (const r of c.resources) c.report({ messageId: 'm', resource: r, value: r.acl, data: { b: r.bucket && r.bucket.value } }); } }`);
    const loaded = await loadPlugin(file, dir);
    const rule = loaded.rules.get('p/r');
    expect(rule?.meta.id).toBe('p/r');
    const tf = 'resource "alicloud_oss_bucket" "b" {\n  bucket = "logs"\n  acl    = "private"\n}\n';
    const result = await lintFileText('/w/main.tf', tf, { rules: loaded.rules, processors: builtinProcessors, fix: false, explicit: true, policiesOnly: false });
    expect(result?.messages.map((m) => [m.ruleId, m.line, m.column, m.message, m.path])).toEqual([['p/r', 3, 12, 'Bucket logs.', 'alicloud_oss_bucket.b.acl']]);
  });

  it.each([
    ['neither check nor checkResources', `{ meta: { ${META} } }`, /either a "check" function \(over policies\) or a "checkResources" function/],
    ['both', `{ meta: { ${META}, resources: ['bucket-acl'] }, check() {}, checkResources() {} }`, /either a "check" function/],
    ['checkResources without meta.resources', `{ meta: { ${META} }, checkResources() {} }`, /must list the host resources it judges in meta.resources \(bucket-acl, object-acl, policy-attachment, public-access-block\)/],
    ['an unknown resource type', `{ meta: { ${META}, resources: ['bucket-policy'] }, checkResources() {} }`, /must list the host resources it judges/],
    ['meta.resources on a rule over policies', `{ meta: { ${META}, resources: ['bucket-acl'] }, check() {} }`, /meta.resources is for a rule with "checkResources"/],
  ])('refuses a rule with %s', async (_name, rule, message) => {
    await expect(loadPlugin(plugin(rule), dir)).rejects.toThrow(message);
  });
});
