/**
 * The committed catalogue is what the generator makes from the committed
 * inputs (data/catalogue), and holds the facts the rules rely on.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeActionPattern } from '../../src/engine/analysis/action-catalogue';
import { catalogue, catalogueInfo } from '../../src/engine/catalog/catalogue';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildCatalogue, OUTPUT, INFO_OUTPUT } = require('../../scripts/build-catalogue.js') as {
  buildCatalogue(): { catalogue: string; info: string };
  OUTPUT: string;
  INFO_OUTPUT: string;
};

describe('catalogue', () => {
  it('is exactly what npm run catalogue generates from data/catalogue', () => {
    const built = buildCatalogue();
    expect(fs.readFileSync(OUTPUT, 'utf8')).toBe(built.catalogue);
    expect(fs.readFileSync(INFO_OUTPUT, 'utf8')).toBe(built.info);
  });

  it('is deterministic: two builds are byte-identical', () => {
    expect(buildCatalogue().catalogue).toBe(buildCatalogue().catalogue);
  });

  it('states its date and source', () => {
    expect(catalogueInfo.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(catalogueInfo.source).toContain('b3c749cc875faf56035035ed91fb8aa173d2abd7');
    expect(catalogue().date).toBe(catalogueInfo.date);
  });

  it('carries no descriptive text from the source', () => {
    const text = fs.readFileSync(path.resolve(__dirname, '../../data/catalogue/openapi-facts.json'), 'utf8');
    expect(text).not.toMatch(/"description"|"summary"|"title"/);
  });

  it('gives every entry a tier and a level', () => {
    for (const entry of catalogue().allActions()) {
      expect(['authoritative', 'derived', 'curated']).toContain(entry.tier);
      expect(['list', 'read', 'write', 'permissions']).toContain(entry.level);
    }
  });

  it.each([
    ['log:CreateIndex', 'authoritative', 'write'],
    ['odps:CreateQuotaPlan', 'authoritative', 'write'],
    ['ecs:DescribeInstances', 'derived', 'list'],
    ['drds:CreateDrdsDB', 'derived', 'write'],
    ['ram:CreateOIDCProvider', 'derived', 'permissions'],
    ['oss:GetObject', 'curated', 'read'],
    ['oss:PutBucketPolicy', 'curated', 'permissions'],
    ['ram:PassRole', 'curated', 'permissions'],
    ['sts:AssumeRole', 'curated', 'permissions'],
  ])('%s is %s at level %s', (action, tier, level) => {
    const entry = catalogue().action(action);
    expect(entry).toMatchObject({ action, tier, level });
  });

  it('maps RAM codes, not product codes: sls is log, maxcompute is odps', () => {
    const services = catalogue().services;
    expect(services.get('log')).toBeDefined();
    expect(services.get('odps')).toBeDefined();
    expect(services.has('sls')).toBe(false);
    expect(services.has('maxcompute')).toBe(false);
  });

  it('gives service tiers that gate severity', () => {
    const tier = (code: string) => catalogue().services.get(code)?.tier;
    expect(tier('oss')).toBe('curated');
    expect(tier('ram')).toBe('curated');
    expect(tier('actiontrail')).toBe('authoritative');
    // ramActions on 96 of 194 sls APIs: not complete enough to call other names errors.
    expect(tier('log')).toBe('derived');
    expect(tier('ecs')).toBe('derived');
  });

  it('keeps ARN templates of authoritative entries', () => {
    expect(catalogue().action('LOG:createindex')?.resources).toContain('acs:log:{#regionId}:{#accountId}:project/{#project}/logstore/{#logstore}');
  });
});

describe('describeActionPattern', () => {
  it('counts what a pattern grants by access level, most dangerous first', () => {
    const oss = describeActionPattern('oss:*');
    expect(oss.text).toBe('15 permission-management, 71 write, 53 read and 14 list actions');
    expect(oss.counts.permissions).toBe(15);
    expect(describeActionPattern('ecs:Describe*', ['read']).text).toMatch(/^\d+ read actions$/);
    expect(describeActionPattern('oss:GetObject').text).toBe('1 read action');
  });

  it('is empty for a pattern that covers no listed action', () => {
    expect(describeActionPattern('bss:*').text).toBe('');
    expect(describeActionPattern('oss:Get*Objet').actions).toEqual([]);
  });
});

describe('catalogue loading', () => {
  const dist = path.resolve(__dirname, '../../dist/src');
  const loads = (script: string) =>
    execFileSync(process.execPath, ['-e', `${script}; console.log(Object.keys(require.cache).some((k) => k.endsWith('catalogue.json')))`], { cwd: dist, encoding: 'utf8' }).trim();

  it('ships the catalogue in the build', () => {
    expect(fs.existsSync(path.join(dist, 'engine/catalog/catalogue.json'))).toBe(true);
  });

  it('is lazy: loading the rules, the CLI and --version reads only the date, and the first lookup reads the catalogue', () => {
    expect(loads("require('./index'); require('./cli/version').versionText('0')")).toBe('false');
    expect(loads("require('./engine/catalog/catalogue').catalogue()")).toBe('true');
  });
});
