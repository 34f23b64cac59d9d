/**
 * Findings in a host file name the policy document they are in (issue #6):
 * json has a `document` field, stylish says "(in …)", SARIF gives the
 * document as a logical location and tells two documents apart in its
 * fingerprint. A finding about a host resource names the resource the same way.
 */
import { json } from '../../src/formatters/json';
import { sarif } from '../../src/formatters/sarif';
import { stylish } from '../../src/formatters/stylish';
import { ROOT, context, msg, result } from './sample';

const MAIN_TF = `${ROOT}/infra/main.tf`;
const inDocument = (document: string, line: number) =>
  msg('admin-access', 'security', 'error', 'Action "*" grants every action.', [line, 20, line, 23], 'Statement[0].Action', { document, fingerprintValue: '*' });
const RESULTS = [result(MAIN_TF, [inDocument('alicloud_ram_policy.etl.policy_document', 7), inDocument('alicloud_ram_policy.ops.policy_document', 19)])];

describe('the document of a finding', () => {
  it('json: a document field', () => {
    const out = JSON.parse(json(RESULTS, context()));
    expect(out[0].messages.map((m: { document?: string }) => m.document)).toEqual(['alicloud_ram_policy.etl.policy_document', 'alicloud_ram_policy.ops.policy_document']);
  });

  it('stylish: after the message', () => {
    expect(stylish(RESULTS, context())).toContain('   7:20  error  Action "*" grants every action (in alicloud_ram_policy.etl.policy_document)  admin-access\n');
  });

  it('sarif: a logical location, and fingerprints that tell the two documents apart', () => {
    const log = JSON.parse(sarif(RESULTS, context()));
    const [a, b] = log.runs[0].results;
    expect(a.locations[0].logicalLocations).toEqual([
      { fullyQualifiedName: 'alicloud_ram_policy.etl.policy_document', kind: 'resource' },
      { fullyQualifiedName: 'alicloud_ram_policy.etl.policy_document:Statement[0].Action', kind: 'value' },
    ]);
    const key = Object.keys(a.partialFingerprints).find((k) => k !== 'primaryLocationLineHash') as string;
    expect(a.partialFingerprints[key]).not.toBe(b.partialFingerprints[key]);
  });

  it('sarif: a host resource is its own logical location, and its host path the value', () => {
    const acl = msg('oss-public-acl', 'security', 'error', 'Bucket ACL "public-read-write" on bucket "site".', [9, 12, 9, 31], 'alicloud_oss_bucket.site.acl', { document: 'alicloud_oss_bucket.site', fingerprintValue: 'public-read-write' });
    const log = JSON.parse(sarif([result(MAIN_TF, [acl])], context()));
    expect(log.runs[0].results[0].locations[0].logicalLocations).toEqual([
      { fullyQualifiedName: 'alicloud_oss_bucket.site', kind: 'resource' },
      { fullyQualifiedName: 'alicloud_oss_bucket.site.acl', kind: 'value' },
    ]);
  });
});
