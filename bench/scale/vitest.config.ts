/**
 * `npm run bench:scale`: one long vitest "test" that builds large notebooks and measures the
 * browser-mode host on them (see README.md). Kept out of `npm test` and `npm run bench`: its
 * file is not a `*.test.ts` or `*.bench.ts`. vitest runs it because the store's sources are
 * TypeScript with Vite imports (`?raw`).
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['bench/scale/scale.run.ts'],
    environment: 'node',
    // Hours, not seconds: a 50,000-article notebook takes long to build and to index.
    testTimeout: 6 * 60 * 60 * 1000,
    hookTimeout: 60_000,
    execArgv: ['--expose-gc', '--max-old-space-size=8192'],
  },
});
