/** The API's overrideConfig option: a config object read as a config file at the working directory. */
import path from 'node:path';
import { parseConfig } from '../config/parse';
import { ConfigError, type ConfigFile } from '../config/types';

/** The caller's config object, read as a config file at the working directory (so its globs and plugin paths are relative to it). */
export function parseOverride(config: Record<string, unknown>, cwd: string): ConfigFile {
  let text: string;
  try {
    text = JSON.stringify(config, null, 2);
  } catch (error) {
    throw new TypeError(`RamLint option "overrideConfig" must be plain JSON data: ${(error as Error).message}`);
  }
  try {
    return parseConfig(path.join(cwd, OVERRIDE_NAME), text, OVERRIDE_NAME);
  } catch (error) {
    if (error instanceof ConfigError) throw new TypeError(`RamLint option "overrideConfig": ${error.message} (at ${error.origin.line}:${error.origin.column} of the object as JSON)`);
    throw error;
  }
}

const OVERRIDE_NAME = '<overrideConfig>';
