/**
 * The fixtures every spec uses. Specs are written once against `app` and run on two targets
 * (Playwright projects): `web` — browser mode's real server and store, driven in Debian's
 * Chromium — and `electron` — the desktop app, skipped with the reason when this machine has
 * no Electron binary.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, type Browser } from '@playwright/test';
import type { App, Target } from './support/app';
import { findElectronBinary } from './support/electron-binary';
import { ElectronApp } from './support/electron-app';
import { WebApp } from './support/web-app';
import { attachOnFailure } from './support/second-host';

export { expect } from '@playwright/test';
export type { App, Target };

interface WorkerFixtures {
  /** Which app the specs drive; set per project in playwright.config.ts. */
  target: Target;
  /** Chromium, launched only for the web target (so the electron project never starts it). */
  webBrowser: Browser | undefined;
}

export const test = base.extend<{ app: App }, WorkerFixtures>({
  target: ['web', { option: true, scope: 'worker' }],

  // Chromium writes caches and settings under XDG folders; keep them out of the home folder.
  launchOptions: [
    async ({ launchOptions }, use) => {
      const home = await mkdtemp(join(tmpdir(), 'marginalia-chromium-'));
      await use({
        ...launchOptions,
        env: { ...process.env, XDG_CONFIG_HOME: join(home, 'config'), XDG_CACHE_HOME: join(home, 'cache') },
      });
      await rm(home, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],

  webBrowser: [
    async ({ target, playwright, launchOptions, headless }, use) => {
      if (target !== 'web') return use(undefined);
      const browser = await playwright.chromium.launch({ headless, ...launchOptions });
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],

  app: async ({ target, webBrowser }, use, testInfo) => {
    let executablePath = '';
    if (target === 'electron') {
      const binary = findElectronBinary();
      if (!binary.found) testInfo.skip(true, `Electron binary not available on this machine: ${binary.reason}`);
      else executablePath = binary.path;
    }
    const notebookDir = await mkdtemp(join(tmpdir(), 'marginalia-e2e-'));
    let app: App | undefined;
    try {
      app = target === 'web' ? await WebApp.launch(webBrowser!, notebookDir) : await ElectronApp.launch(executablePath, notebookDir);
      await use(app);
    } finally {
      if (app) await attachOnFailure(app, testInfo);
      await app?.dispose();
      await rm(notebookDir, { recursive: true, force: true });
    }
  },
});
