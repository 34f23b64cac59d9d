/**
 * Real action names, in their documented case, tried first when a witness
 * action is needed: "oss:DeleteObject" reads better than "oss:x". The proof
 * never depends on this list; it only picks nicer witnesses.
 */
import { ESCALATION_ACTIONS } from '../engine/catalog/ram-escalation';

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

const COMMON: readonly string[] = [
  'oss:GetObject', 'oss:PutObject', 'oss:DeleteObject', 'oss:ListObjects', 'oss:ListBuckets', 'oss:PutBucketPolicy', 'oss:PutBucketAcl',
  'oss:PutObjectAcl', 'oss:DeleteBucket', 'ecs:DescribeInstances', 'ecs:StartInstance', 'ecs:StopInstance', 'ecs:DeleteInstance',
  'ram:PassRole', 'ram:CreateUser', 'ram:DeleteUser', 'ram:ListUsers', 'ram:CreateRole', 'ram:CreatePolicy', 'ram:GetRole',
  'sts:AssumeRole', 'kms:Decrypt', 'kms:Encrypt', 'rds:DescribeDBInstances', 'log:GetLogStore', 'log:PostLogStoreLogs',
];

export const KNOWN_ACTIONS: readonly string[] = [...new Set([...ESCALATION_ACTIONS.keys(), ...CODE_RUNNING_ACTIONS, ...COMMON])];
