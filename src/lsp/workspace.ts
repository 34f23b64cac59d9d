/**
 * Workspace folders and the linter each one uses. A folder's linter is made
 * once per settings and thrown away when a config file changes, so the next
 * lint reads the configs afresh (the API caches what it has read).
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { RamLintApi, RamLintOptions } from '../api/types';
import { createLinter } from './linter-factory';
import { LintWorker, offThread } from './off-thread';
import type { ServerSettings } from './settings';

const EXTENSION_BY_LANGUAGE: Record<string, string> = { json: '.json', jsonc: '.jsonc', terraform: '.tf', yaml: '.yaml' };

export class Workspace {
  private folders: string[] = [];
  private readonly linters = new Map<string, RamLintApi>();

  constructor(private readonly worker = new LintWorker()) {}

  setFolders(uris: readonly string[]): void {
    this.folders = uris.flatMap((uri) => (uri.startsWith('file:') ? [fileURLToPath(uri)] : []));
    this.linters.clear();
  }

  addFolders(added: readonly string[], removed: readonly string[]): void {
    const gone = new Set(removed.flatMap((uri) => (uri.startsWith('file:') ? [fileURLToPath(uri)] : [])));
    this.setFolders([...this.folders.filter((f) => !gone.has(f)).map((f) => pathToFileURL(f).href), ...added]);
  }

  /** Configs changed on disk: every linter must read them again. */
  reload(): void {
    this.linters.clear();
    this.worker.reset();
  }

  dispose(): Promise<void> {
    return this.worker.dispose();
  }

  /** The innermost workspace folder holding the file (nested folders are allowed). */
  folderOf(filePath: string): string | undefined {
    let best: string | undefined;
    for (const folder of this.folders) {
      const rel = path.relative(folder, filePath);
      const inside = rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
      if (inside && (!best || folder.length > best.length)) best = folder;
    }
    return best;
  }

  /** A document's path on disk; an unsaved buffer gets a name in the first folder that picks its language. */
  filePath(uri: string, languageId: string): string {
    if (uri.startsWith('file:')) return fileURLToPath(uri);
    const base = (uri.split(/[/:]/).pop() || 'untitled').replace(/[^\w.-]/g, '_');
    const withExtension = path.extname(base) ? base : base + (EXTENSION_BY_LANGUAGE[languageId] ?? '.json');
    return path.join(this.folders[0] ?? process.cwd(), withExtension);
  }

  linterFor(filePath: string, settings: ServerSettings, fix = false): RamLintApi {
    const cwd = this.folderOf(filePath) ?? path.dirname(filePath);
    const key = JSON.stringify([cwd, fix, settings.configFile, settings.allowPlugins, settings.rules]);
    let linter = this.linters.get(key);
    if (!linter) {
      const options: RamLintOptions = {
        cwd,
        fix,
        allowPlugins: settings.allowPlugins,
        ...(settings.configFile ? { configFile: path.resolve(cwd, settings.configFile) } : {}),
        ...(Object.keys(settings.rules).length > 0 ? { overrideConfig: { rules: settings.rules } } : {}),
      };
      linter = offThread(createLinter(options), options, this.worker);
      this.linters.set(key, linter);
    }
    return linter;
  }
}
