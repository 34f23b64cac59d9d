/**
 * Keeps a long CLI run's memory flat as the file count grows (issue #10 §4:
 * 50k files in no more memory than 10k). Nothing of a file is kept once its
 * result is printed, but a scavenge that runs while a file is being linted
 * promotes that file's live objects to the old generation, where they die,
 * and V8 lets such garbage pile up until a limit it sets from the heap's
 * size: the old generation grew by about 0.5 KB a file, so peak RSS grew
 * with the run's length, not with what it holds.
 *
 * So from file FIRST_CHECK on, every CHECK_EVERY files, the CLI collects when
 * the old generation has grown by SLACK_BYTES since its last full collection
 * (the first look always collects). About 13 MB is live; one collection takes
 * ~12 ms, comes every ~9,000 small files, and a run of 10,000 makes one. It
 * costs more than its own time: V8 then drops optimised code that depended on
 * what it freed, and ~50 functions are compiled again (10,000 files, whole
 * process: 1.07× the wall time without it, noisy pairs). Peak RSS at 50,000
 * files over 10,000 went from 1.22× to 1.05×.
 *
 * `gc` is taken the way jest-leak-detector takes it: the --expose-gc flag is
 * set for as long as it takes to create a context, whose global `gc` is kept,
 * then unset (the process's own global never gets one). Where that fails,
 * nothing is collected early: memory is higher, results are the same. The
 * CLI only: a library caller's heap is its own. node:v8 and node:vm are
 * loaded at the first check, so a run of a few files does not load them.
 */
type V8 = typeof import('node:v8');

const CHECK_EVERY = 512;
/** Runs shorter than this never collect early: their memory is the warm-up's. */
const FIRST_CHECK = 8192;
const SLACK_BYTES = 4 * 1024 * 1024;

export interface HeapKeeper {
  /** Called once per file taken; collects when the old generation has grown by the slack. */
  fileDone(): void;
  /** Full collections made so far. */
  readonly collections: number;
}

export function heapKeeper(collect: (() => void) | undefined = exposedGc, oldSpaceUsed: () => number = oldGenerationUsed): HeapKeeper {
  let files = 0;
  let collections = 0;
  let floor: number | undefined;
  let gc: (() => void) | undefined = collect;
  return {
    fileDone() {
      if (++files % CHECK_EVERY !== 0 || files < FIRST_CHECK || gc === undefined) return;
      // The first look collects: what the warm-up left is garbage too.
      if (floor !== undefined && oldSpaceUsed() - floor < SLACK_BYTES) return;
      try {
        gc();
        collections++;
        floor = oldSpaceUsed();
      } catch {
        gc = undefined;
      }
    },
    get collections() {
      return collections;
    },
  };
}

let cachedGc: (() => void) | null | undefined;

/** Runs a full, synchronous collection; throws when this Node does not allow it. */
export function exposedGc(): void {
  if (cachedGc === undefined) {
    cachedGc = null;
    const v8 = require('node:v8') as V8;
    try {
      v8.setFlagsFromString('--expose-gc');
      const gc: unknown = (require('node:vm') as typeof import('node:vm')).runInNewContext('gc');
      if (typeof gc === 'function') cachedGc = gc as () => void;
    } catch {
      cachedGc = null;
    } finally {
      v8.setFlagsFromString('--no-expose-gc');
    }
  }
  if (cachedGc === null) throw new Error('gc is not available');
  cachedGc();
}

function oldGenerationUsed(): number {
  let used = 0;
  for (const space of (require('node:v8') as V8).getHeapSpaceStatistics()) if (space.space_name === 'old_space' || space.space_name === 'large_object_space') used += space.space_used_size;
  return used;
}
