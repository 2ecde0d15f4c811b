import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const root = import.meta.dirname;

/** Copies the bundled citation styles beside the main bundles (out/main/csl), where csl-styles.ts reads them. */
const citationStyles = {
  name: 'marginalia-citation-styles',
  generateBundle(this: { emitFile(file: { type: 'asset'; fileName: string; source: string }): void }) {
    const folder = resolve(root, 'resources/csl');
    for (const file of readdirSync(folder)) this.emitFile({ type: 'asset', fileName: `csl/${file}`, source: readFileSync(resolve(folder, file), 'utf8') });
  },
};

export default defineConfig({
  main: {
    plugins: [citationStyles],
    build: {
      rollupOptions: {
        // index: the Electron app; serve: browser mode (plain Node, never imports electron);
        // cli: the command line (plain Node);
        // search-worker, export-worker, import-worker and sync-worker: worker threads, started by both hosts.
        input: {
          index: resolve(root, 'src-main/index.ts'),
          serve: resolve(root, 'src-main/serve.ts'),
          'search-worker': resolve(root, 'src-main/services/search/search-worker.ts'),
          cli: resolve(root, 'src-main/cli.ts'),
          'export-worker': resolve(root, 'src-main/services/export/export-worker.ts'),
          'import-worker': resolve(root, 'src-main/services/import/import-worker.ts'),
          'sync-worker': resolve(root, 'src-main/services/sync/sync-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve(root, 'src-main/preload/index.ts') },
        // A sandboxed window cannot load an ESM preload.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src-renderer'),
    build: {
      // electron-vite leaves the renderer unminified; browser mode sends it over HTTP.
      minify: true,
      rollupOptions: { input: resolve(root, 'src-renderer/index.html') },
    },
    plugins: [react()],
  },
});
