import { afterEach, describe, expect, it, vi } from 'vitest';
import { collectWhenQuiet } from './quiet-memory';

const MB = 1 << 20;

describe('collectWhenQuiet', () => {
  let clock = 0;
  let heap = { committed: 100 * MB, used: 60 * MB };
  const collect = vi.fn(() => {
    heap = { committed: 65 * MB, used: 55 * MB };
  });
  const quiet = () => collectWhenQuiet({ quietMs: 5_000, slackBytes: 16 * MB, heap: () => heap, collect, now: () => clock });

  afterEach(() => {
    clock = 0;
    heap = { committed: 100 * MB, used: 60 * MB };
    collect.mockReset();
    collect.mockImplementation(() => {
      heap = { committed: 65 * MB, used: 55 * MB };
    });
  });

  it('collects once the calls have stopped for the quiet time, and not again until more calls', async () => {
    const memory = quiet();
    const handlers = memory.watch({ ping: async (_: never) => 'pong' });
    expect(await handlers.ping(undefined as never)).toBe('pong');
    clock = 4_999;
    memory.check();
    expect(collect).not.toHaveBeenCalled();
    clock = 5_000;
    memory.check();
    expect(collect).toHaveBeenCalledTimes(1);
    // Little left to give back: the thread has settled, and a heap that grows without work
    // (none is done without a call) is not looked at again.
    clock = 7_500;
    memory.check();
    heap = { committed: 100 * MB, used: 60 * MB };
    clock = 60_000;
    memory.check();
    expect(collect).toHaveBeenCalledTimes(1);
    await handlers.ping(undefined as never);
    clock = 65_000;
    memory.check();
    expect(collect).toHaveBeenCalledTimes(2);
    memory.stop();
  });

  it('collects again at the next checks while much is still unused, three times at most', async () => {
    collect.mockImplementation(() => {});
    const memory = quiet();
    await memory.watch({ ping: async (_: never) => 1 }).ping(undefined as never);
    for (const at of [5_000, 7_500, 10_000, 12_500, 15_000]) {
      clock = at;
      memory.check();
    }
    expect(collect).toHaveBeenCalledTimes(3);
    memory.stop();
  });

  it('never collects while a call is being answered, however long it takes', async () => {
    const memory = quiet();
    let finish = () => {};
    const handlers = memory.watch({ slow: (_: never) => new Promise<void>((resolve) => (finish = resolve)) });
    const call = handlers.slow(undefined as never);
    clock = 60_000;
    memory.check();
    expect(collect).not.toHaveBeenCalled();
    finish();
    await call;
    clock = 64_000;
    memory.check();
    expect(collect).not.toHaveBeenCalled();
    clock = 65_000;
    memory.check();
    expect(collect).toHaveBeenCalledTimes(1);
    memory.stop();
  });

  it('leaves a heap with little unused memory alone', async () => {
    heap = { committed: 70 * MB, used: 60 * MB };
    const memory = quiet();
    await memory.watch({ ping: async (_: never) => 1 }).ping(undefined as never);
    clock = 10_000;
    memory.check();
    expect(collect).not.toHaveBeenCalled();
    memory.stop();
  });

  it('passes a failed call through and still counts it as activity', async () => {
    const memory = quiet();
    const handlers = memory.watch({ fail: async (_: never) => Promise.reject(new Error('no such article')) });
    await expect(handlers.fail(undefined as never)).rejects.toThrow('no such article');
    clock = 5_000;
    memory.check();
    expect(collect).toHaveBeenCalledTimes(1);
    memory.stop();
  });
});
