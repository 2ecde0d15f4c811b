/**
 * Memory given back when a thread goes quiet. V8 grows a thread's heap for a burst of work
 * (opening a large notebook and folding its journal, a first search build and its save, an
 * import) and keeps it: a browser tells V8 when a page is idle, Node never does. Measured at
 * 10,000 articles after a first open, the host settled at 313–353 MB: the main thread's heap at
 * 108–114 MB committed (34 MB of it the young generation) for 69–80 MB used, the search
 * worker's at 137 MB for 86 MB. One full collection on the main thread brought its heap to
 * 70 MB.
 *
 * So once a thread has had no work for `quietMs` (an API call on the main thread, a message or
 * a save in the search worker), if its heap has `slackBytes` or more committed that it does not
 * use, it collects, and again at the next checks while that is still so, up to `most` times
 * after each burst; never while a call is being answered. Each holds that thread for tens of
 * milliseconds, at a moment nobody is waiting for it.
 */
import { getHeapStatistics } from 'node:v8';
import { collectGarbage } from './collect-garbage';

/**
 * How long without work counts as quiet. V8 shrinks the young generation in a full collection
 * only when the collections it has seen lately show little being allocated: collected 2 s after
 * the last call, the main thread kept its 34 MB young generation; 5 s after, it went down to
 * 1 MB in some runs and not in others. A second or third collection, seconds later, is what
 * makes it certain (in a plain Node process idle for 5 s, three in a row: 33.6, 33.6, 1.0 MB).
 */
export const QUIET_MS = 5_000;
/** Collections after one burst of work, at most: the young generation shrinks by the third. */
export const MOST_COLLECTIONS = 3;
/** Committed heap not in use past which a quiet moment is worth a collection. */
export const SLACK_BYTES = 16 << 20;

export interface QuietMemoryOptions {
  quietMs?: number;
  slackBytes?: number;
  /** Collections after one burst of work, at most. */
  most?: number;
  /** The heap's committed and used bytes (V8's own figures by default; tests pass theirs). */
  heap?: () => { committed: number; used: number };
  collect?: () => void;
  now?: () => number;
}

export interface QuietMemory {
  /** Work was done just now. */
  touch(): void;
  /** The same handlers, each call counted as work, and the thread never quiet while one is answered. */
  watch<T extends Record<string, (arg: never) => Promise<unknown>>>(handlers: T): T;
  /** Checks now whether to collect (the timer does it every half `quietMs`). */
  check(): void;
  stop(): void;
}

const v8Heap = () => {
  const { total_heap_size: committed, used_heap_size: used } = getHeapStatistics();
  return { committed, used };
};

export function collectWhenQuiet({
  quietMs = QUIET_MS,
  slackBytes = SLACK_BYTES,
  most = MOST_COLLECTIONS,
  heap = v8Heap,
  collect = collectGarbage,
  now = () => performance.now(),
}: QuietMemoryOptions = {}): QuietMemory {
  let answering = 0;
  let lastWork = now();
  /** Work was done since the thread last settled (found quiet with little to give back, or collected `most` times). */
  let active = true;
  let collected = 0;

  const check = () => {
    if (!active || answering > 0 || now() - lastWork < quietMs) return;
    const { committed, used } = heap();
    if (collected < most && committed - used >= slackBytes) {
      collect();
      collected += 1;
    } else active = false;
  };
  const timer = setInterval(check, quietMs / 2);
  timer.unref();

  const touch = () => {
    active = true;
    collected = 0;
    lastWork = now();
  };
  return {
    touch,
    watch(handlers) {
      const watched: Record<string, (arg: never) => Promise<unknown>> = {};
      for (const [name, handler] of Object.entries(handlers)) {
        watched[name] = async (arg) => {
          answering += 1;
          touch();
          try {
            return await handler(arg);
          } finally {
            answering -= 1;
            touch();
          }
        };
      }
      return watched as typeof handlers;
    },
    check,
    stop: () => clearInterval(timer),
  };
}
