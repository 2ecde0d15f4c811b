import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const root = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        // index: the Electron app; serve: browser mode (plain Node, never imports electron);
        // cli: the command line (plain Node);
        // search-worker: the search index's worker thread, started by both.
        input: {
          index: resolve(root, 'src-main/index.ts'),
          serve: resolve(root, 'src-main/serve.ts'),
          'search-worker': resolve(root, 'src-main/services/search/search-worker.ts'),
          cli: resolve(root, 'src-main/cli.ts'),
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
