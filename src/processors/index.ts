/**
 * The built-in processors, in the order the file-level API tries them on a
 * file more than one could claim: a .json file may be a plan, a ROS template
 * or an API response (each `recognizes` it by its top-level keys). Bare .json
 * policies are no processor's: the engine lints them directly, and a JSON
 * object with a top-level "Statement" is never claimed (claim.ts).
 */
import { apiResponseProcessor } from './api-response';
import { rosProcessor } from './ros';
import { terraformProcessor } from './terraform';
import { terraformPlanProcessor } from './terraform-plan';
import type { Processor } from './types';

export const builtinProcessors: readonly Processor[] = [terraformProcessor, terraformPlanProcessor, rosProcessor, apiResponseProcessor];

export { claimFile } from './claim';
export { hostNoteToMessage, mapMessagesToHost } from './map-back';
export type { EmbeddedDocument, HostNote, OffsetMap, ProcessOutput, Processor } from './types';
