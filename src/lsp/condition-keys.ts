/**
 * Global condition keys for completion, with the value type each takes.
 * Source: ../shared/docs/ram-policy-language.md §2.2, only the keys it found
 * in Alibaba's documentation (the tag keys take a `/<key>` suffix).
 */
export const GLOBAL_CONDITION_KEYS: readonly (readonly [key: string, type: string])[] = [
  ['acs:AccessId', 'string'],
  ['acs:CurrentTime', 'date'],
  ['acs:MFAPresent', 'boolean'],
  ['acs:PrincipalARN', 'string'],
  ['acs:RequestTag/', 'string'],
  ['acs:ResourceTag/', 'string'],
  ['acs:SecureTransport', 'boolean'],
  ['acs:Service', 'string'],
  ['acs:SourceIp', 'ip'],
  ['acs:SourceVpc', 'string'],
  ['acs:SourceVpcId', 'string'],
  ['acs:SourceVpcIp', 'ip'],
  ['acs:UserAgent', 'string'],
];
