/**
 * A full garbage collection, for a thread that has dropped a lot of memory at once: the search
 * worker after reading a saved index (tens of MB of JSON and its parse), building one, or
 * switching to the file it just saved; the main thread once the app goes quiet (see
 * quiet-memory.ts). An idle thread otherwise keeps that garbage for good (V8 collects when
 * allocating, and an idle index allocates nothing): measured at 10,000 articles, the host's RSS
 * stayed at ~430 MB after opening, and fell to ~200 MB after one collection in the worker.
 *
 * `gc` is only exposed with --expose-gc; setting the flag and reading `gc` from a new context
 * is how Node tools get it without a command-line flag (Jest does this for --logHeapUsage).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | null | undefined;

export function collectGarbage(): void {
  if (gc === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      gc = runInNewContext('gc') as () => void;
    } catch (error) {
      // Memory is then given back whenever V8 next collects: slower, never wrong.
      console.error('Search cannot ask for garbage collection:', error);
      gc = null;
    }
  }
  gc?.();
}
