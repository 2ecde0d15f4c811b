/**
 * The search worker's entry (built as out/main/search-worker.js): runs the search engine off
 * the main thread, so building, loading, saving and querying the index never hold up the
 * window's API calls. It reads article files itself; notes it asks the main thread for, since
 * only the store knows how to read and repair them.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { Note } from '../../common/model';
import { collectGarbage } from '../collect-garbage';
import { collectWhenQuiet, type QuietMemory } from '../quiet-memory';
import { startEngine } from './search-engine';
import type { FromWorker, ToWorker, WorkerStart } from './search-protocol';

/**
 * Answers the main thread's messages on `port` with an engine over `start`'s notebook. In its
 * own thread (`quiet` given), the engine collects garbage after large drops, and again once the
 * thread has been quiet for a while (see quiet-memory.ts).
 */
export function serveEngine(port: MessagePort, start: WorkerStart, quiet?: QuietMemory): void {
  const send = (message: FromWorker) => port.postMessage(message);

  const noteReads = new Map<number, (note: Note | null) => void>();
  let lastRead = 0;
  const readNote = (noteId: string) =>
    new Promise<Note | null>((resolve) => {
      const id = ++lastRead;
      noteReads.set(id, resolve);
      send({ type: 'read-note', id, noteId });
    });

  const releaseMemory = quiet
    ? () => {
        collectGarbage();
        quiet.touch();
      }
    : undefined;
  const engine = startEngine({ dir: start.dir, readNote, ...(releaseMemory ? { releaseMemory } : {}) }, start.records, start.options);

  async function answer(id: number, work: () => Promise<Pick<Extract<FromWorker, { type: 'reply' }>, 'answer'> | void>): Promise<void> {
    try {
      const value = (await work()) ?? {};
      send({ type: 'reply', id, ...value, stats: engine.stats() });
    } catch (error) {
      send({ type: 'reply', id, error: error instanceof Error ? error.message : String(error), stats: engine.stats() });
    }
  }

  port.on('message', (message: ToWorker) => {
    quiet?.touch();
    switch (message.type) {
      case 'change':
        return engine.change(message.change);
      case 'note':
        noteReads.get(message.id)?.(message.note);
        noteReads.delete(message.id);
        return;
      case 'search':
        return void answer(message.id, async () => ({ answer: await engine.search(message.arg) }));
      case 'idle':
        return void answer(message.id, () => engine.idle());
      case 'close':
        // Closing the port lets the thread end once the answer is sent.
        quiet?.stop();
        return void answer(message.id, () => engine.close()).then(() => port.close());
    }
  });
}

const isStart = (data: unknown): data is WorkerStart => typeof data === 'object' && data !== null && 'dir' in data && 'records' in data && 'options' in data;

// Run as the search worker thread (not merely imported in some other thread): serve the main thread.
// The thread's memory is the index's alone, so it collects garbage after large drops. Its
// largest buffers (a posting pool of 33 MB or more, replaced after each save) are outside the
// heap figures the quiet check weighs, so it collects once after every burst of work, however
// little of its heap is unused (a full collection of its ~100 MB heap, while nobody waits on it).
if (parentPort && isStart(workerData)) serveEngine(parentPort, workerData, collectWhenQuiet({ slackBytes: 0, most: 1 }));
