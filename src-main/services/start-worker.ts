/**
 * Starts one of the main side's worker threads by its entry's name. Built (out/main), each
 * worker is its own bundle beside the main bundles (see electron.vite.config.ts). From the
 * TypeScript sources (the unit tests, the command line's tests), Node cannot load the worker's
 * .ts files by itself, so the worker first registers jiti's loader and then imports its entry;
 * jiti keeps what it transpiles in node_modules/.cache/jiti (keyed by content), as vite does.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

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
