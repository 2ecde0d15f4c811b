/**
 * Starts the search worker from wherever this code runs. Built (out/main), the worker is its own
 * bundle beside the main bundles (see electron.vite.config.ts). From the TypeScript sources (the
 * unit tests), Node cannot load the worker's .ts files by itself, so the worker first registers
 * jiti's loader (a dependency of the build tools) and then imports its entry.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { WorkerStart } from './search-protocol';

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
