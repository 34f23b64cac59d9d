/**
 * Processors: host files (Terraform, plan JSON, ROS templates, API responses)
 * in, the policy documents they hold out, each with a map back to the host
 * text. Pure: text in, documents out; no I/O. The file-level API lints each
 * document unchanged with the engine and maps every finding, fix and
 * suggestion back through `map` (ESLint's preprocess/postprocess model).
 *
 * Beside the documents, a processor reports host resources: facts that are
 * not policies but decide access (a system policy attached to a role, a
 * bucket's ACL), each value at its host offsets. The API hands them to the
 * rules with `checkResources` (src/engine/resource-linter.ts); nothing maps
 * them, since they are in host coordinates already.
 */
import type { Comment } from '../engine/directives';
import type { HostResource, PolicyKind, Severity } from '../engine/types';

/** Maps 0-based UTF-16 offsets in a document's text to offsets in the host text. */
export interface OffsetMap {
  /**
   * The host offset of a document offset. `side` matters at the seam between
   * two pieces: a range's start maps with 'start', its end with 'end'.
   */
  toHost(offset: number, side: 'start' | 'end'): number;
  /**
   * True when [start, end) of the document is a verbatim copy of host text,
   * or its exact encoding (`"` written `\"` in an escaped string, a newline
   * followed by a stripped `<<-` indent), so an edit there can be written into
   * the host after `encode`. False over generated text and `${...}` values.
   */
  isExact(start: number, end: number): boolean;
}

/** A policy document found inside a host file. */
export interface EmbeddedDocument {
  /** The policy JSON, as the engine lints it. */
  text: string;
  /**
   * Where it lives, for people: the Terraform address and attribute
   * (`alicloud_ram_policy.etl.policy_document`), the ROS logical id and
   * property path (`Resources.EtlPolicy.Properties.PolicyDocument`), the API
   * field (`PolicyVersion.PolicyDocument`). Unique within one host file.
   */
  label: string;
  /** The kind the host states (an assume-role attribute is a trust policy); undefined to detect from content. */
  kind?: PolicyKind;
  map: OffsetMap;
  /**
   * How replacement text is written into the host where the document is a
   * verbatim copy (a heredoc escapes `${`; a JSON string escapes quotes).
   * Undefined: edits cannot be written back exactly; fixes become suggestions.
   */
  encode?: (replacement: string) => string;
  /** Comments allowed in the document text (false for everything but .jsonc). */
  allowComments?: boolean;
}

/** A finding about the host file itself, at host offsets. */
export interface HostNote {
  /** A core diagnostic id: 'invalid-host-file' (the host cannot be parsed) or 'unresolved-value' (a value the processor cannot know). */
  ruleId: 'invalid-host-file' | 'unresolved-value';
  severity: Severity;
  message: string;
  offset: number;
  length: number;
  /** The document the note is about, when there is one. */
  label?: string;
  /**
   * For an `unresolved-value` note about a whole policy the host computes: the kind its attribute
   * holds, as an EmbeddedDocument's `kind`, so that `ramlint can`, `diff` and `escalation` know what the
   * policy they cannot read may be (a permission policy may grant anything, an endpoint policy nothing).
   */
  kind?: PolicyKind;
}

export interface ProcessOutput {
  documents: EmbeddedDocument[];
  notes: HostNote[];
  /** The host resources found, in the order of the file; absent when there are none. */
  resources?: HostResource[];
  /**
   * The host file's comments that may hold inline waivers (src/engine/directives.ts),
   * at host offsets: HCL `#`, `//` and `/* *\/`, YAML `#`. Absent for formats without
   * comments (JSON hosts) and for a file whose text holds no directive.
   */
  comments?: Comment[];
}

export interface Processor {
  /** Stable id, for configs and `--processor`: 'json', 'terraform', 'terraform-plan', 'ros', 'api-response'. */
  id: string;
  /** Lower-case file name endings this processor may claim in a directory walk ('.tf', '.tf.json'). */
  extensions: readonly string[];
  /**
   * True when the text is this host format. Cheap: it runs on every candidate
   * file of a walk (a .json file may be a policy, a plan or an API response).
   * Decided by structure (a JSON host's top-level keys, src/processors/json-shape.ts),
   * a text search serving only as a necessary condition before it: a claimed
   * file is linted only through the documents found in it. Whatever this
   * says, a JSON object with a top-level "Statement" is linted as a policy
   * (claimFile in src/processors/claim.ts).
   */
  recognizes(text: string, filePath: string): boolean;
  /** Never throws on any input: a broken host is a HostNote. */
  preprocess(text: string, filePath: string): Promise<ProcessOutput>;
}

/**
 * Implemented in src/processors/map-back.ts (with hostNoteToMessage, a HostNote as a LintMessage):
 *   mapMessagesToHost(hostText, doc, messages) → LintMessage[]
 * returns the engine's messages for `doc` in host coordinates: offsets, lines
 * and columns recomputed on the host text, `document` set to the label, fixes
 * mapped where `doc.map.isExact` and `doc.encode` allow (otherwise offered as
 * suggestions, never applied), suggestions mapped the same way.
 * src/processors/index.ts exports `builtinProcessors: readonly Processor[]`.
 */
