import { bucketPhrase } from '../engine/analysis/host-resources';
import { defineRule } from '../engine/rule';

export default defineRule({
  meta: {
    id: 'oss-public-acl',
    category: 'security',
    defaultSeverity: 'error',
    description: 'Disallow OSS bucket ACLs that make every object public (public-read, public-read-write).',
    fixable: 'none',
    resources: ['bucket-acl'],
    messages: {
      publicReadWrite:
        'Bucket ACL "{{acl}}" on {{bucket}} lets anyone on the internet read, overwrite and delete every object in it without signing a request; set the ACL to "private" and grant the access that is needed through a bucket policy.',
      publicRead:
        'Bucket ACL "{{acl}}" on {{bucket}} lets anyone on the internet read every object in it without signing a request; set the ACL to "private" and grant read access through a bucket policy to those who need it.',
    },
    // Public reads are sometimes the point (a static site); public writes never are.
    messageSeverityCap: { publicRead: 'warning' },
  },
  checkResources(context) {
    for (const bucket of context.resources) {
      if (bucket.type !== 'bucket-acl') continue;
      // An ACL the host computes (a variable, `!Ref`) is not guessed; OSS's ACL names are lower case.
      const acl = bucket.acl.value?.toLowerCase();
      const data = { acl: bucket.acl.value ?? '', bucket: bucketPhrase(bucket) };
      if (acl === 'public-read-write') context.report({ messageId: 'publicReadWrite', resource: bucket, value: bucket.acl, data });
      else if (acl === 'public-read') context.report({ messageId: 'publicRead', resource: bucket, value: bucket.acl, data });
    }
  },
});
