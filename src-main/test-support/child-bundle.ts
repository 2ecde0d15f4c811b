/**
 * Test child processes (the crash and sync kill tests start dozens) built once per test file
 * into plain JavaScript, laid out as the app's build is: entries side by side, shared code in
 * `chunks/`, so a worker thread an entry starts is found beside it (see start-worker.ts).
 * Node starts such a child in ~0.4 s; through the TypeScript hooks (ts-register.mjs), which
 * resolve and load each of some 200 modules across a thread, it took ~1.8 s, which was most of
 * the kill tests' time. The bundle imports its packages from this repository's node_modules,
 * so it is written under it.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface ChildBundle {
  /** The built entry `name`, to run with `node`. */
  entry(name: string): string;
  remove(): Promise<void>;
}

/** Builds `entries` (name → source path from the repository root). */
export async function bundleChildren(entries: Record<string, string>): Promise<ChildBundle> {
  const parent = join(ROOT, 'node_modules', '.cache', 'marginalia-test-children');
  await mkdir(parent, { recursive: true });
  const outDir = await mkdtemp(join(parent, 'bundle-'));
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    build: {
      ssr: true,
      outDir,
      emptyOutDir: false,
      minify: false,
      target: 'node20',
      rollupOptions: {
        input: Object.fromEntries(Object.entries(entries).map(([name, path]) => [name, join(ROOT, path)])),
        output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
      },
    },
  });
  return {
    entry: (name) => join(outDir, `${name}.js`),
    remove: () => rm(outDir, { recursive: true, force: true }),
  };
}
