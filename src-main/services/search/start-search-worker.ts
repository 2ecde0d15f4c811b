/**
 * Starts the search engine's thread. Built (out/main), the worker is its own bundle beside the
 * main bundles (see electron.vite.config.ts). From the TypeScript sources (the unit tests),
 * Node cannot load the worker's .ts files by itself, so the worker first registers jiti's
 * loader and then imports its entry; that costs about half a second a start, so tests that are
 * not about the thread run the same engine in-process, over the same messages.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, Worker } from 'node:worker_threads';
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

const BUILT = 'search-worker.js';

export function startSearchWorker(start: WorkerStart): Worker {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    const entry = new URL('./search-worker.ts', here).href;
    const boot = `import('jiti/register').then(() => import(${JSON.stringify(entry)}))`;
    // jiti keeps what it transpiles in node_modules/.cache/jiti (keyed by content), as vite does.
    return new Worker(boot, { eval: true, workerData: start });
  }
  // This code may sit in a shared chunk (out/main/chunks/) or in an entry (out/main/).
  const built = [`./${BUILT}`, `../${BUILT}`].map((path) => new URL(path, here)).find((url) => existsSync(fileURLToPath(url)));
  if (!built) throw new Error(`The search worker (${BUILT}) is missing from the build.`);
  return new Worker(built, { workerData: start });
}
