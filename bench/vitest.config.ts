/** Benchmarks: `npm run bench`. One `*.bench.ts` file per thing measured; see README.md. */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    benchmark: { include: ['bench/**/*.bench.ts'] },
    environment: 'node',
    // One bench at a time, so benches do not compete for the two cores.
    fileParallelism: false,
    // The search bench measures index memory after a forced collection.
    execArgv: ['--expose-gc'],
  },
});
