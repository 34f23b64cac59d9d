/**
 * The ROS template processor: recognised by ROSTemplateFormatVersion, YAML or
 * JSON. The reading itself is in ros-template.ts, loaded on first use.
 */
import { hostFailure, withinText, withoutBom } from './notes';
import type { Processor } from './types';

export const rosProcessor: Processor = {
  id: 'ros',
  extensions: ['.yaml', '.yml', '.json'],
  recognizes(text) {
    // includes() first: the regex, anchored at every position, is the slow way to find nothing.
    return text.includes('ROSTemplateFormatVersion') && /(^|[\s{,"'])ROSTemplateFormatVersion["']?\s*:/.test(text);
  },
  async preprocess(text) {
    try {
      // The yaml package costs ~50 ms to load: only runs that meet a template pay for it.
      const { processTemplate } = require('./ros-template') as typeof import('./ros-template');
      return withinText(processTemplate(withoutBom(text)), text);
    } catch (error) {
      return hostFailure(error);
    }
  },
};
