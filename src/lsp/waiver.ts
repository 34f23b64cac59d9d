/**
 * "Waive this finding": an inline directive in files that allow comments, a
 * configuration waiver for plain JSON (RAM rejects comments in policies).
 */
import fs from 'node:fs';
import path from 'node:path';
import { applyEdits, modify } from 'jsonc-parser';
import type { Position, TextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE_NAMES } from '../config/types';

/** Put in the config's `reason`, selected after the edit so that typing replaces it. */
export const REASON_PLACEHOLDER = 'TODO: say why this risk is accepted';
const NEW_CONFIG_NAME = 'ramlint.config.jsonc';

export function allowsComments(filePath: string): boolean {
  return /\.jsonc$/i.test(filePath);
}

/** The edit, and where the reason goes, for `// ramlint-disable-next-line <rule> -- ` above the finding. */
export function inlineWaiver(document: TextDocument, line: number, ruleId: string): { edit: TextEdit; reasonAt: Position } {
  const text = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  const indent = /^[ \t]*/.exec(text)?.[0] ?? '';
  const eol = /\r\n$/.test(text) ? '\r\n' : '\n';
  const comment = `${indent}// ramlint-disable-next-line ${ruleId} -- `;
  return {
    edit: { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: comment + eol },
    reasonAt: { line, character: comment.length },
  };
}

/** The nearest config file at or above the file's directory, up to the workspace folder (or the repository root). */
export function nearestConfig(filePath: string, stopAt: string | undefined): string | undefined {
  let dir = path.dirname(filePath);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(dir, name);
      // A file, as the config lookup requires: a directory of that name is not a config.
      if (fs.statSync(candidate, { throwIfNoEntry: false })?.isFile()) return candidate;
    }
    if (dir === stopAt || fs.existsSync(path.join(dir, '.git'))) return undefined;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export interface ConfigWaiver {
  /** The config file to edit or create. */
  configFile: string;
  create: boolean;
  /** The config's whole text after the edit. */
  newText: string;
  /** Offsets of the reason placeholder in newText. */
  reasonOffset: number;
}

/**
 * Appends `{ rule, files, path, reason }` to the config's `waivers` (creating
 * the array, or the config beside the workspace folder's root, as needed).
 * `files` is relative to the config's directory, as the config format says
 * (to the working directory for a config named explicitly, as with --config).
 */
export function configWaiver(options: {
  filePath: string;
  ruleId: string;
  jsonPath: string;
  configFile: string | undefined;
  configText: string | undefined;
  newConfigDir: string;
  /** Where `files` globs start when it is not the config's directory (a config given as --config: the working directory). */
  globBase?: string;
}): ConfigWaiver {
  const configFile = options.configFile ?? path.join(options.newConfigDir, NEW_CONFIG_NAME);
  const create = options.configFile === undefined;
  const files = [path.relative(options.globBase ?? path.dirname(configFile), options.filePath).split(path.sep).join('/')];
  const waiver: Record<string, unknown> = { rule: options.ruleId, files };
  if (options.jsonPath) waiver.path = options.jsonPath;
  waiver.reason = REASON_PLACEHOLDER;
  const base = create || options.configText === undefined || options.configText.trim() === '' ? '{\n}\n' : options.configText;
  const edits = modify(base, ['waivers', -1], waiver, { formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' }, isArrayInsertion: true });
  const newText = applyEdits(base, edits);
  return { configFile, create, newText, reasonOffset: newText.lastIndexOf(REASON_PLACEHOLDER) };
}
