import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  test: {
    include: ['src-main/**/*.test.ts', 'src-renderer/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    // Component tests opt into jsdom with a `// @vitest-environment jsdom` docblock.
    environment: 'node',
    setupFiles: ['src-renderer/test-support/preload-lazy.ts'],
    // An upper bound, never a wait: a busy 2-core CI machine running two files at once can
    // take several times longer than a quiet one over a heavy test (a 200 MB page, a sanitizer pass).
    testTimeout: 60_000,
    // Vitest's default is one worker per core but one: a single worker on a 2-core machine, which
    // leaves a core idle while the many tests that wait on child processes, git servers and
    // disk wait. Two files at a time keep both cores busy.
    maxWorkers: 2,
  },
});
