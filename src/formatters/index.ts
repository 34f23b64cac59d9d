/**
 * Every report format, by the name --format takes. Each is loaded when it is
 * used: some pull in node:crypto, and a one-file lint should not pay for that.
 */
import type { Formatter, StreamingFormat } from './types';

export type { FormatContext, Formatter, ReportStream, RunTotals, StreamingFormat } from './types';

const loaders: Record<string, () => Formatter> = {
  stylish: () => require('./stylish').stylish,
  json: () => require('./json').json,
  compact: () => require('./compact').compact,
  sarif: () => require('./sarif').sarif,
  github: () => require('./github').github,
  junit: () => require('./junit').junit,
  checkstyle: () => require('./checkstyle').checkstyle,
  gitlab: () => require('./gitlab').gitlab,
};

export const FORMAT_NAMES: readonly string[] = Object.keys(loaders);

/** The formatter called `name`; throws for an unknown name (args.ts only lets known names through). */
export function loadFormatter(name: string): Formatter {
  const load = loaders[name];
  if (!load) throw new Error(`unknown format "${name}"`);
  return load();
}

/** Formats that can print each result as it arrives. SARIF and JUnit put run-wide facts (rules used, counts) before the results, so they are built whole. */
const streamingLoaders: Record<string, () => StreamingFormat> = {
  stylish: () => require('./stylish').stylishStream,
  json: () => require('./json').jsonStream,
  compact: () => require('./compact').compactStream,
  github: () => require('./github').githubStream,
  checkstyle: () => require('./checkstyle').checkstyleStream,
  gitlab: () => require('./gitlab').gitlabStream,
};

/** The streaming form of format `name`, or undefined when it has none. */
export function loadStreamingFormat(name: string): StreamingFormat | undefined {
  return Object.hasOwn(streamingLoaders, name) ? streamingLoaders[name]?.() : undefined;
}
