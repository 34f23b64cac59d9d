/**
 * The CLI's heap keeper: from file 8192 on, a full collection when the old
 * generation has grown by the slack since the last one, looked at every 512
 * files, and never again once collecting has failed.
 */
import { exposedGc, heapKeeper } from '../../src/cli/heap';

const MB = 1024 * 1024;

function keeperWith(heap: { used: number }, collect: () => void) {
  return heapKeeper(collect, () => heap.used);
}

describe('heapKeeper', () => {
  it('first collects at file 8192, then every 512 files looks and collects once the old generation has grown by 4 MB', () => {
    const heap = { used: 30 * MB };
    let looks = 0;
    const collect = jest.fn(() => {
      heap.used = 10 * MB;
    });
    const keeper = heapKeeper(collect, () => {
      looks++;
      return heap.used;
    });
    for (let i = 0; i < 8191; i++) keeper.fileDone();
    expect(collect).not.toHaveBeenCalled();
    expect(looks).toBe(0);
    keeper.fileDone(); // file 8192: collects, and what is left (10 MB) is the floor
    expect(collect).toHaveBeenCalledTimes(1);
    heap.used = 13.9 * MB;
    for (let i = 0; i < 511; i++) keeper.fileDone();
    expect(looks).toBe(1);
    keeper.fileDone(); // file 8704: looks, 3.9 MB more is not enough
    expect(looks).toBe(2);
    expect(collect).toHaveBeenCalledTimes(1);
    heap.used = 14 * MB;
    for (let i = 0; i < 512; i++) keeper.fileDone();
    expect(collect).toHaveBeenCalledTimes(2);
    expect(keeper.collections).toBe(2);
    heap.used = 11 * MB;
    for (let i = 0; i < 512; i++) keeper.fileDone();
    expect(collect).toHaveBeenCalledTimes(2);
  });

  it('stops trying after a collection fails, and the run goes on', () => {
    const heap = { used: 0 };
    const collect = jest.fn(() => {
      throw new Error('gc is not available');
    });
    const keeper = keeperWith(heap, collect);
    heap.used = 100 * MB;
    for (let i = 0; i < 8192 + 4 * 512; i++) keeper.fileDone();
    expect(collect).toHaveBeenCalledTimes(1);
    expect(keeper.collections).toBe(0);
  });
});

describe('exposedGc', () => {
  it('runs a full collection on this Node without giving the process a global gc', async () => {
    const hadGc = 'gc' in globalThis;
    let garbage: object | undefined = { payload: new Array(1000).fill('x') };
    const ref = new WeakRef(garbage);
    garbage = undefined;
    // A WeakRef's target lives until the job that made it ends.
    await new Promise((resolve) => setImmediate(resolve));
    expect(() => exposedGc()).not.toThrow();
    expect(ref.deref()).toBeUndefined();
    expect('gc' in globalThis).toBe(hadGc);
  });
});
