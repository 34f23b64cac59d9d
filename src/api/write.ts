/**
 * Writing files. Three cases, three rules:
 * - a fixed policy replaces an existing file's contents and keeps what the
 *   user set on it: mode, owner, hard links. It never recreates a file that
 *   vanished and never writes a read-only one;
 * - a report (-o) to a FIFO or a character device is streamed into it, never
 *   replaces it;
 * - a new file (a report, a baseline) is written atomically: temp + rename,
 *   and never through a symbolic link the tree could have committed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { displayPath, relativeInside } from '../paths';

// fs.promises, not an import of node:fs/promises: the same object, but loading that
// module at start-up costs a few milliseconds that a run which writes nothing need not pay.

/** A write ramlint declines to make; the message says why, for the user. */
export class WriteRefusedError extends Error {}

function tempBeside(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.ramlint-${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}.tmp`);
}

/** A file being written piece by piece; nobody sees it until `commit`. */
export interface FileWriter {
  write(text: string): void;
  /** Puts the whole file in place (renames the temp file over the target). */
  commit(): void;
  /** Gives up: the target keeps what it had. */
  abort(): void;
}

/**
 * The first directory on the way to `file` that is a symbolic link, among
 * those strictly inside `cwd` (its full path), or undefined. The directories
 * at and above `cwd` are the user's and are not looked at: a link there
 * (macOS's /tmp, a user-given /ci/cache) is followed as usual. Inside `cwd`
 * the tree may be someone else's, and a link committed as a directory
 * (`.cache -> /home/runner`) would take the write anywhere. Stops at the
 * first directory that does not exist yet: it will be created, not followed.
 */
export function linkedDirectory(file: string, cwd: string): string | undefined {
  const rel = relativeInside(cwd, path.dirname(file));
  if (rel === undefined) return undefined;
  let current = cwd;
  for (const part of rel.split(path.sep)) {
    current = path.join(current, part);
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(current);
    } catch {
      return undefined;
    }
    if (stat.isSymbolicLink()) return current;
    if (!stat.isDirectory()) return undefined;
  }
  return undefined;
}

/**
 * For reports (-o) and baselines: may create the file (and its directory).
 * Never writes through a symbolic link inside the working directory `cwd`,
 * where the tree may be someone else's: not one at the file (a committed
 * `results.sarif -> ~/.bashrc`), not one on the way to it (`out -> /etc`);
 * either is a WriteRefusedError. A link at the file outside `cwd` is refused
 * too unless it leads to a FIFO or a character device (/dev/stdout,
 * /dev/fd/3), which takes the text as a stream, as a FIFO or a device at the
 * file itself does; neither is ever replaced. A read-only file (no write
 * bit) is refused. Anything else gets a temp file
 * beside it, renamed over it on commit, so a reader never sees half a report.
 */
export function openFileAtomic(target: string, cwd: string): FileWriter {
  const linked = linkedDirectory(target, cwd);
  if (linked !== undefined) throw new WriteRefusedError(`${displayPath(linked, cwd)} is a symbolic link, and ramlint writes through no link inside the working directory (it could lead out of the checkout)`);
  let stat: fs.Stats | undefined;
  try {
    stat = fs.lstatSync(target);
  } catch {
    stat = undefined;
  }
  if (stat?.isSymbolicLink()) {
    let followed: fs.Stats | undefined;
    try {
      followed = fs.statSync(target);
    } catch {
      followed = undefined;
    }
    const stream = followed !== undefined && (followed.isFIFO() || followed.isCharacterDevice());
    if (!stream || relativeInside(cwd, target) !== undefined) {
      throw new WriteRefusedError('it is a symbolic link, and ramlint does not write through one (it could lead anywhere); remove it, or give the path of the file itself');
    }
    stat = followed;
  }
  if (stat && (stat.isFIFO() || stat.isCharacterDevice())) {
    const fd = fs.openSync(target, 'w');
    return streamWriter(fd, () => undefined, () => undefined);
  }
  // A rename would replace a read-only file, which `>` in a shell refuses (and --fix refuses, by the same test, even as root).
  if (stat && (stat.mode & 0o222) === 0) throw new WriteRefusedError('it is read-only; make it writable, or give another file');
  if (!stat) fs.mkdirSync(path.dirname(target), { recursive: true });
  const mode = stat ? stat.mode & 0o7777 : 0o644;
  const temp = tempBeside(target);
  const fd = fs.openSync(temp, 'wx', mode);
  const remove = () => fs.rmSync(temp, { force: true });
  return streamWriter(
    fd,
    () => {
      try {
        fs.chmodSync(temp, mode);
        // The rename replaces the directory entry: had a link appeared there meanwhile, it is replaced, not followed.
        fs.renameSync(temp, target);
      } catch (error) {
        remove();
        throw error;
      }
    },
    remove,
  );
}

function streamWriter(fd: number, onCommit: () => void, onAbort: () => void): FileWriter {
  let open = true;
  const close = () => {
    if (!open) return;
    open = false;
    fs.closeSync(fd);
  };
  return {
    write(text) {
      try {
        // A write may take part of the bytes (a pipe); the rest follows.
        const data = Buffer.from(text, 'utf8');
        for (let done = 0; done < data.length; ) done += fs.writeSync(fd, data, done, data.length - done);
      } catch (error) {
        close();
        onAbort();
        throw error;
      }
    },
    commit() {
      close();
      onCommit();
    },
    abort() {
      try {
        close();
      } finally {
        onAbort();
      }
    },
  };
}

/** A whole report or baseline, written as openFileAtomic writes. */
export function writeFileAtomic(target: string, content: string, cwd: string): void {
  const writer = openFileAtomic(target, cwd);
  writer.write(content);
  writer.commit();
}

/**
 * Replaces the contents of an existing regular file (not a symlink) with a
 * fixed text. With more than one hard link the file is rewritten in place, so
 * every link sees the fix; otherwise a temp file with the same mode and owner
 * is renamed over it, so a crash never leaves half a policy.
 */
/** Overwrites the file's bytes through its own inode: links, mode and owner stay; `r+` never creates the file. */
async function rewriteInPlace(file: string, data: Buffer): Promise<void> {
  const handle = await fs.promises.open(file, 'r+');
  try {
    await handle.write(data, 0, data.length, 0);
    await handle.truncate(data.length);
  } finally {
    await handle.close();
  }
}

export async function replaceFileContents(file: string, content: string): Promise<void> {
  const stat = await lstatOrRefuse(file);
  const data = Buffer.from(content, 'utf8');
  if (stat.nlink > 1) {
    await rewriteInPlace(file, data);
    return;
  }
  const temp = tempBeside(file);
  try {
    await fs.promises.writeFile(temp, data, { mode: stat.mode & 0o7777, flag: 'wx' });
    await fs.promises.chmod(temp, stat.mode & 0o7777);
    const ownerKept = await keepOwner(temp, stat);
    if (!ownerKept) {
      // Only root may give a file away; rather than take the file over, write it in place.
      await fs.promises.rm(temp, { force: true });
      await rewriteInPlace(file, data);
      return;
    }
    await lstatOrRefuse(file); // it may have vanished while the fix was computed
    await fs.promises.rename(temp, file);
  } catch (error) {
    await fs.promises.rm(temp, { force: true });
    throw error;
  }
}

async function lstatOrRefuse(file: string): Promise<fs.Stats> {
  let stat: fs.Stats;
  try {
    stat = await fs.promises.lstat(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new WriteRefusedError('the file no longer exists, so it was not recreated');
    throw error;
  }
  if (stat.isSymbolicLink()) throw new WriteRefusedError('it is a symbolic link; fix the file it points to by its own name');
  if (!stat.isFile()) throw new WriteRefusedError('it is not a regular file');
  if ((stat.mode & 0o222) === 0) throw new WriteRefusedError('the file is read-only');
  return stat;
}

async function keepOwner(temp: string, stat: fs.Stats): Promise<boolean> {
  const mine = await fs.promises.stat(temp);
  if (mine.uid === stat.uid && mine.gid === stat.gid) return true;
  try {
    await fs.promises.chown(temp, stat.uid, stat.gid);
    return true;
  } catch {
    return false;
  }
}
