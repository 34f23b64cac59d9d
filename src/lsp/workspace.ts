/**
 * Workspace folders and the linter each one uses. A folder's linter is made
 * once per settings and thrown away when a config file changes, so the next
 * lint reads the configs afresh (the API caches what it has read).
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { RamLintApi, RamLintOptions } from '../api/types';
import { createLinter } from './linter-factory';
import { LintWorker, offThread, type WorkerOutput } from './off-thread';
import type { ServerSettings } from './settings';

const EXTENSION_BY_LANGUAGE: Record<string, string> = { json: '.json', jsonc: '.jsonc', terraform: '.tf', yaml: '.yaml' };

/**
 * A file URI that names no file on this machine: `file://evilhost/share/p.json`
 * (Node refuses a host other than localhost, except for Windows UNC paths), or
 * one that is not a path at all (an encoded `/` in it). Its message is one line
 * for the client's log, without a stack: it is the client's input, not a bug.
 */
export class UnusableUriError extends Error {}

/** The local path of a file: URI; an UnusableUriError when it names none. */
export function localPath(uri: string): string {
  try {
    return fileURLToPath(uri);
  } catch (error) {
    let host = '';
    try {
      host = new URL(uri).hostname;
    } catch {
      host = '';
    }
    throw new UnusableUriError(
      host !== '' && host !== 'localhost'
        ? `it names a file on the host "${host}", not on this machine; ramlint lints local files only`
        : `it is not a local file path (${(error as Error)?.message ?? String(error)})`,
    );
  }
}

export interface WorkspaceOptions {
  worker?: LintWorker;
  /** Where the lines the lint worker prints (a plugin's console.log) go, when the worker is made here. */
  workerOutput?: WorkerOutput;
  /** RAMLINT_NO_PLUGINS=1 turns plugins off whatever the editor settings say, as it does for the CLI. Default process.env. */
  env?: NodeJS.ProcessEnv;
  /** The server's working directory: where a file outside every folder is linted from when there is no folder. Default process.cwd(). */
  cwd?: string;
}

export class Workspace {
  private folders: string[] = [];
  private readonly linters = new Map<string, RamLintApi>();
  private readonly worker: LintWorker;
  private readonly env: NodeJS.ProcessEnv;
  private readonly cwd: string;

  constructor(options: WorkspaceOptions = {}) {
    this.worker = options.worker ?? new LintWorker(undefined, options.workerOutput);
    this.env = options.env ?? process.env;
    this.cwd = options.cwd ?? process.cwd();
  }

  /** Sets the folders; gives back those that name no local directory (left out), each with why. */
  setFolders(uris: readonly string[]): { uri: string; why: string }[] {
    const unusable: { uri: string; why: string }[] = [];
    this.folders = uris.flatMap((uri) => {
      if (!uri.startsWith('file:')) return [];
      try {
        return [localPath(uri)];
      } catch (error) {
        unusable.push({ uri, why: (error as Error).message });
        return [];
      }
    });
    this.linters.clear();
    return unusable;
  }

  addFolders(added: readonly string[], removed: readonly string[]): { uri: string; why: string }[] {
    const gone = new Set(
      removed.flatMap((uri) => {
        try {
          return uri.startsWith('file:') ? [localPath(uri)] : [];
        } catch {
          return []; // never added, so nothing to remove
        }
      }),
    );
    return this.setFolders([...this.folders.filter((f) => !gone.has(f)).map((f) => pathToFileURL(f).href), ...added]);
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

  /** A document's path on disk (an UnusableUriError for a file URI that names none); an unsaved buffer gets a name in the first folder that picks its language. */
  filePath(uri: string, languageId: string): string {
    if (uri.startsWith('file:')) return localPath(uri);
    const base = (uri.split(/[/:]/).pop() || 'untitled').replace(/[^\w.-]/g, '_');
    const withExtension = path.extname(base) ? base : base + (EXTENSION_BY_LANGUAGE[languageId] ?? '.json');
    return path.join(this.folders[0] ?? process.cwd(), withExtension);
  }

  /**
   * Where the CLI would be run for this file, the linter's cwd: the innermost
   * workspace folder that holds it. A file outside every folder is linted as
   * \`ramlint <file>\` run in the first folder (with no folder, in the server's
   * working directory) lints it: the project root is found from there, so the
   * config beside such a file is never a project root and cannot load plugins
   * (docs/security.md). Never the file's own directory: that would make any
   * file opened from anywhere its own project, plugins and all.
   */
  runDirectory(filePath: string): string {
    return this.folderOf(filePath) ?? this.folders[0] ?? this.cwd;
  }

  /** False when the editor settings or RAMLINT_NO_PLUGINS=1 (which no setting overrides) turn plugins off. */
  pluginsAllowed(settings: ServerSettings): boolean {
    return settings.allowPlugins && this.env.RAMLINT_NO_PLUGINS !== '1';
  }

  linterFor(filePath: string, settings: ServerSettings, fix = false): RamLintApi {
    const cwd = this.runDirectory(filePath);
    const allowPlugins = this.pluginsAllowed(settings);
    const key = JSON.stringify([cwd, fix, settings.configFile, allowPlugins, settings.rules]);
    let linter = this.linters.get(key);
    if (!linter) {
      const options: RamLintOptions = {
        cwd,
        fix,
        allowPlugins,
        ...(settings.configFile ? { configFile: path.resolve(cwd, settings.configFile) } : {}),
        ...(Object.keys(settings.rules).length > 0 ? { overrideConfig: { rules: settings.rules } } : {}),
      };
      linter = offThread(createLinter(options), options, this.worker);
      this.linters.set(key, linter);
    }
    return linter;
  }
}
