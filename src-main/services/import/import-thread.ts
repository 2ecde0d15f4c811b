/**
 * Where imports are read: in a worker thread (import-worker.ts) with a time and memory budget,
 * so that a page that takes minutes, or gigabytes, never freezes the window's other calls and
 * is refused in words instead. The worker starts on the first import and is left idle between
 * imports without keeping the process alive; one that went over budget is stopped, and the
 * next import starts a fresh one.
 *
 * Built, the worker is its own bundle (see electron.vite.config.ts); from the TypeScript
 * sources it starts through jiti, as the search and export workers do, and unit tests that are
 * not about the thread read imports on this thread instead (`inProcessPreparer`).
 */
import type { ResourceLimits, Worker } from 'node:worker_threads';
import { NotebookError } from '../../common/errors';
import { IDLE_WORKER_MS, startWorker } from '../start-worker';
import { IMPORT_BUDGET, tooComplexMessage } from './import-budget';
import type { FromImportWorker, ToImportWorker } from './import-protocol';
import { IMPORT_WORKER } from './import-worker';
import { prepareArticle, type ImportInput, type PreparedArticle } from './prepare-article';
import { addPiece } from './value-in-pieces';

/** Turns what arrived into an article body ready to store. */
export interface ImportPreparer {
  prepare(input: ImportInput): Promise<PreparedArticle>;
  close(): Promise<void>;
}

export interface ImportBudget {
  /** Wall-clock time for one import, from when the worker starts on it. */
  timeMs: number;
  /** The worker's JavaScript heap (V8's old generation), in megabytes. */
  memoryMb: number;
}

/** Reads imports on this thread: for unit tests that are not about the thread, and the command line. */
export function inProcessPreparer(): ImportPreparer {
  return { prepare: prepareArticle, close: async () => {} };
}

const startImportWorker = (resourceLimits: ResourceLimits): Worker => startWorker(import.meta.url, 'import-worker', { workerData: IMPORT_WORKER, resourceLimits });

interface Job {
  input: ImportInput;
  resolve(prepared: PreparedArticle): void;
  reject(error: Error): void;
}

interface Thread {
  worker: Worker;
  /** Resolves when the worker has loaded its parsers (see import-worker.ts). */
  ready: Promise<void>;
}

/** Reads imports in the worker, one at a time, each within `budget`. */
export function workerPreparer(budget: ImportBudget = IMPORT_BUDGET): ImportPreparer {
  const waiting: Job[] = [];
  let running: { job: Job; id: number; timer?: NodeJS.Timeout; arriving?: { whole: PreparedArticle; left: number } } | undefined;
  let thread: Thread | undefined;
  let idle: NodeJS.Timeout | undefined;
  let lastId = 0;

  const seconds = Math.round(budget.timeMs / 100) / 10;
  const overTime = (format: ImportInput['format']) => new NotebookError('invalid_argument', tooComplexMessage(format, `reading it took longer than ${seconds} seconds`));
  const overMemory = (format: ImportInput['format']) =>
    new NotebookError('invalid_argument', tooComplexMessage(format, `reading it needs more than ${budget.memoryMb.toLocaleString('en')} MB of memory`));

  /** Settles the running job and starts the next. */
  const finish = (settle: (job: Job) => void) => {
    if (!running) return;
    clearTimeout(running.timer);
    const { job } = running;
    running = undefined;
    settle(job);
    next();
  };

  /** Stops the worker (the next job starts another), settling the running job with `error`. */
  const stop = (error?: NotebookError) => {
    const stopped = thread?.worker;
    thread = undefined;
    void stopped?.terminate();
    if (error) finish((job) => job.reject(error));
  };

  const start = (): Thread => {
    const worker = startImportWorker({ maxOldGenerationSizeMb: budget.memoryMb });
    let markReady = () => {};
    const ready = new Promise<void>((resolve) => (markReady = resolve));
    worker.on('message', (message: FromImportWorker) => {
      if (thread?.worker !== worker) return;
      if (message.type === 'ready') return markReady();
      if (message.id !== running?.id) return;
      switch (message.type) {
        case 'done':
          if (message.pieces === 0) return finish((job) => job.resolve(message.prepared));
          // Read in time: taking in the pieces is this thread's work, a few ms between turns.
          clearTimeout(running.timer);
          running.arriving = { whole: message.prepared, left: message.pieces };
          return worker.postMessage({ type: 'next-piece', id: message.id } satisfies ToImportWorker);
        case 'piece': {
          const arriving = running.arriving;
          if (!arriving) return;
          try {
            addPiece(arriving.whole, message.piece);
          } catch (error) {
            return stop(new NotebookError('internal', `The import stopped: ${(error as Error).message}.`));
          }
          arriving.left -= 1;
          if (arriving.left === 0) return finish((job) => job.resolve(arriving.whole));
          return worker.postMessage({ type: 'next-piece', id: message.id } satisfies ToImportWorker);
        }
        case 'failed':
          return finish((job) => job.reject(new NotebookError(message.error.code, message.error.message)));
      }
    });
    worker.on('error', (error: Error & { code?: string }) => {
      if (thread?.worker !== worker) return;
      const format = running?.job.input.format ?? 'html';
      stop(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? overMemory(format) : new NotebookError('internal', `The import stopped: ${error.message}.`));
    });
    worker.on('exit', (code) => {
      if (thread?.worker === worker) stop(new NotebookError('internal', `The import stopped: its thread exited (${code}).`));
    });
    return { worker, ready };
  };

  function next(): void {
    if (running) return;
    const job = waiting.shift();
    if (!job) {
      // Idle: the thread must not keep the app from quitting, nor hold a large page's memory for long.
      thread?.worker.unref();
      idle = setTimeout(() => stop(), IDLE_WORKER_MS);
      idle.unref();
      return;
    }
    clearTimeout(idle);
    const id = ++lastId;
    running = { job, id };
    let current: Thread;
    try {
      current = thread ??= start();
    } catch (error) {
      finish((settled) => settled.reject(error instanceof Error ? error : new Error(String(error))));
      return;
    }
    current.worker.ref();
    void current.ready.then(() => {
      if (running?.id !== id || thread !== current) return;
      // The budget counts from here: the page's own work, not the thread's start.
      running.timer = setTimeout(() => stop(overTime(job.input.format)), budget.timeMs);
      const { content } = job.input;
      // Bytes that own their whole buffer move to the worker instead of being copied (a Buffer from the pool shares its buffer).
      const movable = typeof content !== 'string' && content.byteOffset === 0 && content.byteLength === content.buffer.byteLength;
      current.worker.postMessage({ type: 'prepare', id, input: job.input } satisfies ToImportWorker, movable ? [content.buffer as ArrayBuffer] : []);
    });
  }

  return {
    prepare: (input) =>
      new Promise<PreparedArticle>((resolve, reject) => {
        waiting.push({ input, resolve, reject });
        next();
      }),
    async close() {
      clearTimeout(idle);
      for (const job of waiting.splice(0)) job.reject(new NotebookError('cancelled', 'The notebook was closed before this import started.'));
      const stopped = thread?.worker;
      thread = undefined;
      if (running) finish((job) => job.reject(new NotebookError('cancelled', 'The notebook was closed during this import.')));
      await stopped?.terminate();
    },
  };
}
