import { blockingAccess, bucketPhrase, objectPhrase } from '../engine/analysis/host-resources';
import type { PublicAccessBlock } from '../engine/types';
import { defineRule } from '../engine/rule';

export default defineRule({
  meta: {
    id: 'oss-public-acl',
    category: 'security',
    defaultSeverity: 'error',
    description: 'Disallow OSS bucket and object ACLs that make objects public (public-read, public-read-write).',
    fixable: 'none',
    resources: ['bucket-acl', 'object-acl', 'public-access-block'],
    messages: {
      publicReadWrite:
        'Bucket ACL "{{acl}}" on {{bucket}} lets anyone on the internet read, overwrite and delete every object in it without signing a request; set the ACL to "private" and grant the access that is needed through a bucket policy.',
      publicRead:
        'Bucket ACL "{{acl}}" on {{bucket}} lets anyone on the internet read every object in it without signing a request; set the ACL to "private" and grant read access through a bucket policy to those who need it.',
      objectPublicReadWrite:
        'Object ACL "{{acl}}" on {{object}} in {{bucket}} lets anyone on the internet read and overwrite that object without signing a request, whatever the bucket ACL says; set the ACL to "private" (or leave it unset) and grant the access that is needed through a bucket policy.',
      objectPublicRead:
        'Object ACL "{{acl}}" on {{object}} in {{bucket}} lets anyone on the internet read that object without signing a request, whatever the bucket ACL says; set the ACL to "private" (or leave it unset) and grant read access through a bucket policy to those who need it.',
      blocked:
        'Bucket ACL "{{acl}}" on {{bucket}} is public, but OSS ignores it while Block Public Access ({{block}}) is on; set the ACL to "private" so that the bucket does not become public when Block Public Access is turned off.',
      objectBlocked:
        'Object ACL "{{acl}}" on {{object}} in {{bucket}} is public, but OSS ignores it while Block Public Access ({{block}}) is on; set the ACL to "private" so that the object does not become public when Block Public Access is turned off.',
    },
    // Public reads are sometimes the point (a static site); public writes never are. An ACL that
    // Block Public Access of the same file overrides leaks nothing until the block is lifted.
    messageSeverityCap: { publicRead: 'warning', objectPublicRead: 'warning', blocked: 'info', objectBlocked: 'info' },
  },
  checkResources(context) {
    const blocks = context.resources.filter((r): r is PublicAccessBlock => r.type === 'public-access-block');
    for (const resource of context.resources) {
      if (resource.type !== 'bucket-acl' && resource.type !== 'object-acl') continue;
      // An ACL the host computes (a variable, `!Ref`) is not guessed; OSS's ACL names are lower case.
      const acl = resource.acl.value?.toLowerCase();
      if (acl !== 'public-read-write' && acl !== 'public-read') continue;
      const block = blockingAccess(resource, blocks);
      const data = { acl: resource.acl.value ?? '', bucket: bucketPhrase(resource), object: resource.type === 'object-acl' ? objectPhrase(resource) : '', block: block?.label ?? '' };
      const messageId =
        resource.type === 'bucket-acl'
          ? block ? 'blocked' : acl === 'public-read-write' ? 'publicReadWrite' : 'publicRead'
          : block ? 'objectBlocked' : acl === 'public-read-write' ? 'objectPublicReadWrite' : 'objectPublicRead';
      context.report({ messageId, resource, value: resource.acl, data });
    }
  },
});
