/**
 * Starts the search engine's thread. Built (out/main), the worker is its own bundle beside the
 * main bundles (see electron.vite.config.ts). From the TypeScript sources (the unit tests),
 * Node cannot load the worker's .ts files by itself, so the worker first registers jiti's
 * loader and then imports its entry; that costs about half a second a start, so tests that are
 * not about the thread run the same engine in-process, over the same messages.
 */
import type { Worker } from 'node:worker_threads';
import { startInProcess, startWorker, type ThreadEndpoint } from '../start-worker';
import type { WorkerStart } from './search-protocol';
import { serveEngine } from './search-worker';

/** What the search service talks to: a worker thread, or the engine on this thread behind a message port. */
export type SearchThread = ThreadEndpoint;

/** True when running from the TypeScript sources (tests) rather than the build. */
export const fromSources = import.meta.url.endsWith('.ts');

/** The engine on this thread, answering the same messages a worker would. */
export function startSearchInProcess(start: WorkerStart): SearchThread {
  return startInProcess((port) => serveEngine(port, structuredClone(start)));
}

/**
 * The worker's young generation, in MB. V8's default let it grow to hold ~27 MB more once the
 * saved index was read; with 8 (or 4) the host settled at 291–294 MB instead of 317–320 MB at
 * 10,000 articles (with 16, 300 MB). What the index keeps lives in the old generation.
 */
const YOUNG_GENERATION_MB = 8;

export function startSearchWorker(start: WorkerStart): Worker {
  return startWorker(import.meta.url, 'search-worker', { workerData: start, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
}
