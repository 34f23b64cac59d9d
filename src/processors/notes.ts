/** HostNotes every processor writes, worded once. */
import type { HostResource, HostValue, PolicyKind } from '../engine/types';
import type { HostNote, ProcessOutput } from './types';

export function invalidHost(message: string, offset: number, length: number): HostNote {
  return { ruleId: 'invalid-host-file', severity: 'error', message, offset, length };
}

export function unresolved(message: string, at: { startIndex: number; endIndex: number } | { offset: number; length: number }, label?: string, kind?: PolicyKind): HostNote {
  const [offset, length] = 'offset' in at ? [at.offset, at.length] : [at.startIndex, at.endIndex - at.startIndex];
  const note: HostNote = { ruleId: 'unresolved-value', severity: 'info', message, offset, length };
  if (label !== undefined) note.label = label;
  if (kind !== undefined) note.kind = kind;
  return note;
}

/** A processor bug must not pass the file: it is reported as a file that was not checked. */
export function hostFailure(error: unknown): ProcessOutput {
  const why = error instanceof Error ? error.message || error.name : String(error);
  return { documents: [], notes: [invalidHost(`ramlint could not read the policies in this file, so none was checked: ${why}`, 0, 0)] };
}

/**
 * A UTF-8 byte-order mark replaced by a space: host parsers read past it and
 * every offset still counts it, so positions stay those of the text given.
 */
export function withoutBom(text: string): string {
  return text.startsWith('\uFEFF') ? ` ${text.slice(1)}` : text;
}

/** Notes and resource values clamped to the host text: parsers may point one past the end (an unexpected end of input). */
export function withinText(output: ProcessOutput, text: string): ProcessOutput {
  const clamp = (at: { offset: number; length: number }): void => {
    at.offset = Math.max(0, Math.min(at.offset, text.length));
    at.length = Math.max(0, Math.min(at.length, text.length - at.offset));
  };
  for (const note of output.notes) clamp(note);
  for (const resource of output.resources ?? []) for (const value of hostValues(resource)) clamp(value);
  return output;
}

/** Every value a resource holds. */
function hostValues(resource: HostResource): HostValue[] {
  const values = ((): Array<HostValue | undefined> => {
    switch (resource.type) {
      case 'policy-attachment':
        return [resource.policyName, resource.policyType, resource.principalName, resource.resourceGroup, resource.anchor];
      case 'bucket-acl':
        return [resource.acl, resource.bucket];
      case 'object-acl':
        return [resource.acl, resource.bucket, resource.key];
      case 'public-access-block':
        return [resource.enabled, resource.bucket];
    }
  })();
  // A value may be held twice (an anchor is its principal's name): clamped once.
  return [...new Set(values.filter((v): v is HostValue => v !== undefined))];
}
