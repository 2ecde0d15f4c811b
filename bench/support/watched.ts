/**
 * Runs a piece of work on an open notebook while watching what the window would feel: the
 * longest stall of this event loop (a 10 ms ticker) and the answer time of an API call made
 * every 100 ms.
 */
import { PerformanceObserver } from 'node:perf_hooks';
import type { OpenNotebook } from '../../src-main/services/open-notebook';

export interface Watched {
  ms: number;
  stall: number;
  calls: number[];
  /** The longest garbage collection of this thread meanwhile, in ms: a stall as long is the heap's, not the work's. */
  gc?: number;
}

/**
 * Runs `work`, ticking every 10 ms (for the longest stall) and calling the API every 100 ms:
 * `getHistory` unless `call` says otherwise (it waits on the write queue, as every call made
 * after a write does; `getNotebookStatus` waits on nothing but the event loop).
 */
export async function watched(work: () => Promise<unknown>, open: OpenNotebook, call: () => Promise<unknown> = () => open.handlers.getHistory({})): Promise<Watched & { value: unknown }> {
  // Each run starts from a collected heap, so a stall is its own, not an earlier run's garbage.
  (globalThis as { gc?: () => void }).gc?.();
  let stall = 0;
  let expected = performance.now() + 10;
  const ticker = setInterval(() => {
    const now = performance.now();
    stall = Math.max(stall, now - expected);
    expected = now + 10;
  }, 10);
  let gc = 0;
  const collections = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gc = Math.max(gc, entry.duration);
  });
  collections.observe({ entryTypes: ['gc'] });
  const calls: number[] = [];
  let running = true;
  const caller = (async () => {
    while (running) {
      const started = performance.now();
      await call();
      calls.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  const started = performance.now();
  try {
    const value = await work();
    return { value, ms: performance.now() - started, stall, calls, gc };
  } finally {
    running = false;
    collections.disconnect();
    clearInterval(ticker);
    await caller;
  }
}

