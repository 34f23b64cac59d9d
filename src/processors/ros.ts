/**
 * The ROS template processor: recognised by ROSTemplateFormatVersion, YAML or
 * JSON. The reading itself is in ros-template.ts, loaded on first use.
 */
import { jsonShape } from './json-shape';
import { hostFailure, withinText, withoutBom } from './notes';
import type { Processor } from './types';

export const rosProcessor: Processor = {
  id: 'ros',
  extensions: ['.yaml', '.yml', '.json'],
  recognizes(text, filePath) {
    // includes() first: most files are turned away without a scan or a regex.
    const named = text.includes('ROSTemplateFormatVersion');
    if (!named && !text.includes('\\u')) return false;
    // JSON (a JSON template, or a YAML file written as JSON): the top-level key, not the word, so
    // a policy whose condition values say "ROSTemplateFormatVersion: x" is still a policy.
    const shape = jsonShape(text);
    if (shape?.policy) return false;
    if (shape !== undefined && (!shape.broken || filePath.toLowerCase().endsWith('.json'))) return shape.keys.has('ROSTemplateFormatVersion');
    // YAML (block style, or flow style JSON cannot read): no policy is YAML, so the key's spelling suffices.
    return named && /(^|[\s{,"'])ROSTemplateFormatVersion["']?\s*:/.test(text);
  },
  async preprocess(text, filePath) {
    try {
      // The yaml package costs ~50 ms to load: only runs that meet a template pay for it.
      const { processTemplate } = require('./ros-template') as typeof import('./ros-template');
      const out = processTemplate(withoutBom(text));
      // A YAML template's `#` comments may hold inline waivers; a JSON template (a .json file) has no comments.
      if (!filePath.toLowerCase().endsWith('.json')) {
        const { yamlComments } = require('./yaml-comments') as typeof import('./yaml-comments');
        const comments = yamlComments(withoutBom(text));
        if (comments) out.comments = comments;
      }
      return withinText(out, text);
    } catch (error) {
      return hostFailure(error);
    }
  },
};
