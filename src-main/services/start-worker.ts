/**
 * Starts one of the main side's worker threads by its entry's name. Built (out/main), each
 * worker is its own bundle beside the main bundles (see electron.vite.config.ts). From the
 * TypeScript sources (the unit tests, the command line's tests), Node cannot load the worker's
 * .ts files by itself, so the worker first registers jiti's loader and then imports its entry;
 * jiti keeps what it transpiles in node_modules/.cache/jiti (keyed by content), as vite does.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, Worker, type MessagePort, type WorkerOptions } from 'node:worker_threads';

/**
 * How long a worker that runs jobs (imports, exports) is kept once it has none: then it is
 * stopped, so that what its last job left in its heap is given back (a thread's heap is not
 * otherwise: an export of 10,000 articles left the host at 663 MB, from 260 before it).
 */
export const IDLE_WORKER_MS = 60_000;

/**
 * Starts the worker `name` (its entry `<name>.ts` beside the caller, built as `<name>.js`).
 * `here` is the caller's `import.meta.url`: the sources' folder, or where the build put the
 * caller's code — an entry (out/main/) or a shared chunk (out/main/chunks/).
 */
export function startWorker(here: string, name: string, options: WorkerOptions = {}): Worker {
  if (here.endsWith('.ts')) {
    const entry = new URL(`./${name}.ts`, here).href;
    return new Worker(`import('jiti/register').then(() => import(${JSON.stringify(entry)}))`, { ...options, eval: true });
  }
  const built = [`./${name}.js`, `../${name}.js`].map((path) => new URL(path, here)).find((url) => existsSync(fileURLToPath(url)));
  if (!built) throw new Error(`The ${name.replaceAll('-', ' ')} (${name}.js) is missing from the build.`);
  return new Worker(built, options);
}

/** This thread's end of a channel to a worker's code, used as a worker is. */
export interface ThreadEndpoint {
  postMessage(message: unknown): void;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  on(event: 'message', listener: (message: never) => void): unknown;
  ref(): void;
  unref(): void;
  terminate(): Promise<unknown>;
}

/**
 * Runs a worker's code on this thread: `serve` answers on one end of a message channel what
 * a worker would, and the other end is used as the worker is (for tests that are not about
 * the thread, and hosts that cannot start one).
 */
export function startInProcess(serve: (port: MessagePort) => void): ThreadEndpoint {
  const { port1, port2 } = new MessageChannel();
  serve(port2);
  const endpoint: ThreadEndpoint = {
    postMessage: (message) => port1.postMessage(message),
    on: (event: string, listener: (value: never) => void) => (event === 'message' ? port1.on('message', listener as (value: unknown) => void) : endpoint),
    ref: () => port1.ref(),
    unref: () => port1.unref(),
    terminate: async () => port1.close(),
  };
  return endpoint;
}
