/**
 * The built-in processors, in the order they are tried on a file. A stand-in
 * on this branch: the Terraform, plan, ROS and API-response processors land
 * from their own branch; the file-level API is written against this name.
 */
import type { Processor } from './types';

export const builtinProcessors: readonly Processor[] = [];
