/**
 * Starts the search engine's thread. Built (out/main), the worker is its own bundle beside the
 * main bundles (see electron.vite.config.ts). From the TypeScript sources (the unit tests),
 * Node cannot load the worker's .ts files by itself, so the worker first registers jiti's
 * loader and then imports its entry; that costs about half a second a start, so tests that are
 * not about the thread run the same engine in-process, over the same messages.
 */
import { MessageChannel, type Worker } from 'node:worker_threads';
import { startWorker } from '../start-worker';
import type { WorkerStart } from './search-protocol';
import { serveEngine } from './search-worker';

/** What the search service talks to: a worker thread, or the engine on this thread behind a message port. */
export interface SearchThread {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: never) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  ref(): void;
  unref(): void;
  terminate(): Promise<unknown>;
}

/** True when running from the TypeScript sources (tests) rather than the build. */
export const fromSources = import.meta.url.endsWith('.ts');

/** The engine on this thread, answering the same messages a worker would. */
export function startSearchInProcess(start: WorkerStart): SearchThread {
  const { port1, port2 } = new MessageChannel();
  serveEngine(port2, structuredClone(start));
  const thread: SearchThread = {
    postMessage: (message) => port1.postMessage(message),
    on: (event: string, listener: (value: never) => void) => (event === 'message' ? port1.on('message', listener as (value: unknown) => void) : thread),
    ref: () => port1.ref(),
    unref: () => port1.unref(),
    terminate: async () => port1.close(),
  };
  return thread;
}

export function startSearchWorker(start: WorkerStart): Worker {
  return startWorker(import.meta.url, 'search-worker', { workerData: start });
}
