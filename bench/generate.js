#!/usr/bin/env node
'use strict';
/**
 * Writes N synthetic RAM policy files into a directory, deterministically
 * (same seed, same bytes). The shapes follow statistics taken from the real
 * corpus (shared/corpus/policies, ~500 documents); no corpus text is copied:
 * names, ids and values are drawn from small vocabularies below.
 *
 * Corpus statistics the weights come from (508 documents):
 *   kind: permission 62%, trust 24%, bucket 12%, other resource policies 3%
 *   statements per policy: 1: 74%, 2: 15%, 3: 6%, 4+: 5% (max 9)
 *   actions per permission statement: 1: 44%, 2: 19%, 3-5: 19%, 6-10: 10%,
 *     11-20: 5%, 21-60: 3%, one outlier of 114; Action a string in ~1/3
 *   Resource: 1 entry 88%, "*" in ~45% of entries, otherwise acs:oss / acs:log / …
 *   Condition: ~20% of permission statements (1 in 5 of them empty {}), 25% of
 *     bucket statements, 10% of trust statements
 *   Effect Allow 90% / Deny 10%; Version "1" 98%, missing 2%
 *   top-level key order Version-first 53%, Statement-first 45%
 *   file size: median ~270 B, p90 ~820 B, p99 ~2.3 KB, max ~4.5 KB
 *   risky: action wildcards (svc:* 7%, Verb* 11% of actions, bare * rare),
 *     ram:PassRole, trust/bucket principals "*", admin *:* (1%)
 *   action names: real ones; 1.2% of action entries draw an unknown-action
 *     finding (misspelt, an API name, a Verb* that matches nothing)
 * Action names of the services the linter's catalogue lists are drawn from it
 * (src/engine/catalog/catalogue.json), Verb* wildcards from the verbs its
 * names start with, and 1% are made up from a verb and a noun, as misspellings
 * are; other services' names are always made up (the catalogue does not judge
 * them). Until 2026-12-03 every name was made up, and ~2 per file were
 * unknown to the catalogue, 40 times the corpus's rate.
 * The corpus was pretty-printed by its collector (all 2-space); real repositories
 * also hold 4-space, tab and minified files, so a minority of those is mixed in.
 *
 * Usage: node bench/generate.js <dir> [--files N] [--seed S]
 * Library: require('./generate').generate({ dir, count, seed }) → { files, bytes, sizes }
 */
const fs = require('node:fs');
const path = require('node:path');

/** mulberry32: a small, fast 32-bit PRNG seeded from one integer. */
function prng(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeDraw(rand) {
  const chance = (p) => rand() < p;
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = (arr) => arr[Math.floor(rand() * arr.length)];
  /** weighted([[value, weight], …]) */
  const weighted = (table) => {
    let total = 0;
    for (const [, w] of table) total += w;
    let r = rand() * total;
    for (const [v, w] of table) {
      r -= w;
      if (r < 0) return v;
    }
    return table[table.length - 1][0];
  };
  const sample = (arr, n) => {
    const copy = arr.slice();
    const out = [];
    for (let i = 0; i < n && copy.length > 0; i++) out.push(copy.splice(Math.floor(rand() * copy.length), 1)[0]);
    return out;
  };
  return { rand, chance, int, pick, weighted, sample };
}

// ---------------------------------------------------------------- vocabulary

/** Service codes weighted by how often the corpus names them in actions. */
const SERVICES = [
  ['oss', 560], ['ecs', 550], ['log', 370], ['slb', 150], ['ram', 60], ['vpc', 90], ['kms', 80], ['cms', 60],
  ['rds', 50], ['alb', 40], ['eci', 35], ['ess', 32], ['oos', 32], ['fc', 31], ['nas', 27], ['cr', 25],
  ['resourcemanager', 22], ['pvtz', 21], ['bss', 21], ['arms', 19], ['kvstore', 17], ['actiontrail', 14],
  ['ros', 14], ['cs', 14], ['mns', 10], ['nlb', 8], ['alidns', 8], ['cdn', 8], ['dts', 6], ['polardb', 6],
];

const VERBS = {
  read: ['Describe', 'List', 'Get', 'Query', 'Check'],
  write: ['Create', 'Delete', 'Modify', 'Update', 'Put', 'Start', 'Stop', 'Attach', 'Detach', 'Add', 'Remove', 'Run', 'Tag', 'Untag', 'Enable', 'Disable', 'Set'],
};

const NOUNS = {
  ecs: ['Instances', 'Instance', 'Disks', 'Disk', 'Images', 'Image', 'Snapshots', 'Snapshot', 'SecurityGroups', 'SecurityGroupRule', 'NetworkInterfaces', 'NetworkInterface', 'KeyPairs', 'Tags', 'Command', 'Invocations', 'InstanceAttribute', 'Regions', 'Zones', 'LaunchTemplates', 'DedicatedHosts', 'AutoSnapshotPolicy'],
  log: ['Project', 'Projects', 'Logstore', 'Logstores', 'Index', 'Dashboard', 'Chart', 'Job', 'MachineGroup', 'Config', 'Alert', 'CursorOrData', 'Shards', 'SavedSearch', 'ConsumerGroup', 'LogStoreLogs'],
  slb: ['LoadBalancers', 'LoadBalancer', 'Listener', 'VServerGroups', 'VServerGroup', 'BackendServers', 'HealthStatus', 'ServerCertificates', 'AccessControlList', 'Rules'],
  ram: ['Users', 'User', 'Roles', 'Role', 'Policies', 'Policy', 'PolicyVersion', 'Groups', 'AccessKey', 'LoginProfile', 'PoliciesForRole'],
  vpc: ['Vpcs', 'Vpc', 'VSwitches', 'VSwitch', 'RouteTables', 'RouteEntry', 'EipAddresses', 'EipAddress', 'NatGateways', 'SnatEntry', 'ForwardEntry', 'VpcAttribute'],
  kms: ['Keys', 'Key', 'Secret', 'SecretValue', 'Aliases', 'KeyVersions', 'Certificate', 'DataKey'],
  cms: ['MetricList', 'MetricLast', 'AlertHistoryList', 'MonitorGroups', 'MetricRuleList', 'ContactList', 'SiteMonitors'],
  rds: ['DBInstances', 'DBInstance', 'Databases', 'Accounts', 'Backups', 'Parameters', 'SecurityIps', 'SQLCollectorPolicy'],
  alb: ['LoadBalancers', 'LoadBalancer', 'Listeners', 'ServerGroups', 'ServerGroupServers', 'Rules', 'Acls', 'HealthCheckTemplates'],
  eci: ['ContainerGroups', 'ContainerGroup', 'ImageCaches', 'ContainerLog', 'VirtualNodes'],
  ess: ['ScalingGroups', 'ScalingGroup', 'ScalingConfigurations', 'ScalingRules', 'ScalingActivities', 'Instances'],
  oos: ['Templates', 'Template', 'Executions', 'Execution', 'Parameters', 'SecretParameters', 'Applications'],
  fc: ['Functions', 'Function', 'Services', 'Service', 'Triggers', 'Trigger', 'Aliases', 'CustomDomains'],
  nas: ['FileSystems', 'FileSystem', 'MountTargets', 'AccessGroups', 'AccessRules', 'Snapshots'],
  cr: ['Repositories', 'Repository', 'Namespaces', 'Namespace', 'RepoTags', 'Instances', 'AuthorizationToken'],
  resourcemanager: ['ResourceGroups', 'ResourceGroup', 'Accounts', 'Folders', 'Resources', 'PolicyAttachments'],
  pvtz: ['Zones', 'Zone', 'ZoneRecords', 'ZoneRecord', 'ZoneVpcs'],
  bss: ['Bills', 'Orders', 'Instances', 'AvailableInstances', 'AccountBalance', 'ResourcePackages'],
  arms: ['Prometheus', 'AlertRules', 'Dashboards', 'TraceApps', 'Integrations'],
  kvstore: ['Instances', 'Instance', 'Accounts', 'Backups', 'InstanceConfig'],
  actiontrail: ['Trails', 'Trail', 'Events', 'TrailStatus'],
  ros: ['Stacks', 'Stack', 'Templates', 'StackResources', 'ChangeSets'],
  cs: ['Clusters', 'Cluster', 'ClusterNodes', 'ClusterUserKubeconfig', 'NodePools', 'Addons'],
};
/**
 * The catalogue's action names per service, split into reads (read, list) and
 * the rest, with the verbs they start with (Describe, List, Get …), sorted so
 * the same seed draws the same names.
 */
const CATALOGUE = (() => {
  const file = path.join(__dirname, '..', 'src', 'engine', 'catalog', 'catalogue.json');
  const out = {};
  for (const [code, service] of Object.entries(JSON.parse(fs.readFileSync(file, 'utf8')).services)) {
    const actions = service.actions ?? {};
    const names = Object.keys(actions).sort();
    const isRead = (n) => actions[n][1] === 'read' || actions[n][1] === 'list';
    const read = names.filter(isRead);
    const write = names.filter((n) => !isRead(n));
    const verbs = [...new Set(names.map((n) => /^[A-Z][a-z]+/.exec(n)?.[0]).filter((v) => v !== undefined))].sort();
    if (read.length > 0 && write.length > 0 && verbs.length > 0) out[code] = { read, write, verbs };
  }
  return out;
})();
const GENERIC_NOUNS = ['Instances', 'Instance', 'Resources', 'Resource', 'Configs', 'Config', 'Tags', 'Tasks', 'Task', 'Regions'];

/** A realistic slice of OSS API names (public API, also in the linter's catalogue). */
const OSS_READ = ['GetObject', 'GetObjectAcl', 'GetObjectMeta', 'GetObjectTagging', 'GetBucketInfo', 'GetBucketLocation', 'GetBucketStat', 'GetBucketAcl', 'GetBucketPolicy', 'GetBucketTagging', 'GetBucketVersioning', 'GetBucketLifecycle', 'GetBucketCors', 'GetBucketEncryption'];
const OSS_LIST = ['ListObjects', 'ListObjectVersions', 'ListMultipartUploads', 'ListParts', 'ListBuckets'];
const OSS_WRITE = ['PutObject', 'DeleteObject', 'AbortMultipartUpload', 'RestoreObject', 'PutObjectTagging', 'DeleteObjectTagging', 'PutBucketTagging', 'PutBucketLifecycle', 'PutBucketCors', 'PutBucketVersioning', 'PutSymlink'];
const OSS_PERM = ['PutObjectAcl', 'PutBucketAcl', 'PutBucketPolicy', 'DeleteBucketPolicy'];

const REGIONS = ['cn-hangzhou', 'cn-shanghai', 'cn-beijing', 'cn-shenzhen', 'cn-zhangjiakou', 'cn-hongkong', 'ap-southeast-1', 'eu-central-1', 'us-west-1'];
const WORDS = ['app', 'data', 'logs', 'backup', 'media', 'web', 'prod', 'dev', 'test', 'staging', 'analytics', 'images', 'archive', 'reports', 'ml', 'etl', 'audit', 'billing', 'shared', 'team-a', 'team-b', 'mobile', 'infra', 'ops'];
const SERVICE_PRINCIPALS = ['ecs', 'fc', 'cs', 'log', 'oos', 'ros', 'actiontrail', 'config', 'ess', 'eci', 'rds', 'kms', 'emr', 'hbr', 'slb', 'apigateway', 'dataworks', 'pai', 'mns', 'cms'];
const TEMPLATE_VARS = ['${var.account_id}', '${var.bucket_name}', '${local.log_project}', '${data.alicloud_account.current.id}', '${var.role_name}'];
const STRING_CONDITION_KEYS = [['acs:SourceVpc', 'vpc'], ['acs:UserAgent', 'ua'], ['ecs:tag/team', 'word'], ['ecs:tag/owner', 'word'], ['rds:ResourceTag/env', 'word'], ['acs:ResourceTag/project', 'word']];
const CONDITION_OPS = [['StringEquals', 64], ['StringLike', 20], ['IpAddress', 14], ['Bool', 8], ['StringNotLike', 4], ['NotIpAddress', 3], ['StringEqualsIgnoreCase', 2], ['StringNotEquals', 1], ['DateLessThan', 1]];

// ---------------------------------------------------------------- shapes

function generator(seed) {
  const d = makeDraw(prng(seed));
  const { chance, int, pick, weighted, sample } = d;

  const word = () => pick(WORDS);
  const accountId = () => {
    // 16 digits; the corpus masks many ids as 1234****, 1234xxxx or uses short placeholders.
    const digits = String(1000000000000000 + Math.floor(d.rand() * 8999999999999999)).slice(0, 16);
    return weighted([[digits, 6], [`${digits.slice(0, 12)}xxxx`, 2], [`${digits.slice(0, 12)}****`, 1], [digits.slice(0, 10), 1]]);
  };
  const accountField = () => (chance(0.72) ? '*' : chance(0.05) ? pick(TEMPLATE_VARS) : accountId());
  const regionField = () => (chance(0.85) ? '*' : pick(REGIONS));
  const bucketName = () => `${word()}-${word()}${chance(0.5) ? `-${int(1, 99)}` : ''}`;

  /** A made-up name: a verb and a noun, as a misspelt or invented action is. */
  function madeUpAction(service, read) {
    const nouns = NOUNS[service] ?? GENERIC_NOUNS;
    return `${service}:${read ? pick(VERBS.read) : pick(VERBS.write)}${pick(nouns)}`;
  }

  function serviceAction(service) {
    const read = chance(0.55);
    const known = CATALOGUE[service];
    if (!known || chance(0.01)) return madeUpAction(service, read);
    return `${service}:${pick(read ? known.read : known.write)}`;
  }

  function verbWildcard(service) {
    if (service === 'oss') return pick(['Get', 'List', 'Put', 'Delete']);
    const known = CATALOGUE[service];
    return known ? pick(known.verbs) : pick(VERBS.read.concat(['Create', 'Delete', 'Modify']));
  }

  function ossAction() {
    const group = weighted([[OSS_READ, 5], [OSS_LIST, 2], [OSS_WRITE, 4], [OSS_PERM, 0.4]]);
    return `oss:${pick(group)}`;
  }

  function action(service) {
    const r = d.rand();
    if (r < 0.07) return `${service}:*`; // service wildcard
    if (r < 0.17) return `${service}:${verbWildcard(service)}*`;
    if (service === 'oss') return ossAction();
    return serviceAction(service);
  }

  /** Does the action pattern cover the other (`ecs:*`, `ecs:Describe*` over `ecs:DescribeDisks`), ignoring case? */
  function covers(pattern, other) {
    if (!pattern.includes('*')) return false;
    const source = pattern.toLowerCase().split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
    return new RegExp(`^${source}$`).test(other.toLowerCase());
  }

  /**
   * True when `value` overlaps an entry of `list` (one covers the other) and
   * the list is not one of the few (3%) that real policies let hold such
   * redundancies: decided once per list, so a long list beside `oss:*` does
   * not collect dozens of them.
   */
  const mayOverlap = new WeakMap();
  function overlapsDrawnAgain(list, value) {
    if (!mayOverlap.has(list)) mayOverlap.set(list, chance(0.03));
    return !mayOverlap.get(list) && list.some((b) => covers(value, b) || covers(b, value));
  }

  function permissionActions(n) {
    // One or two services per statement, mostly one.
    const services = [weighted(SERVICES)];
    if (n > 3 && chance(0.3)) services.push(weighted(SERVICES));
    const out = [];
    const seen = new Set();
    let guard = 0;
    while (out.length < n && guard++ < n * 6) {
      const a = action(pick(services));
      if (seen.has(a.toLowerCase())) continue;
      // Real lists seldom name an action beside a wildcard that covers it (0.08 such entries per
      // corpus file): an overlap is mostly drawn again, or every svc:* in a long list would add dozens.
      if (overlapsDrawnAgain(out, a)) continue;
      seen.add(a.toLowerCase());
      out.push(a);
    }
    return { actions: out, service: services[0] };
  }

  function resourceFor(service) {
    const r = d.rand();
    if (r < 0.45) return '*';
    if (service === 'oss' || r < 0.5) {
      const b = chance(0.08) ? '*' : bucketName();
      const key = weighted([['', 4], ['/*', 4], [`/${word()}/*`, 2], [`/${word()}/${word()}/*`, 1]]);
      return `acs:oss:${regionField()}:${accountField()}:${b}${key}`;
    }
    if (service === 'log') {
      const project = chance(0.15) ? '*' : `${word()}-${word()}`;
      const tail = weighted([['/*', 3], [`/logstore/${word()}`, 3], ['/logstore/*', 2], ['/dashboard/*', 1], ['', 1]]);
      return `acs:log:${regionField()}:${accountField()}:project/${project}${tail}`;
    }
    if (service === 'ram') return `acs:ram:*:${accountField()}:${pick(['role', 'user', 'policy', 'group'])}/${chance(0.4) ? '*' : `${word()}-${word()}`}`;
    if (service === 'ecs') return `acs:ecs:${regionField()}:${accountField()}:${pick(['instance', 'disk', 'securitygroup', 'image', 'snapshot'])}/${chance(0.6) ? '*' : `i-${int(100000, 999999)}${word()}`}`;
    if (service === 'kms') return `acs:kms:${regionField()}:${accountField()}:${pick(['key', 'secret', 'alias'])}/${chance(0.5) ? '*' : word()}`;
    if (chance(0.08)) return `acs:${service}:*:*:${pick(TEMPLATE_VARS)}`;
    return `acs:${service}:${regionField()}:${accountField()}:*`;
  }

  function stringOrList(values, pString) {
    return values.length === 1 && chance(pString) ? values[0] : values;
  }

  function ipValue() {
    return pick([`10.${int(0, 255)}.0.0/16`, `192.168.${int(0, 255)}.0/24`, `172.${int(16, 31)}.0.0/12`, `${int(1, 223)}.${int(0, 255)}.${int(0, 255)}.${int(0, 255)}`]);
  }

  function permissionCondition(service) {
    if (chance(0.2)) return {};
    const cond = {};
    const nOps = chance(0.95) ? 1 : 2;
    for (let i = 0; i < nOps; i++) {
      const op = weighted(CONDITION_OPS);
      let key;
      let values;
      if (op === 'IpAddress' || op === 'NotIpAddress') {
        key = 'acs:SourceIp';
        values = Array.from({ length: weighted([[1, 6], [2, 3], [3, 1]]) }, ipValue);
      } else if (op === 'Bool') {
        key = pick(['acs:SecureTransport', 'acs:MFAPresent']);
        values = [pick(['true', 'false'])];
      } else if (op === 'DateLessThan') {
        key = 'acs:CurrentTime';
        values = [`20${int(24, 30)}-0${int(1, 9)}-1${int(0, 9)}T00:00:00Z`];
      } else if (service === 'oss' && chance(0.6)) {
        key = pick(['oss:Prefix', 'oss:Prefix', 'oss:Delimiter']);
        values = key === 'oss:Delimiter' ? ['/'] : Array.from({ length: int(1, 2) }, () => `${word()}/${chance(0.5) ? '*' : ''}`);
      } else {
        const [k, kind] = pick(STRING_CONDITION_KEYS);
        key = k;
        values = Array.from({ length: weighted([[1, 7], [2, 2], [4, 1]]) }, () => (kind === 'vpc' ? `vpc-${int(10000000, 99999999)}` : kind === 'ua' ? `${word()}-client/*` : word()));
      }
      cond[op] = Object.assign(cond[op] ?? {}, { [key]: stringOrList(values, 0.6) });
    }
    return cond;
  }

  function permissionStatement(ctx) {
    const n = weighted([
      [1, 246], [2, 108], [3, 46], [4, 38], [5, 22], [6, 13], [7, 8], [8, 18], [9, 6], [10, 9],
      [int(11, 15), 20], [int(16, 20), 10], [int(21, 30), 8], [int(31, 48), 7], [int(55, 120), 2],
    ]);
    const { actions, service } = permissionActions(n);
    const st = {};
    if (chance(0.005)) st.Sid = `${word()}${int(1, 99)}`;
    const effect = chance(0.9) ? 'Allow' : 'Deny';
    const nRes = weighted([[1, 88], [2, 10], [int(3, 8), 2]]);
    const resources = [];
    for (let i = 0; i < nRes; i++) {
      const r = resourceFor(service);
      if (!resources.includes(r) && !overlapsDrawnAgain(resources, r)) resources.push(r);
    }
    const actionValue = actions.length === 1 && chance(0.47) ? actions[0] : actions;
    if (chance(0.75)) {
      st.Effect = effect;
      st.Action = actionValue;
    } else {
      st.Action = actionValue;
      st.Effect = effect;
    }
    st.Resource = stringOrList(resources, 0.62);
    if (chance(0.2)) st.Condition = permissionCondition(service);
    ctx.risky(st);
    return st;
  }

  function trustStatement() {
    const st = { Effect: 'Allow', Action: chance(0.97) ? 'sts:AssumeRole' : ['sts:AssumeRole', 'sts:SetSourceIdentity'] };
    let principal;
    let cond;
    const r = d.rand();
    if (r < 0.7) {
      const n = weighted([[1, 9], [2, 1]]);
      principal = { Service: sample(SERVICE_PRINCIPALS, n).map((s) => `${s}.aliyuncs.com`) };
    } else if (r < 0.82) {
      principal = { RAM: [`acs:ram::${chance(0.15) ? pick(TEMPLATE_VARS) : accountId()}:${chance(0.8) ? 'root' : `role/${word()}-${word()}`}`] };
    } else if (r < 0.93) {
      const saml = chance(0.6);
      principal = { Federated: [`acs:ram::${accountId()}:${saml ? 'saml-provider' : 'oidc-provider'}/${word()}-${saml ? 'idp' : 'oidc'}`] };
      if (chance(0.6)) {
        cond = saml
          ? { StringEquals: { 'saml:recipient': 'https://signin.aliyun.com/saml-role/sso' } }
          : { StringEquals: { 'oidc:iss': `https://oidc-ack-${pick(REGIONS)}.oss-${pick(REGIONS)}.aliyuncs.com/c${int(1000000, 9999999)}`, 'oidc:aud': 'sts.aliyuncs.com', 'oidc:sub': `system:serviceaccount:${word()}:${word()}` } };
      }
    } else {
      // Risky: everyone, or any account's root.
      principal = weighted([[{ RAM: ['*'] }, 2], [{ RAM: ['acs:ram::*:root'] }, 1], [{ Service: ['*'] }, 1], ['*', 1]]);
    }
    st.Principal = principal;
    if (cond) st.Condition = cond;
    else if (chance(0.04)) st.Condition = { IpAddress: { 'acs:SourceIp': [ipValue()] } };
    return st;
  }

  function bucketStatement(bucket, owner) {
    const n = weighted([[1, 30], [2, 21], [3, 3], [4, 2], [9, 2], [int(14, 16), 7]]);
    const actions = [];
    for (let i = 0; i < n * 3 && actions.length < n; i++) {
      const a = chance(0.06) ? 'oss:*' : ossAction();
      if (!actions.includes(a) && !overlapsDrawnAgain(actions, a)) actions.push(a);
    }
    const st = { Effect: chance(0.9) ? 'Allow' : 'Deny' };
    const pr = d.rand();
    st.Principal = pr < 0.55 ? Array.from({ length: weighted([[1, 8], [2, 2]]) }, accountId) : pr < 0.9 ? ['*'] : '*';
    st.Action = actions.length === 1 && chance(0.3) ? actions[0] : actions;
    const base = `acs:oss:*:${owner}:${bucket}`;
    st.Resource = chance(0.8) ? [chance(0.5) ? base : `${base}/*`] : [base, `${base}/*`];
    if (chance(0.25)) {
      st.Condition = weighted([
        [{ StringLike: { 'oss:Prefix': [`${word()}/*`] } }, 3],
        [{ IpAddress: { 'acs:SourceIp': [ipValue()] } }, 2],
        [{ Bool: { 'acs:SecureTransport': 'true' } }, 1],
        [{ StringEquals: { 'acs:SourceVpc': [`vpc-${int(10000000, 99999999)}`] } }, 1],
      ]);
    }
    return st;
  }

  function resourcePolicyStatement() {
    const kms = chance(0.6);
    return {
      Effect: 'Allow',
      Principal: { RAM: [`acs:ram::${accountId()}:${chance(0.7) ? 'root' : `role/${word()}`}`] },
      Action: kms ? sample(['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey', 'kms:DescribeKey', 'kms:*'], int(1, 3)) : `${pick(['vpc', 'privatelink', 'odps'])}:${pick(['*', 'Describe*', 'List*'])}`,
      Resource: '*',
    };
  }

  /** Risky statements and small mistakes, at about the corpus's rate of findings (~1 per 3 files). */
  function makeRisky() {
    return function risky(st) {
      const r = d.rand();
      if (r < 0.01) {
        st.Action = '*';
        st.Resource = '*';
        st.Effect = 'Allow';
      } else if (r < 0.04) {
        // PassRole: on every role, sometimes with the service pinned.
        const acts = Array.isArray(st.Action) ? st.Action : [st.Action];
        st.Action = acts.concat(['ram:PassRole']);
        st.Resource = chance(0.6) ? '*' : `acs:ram:*:${accountField()}:role/${chance(0.5) ? '*' : `${word()}-*`}`;
        if (chance(0.3)) st.Condition = { StringEquals: { 'acs:Service': `${pick(SERVICE_PRINCIPALS)}.aliyuncs.com` } };
        else delete st.Condition;
      } else if (r < 0.05) {
        st.Action = chance(0.5) ? 'ram:*' : ['ram:*', 'sts:AssumeRole'];
      } else if (r < 0.054) {
        // Allow + NotAction
        delete st.Action;
        st.NotAction = ['ram:*', 'ims:*'];
        st.Resource = '*';
      } else if (r < 0.064) {
        // Duplicated list entry.
        if (Array.isArray(st.Action) && st.Action.length > 0) st.Action.push(st.Action[0]);
      } else if (r < 0.072) {
        // Malformed ARN (too few fields) or AWS-style action.
        if (chance(0.5)) st.Resource = `acs:oss:${bucketName()}/*`;
        else st.Action = ['s3:GetObject'];
      } else if (r < 0.075) {
        st.Condition = { [pick(['IpAdress', 'ForAnyValue:StringEquals', 'StringEqualsIfExists'])]: { 'acs:SourceIp': ipValue() } };
      }
    };
  }

  function policy(index) {
    const kind = weighted([['permission', 62], ['trust', 24], ['bucket', 11.5], ['resource', 2.5]]);
    const nStatements = kind === 'trust' ? weighted([[1, 95], [2, 5]]) : weighted([[1, 375], [2, 75], [3, 30], [4, 10], [5, 7], [6, 4], [7, 4], [8, 1], [9, 3]]);
    const statements = [];
    const ctx = { risky: makeRisky() };
    const bucket = bucketName();
    const owner = chance(0.7) ? accountId() : '*';
    for (let i = 0; i < nStatements; i++) {
      if (kind === 'permission') statements.push(permissionStatement(ctx));
      else if (kind === 'trust') statements.push(trustStatement());
      else if (kind === 'bucket') statements.push(bucketStatement(bucket, owner));
      else statements.push(resourcePolicyStatement());
    }
    const version = weighted([['1', 97.6], [undefined, 2], ['2', 0.2], ['2016-10-17', 0.2]]);
    const doc = {};
    if (version !== undefined && chance(0.54)) doc.Version = version;
    doc.Statement = statements;
    if (version !== undefined && !('Version' in doc)) doc.Version = version;
    const style = weighted([['2', 80], ['4', 10], ['tab', 5], ['min', 5]]);
    const indent = style === '2' ? 2 : style === '4' ? 4 : style === 'tab' ? '\t' : undefined;
    let text = JSON.stringify(doc, null, indent);
    if (chance(0.5)) text += '\n';
    return { kind, text, index };
  }

  return { policy };
}

/**
 * Writes `count` files under `dir`, 100 to a subdirectory (as a repository
 * with many policy folders would), named by index so the order is stable.
 * The policies are one seeded stream, so the first N files of any count are
 * the same bytes; `from` skips writing the first `from` of them (they are
 * still drawn, and listed), to grow a directory written before with the same
 * seed (bench/curves.js goes 1k, 5k, 10k, … that way).
 */
function generate({ dir, count = 10000, seed = 20240601, perDir = 100, from = 0 }) {
  const g = generator(seed);
  fs.mkdirSync(dir, { recursive: true });
  const files = [];
  let bytes = 0;
  let currentDir = '';
  for (let i = 0; i < count; i++) {
    const sub = path.join(dir, `team-${String(Math.floor(i / perDir)).padStart(3, '0')}`);
    if (sub !== currentDir && i >= from) {
      fs.mkdirSync(sub, { recursive: true });
      currentDir = sub;
    }
    const { kind, text } = g.policy(i);
    const file = path.join(sub, `${kind}-${String(i).padStart(5, '0')}.json`);
    if (i >= from) fs.writeFileSync(file, text);
    const size = Buffer.byteLength(text);
    bytes += size;
    files.push({ path: file, kind, size });
  }
  return { files, bytes };
}

module.exports = { generate, prng };

if (require.main === module) {
  const args = process.argv.slice(2);
  const flag = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 ? Number(args.splice(i, 2)[1]) : fallback;
  };
  const count = flag('--files', 10000);
  const seed = flag('--seed', 20240601);
  const dir = args[0];
  if (!dir || !Number.isInteger(count) || count < 1) {
    process.stderr.write('usage: node bench/generate.js <dir> [--files N] [--seed S]\n');
    process.exit(2);
  }
  const started = process.hrtime.bigint();
  const { files, bytes } = generate({ dir, count, seed });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  process.stdout.write(`wrote ${files.length} files, ${bytes} bytes, into ${dir} in ${ms.toFixed(0)} ms\n`);
}
