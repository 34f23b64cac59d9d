/**
 * Real action names, in their documented case, tried first when a witness
 * action is needed: "oss:DeleteObject" reads better than "oss:x". The proof
 * never depends on this list; it only picks nicer witnesses.
 */
import { catalogue } from '../engine/catalog/catalogue';
import { ESCALATION_ACTIONS } from '../engine/analysis/escalation';
import type { GlobSet } from './glob';

/** Actions that start code which runs with a role passed to it. */
export const CODE_RUNNING_ACTIONS: readonly string[] = [
  'ecs:RunInstances',
  'ecs:CreateInstance',
  'ecs:ModifyInstanceAttribute',
  'fc:CreateFunction',
  'fc:UpdateFunction',
  'cs:CreateCluster',
  'ros:CreateStack',
  'ros:UpdateStack',
  'dataworks:CreateFile',
  'eci:CreateContainerGroup',
  'emr:CreateCluster',
  'oos:StartExecution',
];

/**
 * Actions that hand a passed role to something already running, each with the actions that then run code
 * there: ecs:AttachInstanceRamRole gives a running instance a role, and Cloud Assistant's commands and
 * sessions run code on the instance, which reads the role's credentials from the metadata service.
 */
export const ROLE_TO_RUNNING_CODE: readonly { attach: string; run: readonly string[] }[] = [
  { attach: 'ecs:AttachInstanceRamRole', run: ['ecs:InvokeCommand', 'ecs:RunCommand', 'ecs:StartTerminalSession'] },
];

const COMMON: readonly string[] = [
  'oss:GetObject', 'oss:PutObject', 'oss:DeleteObject', 'oss:ListObjects', 'oss:ListBuckets', 'oss:PutBucketPolicy', 'oss:PutBucketAcl',
  'oss:PutObjectAcl', 'oss:DeleteBucket', 'ecs:DescribeInstances', 'ecs:StartInstance', 'ecs:StopInstance', 'ecs:DeleteInstance',
  'ram:PassRole', 'ram:CreateUser', 'ram:DeleteUser', 'ram:ListUsers', 'ram:CreateRole', 'ram:CreatePolicy', 'ram:GetRole',
  'sts:AssumeRole', 'kms:Decrypt', 'kms:Encrypt', 'rds:DescribeDBInstances', 'log:GetLogStore', 'log:PostLogStoreLogs',
];

export const KNOWN_ACTIONS: readonly string[] = [...new Set([...ESCALATION_ACTIONS.map((e) => e.action), ...CODE_RUNNING_ACTIONS, ...ROLE_TO_RUNNING_CODE.flatMap((r) => [r.attach, ...r.run]), ...COMMON])];

/** Catalogue entries tried per statement, at most: witnesses only need one that fits. */
const CATALOGUE_CANDIDATES = 400;

/**
 * The catalogue's actions of the services a set of action patterns names
 * with a literal service (`oss:Get*` → every oss action), in its spelling.
 */
export function catalogueActionsFor(actions: GlobSet): string[] {
  if (actions.negated) return [];
  const services = new Set(actions.globs.map((g) => /^([a-z0-9-]+):/i.exec(g.source)?.[1]?.toLowerCase()).filter((s): s is string => s !== undefined));
  const out: string[] = [];
  for (const code of services) {
    for (const entry of catalogue().services.get(code)?.actions ?? []) {
      if (out.length >= CATALOGUE_CANDIDATES) return out;
      out.push(entry.action);
    }
  }
  return out;
}
