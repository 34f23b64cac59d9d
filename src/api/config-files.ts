/**
 * Config files seen through the API's FileSystem. Resolution is synchronous,
 * so what it may look at is read first: every config file name and `.git` in
 * each directory from a file's directory up to the repository root (or the
 * file system's root). The resolver then sees only what was read; nothing
 * reaches the disk behind the FileSystem's back.
 */
import path from 'node:path';
import type { ConfigFiles } from '../config/resolve';
import { CONFIG_FILE_NAMES } from '../config/types';
import type { FileSystem } from './types';

type Entry = { kind: 'file'; text: string } | { kind: 'unreadable'; code: string } | { kind: 'other' };

export class PrefetchedConfigFiles implements ConfigFiles {
  private readonly entries = new Map<string, Entry>();
  private readonly visited = new Set<string>();

  constructor(private readonly fs: FileSystem) {}

  exists(p: string): boolean {
    return this.entries.has(p);
  }

  isFile(p: string): boolean {
    const e = this.entries.get(p);
    return e !== undefined && e.kind !== 'other';
  }

  readText(p: string): string {
    const e = this.entries.get(p);
    if (e?.kind === 'file') return e.text;
    throw Object.assign(new Error(`cannot read ${p}`), { code: e?.kind === 'unreadable' ? e.code : 'ENOENT' });
  }

  /** Reads what resolving a file in `dir` may look at. */
  async prefetchFrom(dir: string): Promise<void> {
    let current = path.resolve(dir);
    for (;;) {
      if (this.visited.has(current)) return;
      this.visited.add(current);
      for (const name of CONFIG_FILE_NAMES) await this.prefetchFile(path.join(current, name));
      const git = path.join(current, '.git');
      if (await this.fs.stat(git).then(() => true, () => false)) {
        this.entries.set(git, { kind: 'other' });
        return;
      }
      const parent = path.dirname(current);
      if (parent === current) return;
      current = parent;
    }
  }

  /** A config named with --config. */
  async prefetchFile(file: string): Promise<void> {
    if (this.entries.has(file)) return;
    const stat = await this.fs.stat(file).catch(() => undefined);
    if (!stat) return;
    if (!stat.isFile) {
      this.entries.set(file, { kind: 'other' });
      return;
    }
    try {
      this.entries.set(file, { kind: 'file', text: new TextDecoder('utf-8').decode(await this.fs.readFile(file)) });
    } catch (error) {
      this.entries.set(file, { kind: 'unreadable', code: (error as NodeJS.ErrnoException)?.code ?? 'EIO' });
    }
  }
}
