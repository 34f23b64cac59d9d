/** The FileSystem the API uses unless given another: Node's, with fix writes that keep mode, owner and links. */
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import type { DirEntry, FileStat, FileSystem } from './types';
import { replaceFileContents } from './write';

function toStat(s: fs.Stats): FileStat {
  return {
    isFile: s.isFile(),
    isDirectory: s.isDirectory(),
    isSymbolicLink: s.isSymbolicLink(),
    size: s.size,
    mode: s.mode,
    nlink: s.nlink,
    uid: s.uid,
    gid: s.gid,
  };
}

export const nodeFileSystem: FileSystem = {
  readFile: (p) => fsp.readFile(p),
  lstat: async (p) => toStat(await fsp.lstat(p)),
  stat: async (p) => toStat(await fsp.stat(p)),
  readdir: async (p) =>
    (await fsp.readdir(p, { withFileTypes: true })).map((d): DirEntry => ({ name: d.name, isFile: d.isFile(), isDirectory: d.isDirectory(), isSymbolicLink: d.isSymbolicLink() })),
  realpath: (p) => fsp.realpath(p),
  writeFile: (p, data) => replaceFileContents(p, data),
};
