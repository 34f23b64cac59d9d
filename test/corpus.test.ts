/**
 * Real-world corpus run: ~500 public RAM / trust / OSS bucket policies that
 * live beside the repository in ../shared/corpus (never copied into it).
 *
 * - Every document lints without throwing and without an internal-error
 *   finding, both with the detected kind and with each kind forced.
 * - Service-linked-role trust policies (tfmod-service-role__*.json) draw no
 *   error at all, and no trust policy draws an error-severity security finding.
 * - ROS stack policies (labelled by the collector) get only not-a-ram-policy.
 * - The catalogue rules draw unknown-action errors only for the actions checked
 *   by hand to be mistakes, and findings on a pinned number of documents.
 * - Peer tools' labelled samples (InfraGuard, KICS; labels from index.json)
 *   get the matching verdict, for the cases checked by hand below.
 *
 * Everything runs in-process: no CLI spawning, one read per file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint } from '../src';
import type { LintMessage, LintResult, PolicyKind } from '../src';
import { POLICY_KINDS } from '../src/engine/types';

const corpusDir = path.resolve(__dirname, '..', '..', 'shared', 'corpus');
const policiesDir = path.join(corpusDir, 'policies');
const indexFile = path.join(corpusDir, 'index.json');

/** Every kind, `endpoint` included: it is never detected, but --kind may force it on any file. */
const FORCED_KINDS: readonly PolicyKind[] = POLICY_KINDS;

interface IndexEntry {
  file: string;
  kind: string;
  /** Where the collector found it in its repository (a Terraform provider test file, say). */
  path: string;
  flags: string[];
  labels: string[];
}

type Verdict =
  /** At least one error-severity finding of the rule. */
  | 'error'
  /** No error-severity finding of the rule (a capped warning is fine). */
  | 'no-error'
  /** No finding of the rule at all. */
  | 'none';

interface PeerCase {
  file: string;
  /** A label that index.json must carry for the file, so the case stays tied to the peer's verdict. */
  label: RegExp;
  rule: string;
  verdict: Verdict;
  why: string;
}

/**
 * Hand-checked peer cases. Only labels that are unambiguous and within
 * ramlint's scope are used. Left out on purpose:
 * - KICS oss_bucket_allows_*_from_all_principals NEGATIVE kics__2 / kics__7: Principal ["*"] with no
 *   condition, negative only because the action falls outside that query's action class; ramlint is
 *   right to call them public.
 * - KICS ram_policy_admin_access_not_attached POSITIVE kics__21: a file-level label; the document itself
 *   is oss:* on one bucket, not administrator access.
 * - InfraGuard https-only, specified-permission-bound, has-specified-document, and KICS securetransport /
 *   ip-restriction labels: checks ramlint does not make.
 */
const PEER_CASES: readonly PeerCase[] = [
  // InfraGuard oss-bucket-policy-no-any-anonymous
  { file: 'infraguard__7.json', label: /oss-bucket-policy-no-any-anonymous.*VIOLATION/, rule: 'trust-wildcard-principal', verdict: 'error', why: 'Allow, Principal "*", no condition' },
  { file: 'infraguard__9.json', label: /oss-bucket-policy-no-any-anonymous.*VIOLATION/, rule: 'trust-wildcard-principal', verdict: 'error', why: 'Allow, Principal ["*"], no condition' },
  { file: 'infraguard__8.json', label: /oss-bucket-policy-no-any-anonymous.*COMPLIANT/, rule: 'trust-wildcard-principal', verdict: 'none', why: 'Principal is one account UID' },
  // InfraGuard oss-bucket-policy-outside-organization-check
  { file: 'infraguard__12.json', label: /oss-bucket-policy-outside-organization-check.*VIOLATION/, rule: 'trust-wildcard-principal', verdict: 'error', why: 'Principal ["*"] admits every account' },
  { file: 'infraguard__2.json', label: /oss-bucket-policy-outside-organization-check.*VIOLATION/, rule: 'trust-wildcard-principal', verdict: 'error', why: 'Principal "*" admits every account' },
  { file: 'infraguard__10.json', label: /oss-bucket-policy-outside-organization-check.*COMPLIANT/, rule: 'trust-wildcard-principal', verdict: 'none', why: 'Principal is one account UID' },
  { file: 'infraguard__11.json', label: /oss-bucket-policy-outside-organization-check.*COMPLIANT/, rule: 'trust-wildcard-principal', verdict: 'none', why: 'Principal is one account UID' },
  // InfraGuard oss-bucket-authorize-specified-ip
  { file: 'infraguard__1.json', label: /oss-bucket-authorize-specified-ip.*COMPLIANT/, rule: 'trust-wildcard-principal', verdict: 'no-error', why: 'Principal "*" confined by acs:SourceIp /24: not public under OSS Block Public Access' },
  { file: 'infraguard__3.json', label: /oss-bucket-authorize-specified-ip.*COMPLIANT/, rule: 'trust-wildcard-principal', verdict: 'none', why: 'Principal is one account UID' },
  // InfraGuard ram-policy-no-statements-with-admin-access-check (and the product-admin rules on the same document)
  { file: 'tfprovider__15.json', label: /ram-policy-no-statements-with-admin-access-check.*VIOLATION/, rule: 'admin-access', verdict: 'error', why: 'Allow Action "*" on Resource "*"' },
  { file: 'tfprovider__29.json', label: /ram-policy-no-statements-with-admin-access-check.*VIOLATION/, rule: 'admin-access', verdict: 'error', why: 'Allow Action ["*"] on Resource ["*"]' },
  { file: 'tfprovider__29.json', label: /ram-user-role-no-product-admin-access.*VIOLATION/, rule: 'admin-access', verdict: 'error', why: 'Allow Action ["*"] on Resource ["*"]' },
  { file: 'infraguard__13.json', label: /ram-policy-no-statements-with-admin-access-check.*COMPLIANT/, rule: 'admin-access', verdict: 'none', why: 'oss:ListBuckets only' },
  { file: 'infraguard__16.json', label: /ram-policy-no-statements-with-admin-access-check.*COMPLIANT/, rule: 'admin-access', verdict: 'none', why: 'ecs:Describe*/List* on instances' },
  { file: 'infraguard__17.json', label: /ram-user-role-no-product-admin-access.*COMPLIANT/, rule: 'admin-access', verdict: 'none', why: 'two OSS actions on one bucket' },
  // KICS oss_bucket_allows_{all,delete,list,put}_action_from_all_principals POSITIVE: Allow to ["*"], no condition
  { file: 'kics__3.json', label: /oss_bucket_allows_all_actions_from_all_principals.*POSITIVE/, rule: 'trust-wildcard-principal', verdict: 'error', why: 'oss:* to Principal ["*"]' },
  { file: 'kics__6.json', label: /oss_bucket_allows_delete_from_all_principals.*POSITIVE/, rule: 'trust-wildcard-principal', verdict: 'error', why: 'PutObject/DeleteBucket to Principal ["*"]' },
  { file: 'kics__10.json', label: /oss_bucket_allows_list_action_from_all_principals.*POSITIVE/, rule: 'trust-wildcard-principal', verdict: 'error', why: 'List* to Principal ["*"]' },
  { file: 'kics__11.json', label: /oss_bucket_allows_list_action_from_all_principals.*POSITIVE/, rule: 'trust-wildcard-principal', verdict: 'error', why: 'ListObjectVersions to Principal ["*"]' },
  { file: 'kics__14.json', label: /oss_bucket_allows_put_action_from_all_principals.*POSITIVE/, rule: 'trust-wildcard-principal', verdict: 'error', why: 'PutObjectAcl/PutObject to Principal ["*"]' },
  { file: 'kics__15.json', label: /oss_bucket_allows_put_action_from_all_principals.*POSITIVE/, rule: 'trust-wildcard-principal', verdict: 'error', why: 'PutObject to Principal ["*"]' },
  // KICS NEGATIVE where the document is a Deny to everyone or an Allow to one account: never public
  { file: 'kics__1.json', label: /oss_bucket_allows_all_actions_from_all_principals.*NEGATIVE/, rule: 'trust-wildcard-principal', verdict: 'none', why: 'Deny, not Allow' },
  { file: 'kics__4.json', label: /oss_bucket_allows_delete_from_all_principals.*NEGATIVE/, rule: 'trust-wildcard-principal', verdict: 'none', why: 'Principal is one account UID' },
  { file: 'kics__5.json', label: /oss_bucket_allows_delete_from_all_principals.*NEGATIVE/, rule: 'trust-wildcard-principal', verdict: 'none', why: 'Deny, not Allow' },
  { file: 'kics__8.json', label: /oss_bucket_allows_list_action_from_all_principals.*NEGATIVE/, rule: 'trust-wildcard-principal', verdict: 'none', why: 'Principal is one account UID' },
  { file: 'kics__9.json', label: /oss_bucket_allows_list_action_from_all_principals.*NEGATIVE/, rule: 'trust-wildcard-principal', verdict: 'none', why: 'Deny, not Allow' },
  { file: 'kics__12.json', label: /oss_bucket_allows_put_action_from_all_principals.*NEGATIVE/, rule: 'trust-wildcard-principal', verdict: 'none', why: 'Principal is one account UID' },
  { file: 'kics__13.json', label: /oss_bucket_allows_put_action_from_all_principals.*NEGATIVE/, rule: 'trust-wildcard-principal', verdict: 'none', why: 'Deny, not Allow' },
  // KICS ram_policy_admin_access_not_attached_to_users_groups_roles NEGATIVE: the document is not admin access
  { file: 'tfprovider__72.json', label: /ram_policy_admin_access_not_attached_to_users_groups_roles.*NEGATIVE/, rule: 'admin-access', verdict: 'none', why: 'ListObjects/GetObject on one bucket' },
];

/**
 * Every unknown-action error the corpus draws, checked by hand: each is an
 * action that does not exist, so the error is right. Keyed `file path action`.
 */
const VERIFIED_UNKNOWN_ACTION_ERRORS: Readonly<Record<string, string>> = {
  'alidocs-oss__56.json Statement[0].Action[1] oss:HeadObject': 'an API name; OSS authorizes HeadObject as oss:GetObject',
  'ossutil__1.json Statement[0].Action[0] ram:ListObjects': 'ossutil test policy: ListObjects is an OSS action, not a RAM one',
  'ossutil__2.json Statement[0].Action[0] ram:ListObjects': 'ossutil test policy: ListObjects is an OSS action, not a RAM one',
  'tfprovider__26.json Statement[0].Action[5] oss:InitiateMultipartUpload': 'an API name; multipart uploads are authorized as oss:PutObject',
  'tfprovider__26.json Statement[0].Action[6] oss:CompleteMultipartUpload': 'an API name; multipart uploads are authorized as oss:PutObject',
  'tfprovider__26.json Statement[0].Action[7] oss:DeleteMultipleObjects': 'an API name; authorized as oss:DeleteObject',
  'tfprovider__26.json Statement[1].Action[1] oss:GetBucket': 'an API name (the old name of ListObjects); authorized as oss:ListObjects',
};

/**
 * How many corpus documents draw a finding of each catalogue rule. Measured, and
 * pinned so that a catalogue or rule change that moves them is seen and reviewed.
 */
const CATALOGUE_RULE_DOCUMENTS: Readonly<Record<string, number>> = {
  'action-resource-mismatch': 0,
  'unknown-action': 24,
  'unknown-condition-key': 0,
  /** Documents that fail (draw an error) only because of a catalogue rule. */
  'verdict changed to error': 4,
};

function describeFinding(m: LintMessage): string {
  return `${m.ruleId} ${m.severity} at ${m.path || '<document>'} (${m.line}:${m.column}): ${m.message}`;
}

function checkVerdict(result: LintResult, c: PeerCase): string | undefined {
  const own = result.messages.filter((m) => m.ruleId === c.rule);
  const errors = own.filter((m) => m.severity === 'error');
  const ok = c.verdict === 'error' ? errors.length > 0 : c.verdict === 'no-error' ? errors.length === 0 : own.length === 0;
  if (ok) return undefined;
  const found = own.length ? own.map(describeFinding).join('; ') : `no ${c.rule} finding`;
  return `${c.file}: expected ${c.verdict} of ${c.rule} (${c.why}), got: ${found}`;
}

if (!fs.existsSync(policiesDir) || !fs.statSync(policiesDir).isDirectory()) {
  // Jest prints no test names for a file whose tests are all skipped, so say why here too.
  console.warn(`corpus tests skipped: ${policiesDir} not found (expected ../shared/corpus/policies beside the repository)`);
  describe.skip('corpus (skipped: ../shared/corpus/policies not found)', () => {
    it('lints every corpus policy', () => undefined);
  });
} else {
  describe('real-world corpus', () => {
    const files = fs
      .readdirSync(policiesDir)
      .filter((f) => f.endsWith('.json'))
      .sort();
    const texts = new Map(files.map((f) => [f, fs.readFileSync(path.join(policiesDir, f), 'utf8')] as const));
    // Linted once with the detected kind, shared by the tests below.
    const detected = new Map<string, LintResult>();

    beforeAll(() => {
      for (const [file, text] of texts) {
        try {
          detected.set(file, lint(text, { filePath: file }));
        } catch {
          // Reported by the first test.
        }
      }
    });

    it('has policies to lint', () => {
      expect(files.length).toBeGreaterThan(0);
    });

    it('lints every policy without throwing and without an internal-error finding, with the kind detected and with each kind forced', () => {
      const problems: string[] = [];
      for (const [file, text] of texts) {
        for (const kind of [undefined, ...FORCED_KINDS]) {
          const how = kind ? `--kind ${kind}` : 'detected kind';
          try {
            const result = kind === undefined ? detected.get(file) ?? lint(text, { filePath: file }) : lint(text, { filePath: file, kind });
            for (const m of result.messages) if (m.ruleId === 'internal-error') problems.push(`${file} (${how}): ${m.message}`);
          } catch (error) {
            problems.push(`${file} (${how}): threw ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
          }
        }
      }
      expect(problems).toEqual([]);
    });

    it('reports no error on service-linked-role trust policies (tfmod-service-role__*.json)', () => {
      const serviceRoles = files.filter((f) => /^tfmod-service-role__\d+\.json$/.test(f));
      expect(serviceRoles.length).toBeGreaterThan(0);
      const problems: string[] = [];
      for (const file of serviceRoles) {
        const result = detected.get(file);
        if (!result) {
          problems.push(`${file}: lint threw`);
          continue;
        }
        if (result.kind !== 'trust') problems.push(`${file}: detected as ${String(result.kind)}, not trust`);
        for (const m of result.messages) if (m.severity === 'error') problems.push(`${file}: ${describeFinding(m)}`);
      }
      expect(problems).toEqual([]);
    });

    const index: IndexEntry[] | undefined = fs.existsSync(indexFile)
      ? (JSON.parse(fs.readFileSync(indexFile, 'utf8')) as { policies: IndexEntry[] }).policies
      : undefined;
    const byFile = new Map((index ?? []).map((e) => [path.basename(e.file), e] as const));

    (index ? it : it.skip)('detects every collector-labelled trust policy as trust and finds no error-severity security problem in any of them', () => {
      const trust = [...byFile.values()].filter((e) => e.kind === 'trust' && texts.has(path.basename(e.file)));
      expect(trust.length).toBeGreaterThan(0);
      const problems: string[] = [];
      for (const entry of trust) {
        const file = path.basename(entry.file);
        const result = detected.get(file);
        if (!result) {
          problems.push(`${file}: lint threw`);
          continue;
        }
        if (result.kind !== 'trust') problems.push(`${file}: detected as ${String(result.kind)}, not trust`);
        for (const m of result.messages) if (m.severity === 'error' && m.category === 'security') problems.push(`${file}: ${describeFinding(m)}`);
      }
      expect(problems).toEqual([]);
    });

    (index ? it : it.skip)('recognises every collector-labelled ROS stack policy and reports nothing else on it', () => {
      const stacks = [...byFile.values()].filter((e) => e.kind === 'other:ros-stack-policy' && texts.has(path.basename(e.file)));
      expect(stacks.length).toBeGreaterThan(0);
      const problems: string[] = [];
      for (const entry of stacks) {
        const file = path.basename(entry.file);
        const ids = (detected.get(file)?.messages ?? []).map((m) => m.ruleId);
        if (ids.join() !== 'not-a-ram-policy') problems.push(`${file}: ${ids.join(', ') || 'no finding'}`);
      }
      expect(problems).toEqual([]);
    });

    (index ? it : it.skip)('keeps the findings of the endpoint policies the collector took from the endpoint resources\' tests when they are bare files, and says the truth with --kind endpoint', () => {
      // A bare file cannot be told from a public resource policy: only the host attribute (or --kind) makes it an endpoint policy.
      const endpoints = [...byFile.values()].filter((e) => /vpc_endpoint|gateway_endpoint/.test(e.path) && texts.has(path.basename(e.file)));
      expect(endpoints.map((e) => path.basename(e.file)).sort()).toEqual(['tfprovider__53.json', 'tfprovider__61.json', 'tfprovider__62.json']);
      const shown = (r: LintResult) => r.messages.map((m) => `${m.severity} ${m.ruleId}${m.messageId ? `/${m.messageId}` : ''}`);
      const seen = Object.fromEntries(
        endpoints.map((e) => {
          const file = path.basename(e.file);
          return [file, { detected: shown(detected.get(file) as LintResult), endpoint: shown(lint(texts.get(file) as string, { filePath: file, kind: 'endpoint' })) }];
        }),
      );
      const wideOpen = { detected: ['error admin-access/star', 'error trust-wildcard-principal/public'], endpoint: ['warning admin-access/endpointStar'] };
      expect(seen).toEqual({
        'tfprovider__53.json': wideOpen,
        'tfprovider__61.json': wideOpen,
        // A Deny of everything, to everyone: no finding either way.
        'tfprovider__62.json': { detected: [], endpoint: [] },
      });
    });

    describe('catalogue rules', () => {
      it('draw an unknown-action error only for the hand-checked actions that do not exist', () => {
        const errors: string[] = [];
        for (const [file, result] of detected) {
          for (const m of result.messages) {
            if (m.ruleId !== 'unknown-action' || m.severity !== 'error') continue;
            const text = texts.get(file) as string;
            errors.push(`${file} ${m.path} ${JSON.parse(text.slice(m.offset, m.endOffset)) as string}`);
          }
        }
        expect(errors.sort()).toEqual(Object.keys(VERIFIED_UNKNOWN_ACTION_ERRORS).sort());
      });

      it('draw findings on the measured number of documents', () => {
        const catalogueRules = ['action-resource-mismatch', 'unknown-action', 'unknown-condition-key'];
        const documents: Record<string, number> = Object.fromEntries(Object.keys(CATALOGUE_RULE_DOCUMENTS).map((id) => [id, 0]));
        for (const result of detected.values()) {
          for (const id of new Set(result.messages.map((m) => m.ruleId))) if (catalogueRules.includes(id)) documents[id] = (documents[id] as number) + 1;
          const errors = result.messages.filter((m) => m.severity === 'error');
          if (errors.length > 0 && errors.every((m) => catalogueRules.includes(m.ruleId))) documents['verdict changed to error'] = (documents['verdict changed to error'] as number) + 1;
        }
        expect(documents).toEqual(CATALOGUE_RULE_DOCUMENTS);
      });
    });

    (index ? describe : describe.skip)('peer-labelled samples (hand-checked verdicts)', () => {
      const title = (c: PeerCase) => `${c.file}: ${c.label.source.replace('.*', ' ')} → ${c.verdict} ${c.rule}`;
      it.each(PEER_CASES.map((c) => [title(c), c] as const))('%s', (_name, c) => {
        const entry = byFile.get(c.file);
        expect(entry).toBeDefined();
        expect(texts.has(c.file)).toBe(true);
        // The peer label this case stands on is still in the index.
        expect((entry as IndexEntry).labels.some((l) => c.label.test(l))).toBe(true);
        const result = detected.get(c.file);
        expect(result).toBeDefined();
        expect(checkVerdict(result as LintResult, c)).toBeUndefined();
      });
    });
  });
}
