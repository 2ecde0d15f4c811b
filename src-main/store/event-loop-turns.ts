/**
 * Long work on the thread that answers the window gives the event loop a turn now and then, so
 * a call from the window (or a file event) is answered between two pieces of it.
 * `setImmediate`, not a timer: a timeout waits about a millisecond more each time.
 */

/** Lets the event loop turn once: timers and pending I/O first, when called from a timer or an immediate (see `yieldToIo`). */
export const yieldToEventLoop = (): Promise<void> => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Lets timers and pending I/O run before going on, from wherever it is called. From an I/O
 * callback (a worker's message, a file read), one `setImmediate` runs right after it in the
 * same turn of the loop, before any other I/O is taken; the second runs after the next turn's.
 */
export async function yieldToIo(): Promise<void> {
  await yieldToEventLoop();
  await yieldToEventLoop();
}

/**
 * How long one slice of work may hold the event loop before it yields (ms). A call takes
 * several turns of the loop (its connection, its body, the handler's reads, the answer), and
 * every job still running takes a slice in each: in the seconds after a 10,000-article notebook
 * opened, its first call waited 85–101 ms with 8 ms slices and 50–74 ms with 2 ms, later calls
 * up to 31–60 and 26–34 ms. A yield costs microseconds.
 */
export const SLICE_MS = 2;

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
