/**
 * The built-in processors, in the order the file-level API tries them on a
 * file that more than one could claim (a .json file may be a plan, a ROS
 * template or an API response; bare .json policies are no processor's).
 */
import type { Processor } from './types';
import { terraformProcessor } from './terraform';

export const builtinProcessors: readonly Processor[] = [terraformProcessor];

export { mapMessagesToHost, hostNoteToMessage } from './map-back';
export type { EmbeddedDocument, HostNote, OffsetMap, ProcessOutput, Processor } from './types';
