/**
 * End-to-end suite. Two projects run the same specs: `web` (browser mode in Debian's Chromium)
 * and `electron` (the desktop app; its tests report "skipped" with the reason when this machine
 * has no Electron binary). `E2E_TARGET=web` or `E2E_TARGET=electron` runs only one of them.
 * The suite drives the build in `out/` — `npm test` builds first; run `npm run build` before
 * `npx playwright test` by hand.
 */
import { defineConfig } from '@playwright/test';
import type { Target } from './e2e/fixtures';

const TARGETS: Target[] = ['web', 'electron'];
const only = process.env.E2E_TARGET;
if (only !== undefined && only !== '' && !TARGETS.includes(only as Target)) {
  throw new Error(`E2E_TARGET must be "web" or "electron", not "${only}".`);
}

export default defineConfig<object, { target: Target }>({
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // This machine has 2 cores; each test also runs its own server process.
  workers: 2,
  // Upper bounds, never waits: every step waits for a state and goes on as soon as it holds.
  // Measured with two CPU hogs beside the suite (as on a busy 2-core CI machine), a 10,000-
  // article start, a download-and-import, or two tabs in step took past 5 s a step and 30 s a test.
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['./e2e/support/skip-reasons-reporter.ts'], ['list']],
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      // Without the networking switches Chromium keeps calling home on a closed network.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: TARGETS.filter((target) => !only || only === target).map((target) => ({ name: target, use: { target } })),
});
