/**
 * Long work on the thread that answers the window gives the event loop a turn now and then, so
 * a call from the window (or a file event) is answered between two pieces of it.
 * `setImmediate`, not a timer: a timeout waits about a millisecond more each time.
 */

/** Lets the event loop run once: pending I/O, then timers. */
export const yieldToEventLoop = (): Promise<void> => new Promise<void>((resolve) => setImmediate(resolve));

/** How long one slice of work may hold the event loop before it yields (ms). */
export const SLICE_MS = 8;

/**
 * A check to call between two pieces of work: it yields once `sliceMs` have passed since the
 * last turn (or since it was made), and otherwise costs a clock read.
 */
export function timeSlices(sliceMs = SLICE_MS): () => Promise<void> {
  let sliceStart = performance.now();
  return async () => {
    if (performance.now() - sliceStart < sliceMs) return;
    await yieldToEventLoop();
    sliceStart = performance.now();
  };
}
