/**
 * OSS RAM actions and their access level. Source: OSS "Authorization syntax
 * and elements" (see ../shared/docs/ram-policy-language.md §5). Alibaba marks
 * APIs only create/list/get/update/delete; the permissions-management class is
 * derived (actions that change who can access a bucket or object).
 */

export type AccessLevel = 'list' | 'read' | 'write' | 'permissions';

const LIST = [
  'ListBuckets', 'ListObjects', 'ListObjectVersions', 'ListMultipartUploads', 'ListParts', 'ListCname', 'ListStyle',
  'ListAccessPoints', 'ListLiveChannel', 'ListUserDataRedundancyTransition', 'ListBucketDataRedundancyTransition',
  'ListBucketAntiDDosInfo', 'ReplicateList',
];

const READ = [
  'GetObject', 'GetObjectAcl', 'GetObjectMeta', 'GetObjectTagging', 'GetObjectVersion', 'GetObjectVersionAcl',
  'GetObjectVersionTagging', 'GetSymlink', 'GetBucketInfo', 'GetBucketLocation', 'GetBucketStat', 'GetBucketVersioning',
  'GetBucketAcl', 'GetBucketWorm', 'GetBucketLogging', 'GetBucketWebsite', 'GetBucketReferer', 'GetBucketLifecycle',
  'GetBucketTransferAcceleration', 'GetBucketCors', 'GetBucketPolicy', 'GetBucketTagging', 'GetBucketEncryption',
  'GetBucketRequestPayment', 'GetBucketReplication', 'GetBucketReplicationLocation', 'GetBucketReplicationProgress',
  'GetBucketInventory', 'GetBucketAccessMonitor', 'GetMetaQueryStatus', 'DoMetaQuery', 'GetUserAntiDDosInfo',
  'GetBucketResourceGroup', 'GetCnameToken', 'GetStyle', 'GetBucketArchiveDirectRead', 'GetAccessPoint',
  'GetAccessPointPolicy', 'GetAccessPointPolicyForObjectProcess', 'GetBucketHttpsConfig', 'GetBucketDataRedundancyTransition',
  'GetBucketPublicAccessBlock', 'GetAccessPointPublicAccessBlock', 'GetPublicAccessBlock', 'GetBucketPolicyStatus',
  'GetBucketOverwriteConfig', 'GetLiveChannel', 'GetLiveChannelStat', 'GetLiveChannelHistory', 'GetVodPlaylist',
  'ReplicateGet',
];

const WRITE = [
  'PutObject', 'DeleteObject', 'AbortMultipartUpload', 'RestoreObject', 'PutObjectTagging', 'DeleteObjectTagging',
  'DeleteObjectVersion', 'PutObjectVersionTagging', 'DeleteObjectVersionTagging', 'RestoreObjectVersion', 'PutSymlink',
  'PutBucket', 'DeleteBucket', 'PutBucketVersioning', 'InitiateBucketWorm', 'AbortBucketWorm', 'CompleteBucketWorm',
  'ExtendBucketWorm', 'PutBucketLogging', 'DeleteBucketLogging', 'PutBucketWebsite', 'DeleteBucketWebsite',
  'PutBucketReferer', 'PutBucketLifecycle', 'DeleteBucketLifecycle', 'PutBucketTransferAcceleration', 'PutBucketCors',
  'DeleteBucketCors', 'PutBucketTagging', 'DeleteBucketTagging', 'PutBucketEncryption', 'DeleteBucketEncryption',
  'PutBucketRequestPayment', 'PutBucketReplication', 'DeleteBucketReplication', 'PutBucketRTC', 'ReplicatePut',
  'ReplicateDelete', 'PutBucketInventory', 'DeleteBucketInventory', 'PutBucketAccessMonitor', 'OpenMetaQuery',
  'CloseMetaQuery', 'InitUserAntiDDosInfo', 'UpdateUserAntiDDosInfo', 'InitBucketAntiDDosInfo', 'UpdateBucketAntiDDosInfo',
  'PutBucketResourceGroup', 'CreateCnameToken', 'PutCname', 'DeleteCname', 'PutStyle', 'DeleteStyle',
  'PutBucketArchiveDirectRead', 'CreateAccessPoint', 'DeleteAccessPoint', 'PutBucketHttpsConfig', 'WriteGetObjectResponse',
  'CreateBucketDataRedundancyTransition', 'DeleteBucketDataRedundancyTransition', 'PutBucketOverwriteConfig',
  'DeleteBucketOverwriteConfig', 'PutLiveChannel', 'DeleteLiveChannel', 'PutLiveChannelStatus', 'PostVodPlaylist',
  'PublishRtmpStream', 'ProcessImm', 'PostProcessTask', 'ActivateProduct', 'CreateOrder',
];

const PERMISSIONS = [
  'PutBucketAcl', 'PutObjectAcl', 'PutObjectVersionAcl', 'PutBucketPolicy', 'DeleteBucketPolicy', 'PutAccessPointPolicy',
  'PutAccessPointPolicyForObjectProcess', 'DeleteAccessPointPolicy', 'DeleteAccessPointPolicyForObjectProcess',
  'PutPublicAccessBlock', 'DeletePublicAccessBlock', 'PutBucketPublicAccessBlock', 'DeleteBucketPublicAccessBlock',
  'PutAccessPointPublicAccessBlock', 'DeleteAccessPointPublicAccessBlock',
];

/** Keyed by the lower-cased action name: actions compare case-insensitively. */
export const OSS_ACTIONS: ReadonlyMap<string, AccessLevel> = new Map<string, AccessLevel>([
  ...LIST.map((a) => [`oss:${a.toLowerCase()}`, 'list'] as const),
  ...READ.map((a) => [`oss:${a.toLowerCase()}`, 'read'] as const),
  ...WRITE.map((a) => [`oss:${a.toLowerCase()}`, 'write'] as const),
  ...PERMISSIONS.map((a) => [`oss:${a.toLowerCase()}`, 'permissions'] as const),
]);

/** Account-level actions that are harmless on `*` (they cannot be scoped to a bucket). */
export const OSS_ACCOUNT_LEVEL_READS: ReadonlySet<string> = new Set(['oss:listbuckets', 'oss:getservice', 'oss:listuserdataredundancytransition', 'oss:getpublicaccessblock']);

const RANK: Record<AccessLevel, number> = { list: 0, read: 1, write: 2, permissions: 3 };

export function higherLevel(a: AccessLevel, b: AccessLevel): AccessLevel {
  return RANK[a] >= RANK[b] ? a : b;
}

/**
 * Level of an OSS action the catalogue does not list, guessed from its verb,
 * so that a new write API is not mistaken for a read.
 */
export function guessLevel(action: string): AccessLevel {
  const name = action.slice(action.indexOf(':') + 1);
  if (/^(List)/i.test(name)) return 'list';
  if (/^(Get|Head|Select|Describe)/i.test(name)) return 'read';
  if (/(Acl|Policy|PublicAccessBlock)$/i.test(name)) return 'permissions';
  return 'write';
}

/** The actions as Alibaba spells them (OSS_ACTIONS keys are lower-cased), for editor completion. */
export const OSS_ACTION_NAMES: readonly (readonly [string, AccessLevel])[] = [
  ...LIST.map((a) => [a, 'list'] as const),
  ...READ.map((a) => [a, 'read'] as const),
  ...WRITE.map((a) => [a, 'write'] as const),
  ...PERMISSIONS.map((a) => [a, 'permissions'] as const),
];
